using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TechMarket.Domain.Organizations;
using TechMarket.Infrastructure.Alerts;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Identity;
using TechMarket.Infrastructure.Mail;
using TechMarket.Infrastructure.Outbox;
using TechMarket.Web.Catalogue;
using TechMarket.Web.Tests.Infrastructure;
using static TechMarket.Web.Tests.CatalogueWorkflowTests;

namespace TechMarket.Web.Tests;

/// <summary>
/// Issue 8, demand alerts in the second direction over HTTP: a company publishes a demand, the verified universities whose
/// published listings match its public text are alerted (page and daily digest), nobody else is, and nothing confidential
/// leaves the demand's NDA gate.
/// </summary>
public abstract class OrganisationDemandAlertTests(TechMarketSite site)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Confidential = "机密工艺参数甲乙丙";
    private const string ConfidentialGoal = "冻后存活率机密指标丁戊";

    [Fact]
    public async Task Publishing_a_demand_alerts_the_matching_organisation_only_its_members_see_it_and_the_digest_mails_it_once()
    {
        site.SkipUnlessAvailable();
        var (matching, matchingOrg, matchingEmail) = await NewUniversityAsync("匹配示例大学");
        var (unrelated, unrelatedOrg, unrelatedEmail) = await NewUniversityAsync("无关示例研究院");
        var listing = await PublishAsync(matching, "一种含海藻糖的间充质干细胞冻存液及其复苏方法");
        var other = await PublishAsync(unrelated, "一种中药材饮片的炮制设备");
        await WaitForIndexAsync(listing, other);

        // Query syntax in the title is plain text: the matcher neither fails nor misses.
        var company = await Accounts.SignedInAsync(site, Accounts.Company);
        var demandId = await PostDemandAsync(company, "间充质干细胞“冻存”(海藻糖) AND 复苏* \\ 工艺", "寻求提高间充质干细胞冻存复苏后活性的海藻糖冻存工艺");
        await WaitForMatchingAsync(demandId);
        var match = site.WithDb(db => db.DemandOrganisationMatches.AsNoTracking().Single(m => m.DemandId == demandId && m.OrganizationId == matchingOrg));
        Assert.Equal(listing, match.ListingIds[0]);
        Assert.False(site.WithDb(db => db.DemandOrganisationMatches.Any(m => m.DemandId == demandId && m.OrganizationId == unrelatedOrg)));
        Assert.Equal(0, site.WithDb(db => db.ListingOutbox.Single(m => m.Type == OutboxTypes.DemandOpened && m.Payload.Contains(demandId.ToString())).Attempts));

        // The matched organisation's page: the public summary, its listing, the link to the demand; nothing confidential.
        var seller = await Accounts.SignedInAsync(site, matchingEmail);
        var workspace = await Html.ParseAsync(await seller.GetAsync(new Uri("/seller/listings", UriKind.Relative), Ct));
        Assert.Equal("/seller/demand-matches", workspace.QuerySelector("#demand-matches-link")!.GetAttribute("href"));
        var response = await seller.GetAsync(new Uri("/seller/demand-matches", UriKind.Relative), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var page = await Html.ParseAsync(response);
        var item = page.QuerySelector($"#demand-matches .demand-match[data-demand='{demandId}']");
        Assert.NotNull(item);
        Assert.Equal($"/demands/{demandId}", item.QuerySelector(".demand-link")!.GetAttribute("href"));
        Assert.Contains("海藻糖冻存工艺", item.QuerySelector(".demand-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(item.QuerySelector($".matched-listings li[data-listing='{listing}'] a[href='/listings/{listing}']"));
        Assert.DoesNotContain(Confidential, html, StringComparison.Ordinal);
        Assert.DoesNotContain(ConfidentialGoal, html, StringComparison.Ordinal);

        // Nobody else sees the match: another university, the demand's owner and a lender get their own (empty) list;
        // an unverified organisation is refused (the access-denied page); anonymous users are sent to sign in.
        foreach (var client in new[] { unrelated, company, await Accounts.SignedInAsync(site, Accounts.Lender) })
        {
            var theirs = await client.GetAsync(new Uri("/seller/demand-matches", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, theirs.StatusCode);
            Assert.Null((await Html.ParseAsync(theirs)).QuerySelector($".demand-match[data-demand='{demandId}']"));
        }
        Assert.NotNull((await Html.ParseAsync(await unrelated.GetAsync(new Uri("/seller/demand-matches", UriKind.Relative), Ct))).QuerySelector("#no-demand-matches"));
        var refused = await (await Accounts.SignedInAsync(site, Accounts.Unverified)).GetAsync(new Uri("/seller/demand-matches", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/Account/AccessDenied", refused.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(HttpStatusCode.OK, (await Accounts.NewClient(site).GetAsync(new Uri("/seller/demand-matches", UriKind.Relative), Ct)).StatusCode);

        // Daily digest: the section once, the demand once, nothing confidential; the next day nothing again.
        // 08:30 Beijing tomorrow: the digest mails demands still open for proposals (deadline in 60 days).
        var beijing = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        var clock = new FakeTimeProvider(new DateTimeOffset(beijing.Date.AddDays(1).AddHours(8.5), TimeSpan.FromHours(8)).ToUniversalTime());
        var mail = Assert.Single(await DigestMailsAsync(clock, matchingEmail));
        var text = mail.TextBody!;
        Assert.Equal(1, Occurrences(text, "新的匹配需求"));
        Assert.Equal(1, Occurrences(text, $"/demands/{demandId}"));
        Assert.Contains("一种含海藻糖的间充质干细胞冻存液及其复苏方法", text, StringComparison.Ordinal);
        Assert.Contains("/saved-searches/unsubscribe?token=", text, StringComparison.Ordinal);
        foreach (var body in new[] { text, mail.HtmlBody! })
        {
            Assert.DoesNotContain(Confidential, body, StringComparison.Ordinal);
            Assert.DoesNotContain(ConfidentialGoal, body, StringComparison.Ordinal);
        }
        Assert.Empty(await DigestMailsAsync(clock, unrelatedEmail));
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Empty(await DigestMailsAsync(clock, matchingEmail));

        // One-click unsubscribe: a later match stays on the page but is no longer mailed.
        var link = text.Split('\n').Select(l => l.Trim()).First(l => l.Contains("/saved-searches/unsubscribe?token=", StringComparison.Ordinal));
        var done = await PostFormAsync(Accounts.NewClient(site), new Uri(link[link.IndexOf("http", StringComparison.Ordinal)..]).PathAndQuery, "#unsubscribe-form", []);
        Assert.NotNull((await Html.ParseAsync(done)).QuerySelector("#unsubscribed"));
        var second = await PostDemandAsync(company, "海藻糖间充质干细胞冻存液规模化制备", "寻求海藻糖冻存液的规模化制备工艺");
        await WaitForMatchingAsync(second);
        Assert.True(site.WithDb(db => db.DemandOrganisationMatches.Any(m => m.DemandId == second && m.OrganizationId == matchingOrg)));
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Empty(await DigestMailsAsync(clock, matchingEmail));
        var after = await Html.ParseAsync(await seller.GetAsync(new Uri("/seller/demand-matches", UriKind.Relative), Ct));
        Assert.NotNull(after.QuerySelector($".demand-match[data-demand='{second}']"));
        Assert.Contains("已关闭", after.QuerySelector("#mail-status")!.TextContent, StringComparison.Ordinal);

        // Turned back on from the page: the next new demand is mailed, the one matched while off is not.
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(seller, "/seller/demand-matches", "#mail-form", [])).StatusCode);
        Assert.Contains("已开启", (await Html.ParseAsync(await seller.GetAsync(new Uri("/seller/demand-matches", UriKind.Relative), Ct))).QuerySelector("#mail-status")!.TextContent, StringComparison.Ordinal);
        var third = await PostDemandAsync(company, "海藻糖冻存的间充质干细胞冷链运输", "寻求海藻糖冻存间充质干细胞的冷链运输工艺");
        await WaitForMatchingAsync(third);
        clock.Advance(TimeSpan.FromDays(1));
        var resumed = Assert.Single(await DigestMailsAsync(clock, matchingEmail)).TextBody!;
        Assert.Equal(1, Occurrences(resumed, $"/demands/{third}"));
        Assert.DoesNotContain($"/demands/{second}", resumed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Running_the_matcher_again_or_twice_at_once_stores_one_match_per_organisation()
    {
        site.SkipUnlessAvailable();
        var (university, org, _) = await NewUniversityAsync("重复匹配示例大学");
        var listing = await PublishAsync(university, "一种基于纳米孔测序的病原宏基因组快速鉴定方法");
        await WaitForIndexAsync(listing);
        var demandId = await PostDemandAsync(await Accounts.SignedInAsync(site, Accounts.Company), "纳米孔测序病原宏基因组鉴定", "寻求纳米孔测序用于病原快速鉴定的新途径");
        await WaitForMatchingAsync(demandId);
        int Rows() => site.WithDb(db => db.DemandOrganisationMatches.Count(m => m.DemandId == demandId && m.OrganizationId == org));
        Assert.Equal(1, Rows());
        var total = site.WithDb(db => db.DemandOrganisationMatches.Count(m => m.DemandId == demandId));

        Assert.Equal(0, await RunMatcherAsync(demandId));
        Assert.Equal(total, site.WithDb(db => db.DemandOrganisationMatches.Count(m => m.DemandId == demandId)));

        // Two nodes at once on a demand without matches: the unique key lets one store each organisation; the loser's
        // error (if it lost a race) leaves nothing behind, and its retry adds nothing.
        site.WithDb(db => db.DemandOrganisationMatches.Where(m => m.DemandId == demandId).ExecuteDelete());
        var runs = await Task.WhenAll(RunCatchingAsync(demandId), RunCatchingAsync(demandId));
        Assert.All(runs, r => Assert.True(r is null or DbUpdateException, r?.ToString()));
        Assert.Equal(0, await RunMatcherAsync(demandId));
        Assert.Equal(1, Rows());
        Assert.Equal(total, site.WithDb(db => db.DemandOrganisationMatches.Count(m => m.DemandId == demandId)));
    }

    [Fact]
    public async Task A_word_only_the_confidential_details_contain_does_not_match()
    {
        site.SkipUnlessAvailable();
        var (university, org, _) = await NewUniversityAsync("保密词示例大学");
        var listing = await PublishAsync(university, "一种钙钛矿量子点荧光探针及其制备方法");
        await WaitForIndexAsync(listing);
        // The listing is findable by the confidential words, so a match on them would have been possible.
        Assert.Contains(listing, await SearchIdsAsync("钙钛矿量子点荧光探针"));

        var demandId = await PostDemandAsync(await Accounts.SignedInAsync(site, Accounts.Company), "肿瘤早筛血液标志物分析", "寻求灵敏度更高的肿瘤早筛分析手段",
            problem: "拟采用钙钛矿量子点荧光探针提高信号", goals: "钙钛矿量子点荧光探针检出限低于 1 pg/mL");
        await WaitForMatchingAsync(demandId);
        Assert.False(site.WithDb(db => db.DemandOrganisationMatches.Any(m => m.DemandId == demandId && m.OrganizationId == org)));
        var page = await Html.ParseAsync(await university.GetAsync(new Uri("/seller/demand-matches", UriKind.Relative), Ct));
        Assert.Null(page.QuerySelector($".demand-match[data-demand='{demandId}']"));
    }

    // ---- helpers ----

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private async Task<int> RunMatcherAsync(Guid demandId)
    {
        using var scope = site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MatchOrganisations>().RunAsync(demandId, Ct);
    }

    private async Task<Exception?> RunCatchingAsync(Guid demandId)
    {
        try
        {
            await RunMatcherAsync(demandId);
            return null;
        }
#pragma warning disable CA1031 // The test inspects which exception the losing run raised.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return e;
        }
    }

    private async Task<List<MimeKit.MimeMessage>> DigestMailsAsync(FakeTimeProvider clock, string email)
    {
        var before = MailFiles();
        using (var scope = site.Services.CreateScope())
        {
            var services = scope.ServiceProvider;
            await new SendMatchedDemandDigests(services.GetRequiredService<TechMarketDbContext>(), services.GetRequiredService<IMailSender>(),
                clock, services.GetRequiredService<IConfiguration>()).RunAsync(Ct);
        }
        var mails = new List<MimeKit.MimeMessage>();
        foreach (var file in MailFiles().Except(before)) mails.Add(await MimeKit.MimeMessage.LoadAsync(file, Ct));
        return [.. mails.Where(m => m.To.ToString().Contains(email, StringComparison.OrdinalIgnoreCase) && m.Subject == SendMatchedDemandDigests.Subject)];
    }

    private string[] MailFiles() => Directory.Exists(site.MailFolder) ? Directory.GetFiles(site.MailFolder, "*.eml") : [];

    private static async Task<Guid> PostDemandAsync(HttpClient company, string title, string summary, string problem = Confidential, string goals = ConfidentialGoal)
    {
        var posted = await PostFormAsync(company, "/demands/new", "#demand-form", [
            new("Input.Title", title), new("Input.PublicSummary", summary), new("Input.Problem", problem),
            new("Input.GoalsAndIndicators", goals), new("Input.BudgetMinWan", "30"), new("Input.BudgetMaxWan", "50"),
            new("Input.Deadline", DateTime.UtcNow.AddHours(8).Date.AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), new("Input.Industry", "Biomedicine")]);
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect, "demand not posted: " + await posted.Content.ReadAsStringAsync(Ct));
        return Guid.Parse(posted.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    /// <summary>The seller lists a patent (biomedicine) and the center approves it.</summary>
    private async Task<Guid> PublishAsync(HttpClient seller, string title)
    {
        var center = await Accounts.SignedInAsync(site, Accounts.Center);
        var id = await CreateDraftAsync(seller, NewApplicationNumber(), title, "Valid");
        Assert.Null(await SubmitAsync(seller, id));
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(center, "/center/listings", $".review-item[data-listing='{id}'] .approve-form", [])).StatusCode);
        return id;
    }

    private async Task WaitForIndexAsync(params Guid[] listings)
    {
        foreach (var id in listings)
        {
            await WaitAsync(() => site.WithDb(db => db.ListingOutbox.Any(m => m.Type == OutboxTypes.ListingChanged && m.Payload.Contains(id.ToString()))
                && db.ListingOutbox.Where(m => m.Type == OutboxTypes.ListingChanged && m.Payload.Contains(id.ToString())).All(m => m.ProcessedAt != null)), $"listing {id} not indexed");
        }
    }

    /// <summary>Waits for the outbox dispatcher to process the demand's matching message (a wait for the background worker, not a timing bound).</summary>
    private async Task WaitForMatchingAsync(Guid demandId) =>
        await WaitAsync(() => site.WithDb(db => db.ListingOutbox.Any(m => m.Type == OutboxTypes.DemandOpened && m.Payload.Contains(demandId.ToString()) && m.ProcessedAt != null)),
            $"demand {demandId} not matched");

    private static async Task WaitAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail(what);
            await Task.Delay(50, Ct);
        }
    }

    private async Task<HashSet<Guid>> SearchIdsAsync(string q)
    {
        using var body = System.Text.Json.JsonDocument.Parse(await Accounts.NewClient(site).GetStringAsync(new Uri($"/api/v1/search?q={Uri.EscapeDataString(q)}&size=20", UriKind.Relative), Ct));
        return [.. body.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];
    }

    /// <summary>A fresh verified university with one admin member, signed in.</summary>
    private async Task<(HttpClient Client, Guid OrganizationId, string Email)> NewUniversityAsync(string name)
    {
        var email = $"alerts-{Guid.NewGuid():N}@example.cn";
        Guid orgId;
        using (var scope = site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TechMarketDbContext>();
            var org = new Organization(Guid.NewGuid(), name + Guid.NewGuid().ToString("N")[..4], null, OrganizationType.University, null, isDemo: true, createdAt: DateTimeOffset.UtcNow);
            org.MarkVerified(DateTimeOffset.UtcNow);
            db.Organizations.Add(org);
            await db.SaveChangesAsync(Ct);
            orgId = org.Id;
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var created = await users.CreateAsync(new AppUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = name + "用户", OrganizationId = org.Id,
                OrganizationRole = OrganizationRole.Admin, CreatedAt = DateTimeOffset.UtcNow,
            }, Accounts.DemoPassword);
            Assert.True(created.Succeeded);
        }
        return (await Accounts.SignedInAsync(site, email), orgId, email);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteOrganisationDemandAlertTests(SqliteSite site) : OrganisationDemandAlertTests(site);

[Collection(PostgresCollection.Name)]
public sealed class PostgresOrganisationDemandAlertTests(PostgresSite site) : OrganisationDemandAlertTests(site);
