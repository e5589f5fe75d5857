using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TechMarket.Domain.Catalogue;
using TechMarket.Infrastructure.Imports;
using TechMarket.Web.Catalogue;
using TechMarket.Web.Tests.Infrastructure;

namespace TechMarket.Web.Tests;

/// <summary>Issue 4 over HTTP: listing lifecycle with review, outbox indexing, enquiries, saved searches, imports, the catalogue API.</summary>
public abstract class CatalogueWorkflowTests(TechMarketSite site)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Visibility = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Listing_goes_draft_submit_reject_edit_submit_approve_searchable_within_a_second_then_withdrawn_and_gone()
    {
        site.SkipUnlessAvailable();
        var seller = await Accounts.SignedInAsync(site, Accounts.University);
        var center = await Accounts.SignedInAsync(site, Accounts.Center);
        var title = "一种石墨烯复合散热膜及其制备方法";
        var id = await CreateDraftAsync(seller, NewApplicationNumber(), title, "Valid", price: "80");

        Assert.True(await SubmitAsync(seller, id) is null);
        Assert.Equal(ListingStatus.Submitted, Status(id));

        var rejected = await PostFormAsync(center, "/center/listings", $".review-item[data-listing='{id}'] .reject-form", [new("Reason", "请补充许可费说明")]);
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        Assert.Equal(ListingStatus.Rejected, Status(id));
        var mine = await Html.ParseAsync(await seller.GetAsync(new Uri("/seller/listings", UriKind.Relative), Ct));
        Assert.Contains("请补充许可费说明", mine.QuerySelector($"tr[data-listing='{id}'] .rejection-reason")!.TextContent, StringComparison.Ordinal);

        var edited = await PostFormAsync(seller, $"/seller/listings/edit/{id}", "#listing-form", DraftFields(null, null, "Valid", price: "60"));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal(60_0000_00L, site.WithDb(db => db.Listings.Single(l => l.Id == id).PriceFen));
        Assert.True(await SubmitAsync(seller, id) is null);

        // Not searchable before approval.
        Assert.DoesNotContain(id, await SearchIdsAsync(title));
        var approved = await PostFormAsync(center, "/center/listings", $".review-item[data-listing='{id}'] .approve-form", []);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.True(await EventuallyAsync(async () => (await SearchIdsAsync(title)).Contains(id)), "published listing not searchable within 1 s");

        var actions = site.WithDb(db => db.AuditLog.Where(a => a.EntityType == "Listing" && a.EntityId == id.ToString()).OrderBy(a => a.Id).Select(a => a.Action).ToList());
        Assert.Equal(["listing.created", "listing.submitted", "listing.rejected", "listing.edited", "listing.submitted", "listing.approved"], actions);
        Assert.Equal("请补充许可费说明", site.WithDb(db => db.AuditLog.Single(a => a.EntityId == id.ToString() && a.Action == "listing.rejected").Reason));

        var withdrawn = await PostFormAsync(seller, $"/seller/listings/withdraw/{id}", "#withdraw-form", []);
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal(ListingStatus.Withdrawn, Status(id));
        Assert.True(await EventuallyAsync(async () => !(await SearchIdsAsync(title)).Contains(id)), "withdrawn listing still searchable after 1 s");
        Assert.Equal(HttpStatusCode.NotFound, (await Accounts.NewClient(site).GetAsync(new Uri($"/api/v1/listings/{id}", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task Drafts_are_404_to_others_on_the_page_and_the_api_published_listings_answer_with_every_field()
    {
        site.SkipUnlessAvailable();
        var seller = await Accounts.SignedInAsync(site, Accounts.University);
        var draft = await CreateDraftAsync(seller, NewApplicationNumber(), "一种草稿状态的测试装置", "Valid");
        var company = await Accounts.SignedInAsync(site, Accounts.Company);
        foreach (var client in new[] { Accounts.NewClient(site), company })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/listings/{draft}", UriKind.Relative), Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/api/v1/listings/{draft}", UriKind.Relative), Ct)).StatusCode);
        }
        // Nor can another organisation edit or withdraw it.
        var lender = await Accounts.SignedInAsync(site, Accounts.Lender);
        Assert.Equal(HttpStatusCode.NotFound, (await lender.GetAsync(new Uri($"/seller/listings/edit/{draft}", UriKind.Relative), Ct)).StatusCode);

        var published = await PublishAsync("一种带有主要权利要求的传感器封装结构");
        var api = await Accounts.NewClient(site).GetAsync(new Uri($"/api/v1/listings/{published}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        using var body = JsonDocument.Parse(await api.Content.ReadAsStringAsync(Ct));
        Assert.Equal("valid", body.RootElement.GetProperty("legalStatus").GetString());
        Assert.Equal("biomedicine", body.RootElement.GetProperty("industry").GetString());
        Assert.Equal(["H01M10/0525", "H01M4/505"], body.RootElement.GetProperty("ipcCodes").EnumerateArray().Select(c => c.GetString()));
        var page = await Html.ParseAsync(await Accounts.NewClient(site).GetAsync(new Uri($"/listings/{published}", UriKind.Relative), Ct));
        Assert.Contains("有效", page.QuerySelector("#legal-status")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("已许可某公司普通许可", page.QuerySelector("#encumbrances")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#enquiry-button"));
        Assert.NotNull(page.QuerySelector("#key-claims"));
    }

    [Fact]
    public async Task Legal_status_gate_refuses_submission_with_its_message()
    {
        site.SkipUnlessAvailable();
        var seller = await Accounts.SignedInAsync(site, Accounts.University);
        var arrears = await CreateDraftAsync(seller, NewApplicationNumber(), "一种年费滞纳的测试专利", "FeeArrears");
        var problems = await SubmitAsync(seller, arrears);
        Assert.Contains("专利年费处于滞纳期", problems, StringComparison.Ordinal);
        Assert.Equal(ListingStatus.Draft, Status(arrears));

        var missing = await CreateDraftAsync(seller, NewApplicationNumber(), "一种未填法律状态的测试专利", "");
        Assert.Contains("请填写专利的法律状态", await SubmitAsync(seller, missing), StringComparison.Ordinal);

        var pledged = await CreateDraftAsync(seller, NewApplicationNumber(), "一种已质押的测试专利", "Valid", extra: [new("Input.IsPledged", "true")]);
        Assert.Contains("民法典第 444 条", await SubmitAsync(seller, pledged), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_keeps_input_and_names_the_field_for_a_wrong_check_digit_and_bad_ipc()
    {
        site.SkipUnlessAvailable();
        var seller = await Accounts.SignedInAsync(site, Accounts.University);
        var good = NewApplicationNumber();
        var wrong = good[..^1] + (good[^1] == '1' ? '2' : '1');
        var fields = DraftFields(wrong, "一种校验位错误的专利", "Valid");
        fields.RemoveAll(f => f.Key == "Input.IpcCodes");
        fields.Add(new("Input.IpcCodes", "Z99"));
        var response = await PostFormAsync(seller, "/seller/listings/edit/", "#listing-form", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("/", page.QuerySelector("[data-valmsg-for='Input.Number']")!.TextContent, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("[data-valmsg-for='Input.IpcCodes']")!.TextContent));
        Assert.Equal("一种校验位错误的专利", ((IHtmlInputElement)page.QuerySelector("#Input_Title")!).Value);
    }

    [Fact]
    public async Task Co_owned_patent_needs_every_co_owners_consent_for_assignment()
    {
        site.SkipUnlessAvailable();
        var seller = await Accounts.SignedInAsync(site, Accounts.University);
        var id = await CreateDraftAsync(seller, NewApplicationNumber(), "一种共有专利的测试方法", "Valid", extra: [new("Input.CoOwners", "某某研究院\n某某公司")]);
        var problems = await SubmitAsync(seller, id);
        Assert.Contains("全体共有人同意", problems, StringComparison.Ordinal);
        Assert.Contains("某某研究院", problems, StringComparison.Ordinal);

        foreach (var owner in new[] { "某某研究院", "某某公司" })
        {
            var page = await Html.ParseAsync(await seller.GetAsync(new Uri($"/seller/listings/edit/{id}", UriKind.Relative), Ct));
            var form = page.QuerySelectorAll<IHtmlFormElement>(".consent-form").First(f => f.QuerySelector("input[name=coOwner]")!.GetAttribute("value") == owner);
            Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(seller, form)).StatusCode);
        }
        Assert.Null(await SubmitAsync(seller, id));
        Assert.Equal(ListingStatus.Submitted, Status(id));
    }

    [Fact]
    public async Task Enquiry_thread_is_private_to_the_two_organisations_until_the_center_is_asked_to_broker()
    {
        site.SkipUnlessAvailable();
        var listing = await PublishAsync("一种用于咨询测试的电池管理系统");
        var company = await Accounts.SignedInAsync(site, Accounts.Company);
        var started = await PostFormAsync(company, $"/listings/{listing}/enquire", "#enquiry-form", [new("Message", "请问可否独占许可？<script>alert(1)</script>")]);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var thread = started.Headers.Location!.ToString();

        var seller = await Accounts.SignedInAsync(site, Accounts.University);
        var sellerView = await seller.GetAsync(new Uri(thread, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, sellerView.StatusCode);
        var html = await sellerView.Content.ReadAsStringAsync(Ct);
        Assert.Contains("请问可否独占许可？&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(seller, thread, "#reply-form", [new("Message", "可以，价格面议")])).StatusCode);

        var other = await Accounts.SignedInAsync(site, Accounts.Lender);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri(thread, UriKind.Relative), Ct)).StatusCode);
        var center = await Accounts.SignedInAsync(site, Accounts.Center);
        Assert.Equal(HttpStatusCode.NotFound, (await center.GetAsync(new Uri(thread, UriKind.Relative), Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(company, thread, "#broker-form", [])).StatusCode);
        var brokered = await Html.ParseAsync(await center.GetAsync(new Uri(thread, UriKind.Relative), Ct));
        Assert.Equal(2, brokered.QuerySelectorAll(".message").Length);
        Assert.Null(brokered.QuerySelector("#reply-form"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri(thread, UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(1, site.WithDb(db => db.Enquiries.Count(e => e.ListingId == listing)));
    }

    [Fact]
    public async Task Saved_search_digest_mails_new_matches_with_an_unsubscribe_link_that_works_without_sign_in()
    {
        site.SkipUnlessAvailable();
        var company = await Accounts.SignedInAsync(site, Accounts.Company);
        var title = "一种用于订阅测试的钙钛矿光伏组件";
        var saved = await PostFormAsync(company, "/search?q=" + Uri.EscapeDataString(title), "#save-search-form", []);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var listing = await PublishAsync(title);
        Assert.True(await EventuallyAsync(async () => (await SearchIdsAsync(title)).Contains(listing)));

        var before = MailFiles();
        using (var scope = site.Services.CreateScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<SendSavedSearchDigests>().RunAsync(Ct) >= 1);
        }
        var mails = new List<MimeKit.MimeMessage>();
        foreach (var file in MailFiles().Except(before)) mails.Add(await MimeKit.MimeMessage.LoadAsync(file, Ct));
        var digest = Assert.Single(mails, m => m.To.ToString().Contains(Accounts.Company, StringComparison.Ordinal) && (m.TextBody ?? "").Contains(title, StringComparison.Ordinal));
        var link = digest.TextBody!.Split('\n').Select(l => l.Trim()).First(l => l.Contains("/saved-searches/unsubscribe?token=", StringComparison.Ordinal));
        var path = new Uri(link[link.IndexOf("http", StringComparison.Ordinal)..]).PathAndQuery;

        var anonymous = Accounts.NewClient(site);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri("/saved-searches/unsubscribe?token=nope", UriKind.Relative), Ct)).StatusCode);
        var done = await PostFormAsync(anonymous, path, "#unsubscribe-form", []);
        Assert.NotNull((await Html.ParseAsync(done)).QuerySelector("#unsubscribed"));
        Assert.True(site.WithDb(db => db.SavedSearches.Any(s => s.QueryString.Contains("q=") && s.UnsubscribedAt != null)));

        // Nothing new since the digest: the next run mails nobody for this search.
        var afterFirst = MailFiles();
        using (var scope = site.Services.CreateScope()) await scope.ServiceProvider.GetRequiredService<SendSavedSearchDigests>().RunAsync(Ct);
        Assert.DoesNotContain(MailFiles().Except(afterFirst), f => File.ReadAllText(f).Contains(Accounts.Company, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Demand_alerts_match_new_listings_for_the_owner_only_and_mail_them_once_a_day_until_unsubscribed()
    {
        site.SkipUnlessAvailable();
        var company = await Accounts.SignedInAsync(site, Accounts.Company);
        var posted = await PostFormAsync(company, "/demands/new", "#demand-form", [
            new("Input.Title", "单克隆抗体纯化工艺"), new("Input.PublicSummary", "寻求抗体纯化的新工艺"), new("Input.Problem", "机密：收率偏低"),
            new("Input.GoalsAndIndicators", "收率不低于 80%"), new("Input.BudgetMinWan", "30"), new("Input.BudgetMaxWan", "50"),
            new("Input.Deadline", DateTime.UtcNow.AddHours(8).Date.AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), new("Input.Industry", "Biomedicine")]);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var demandId = Guid.Parse(posted.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);

        var matching = await PublishAsync("一种单克隆抗体纯化工艺及其装置");
        var unrelated = await PublishAsync("一种石墨烯导热涂层的制备方法");
        Assert.True(await WaitAsync(() => site.WithDb(db => db.DemandMatches.Any(m => m.DemandId == demandId && m.ListingId == matching))), "no match recorded");
        Assert.True(await WaitAsync(async () => (await SearchIdsAsync("石墨烯导热涂层")).Contains(unrelated)), "unrelated listing never indexed");
        Assert.Equal([matching], site.WithDb(db => db.DemandMatches.Where(m => m.DemandId == demandId).Select(m => m.ListingId).ToList()));

        // In-app: the owner sees the match; another organisation, the seller and anonymous users do not.
        var page = await Html.ParseAsync(await company.GetAsync(new Uri($"/demands/{demandId}/matches", UriKind.Relative), Ct));
        Assert.NotNull(page.QuerySelector($"#matches tr[data-listing='{matching}']"));
        Assert.Null(page.QuerySelector($"#matches tr[data-listing='{unrelated}']"));
        Assert.NotNull((await Html.ParseAsync(await company.GetAsync(new Uri($"/demands/{demandId}", UriKind.Relative), Ct))).QuerySelector("#matches-link"));
        var lender = await Accounts.SignedInAsync(site, Accounts.Lender);
        Assert.Equal(HttpStatusCode.NotFound, (await lender.GetAsync(new Uri($"/demands/{demandId}/matches", UriKind.Relative), Ct)).StatusCode);
        Assert.Null((await Html.ParseAsync(await lender.GetAsync(new Uri($"/demands/{demandId}", UriKind.Relative), Ct))).QuerySelector("#matches-link"));
        var seller = await Accounts.SignedInAsync(site, Accounts.University);
        Assert.Equal(HttpStatusCode.NotFound, (await seller.GetAsync(new Uri($"/demands/{demandId}/matches", UriKind.Relative), Ct)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await Accounts.NewClient(site).GetAsync(new Uri($"/demands/{demandId}/matches", UriKind.Relative), Ct)).StatusCode);

        // Digest: one mail the first day; a second run the same day sends nothing, even with a new match.
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 4, 1, 0, 30, 0, TimeSpan.Zero)); // 08:30 Beijing.
        var first = await DemandDigestMailsAsync(clock);
        var mail = Assert.Single(first);
        Assert.Contains("一种单克隆抗体纯化工艺及其装置", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("石墨烯", mail.TextBody, StringComparison.Ordinal);
        var second = await PublishAsync("单克隆抗体纯化工艺的连续流改进");
        Assert.True(await WaitAsync(() => site.WithDb(db => db.DemandMatches.Any(m => m.DemandId == demandId && m.ListingId == second))), "second match not recorded");
        clock.Advance(TimeSpan.FromHours(6));
        Assert.Empty(await DemandDigestMailsAsync(clock));
        clock.Advance(TimeSpan.FromDays(1));
        var nextDay = Assert.Single(await DemandDigestMailsAsync(clock));
        Assert.Contains("单克隆抗体纯化工艺的连续流改进", nextDay.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("一种单克隆抗体纯化工艺及其装置", nextDay.TextBody, StringComparison.Ordinal);

        // Unsubscribe through the link in the mail: later matches are no longer mailed, but stay visible in-app.
        var link = nextDay.TextBody!.Split('\n').Select(l => l.Trim()).First(l => l.Contains("/saved-searches/unsubscribe?token=", StringComparison.Ordinal));
        var done = await PostFormAsync(Accounts.NewClient(site), new Uri(link[link.IndexOf("http", StringComparison.Ordinal)..]).PathAndQuery, "#unsubscribe-form", []);
        Assert.NotNull((await Html.ParseAsync(done)).QuerySelector("#unsubscribed"));
        var third = await PublishAsync("一种单克隆抗体纯化工艺用层析介质");
        Assert.True(await WaitAsync(() => site.WithDb(db => db.DemandMatches.Any(m => m.DemandId == demandId && m.ListingId == third))), "third match not recorded");
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Empty(await DemandDigestMailsAsync(clock));
        var after = await Html.ParseAsync(await company.GetAsync(new Uri($"/demands/{demandId}/matches", UriKind.Relative), Ct));
        Assert.Equal(3, after.QuerySelectorAll("#matches tbody tr").Length);
    }

    /// <summary>Runs the demand-match digest at the fake clock's time; returns the mails it sent to the demo company user.</summary>
    private async Task<List<MimeKit.MimeMessage>> DemandDigestMailsAsync(FakeTimeProvider clock)
    {
        var before = MailFiles();
        using (var scope = site.Services.CreateScope())
        {
            var services = scope.ServiceProvider;
            await new SendDemandMatchDigests(services.GetRequiredService<global::TechMarket.Infrastructure.Data.TechMarketDbContext>(), services.GetRequiredService<global::TechMarket.Infrastructure.Mail.IMailSender>(),
                clock, services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()).RunAsync(Ct);
        }
        var mails = new List<MimeKit.MimeMessage>();
        foreach (var file in MailFiles().Except(before)) mails.Add(await MimeKit.MimeMessage.LoadAsync(file, Ct));
        return [.. mails.Where(m => m.To.ToString().Contains(Accounts.Company, StringComparison.Ordinal) && (m.Subject ?? "").Contains("Matched listings", StringComparison.Ordinal))];
    }

    /// <summary>Waits for background indexing and matching; the bound is generous because it is not what is under test.</summary>
    private static async Task<bool> WaitAsync(Func<bool> condition) => await WaitAsync(() => Task.FromResult(condition()));

    private static async Task<bool> WaitAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(50, Ct);
        }
        return true;
    }

    [Fact]
    public async Task Portfolio_csv_import_makes_drafts_of_valid_rows_and_lists_every_rejected_row()
    {
        site.SkipUnlessAvailable();
        var seller = await Accounts.SignedInAsync(site, Accounts.University);
        var template = await seller.GetAsync(new Uri("/seller/imports?handler=Template", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        var header = (await template.Content.ReadAsStringAsync(Ct)).TrimStart('\uFEFF').Split("\r\n")[0];
        var good = NewApplicationNumber();
        var csv = new StringBuilder(header).Append("\r\n")
            .Append(CultureInfo.InvariantCulture, $"ZL{good},一种导入测试的抗体制备方法,发明,2019-03-01,2021-05-06,有效,C07K 16/00,某某大学,张三,摘要,转让,50,6,生物医药\r\n")
            .Append("ZL201710601862.4,一种校验位错误的导入行,发明,2017-07-21,2020-03-10,有效,H01M 4/505,某某大学,李四,摘要,转让,50,6,生物医药\r\n");
        var response = await UploadAsync(seller, "PortfolioCsv", "portfolio.csv", Encoding.UTF8.GetBytes(csv.ToString()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var rows = page.QuerySelectorAll("#rejected-rows tbody tr");
        Assert.Single(rows);
        Assert.Equal("3", rows[0].QuerySelector(".row-number")!.TextContent);
        Assert.Equal("number", rows[0].QuerySelector(".field")!.TextContent);
        var drafts = site.WithDb(db => db.Listings.Include(l => l.Record).Where(l => l.Record!.Title == "一种导入测试的抗体制备方法").ToList());
        var draft = Assert.Single(drafts);
        Assert.Equal(ListingStatus.Draft, draft.Status);
        Assert.Equal(new Guid("6f1c0c2e-0001-4a00-9000-000000000001"), draft.OrganizationId);
        Assert.Equal(LegalStatus.Valid, draft.LegalStatus);
    }

    [Fact]
    public async Task Uspto_xml_import_makes_drafts()
    {
        site.SkipUnlessAvailable();
        var seller = await Accounts.SignedInAsync(site, Accounts.University);
        var file = Path.Combine(RepositoryRoot(), "tests", "TechMarket.Infrastructure.Tests", "samples", "uspto-xml", "xml2006", "US07272630B2.xml");
        var bytes = await File.ReadAllBytesAsync(file, Ct);
        var expected = UsptoXmlImporter.Import(Encoding.UTF8.GetString(bytes), cancellationToken: Ct).Accepted.Count;
        Assert.True(expected > 0);
        var page = await Html.ParseAsync(await UploadAsync(seller, "UsptoXml", "US07272630B2.xml", bytes));
        Assert.Contains(expected.ToString(CultureInfo.InvariantCulture), page.QuerySelector("#import-summary")!.TextContent, StringComparison.Ordinal);
        Assert.True(site.WithDb(db => db.Listings.Count(l => l.Record!.RecordId == "US7272630" && l.Status == ListingStatus.Draft)) >= 1);
    }

    [Fact]
    public async Task Facet_counts_equal_the_totals_of_the_filtered_searches()
    {
        site.SkipUnlessAvailable();
        // The seed records carry few IPC codes: publish one with H01M codes so the IPC facet has a value.
        var withIpc = await PublishAsync("一种锂电池极片的涂布方法");
        Assert.True(await EventuallyAsync(async () => (await SearchIdsAsync("一种锂电池极片的涂布方法")).Contains(withIpc)));
        var client = Accounts.NewClient(site);
        using var all = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/search?q=" + Uri.EscapeDataString("电池") + "&size=1", UriKind.Relative), Ct));
        var facets = all.RootElement.GetProperty("facets");
        foreach (var (facet, parameter) in new[] { ("type", "type"), ("trade_mode", "tradeMode"), ("industry", "industry"), ("ipc_class", "ipc") })
        {
            Assert.True(facets.TryGetProperty(facet, out var values), $"facet {facet} missing; present: {string.Join(", ", facets.EnumerateObject().Select(p => p.Name))}");
            var first = values[0];
            var value = first.GetProperty("value").GetString()!;
            using var filtered = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/search?q={Uri.EscapeDataString("电池")}&{parameter}={Uri.EscapeDataString(value)}&size=1", UriKind.Relative), Ct));
            Assert.Equal(first.GetProperty("count").GetInt64(), filtered.RootElement.GetProperty("total").GetInt64());
        }
        // The search page shows the same counts as filter links.
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/search?q=" + Uri.EscapeDataString("电池"), UriKind.Relative), Ct));
        var typeLink = page.QuerySelector(".facet[data-facet='type'] .facet-link")!;
        Assert.Equal(facets.GetProperty("type")[0].GetProperty("count").GetInt64().ToString(CultureInfo.InvariantCulture), typeLink.GetAttribute("data-count"));
        Assert.Contains("type=", typeLink.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("industry=spaceships", "industry")]
    [InlineData("ipc=Z99", "ipc")]
    [InlineData("ipc=H01M1", "ipc")]
    [InlineData("type=car", "type")]
    [InlineData("size=101", "size")]
    public async Task Invalid_search_parameters_are_400_naming_the_field(string query, string field)
    {
        site.SkipUnlessAvailable();
        var response = await Accounts.NewClient(site).GetAsync(new Uri("/api/v1/search?" + query, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Suggest_and_listing_endpoints_are_in_the_openapi_document()
    {
        site.SkipUnlessAvailable();
        var client = Accounts.NewClient(site);
        using var suggestions = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/suggest?q=" + Uri.EscapeDataString("电池"), UriKind.Relative), Ct));
        Assert.True(suggestions.RootElement.GetArrayLength() > 0);
        var openApi = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct);
        Assert.Contains("/api/v1/listings/{id}", openApi, StringComparison.Ordinal);
        Assert.Contains("/api/v1/suggest", openApi, StringComparison.Ordinal);
        Assert.Contains("\"industry\"", openApi, StringComparison.Ordinal);
    }

    // ---- helpers ----

    private ListingStatus Status(Guid id) => site.WithDb(db => db.Listings.Single(l => l.Id == id).Status);

    private string[] MailFiles() => Directory.Exists(site.MailFolder) ? Directory.GetFiles(site.MailFolder, "*.eml") : [];

    /// <summary>A fresh CN invention application number with a correct ZC 0006-2003 check digit.</summary>
    internal static string NewApplicationNumber()
    {
        var digits = "20191" + Random.Shared.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);
        int[] weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
        var check = digits.Select((c, i) => (c - '0') * weights[i]).Sum() % 11;
        return digits + "." + (check == 10 ? "X" : check.ToString(CultureInfo.InvariantCulture));
    }

    internal static List<KeyValuePair<string, string>> DraftFields(string? number, string? title, string legalStatus, string price = "50") =>
    [
        new("Input.Kind", "InventionPatent"), new("Input.Number", number ?? ""), new("Input.Title", title ?? ""),
        new("Input.FilingDate", "2019-03-01"), new("Input.GrantDate", "2021-05-06"), new("Input.IpcCodes", "H01M 10/0525; H01M 4/505"),
        new("Input.Abstract", "本发明公开了一种测试用的技术方案。"), new("Input.Claims", "1. 一种测试装置，其特征在于……"),
        new("Input.Modes", "Assignment"), new("Input.Modes", "OrdinaryLicence"), new("Input.PriceWanYuan", price),
        new("Input.Industry", "Biomedicine"), new("Input.Trl", "6"), new("Input.LegalStatus", legalStatus),
        new("Input.Encumbrances", "已许可某公司普通许可"),
    ];

    internal static async Task<Guid> CreateDraftAsync(HttpClient seller, string number, string title, string legalStatus, string price = "50", IEnumerable<KeyValuePair<string, string>>? extra = null)
    {
        var fields = DraftFields(number, title, legalStatus, price);
        foreach (var e in extra ?? []) { fields.RemoveAll(f => f.Key == e.Key); fields.Add(e); }
        var response = await PostFormAsync(seller, "/seller/listings/edit/", "#listing-form", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, "draft not saved: " + await response.Content.ReadAsStringAsync(Ct));
        return Guid.Parse(response.Headers.Location!.ToString().TrimEnd('/').Split('/')[^1]);
    }

    /// <summary>Null when submitted; otherwise the problems shown.</summary>
    internal static async Task<string?> SubmitAsync(HttpClient seller, Guid id)
    {
        var response = await PostFormAsync(seller, "/seller/listings", $"tr[data-listing='{id}'] .submit-form", []);
        if (response.StatusCode == HttpStatusCode.Redirect) return null;
        return (await Html.ParseAsync(response)).QuerySelector("#submit-problems")?.TextContent ?? "(no problems shown)";
    }

    /// <summary>University lists a patent, the center approves it; returns the listing id.</summary>
    private async Task<Guid> PublishAsync(string title)
    {
        var seller = await Accounts.SignedInAsync(site, Accounts.University);
        var center = await Accounts.SignedInAsync(site, Accounts.Center);
        var id = await CreateDraftAsync(seller, NewApplicationNumber(), title, "Valid");
        Assert.Null(await SubmitAsync(seller, id));
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(center, "/center/listings", $".review-item[data-listing='{id}'] .approve-form", [])).StatusCode);
        return id;
    }

    private async Task<HashSet<Guid>> SearchIdsAsync(string q)
    {
        using var body = JsonDocument.Parse(await Accounts.NewClient(site).GetStringAsync(new Uri($"/api/v1/search?q={Uri.EscapeDataString(q)}&sort=newest&size=20", UriKind.Relative), Ct));
        return [.. body.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];
    }

    /// <summary>Polls until the condition holds or the 1 s visibility bound has passed.</summary>
    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Visibility;
        while (true)
        {
            if (await condition()) return true;
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(50, Ct);
        }
    }

    internal static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, string formSelector, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await Html.ParseAsync(await client.GetAsync(new Uri(pageUrl, UriKind.Relative), Ct));
        var form = page.QuerySelector(formSelector) as IHtmlFormElement ?? throw new InvalidOperationException($"No form {formSelector} on {pageUrl}");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var pairs = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", token) };
        foreach (var hidden in form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").Where(h => h.Name is { Length: > 0 } n && n != "__RequestVerificationToken" && pairs.All(p => p.Key != n)))
        {
            pairs.Add(new(hidden.Name!, hidden.Value));
        }
        var action = form.GetAttribute("action");
        return await client.PostAsync(new Uri(string.IsNullOrEmpty(action) ? pageUrl : action, UriKind.Relative), new FormUrlEncodedContent(pairs), Ct);
    }

    /// <summary>Uploads through the import page, waits for the background job to finish, returns its job page.</summary>
    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string format, string fileName, byte[] bytes)
    {
        var job = await QueueImportAsync(client, format, fileName, bytes);
        await WaitForImportAsync(client, job);
        return await client.GetAsync(new Uri(job, UriKind.Relative), Ct);
    }

    /// <summary>Posts the import form; returns the job page's URL it redirects to.</summary>
    internal static async Task<string> QueueImportAsync(HttpClient client, string format, string fileName, byte[] bytes)
    {
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/seller/imports", UriKind.Relative), Ct));
        var token = page.QuerySelector("#import-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(format), "Format" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "Upload", fileName);
        var response = await client.PostAsync(new Uri("/seller/imports", UriKind.Relative), content, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, "import not queued: " + await response.Content.ReadAsStringAsync(Ct));
        return response.Headers.Location!.ToString();
    }

    /// <summary>Polls the job's progress JSON until it says finished (a wait for the background worker, not a timing bound).</summary>
    internal static async Task<JsonElement> WaitForImportAsync(HttpClient client, string job)
    {
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            using var progress = JsonDocument.Parse(await client.GetStringAsync(new Uri(job + "?handler=Progress", UriKind.Relative), Ct));
            if (progress.RootElement.GetProperty("finished").GetBoolean()) return progress.RootElement.Clone();
            await Task.Delay(100, Ct);
        }
        throw new TimeoutException($"import {job} did not finish within 2 minutes");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TechMarket.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Repository root not found.");
    }
}

// Own sites: these tests add listings, which the foundation tests' seed counts must not see.
[CollectionDefinition(Name)]
public sealed class CatalogueSqliteCollection : ICollectionFixture<SqliteSite>
{
    public const string Name = "catalogue sqlite site";
}

[CollectionDefinition(Name)]
public sealed class CataloguePostgresCollection : ICollectionFixture<PostgresSite>
{
    public const string Name = "catalogue postgres site";
}

[Collection(CatalogueSqliteCollection.Name)]
public sealed class SqliteCatalogueWorkflowTests(SqliteSite site) : CatalogueWorkflowTests(site);

[Collection(CataloguePostgresCollection.Name)]
public sealed class PostgresCatalogueWorkflowTests(PostgresSite site) : CatalogueWorkflowTests(site);
