using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Financing;
using TechMarket.Domain.Rights;
using TechMarket.Infrastructure.Financing;
using TechMarket.Web.Tests.Infrastructure;

namespace TechMarket.Web.Tests;

/// <summary>Issue 9 over HTTP: the pledge flow with the demo company, evaluator and lender, the CNIPA checks, visibility and the lock.</summary>
public abstract partial class PledgeFinancingTests(TechMarketSite site)
{
    private static readonly Guid Company = new("6f1c0c2e-0001-4a00-9000-000000000004");
    private static readonly Guid University = new("6f1c0c2e-0001-4a00-9000-000000000001");
    private static readonly Guid Lender = new("6f1c0c2e-0001-4a00-9000-000000000007");
    private static readonly Guid Evaluator = new("6f1c0c2e-0001-4a00-9000-000000000008");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Full_flow_from_draft_to_release_with_company_evaluator_and_lender()
    {
        site.SkipUnlessAvailable();
        var patent = SeedPatent();
        var company = await Accounts.SignedInAsync(site, Accounts.Company);
        var evaluator = await Accounts.SignedInAsync(site, Accounts.Evaluator);
        var lender = await Accounts.SignedInAsync(site, Accounts.Lender);

        var id = await CreateCaseAsync(company, [patent]);
        Assert.Equal("Draft", await StateAsync(company, id));
        await ActAsync(company, id, "RequestValuation", new() { ["evaluatorId"] = Evaluator.ToString() });

        // The report must be a PDF by its bytes, whatever the name says.
        var notPdf = await PostValuationAsync(evaluator, id, Encoding.UTF8.GetBytes("MZ pretending.pdf"));
        Assert.Contains("评估报告须为 PDF 文件。 / The report must be a PDF file.", notPdf.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("示例资产评估有限公司", ((IHtmlInputElement)notPdf.QuerySelector("#Valuation_FirmName")!).Value); // kept as typed
        var valued = await PostValuationAsync(evaluator, id, Encoding.ASCII.GetBytes("%PDF-1.7\n% valuation report\n"));
        Assert.Null(valued.QuerySelector("#case-error li"));
        Assert.Equal("Valued", await StateAsync(company, id));
        var report = await company.GetAsync(new Uri($"/pledges/{id}/valuation-report", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal("application/pdf", report.Content.Headers.ContentType!.MediaType);

        await ActAsync(company, id, "SubmitToLender", new() { ["lenderId"] = Lender.ToString() });
        await ActAsync(lender, id, "StartReview", []);
        await ActAsync(lender, id, "Approve", new() { ["Approval.LoanAmountWanYuan"] = "80", ["Approval.AnnualRatePercent"] = "4.35", ["Approval.TermMonths"] = "12", ["Approval.Conditions"] = "按季报送财务报表" });
        Assert.Equal("Approved", await StateAsync(lender, id));

        var contract = Contract(Today, Today.AddMonths(12), flowClause: false);
        await ActAsync(lender, id, "SignContracts", contract);
        Assert.Equal("Approved", await StateAsync(lender, id)); // one signature does not move the case
        await ActAsync(company, id, "SignContracts", contract);
        Assert.Equal("ContractsSigned", await StateAsync(company, id));

        var checks = await Html.ParseAsync(await company.GetAsync(new Uri($"/pledges/{id}/file", UriKind.Relative), Ct));
        Assert.Equal(9, checks.QuerySelectorAll("#filing-checks [data-passed=true]").Length);
        await FileAsync(company, id);
        Assert.Equal("RegistrationFiled", await StateAsync(company, id));

        await ActAsync(lender, id, "RecordRegistration", new() { ["Registration.NoticeNumber"] = "ZX2026440000123", ["Registration.RegisteredOn"] = Day(Today) });
        Assert.Equal("Registered", await StateAsync(lender, id));

        // Civil Code Art. 444: the registered patent cannot be pledged again without the lender's consent.
        var second = await PostNewCaseAsync(company, [patent]);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("已质押给 示例银行坪山支行", (await Html.ParseAsync(second)).QuerySelector("#patents-error")!.TextContent, StringComparison.Ordinal);

        await ActAsync(lender, id, "Disburse", new() { ["Disbursement.AmountWanYuan"] = "80", ["Disbursement.DisbursedOn"] = Day(Today), ["Disbursement.Instalments"] = "2" });
        await ActAsync(lender, id, "RecordRepayment", new() { ["Repayment.PrincipalWanYuan"] = "40", ["Repayment.InterestYuan"] = "2900", ["Repayment.PaidOn"] = Day(Today) });
        Assert.Equal("Repaying", await StateAsync(lender, id));
        await ActAsync(lender, id, "RecordRepayment", new() { ["Repayment.PrincipalWanYuan"] = "40", ["Repayment.InterestYuan"] = "1450", ["Repayment.PaidOn"] = Day(Today) });
        Assert.Equal("Repaid", await StateAsync(lender, id));
        await ActAsync(company, id, "Release", new() { ["Release.Ground"] = "DebtPerformed", ["Release.ReleasedOn"] = Day(Today) });

        var page = await Html.ParseAsync(await company.GetAsync(new Uri($"/pledges/{id}", UriKind.Relative), Ct));
        Assert.Equal("Released", page.QuerySelector("#case-state")!.GetAttribute("data-state"));
        Assert.Equal("Released", page.QuerySelector("#workflow-diagram svg g.current")!.GetAttribute("data-state"));
        Assert.Contains("（一）债务人按期履行债务", page.QuerySelector("#release")!.TextContent, StringComparison.Ordinal);
        var trail = page.QuerySelectorAll("#audit-trail li").Select(li => li.GetAttribute("data-trigger")).ToList();
        Assert.Equal(["RequestValuation", "RecordValuation", "SubmitToLender", "StartReview", "Approve", "SignContracts", "FileRegistration",
            "RecordRegistration", "Disburse", "RecordRepayment", "RecordRepayment", "Release"], trail);
        var logged = site.WithDb(db => db.AuditLog.Where(a => a.EntityId == id.ToString() && a.Action.StartsWith("pledge.")).Select(a => a.Action).ToList());
        Assert.Contains("pledge.Approve", logged);
        Assert.Contains("pledge.Release", logged);
        Assert.True(logged.Count >= 14, string.Join(",", logged));

        // Released today: the patent is free again, so a new case on it opens.
        var third = await PostNewCaseAsync(company, [patent]);
        Assert.Equal(HttpStatusCode.Redirect, third.StatusCode);
    }

    [Fact]
    public async Task Default_leads_to_a_realisation_request_with_the_lender_as_consignor_then_closes()
    {
        site.SkipUnlessAvailable();
        var patent = SeedPatent();
        var (company, lender, id) = await DisbursedCaseAsync(patent);

        // The applicant has no default button; the lender has.
        Assert.Null((await Html.ParseAsync(await company.GetAsync(new Uri($"/pledges/{id}", UriKind.Relative), Ct))).QuerySelector("#act-DeclareDefault"));
        await ActAsync(lender, id, "DeclareDefault", new() { ["Reason.Text"] = "第一期本金逾期 90 日未还" });
        await ActAsync(lender, id, "StartRealisation", new() { ["note"] = "请服务中心安排专场拍卖" });
        var page = await Html.ParseAsync(await lender.GetAsync(new Uri($"/pledges/{id}", UriKind.Relative), Ct));
        Assert.Equal("Realisation", page.QuerySelector("#case-state")!.GetAttribute("data-state"));
        Assert.Contains("示例银行坪山支行", page.QuerySelector("#realisation-request")!.TextContent, StringComparison.Ordinal);
        var request = site.WithDb(db => db.RealisationRequests.AsNoTracking().Single(r => r.PledgeCaseId == id));
        Assert.Equal(Lender, request.ConsignorId);
        Assert.Equal(patent, request.PatentNumbers);
        Assert.Equal(50_000_000, request.OutstandingPrincipalFen);

        await ActAsync(lender, id, "CloseRealisation", new() { ["Proceeds.ProceedsWanYuan"] = "60", ["Proceeds.On"] = Day(Today) });
        Assert.Equal("Closed", await StateAsync(lender, id));
        Assert.All(site.WithDb(db => db.PatentPledges.AsNoTracking().Where(p => p.PledgeCaseId == id).ToList()), p => Assert.Equal(Today, p.ReleasedOn));
    }

    [Fact]
    public async Task Filing_page_names_each_refusal_ground_and_filing_is_refused()
    {
        site.SkipUnlessAvailable();
        var coOwned = SeedPatent(coOwnedWithUniversity: true);
        var arrears = SeedPatent(proceedings: PatentProceedings.AnnualFeeArrears);
        var expiring = SeedPatent(expiresOn: Today.AddMonths(6));
        var pledged = SeedPatent();
        SeedRegisteredPledgeWithConsent(pledged, PatentDealing.Pledge);
        var company = await Accounts.SignedInAsync(site, Accounts.Company);
        var lender = await Accounts.SignedInAsync(site, Accounts.Lender);
        var id = await CreateCaseAsync(company, [coOwned, arrears, expiring, pledged]);
        await ToApprovedAsync(company, lender, id);
        var contract = Contract(Today, Today.AddMonths(12), flowClause: true);
        await ActAsync(lender, id, "SignContracts", contract);
        await ActAsync(company, id, "SignContracts", contract);

        var page = await Html.ParseAsync(await company.GetAsync(new Uri($"/pledges/{id}/file", UriKind.Relative), Ct));
        string Failed(FilingCheck check)
        {
            var item = page.QuerySelector($"#filing-checks [data-check={check}]")!;
            Assert.Equal("false", item.GetAttribute("data-passed"));
            return item.TextContent;
        }
        Assert.Contains($"专利 {coOwned} 为共有专利，出质须全体共有人参加", Failed(FilingCheck.AllCoOwnersJoined), StringComparison.Ordinal);
        Assert.Contains("坪山示例大学", Failed(FilingCheck.AllCoOwnersJoined), StringComparison.Ordinal);
        Assert.Contains($"专利 {arrears} 处于年费滞纳期", Failed(FilingCheck.AnnualFeesPaid), StringComparison.Ordinal);
        Assert.Contains($"专利 {pledged} 已质押给 示例银行坪山支行", Failed(FilingCheck.NotAlreadyPledged), StringComparison.Ordinal);
        Assert.Contains($"超过专利 {expiring} 的有效期", Failed(FilingCheck.DebtEndsBeforeExpiry), StringComparison.Ordinal);
        Assert.Contains("流质条款", Failed(FilingCheck.NoForfeitureClause), StringComparison.Ordinal);
        Assert.Contains("Civil Code Art. 428", Failed(FilingCheck.NoForfeitureClause), StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector($"#filing-checks [data-check={FilingCheck.GrantedAndInForce}]")!.GetAttribute("data-passed"));

        var refused = await SubmitFilingAsync(company, id);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("登记前检查未通过", (await Html.ParseAsync(refused)).QuerySelector("#filing-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("ContractsSigned", await StateAsync(company, id));

        // The lender's portfolio flags the case: a patent expires before the debt matures, another is in fee arrears.
        var portfolio = await Html.ParseAsync(await lender.GetAsync(new Uri("/pledges", UriKind.Relative), Ct));
        var flag = portfolio.QuerySelector($"tr[data-case='{id}'] .case-alerts")!;
        Assert.Contains($"专利 {expiring} 于", flag.GetAttribute("title"), StringComparison.Ordinal);
        Assert.Contains("早于债务到期日", flag.GetAttribute("title"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_co_owner_joining_as_pledgor_passes_the_co_owner_check_and_sees_the_case()
    {
        site.SkipUnlessAvailable();
        var coOwned = SeedPatent(coOwnedWithUniversity: true);
        var company = await Accounts.SignedInAsync(site, Accounts.Company);
        var lender = await Accounts.SignedInAsync(site, Accounts.Lender);
        var university = await Accounts.SignedInAsync(site, Accounts.University);
        var page = await Html.ParseAsync(await company.GetAsync(new Uri("/pledges/new", UriKind.Relative), Ct));
        var created = await PostPairsAsync(company, (IHtmlFormElement)page.QuerySelector("#new-pledge-form")!,
            [new("Input.Patents", coOwned), new("Input.AmountWanYuan", "100"), new("Input.TermMonths", "12"), new("Input.ThirdPartyPledgorId", University.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
        Assert.Contains("申请人/出质人", (await Html.ParseAsync(await university.GetAsync(new Uri($"/pledges/{id}", UriKind.Relative), Ct))).QuerySelector("#my-roles")!.TextContent, StringComparison.Ordinal);

        await ToApprovedAsync(company, lender, id);
        var contract = Contract(Today, Today.AddMonths(12), flowClause: false);
        await ActAsync(lender, id, "SignContracts", contract);
        await ActAsync(university, id, "SignContracts", contract);
        var checks = await Html.ParseAsync(await company.GetAsync(new Uri($"/pledges/{id}/file", UriKind.Relative), Ct));
        Assert.Equal("true", checks.QuerySelector($"#filing-checks [data-check={FilingCheck.AllCoOwnersJoined}]")!.GetAttribute("data-passed"));
        Assert.Equal(9, checks.QuerySelectorAll("#filing-checks [data-passed=true]").Length);
    }

    [Fact]
    public async Task Each_role_sees_only_its_cases_and_only_its_buttons()
    {
        site.SkipUnlessAvailable();
        var patent = SeedPatent();
        var company = await Accounts.SignedInAsync(site, Accounts.Company);
        var university = await Accounts.SignedInAsync(site, Accounts.University);
        var evaluator = await Accounts.SignedInAsync(site, Accounts.Evaluator);
        var lender = await Accounts.SignedInAsync(site, Accounts.Lender);
        var center = await Accounts.SignedInAsync(site, Accounts.Center);
        var id = await CreateCaseAsync(company, [patent]);
        var url = new Uri($"/pledges/{id}", UriKind.Relative);

        Assert.Equal(HttpStatusCode.OK, (await company.GetAsync(url, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await center.GetAsync(url, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await university.GetAsync(url, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await evaluator.GetAsync(url, Ct)).StatusCode); // not asked to value yet
        Assert.Equal(HttpStatusCode.NotFound, (await lender.GetAsync(url, Ct)).StatusCode);    // not sent to it yet
        Assert.Equal(HttpStatusCode.NotFound, (await lender.GetAsync(new Uri($"/pledges/{id}/file", UriKind.Relative), Ct)).StatusCode);
        Assert.DoesNotContain(id.ToString(), await (await lender.GetAsync(new Uri("/pledges", UriKind.Relative), Ct)).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // A post to a case one cannot see is a 404 too, not a refusal that reveals the case.
        var companyPage = await Html.ParseAsync(await company.GetAsync(url, Ct));
        var token = ((IHtmlInputElement)companyPage.QuerySelector("#act-RequestValuation input[name=__RequestVerificationToken]")!).Value;
        Assert.NotNull(token);
        var lenderPage = await Html.ParseAsync(await lender.GetAsync(new Uri("/pledges", UriKind.Relative), Ct));
        Assert.NotNull(lenderPage.QuerySelector("#pledge-cases, #pledges-empty"));

        await ActAsync(company, id, "RequestValuation", new() { ["evaluatorId"] = Evaluator.ToString() });
        Assert.Equal(HttpStatusCode.OK, (await evaluator.GetAsync(url, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lender.GetAsync(url, Ct)).StatusCode);
        var evaluatorView = await Html.ParseAsync(await evaluator.GetAsync(url, Ct));
        Assert.NotNull(evaluatorView.QuerySelector("#act-RecordValuation"));
        Assert.Null(evaluatorView.QuerySelector("#act-SubmitToLender"));
        var centerView = await Html.ParseAsync(await center.GetAsync(url, Ct));
        Assert.Null(centerView.QuerySelector("#act-RecordValuation"));
        Assert.NotNull(centerView.QuerySelector("#no-actions"));

        await PostValuationAsync(evaluator, id, Encoding.ASCII.GetBytes("%PDF-1.4\n"));
        await ActAsync(company, id, "SubmitToLender", new() { ["lenderId"] = Lender.ToString() });
        var lenderView = await Html.ParseAsync(await lender.GetAsync(url, Ct));
        Assert.NotNull(lenderView.QuerySelector("#act-StartReview"));
        Assert.Null((await Html.ParseAsync(await company.GetAsync(url, Ct))).QuerySelector("#act-StartReview"));
        Assert.Contains(id.ToString(), await (await lender.GetAsync(new Uri("/pledges", UriKind.Relative), Ct)).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // The dashboard and the export are the center's.
        Assert.Equal(HttpStatusCode.Forbidden, StatusOrForbidden(await lender.GetAsync(new Uri("/Center/Pledges", UriKind.Relative), Ct)));
        Assert.Equal(HttpStatusCode.OK, (await center.GetAsync(new Uri("/Center/Pledges", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task Center_dashboard_counts_loans_and_exports_the_pool_as_csv_with_bom_and_json()
    {
        site.SkipUnlessAvailable();
        var patent = SeedPatent();
        var (_, _, id) = await DisbursedCaseAsync(patent);
        var center = await Accounts.SignedInAsync(site, Accounts.Center);
        var dashboard = await Html.ParseAsync(await center.GetAsync(new Uri("/Center/Pledges", UriKind.Relative), Ct));
        Assert.Contains("示例银行坪山支行", dashboard.QuerySelector("#by-lender")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("新能源汽车与智能网联汽车", dashboard.QuerySelector("#by-industry")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(dashboard.QuerySelector($"#export-{id}"));

        var csv = await center.GetAsync(new Uri($"/pledges/export.csv?id={id}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var bytes = await csv.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("case_id,state,borrower", lines[0], StringComparison.Ordinal);
        Assert.Equal(2, lines.Length);
        Assert.Contains(patent, lines[1], StringComparison.Ordinal);
        Assert.Contains("示例新能源科技有限公司", lines[1], StringComparison.Ordinal);

        var json = await center.GetAsync(new Uri($"/pledges/export.json?id={id}", UriKind.Relative), Ct);
        using var doc = JsonDocument.Parse(await json.Content.ReadAsStringAsync(Ct));
        var pledge = doc.RootElement.GetProperty("pledges")[0];
        Assert.Equal(id, pledge.GetProperty("caseId").GetGuid());
        Assert.Equal(80_000_000, pledge.GetProperty("loanAmountFen").GetInt64());
        Assert.Equal(2, pledge.GetProperty("schedule").GetArrayLength());
        Assert.Equal(patent, pledge.GetProperty("patents")[0].GetProperty("number").GetString());

        var lender = await Accounts.SignedInAsync(site, Accounts.Lender);
        Assert.NotEqual(HttpStatusCode.OK, (await lender.GetAsync(new Uri($"/pledges/export.json?id={id}", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task Encumbrance_guard_locks_every_path_until_the_lender_consents()
    {
        site.SkipUnlessAvailable();
        var patent = SeedPatent();
        var caseId = SeedRegisteredPledgeWithConsent(patent, PatentDealing.None);
        using var scope = site.Services.CreateScope();
        var guard = scope.ServiceProvider.GetRequiredService<EncumbranceGuard>();
        IReadOnlyCollection<Guid> owners = [Company];

        async Task<bool> LockedAsync(Func<Task<DealingDecision>> path) =>
            (await path()).Refusals.Any(r => r.Code == DealingRefusalCode.PledgedWithoutLenderConsent && r.LenderId == Lender);

        Assert.True(await LockedAsync(() => guard.CanListAsync(patent, owners, assigns: false, exclusiveOrSole: false, Ct)));
        Assert.True(await LockedAsync(() => guard.CanAuctionAsync(patent, owners, Ct)));
        Assert.True(await LockedAsync(() => guard.CanLicenceAsync(patent, owners, PatentDealing.ExpressLicence, LicenceType.Ordinary, Ct)));
        Assert.True(await LockedAsync(() => guard.CanLicenceAsync(patent, owners, PatentDealing.OpenLicence, LicenceType.Ordinary, Ct)));
        Assert.True(await LockedAsync(() => guard.CanLicenceAsync(patent, owners, PatentDealing.NegotiatedLicence, LicenceType.Exclusive, Ct)));
        Assert.True(await LockedAsync(() => guard.CanPledgeAsync(patent, owners, Ct)));

        // A consent covers exactly its scope.
        site.WithDb(db =>
        {
            db.LenderConsents.Add(new LenderConsentRow { Id = Guid.NewGuid(), PatentNumber = patent, PledgeCaseId = caseId, LenderId = Lender, Scope = PatentDealing.Listing | PatentDealing.ExpressLicence, GivenOn = Today, Proceeds = ProceedsApplication.Escrow, RecordedAt = TimeProvider.System.GetUtcNow() });
            return db.SaveChanges();
        });
        Assert.False(await LockedAsync(() => guard.CanListAsync(patent, owners, assigns: false, exclusiveOrSole: false, Ct)));
        Assert.False(await LockedAsync(() => guard.CanLicenceAsync(patent, owners, PatentDealing.ExpressLicence, LicenceType.Ordinary, Ct)));
        Assert.True(await LockedAsync(() => guard.CanAuctionAsync(patent, owners, Ct)));
        Assert.True(await LockedAsync(() => guard.CanPledgeAsync(patent, owners, Ct)));
    }

    [Fact]
    public async Task Lender_consent_recorded_on_the_case_page_lets_the_patent_be_pledged_again()
    {
        site.SkipUnlessAvailable();
        var patent = SeedPatent();
        var (company, lender, id) = await DisbursedCaseAsync(patent);
        var refused = await PostNewCaseAsync(company, [patent]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);

        var page = await Html.ParseAsync(await lender.GetAsync(new Uri($"/pledges/{id}", UriKind.Relative), Ct));
        var form = (IHtmlFormElement)page.QuerySelector("#act-Consent")!;
        var consented = await PostPairsAsync(lender, form, [new("Consent.PatentNumber", patent), new("Consent.Scopes", "Pledge"), new("Consent.Scopes", "Listing"), new("Consent.GivenOn", Day(Today)), new("Consent.Proceeds", "EarlyRepayment")]);
        Assert.Equal(HttpStatusCode.Redirect, consented.StatusCode);
        var consent = site.WithDb(db => db.LenderConsents.AsNoTracking().Single(c => c.PledgeCaseId == id));
        Assert.Equal(PatentDealing.Pledge | PatentDealing.Listing, consent.Scope);
        Assert.Contains(site.WithDb(db => db.AuditLog.Where(a => a.Action == "pledge.consent").Select(a => a.EntityId).ToList()), e => e == consent.Id.ToString());

        Assert.Equal(HttpStatusCode.Redirect, (await PostNewCaseAsync(company, [patent])).StatusCode);
    }

    [Fact]
    public async Task New_case_form_keeps_what_was_typed_and_explains_each_field()
    {
        site.SkipUnlessAvailable();
        var patent = SeedPatent();
        var company = await Accounts.SignedInAsync(site, Accounts.Company);
        var page = await Html.ParseAsync(await company.GetAsync(new Uri("/pledges/new", UriKind.Relative), Ct));
        // The demo register entries (演示数据) are offered with their badge.
        Assert.True(page.QuerySelectorAll("#new-pledge-form .demo-badge").Length >= PatentRegisterSeeder.DemoPatentCount);
        var response = await PostPairsAsync(company, (IHtmlFormElement)page.QuerySelector("#new-pledge-form")!,
            [new("Input.Patents", patent), new("Input.AmountWanYuan", "-5"), new("Input.TermMonths", ""), new("Input.Purpose", "采购设备")]);
        var again = await Html.ParseAsync(response);
        Assert.Contains("申请金额须在 0.01 至 1,000,000 万元之间。 / The amount", again.QuerySelector("[data-valmsg-for='Input.AmountWanYuan']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("请填写贷款期限。 / Enter the term.", again.QuerySelector("[data-valmsg-for='Input.TermMonths']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("采购设备", ((IHtmlInputElement)again.QuerySelector("#Input_Purpose")!).Value);
        Assert.True(((IHtmlInputElement)again.QuerySelector($"#patent-{patent}")!).IsChecked);
    }

    [Fact]
    public async Task Two_people_moving_the_same_case_at_once_cannot_both_save()
    {
        site.SkipUnlessAvailable();
        var patent = SeedPatent();
        var company = await Accounts.SignedInAsync(site, Accounts.Company);
        var id = await CreateCaseAsync(company, [patent]);
        var actor = new PledgeActor(Company, Guid.NewGuid());
        using var first = site.Services.CreateScope();
        using var second = site.Services.CreateScope();
        var a = (await first.ServiceProvider.GetRequiredService<PledgeCaseStore>().FindAsync(id, actor, Ct))!;
        var b = (await second.ServiceProvider.GetRequiredService<PledgeCaseStore>().FindAsync(id, actor, Ct))!;
        Assert.True(a.Case.RequestValuation(actor, Evaluator, TimeProvider.System.GetUtcNow()).IsDone);
        Assert.True(b.Case.RequestValuation(actor, Evaluator, TimeProvider.System.GetUtcNow()).IsDone);
        await first.ServiceProvider.GetRequiredService<PledgeCaseStore>().SaveAsync(a, "RequestValuation", null, Ct);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.ServiceProvider.GetRequiredService<PledgeCaseStore>().SaveAsync(b, "RequestValuation", null, Ct));
        Assert.Single((await Html.ParseAsync(await company.GetAsync(new Uri($"/pledges/{id}", UriKind.Relative), Ct))).QuerySelectorAll("#audit-trail li"));
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private string SeedPatent(bool coOwnedWithUniversity = false, PatentProceedings proceedings = PatentProceedings.None, DateOnly? expiresOn = null)
    {
        var number = "ZL" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        site.WithDb(db =>
        {
            var filed = Today.AddYears(-3);
            var row = new PatentRightRow
            {
                Number = number, Title = "测试专利 " + number, Kind = AssetKind.InventionPatent, FiledOn = filed, GrantedOn = filed.AddYears(1),
                ExpiresOn = expiresOn ?? PatentRight.StatutoryExpiry(AssetKind.InventionPatent, filed), Status = PatentLegalStatus.InForce,
                Proceedings = proceedings, Industry = Industry.NewEnergyVehicles,
                Patentees = [new PatenteeRow { PatentNumber = number, OrganizationId = Company, Name = "示例新能源科技有限公司" }],
            };
            if (coOwnedWithUniversity) row.Patentees.Add(new PatenteeRow { PatentNumber = number, OrganizationId = University, Name = "坪山示例大学" });
            db.PatentRights.Add(row);
            return db.SaveChanges();
        });
        return number;
    }

    /// <summary>Another case (the university's, unseen by the company) whose registered pledge to the demo lender stands on the patent.</summary>
    private Guid SeedRegisteredPledgeWithConsent(string number, PatentDealing consentScope)
    {
        var other = new PledgeCase(Guid.NewGuid(), University, [University], [number], TimeProvider.System.GetUtcNow());
        site.WithDb(db =>
        {
            db.PledgeCases.Add(new PledgeCaseRow { Id = other.Id, ApplicantId = University, State = other.State, CreatedAt = other.CreatedAt, UpdatedAt = other.CreatedAt, Snapshot = PledgeJson.Write(other), ConcurrencyStamp = Guid.NewGuid() });
            db.PatentPledges.Add(new PatentPledgeRow { Id = Guid.NewGuid(), PatentNumber = number, PledgeCaseId = other.Id, LenderId = Lender, LenderName = "示例银行坪山支行", NoticeNumber = "ZX-EARLIER-1", RegisteredOn = Today.AddMonths(-1) });
            if (consentScope != PatentDealing.None)
                db.LenderConsents.Add(new LenderConsentRow { Id = Guid.NewGuid(), PatentNumber = number, PledgeCaseId = other.Id, LenderId = Lender, Scope = consentScope, GivenOn = Today.AddDays(-1), Proceeds = ProceedsApplication.EarlyRepayment, RecordedAt = TimeProvider.System.GetUtcNow() });
            return db.SaveChanges();
        });
        return other.Id;
    }

    private async Task<(HttpClient Company, HttpClient Lender, Guid Id)> DisbursedCaseAsync(string patent)
    {
        var company = await Accounts.SignedInAsync(site, Accounts.Company);
        var lender = await Accounts.SignedInAsync(site, Accounts.Lender);
        var id = await CreateCaseAsync(company, [patent]);
        await ToApprovedAsync(company, lender, id);
        var contract = Contract(Today, Today.AddMonths(12), flowClause: false);
        await ActAsync(lender, id, "SignContracts", contract);
        await ActAsync(company, id, "SignContracts", contract);
        await FileAsync(company, id);
        await ActAsync(lender, id, "RecordRegistration", new() { ["Registration.NoticeNumber"] = "ZX" + id.ToString("N")[..10], ["Registration.RegisteredOn"] = Day(Today) });
        await ActAsync(lender, id, "Disburse", new() { ["Disbursement.AmountWanYuan"] = "80", ["Disbursement.DisbursedOn"] = Day(Today), ["Disbursement.Instalments"] = "2" });
        await ActAsync(lender, id, "RecordRepayment", new() { ["Repayment.PrincipalWanYuan"] = "30", ["Repayment.InterestYuan"] = "0", ["Repayment.PaidOn"] = Day(Today) });
        return (company, lender, id);
    }

    private async Task ToApprovedAsync(HttpClient company, HttpClient lender, Guid id)
    {
        var evaluator = await Accounts.SignedInAsync(site, Accounts.Evaluator);
        await ActAsync(company, id, "RequestValuation", new() { ["evaluatorId"] = Evaluator.ToString() });
        await PostValuationAsync(evaluator, id, Encoding.ASCII.GetBytes("%PDF-1.7\n"));
        await ActAsync(company, id, "SubmitToLender", new() { ["lenderId"] = Lender.ToString() });
        await ActAsync(lender, id, "StartReview", []);
        await ActAsync(lender, id, "Approve", new() { ["Approval.LoanAmountWanYuan"] = "80", ["Approval.AnnualRatePercent"] = "4.35", ["Approval.TermMonths"] = "12" });
    }

    private static Dictionary<string, string> Contract(DateOnly starts, DateOnly matures, bool flowClause) => new()
    {
        ["Contract.SecuredDebtWanYuan"] = "80", ["Contract.StartsOn"] = Day(starts), ["Contract.MaturesOn"] = Day(matures),
        ["Contract.Scope"] = "主债权本金及利息", ["Contract.TransfersPatentOnDefault"] = flowClause ? "true" : "false",
    };

    private static async Task<Guid> CreateCaseAsync(HttpClient company, IReadOnlyList<string> patents)
    {
        var response = await PostNewCaseAsync(company, patents);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, (await Html.ParseAsync(response)).Body?.TextContent);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private static async Task<HttpResponseMessage> PostNewCaseAsync(HttpClient company, IReadOnlyList<string> patents)
    {
        var page = await Html.ParseAsync(await company.GetAsync(new Uri("/pledges/new", UriKind.Relative), Ct));
        var form = (IHtmlFormElement)page.QuerySelector("#new-pledge-form")!;
        return await PostPairsAsync(company, form, [.. patents.Select(p => new KeyValuePair<string, string>("Input.Patents", p)),
            new("Input.AmountWanYuan", "100"), new("Input.TermMonths", "12"), new("Input.Purpose", "流动资金")]);
    }

    private static async Task<string?> StateAsync(HttpClient client, Guid id)
    {
        var page = await Html.ParseAsync(await client.GetAsync(new Uri($"/pledges/{id}", UriKind.Relative), Ct));
        return page.QuerySelector("#case-state")?.GetAttribute("data-state");
    }

    /// <summary>Submits the case page's form for a trigger and expects the redirect that means done.</summary>
    private static async Task ActAsync(HttpClient client, Guid id, string trigger, Dictionary<string, string> values)
    {
        var page = await Html.ParseAsync(await client.GetAsync(new Uri($"/pledges/{id}", UriKind.Relative), Ct));
        var form = page.QuerySelector($"#act-{trigger}") as IHtmlFormElement;
        Assert.True(form is not null, $"No form for {trigger}; state {page.QuerySelector("#case-state")?.GetAttribute("data-state")}, roles {page.QuerySelector("#my-roles")?.TextContent}");
        var response = await Html.SubmitAsync(client, form, values);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"{trigger}: {response.StatusCode} {(await Html.ParseAsync(response)).QuerySelector("#case-error")?.TextContent} {string.Join(" | ", (await Html.ParseAsync(response)).QuerySelectorAll(".text-danger").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0))}");
    }

    private static async Task FileAsync(HttpClient client, Guid id)
    {
        var response = await SubmitFilingAsync(client, id);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, (await Html.ParseAsync(response)).QuerySelector("#filing-error")?.TextContent);
    }

    private static async Task<HttpResponseMessage> SubmitFilingAsync(HttpClient client, Guid id)
    {
        var page = await Html.ParseAsync(await client.GetAsync(new Uri($"/pledges/{id}/file", UriKind.Relative), Ct));
        var form = (IHtmlFormElement)page.QuerySelector("#filing-form")!;
        return await Html.SubmitAsync(client, form, new Dictionary<string, string>
        {
            ["Input.FormSignedByPledgor"] = "true", ["Input.FormSignedByLender"] = "true", ["Input.IdentityDocuments"] = "true", ["Input.ValuationReportAttached"] = "true",
        });
    }

    private static async Task<IDocument> PostValuationAsync(HttpClient evaluator, Guid id, byte[] file)
    {
        var page = await Html.ParseAsync(await evaluator.GetAsync(new Uri($"/pledges/{id}", UriKind.Relative), Ct));
        var form = (IHtmlFormElement)page.QuerySelector("#act-RecordValuation")!;
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(((IHtmlInputElement)form.QuerySelector("input[name=__RequestVerificationToken]")!).Value), "__RequestVerificationToken");
        foreach (var (k, v) in new Dictionary<string, string>
        {
            ["Valuation.FirmName"] = "示例资产评估有限公司", ["Valuation.Method"] = "Income", ["Valuation.ValueWanYuan"] = "150",
            ["Valuation.ValuedOn"] = Day(Today), ["Valuation.ReportNumber"] = "SLPG-2026-" + id.ToString("N")[..6],
        }) content.Add(new StringContent(v), k);
        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(bytes, "report", "report.pdf");
        var response = await evaluator.PostAsync(new Uri(form.Action, UriKind.RelativeOrAbsolute), content, Ct);
        if (response.StatusCode == HttpStatusCode.Redirect)
            return await Html.ParseAsync(await evaluator.GetAsync(new Uri($"/pledges/{id}", UriKind.Relative), Ct));
        return await Html.ParseAsync(response);
    }

    /// <summary>Posts a form with repeated keys (checkbox lists), keeping its hidden fields (the antiforgery token).</summary>
    private static Task<HttpResponseMessage> PostPairsAsync(HttpClient client, IHtmlFormElement form, IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var fields = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
        var given = pairs.ToList();
        fields.RemoveAll(f => given.Any(g => g.Key == f.Key));
        fields.AddRange(given);
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? form.BaseUri : form.Action;
        return client.PostAsync(new Uri(action, UriKind.RelativeOrAbsolute), new FormUrlEncodedContent(fields), Ct);
    }

    private static HttpStatusCode StatusOrForbidden(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("AccessDenied", StringComparison.Ordinal) ? HttpStatusCode.Forbidden : response.StatusCode;
}

[Collection(SqliteCollection.Name)]
public sealed class SqlitePledgeFinancingTests(SqliteSite site) : PledgeFinancingTests(site);

[Collection(PostgresCollection.Name)]
public sealed class PostgresPledgeFinancingTests(PostgresSite site) : PledgeFinancingTests(site);
