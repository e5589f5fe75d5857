using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechMarket.Domain.Organizations;
using TechMarket.Domain.Payments;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Identity;
using TechMarket.Infrastructure.Payments.Persistence;
using TechMarket.Infrastructure.RdContracts;
using TechMarket.Web.Tests.Infrastructure;

namespace TechMarket.Web.Tests;

/// <summary>Issue 8 over HTTP: demand → proposal → 揭榜 → contract → signatures → milestones with escrow, disputes and the center.</summary>
public abstract class RdContractsTests(TechMarketSite site)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF");
    internal static string Day(int days) => DateTime.UtcNow.AddHours(8).Date.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Full_flow_from_demand_to_completed_contract_with_rejection_resubmission_and_partial_release()
    {
        site.SkipUnlessAvailable();
        var company = await Accounts.SignedInAsync(site, Accounts.Company);
        var university = await Accounts.SignedInAsync(site, Accounts.University);
        var center = await Accounts.SignedInAsync(site, Accounts.Center);
        var otherUniversity = await SignedInAsNewAsync(OrganizationType.University, "另一示例大学");
        var otherCompany = await SignedInAsNewAsync(OrganizationType.Company, "另一示例企业");

        // Posting: field messages in both languages, what was typed is kept; 万元 becomes fen.
        var form = await FormAsync(company, "/demands/new", "#demand-form");
        var invalid = await Html.ParseAsync(await Html.SubmitAsync(company, form, new Dictionary<string, string>
        {
            ["Input.Title"] = "", ["Input.PublicSummary"] = "保留的摘要", ["Input.BudgetMinWan"] = "50", ["Input.BudgetMaxWan"] = "10",
        }));
        Assert.Contains("请填写需求名称 / Enter a title", invalid.QuerySelector("[data-valmsg-for='Input.Title']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("保留的摘要", invalid.QuerySelector("#Input_PublicSummary")!.TextContent);
        var demandId = await PostDemandAsync(company, "固态电池界面阻抗优化定向研发");
        var owner = await Html.ParseAsync(await company.GetAsync(new Uri($"/demands/{demandId}", UriKind.Relative), Ct));
        Assert.Equal("¥300,000.00 – ¥500,000.00", owner.QuerySelector("#demand-budget")!.TextContent.Trim());

        // Searchable in the catalogue as type demand (public summary only).
        var search = await company.GetStringAsync(new Uri("/api/v1/search?q=" + Uri.EscapeDataString("固态电池界面阻抗") + "&type=demand", UriKind.Relative), Ct);
        Assert.Contains(demandId.ToString(), search, StringComparison.Ordinal);
        Assert.DoesNotContain("机密问题描述", search, StringComparison.Ordinal);

        // NDA gate: details only after the undertaking, recorded with who and when.
        var before = await Html.ParseAsync(await university.GetAsync(new Uri($"/demands/{demandId}", UriKind.Relative), Ct));
        Assert.Null(before.QuerySelector("#demand-details"));
        Assert.DoesNotContain("机密问题描述", before.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(university, (IHtmlFormElement)before.QuerySelector("#nda-form")!,
            new Dictionary<string, string> { ["TypedName"] = "李老师" })).StatusCode);
        var after = await Html.ParseAsync(await university.GetAsync(new Uri($"/demands/{demandId}", UriKind.Relative), Ct));
        Assert.Contains("机密问题描述", after.QuerySelector("#demand-details")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("李老师", after.QuerySelector("#nda-record")!.TextContent, StringComparison.Ordinal);
        Assert.True(site.WithDb(db => db.NdaAcceptances.Any(n => n.DemandId == demandId && n.TypedName == "李老师")));

        // Two proposals; milestone amounts must add up to the price for instalments.
        var badPlan = await Html.ParseAsync(await Html.SubmitAsync(university, await FormAsync(university, $"/demands/{demandId}/propose", "#proposal-form"), ProposalValues("30", "10", "10")));
        Assert.Contains("里程碑金额合计", badPlan.QuerySelector("[data-valmsg-for='Input.Milestones']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("10", ((IHtmlInputElement)badPlan.QuerySelector("#Input_Milestones_1__AmountWan")!).Value);
        var proposalId = await ProposeAsync(university, demandId);
        var otherProposalId = await ProposeAsync(otherUniversity, demandId);
        var twice = await Html.ParseAsync(await Html.SubmitAsync(university, await FormAsync(university, $"/demands/{demandId}/propose", "#proposal-form"), ProposalValues("30", "10", "20")));
        Assert.Contains("已对该需求提交方案", twice.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);

        // Permissions: a proposal is 404 for everyone but its author, the owner and the center.
        Assert.Equal(HttpStatusCode.NotFound, (await otherUniversity.GetAsync(new Uri($"/proposals/{proposalId}", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCompany.GetAsync(new Uri($"/proposals/{proposalId}", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await center.GetAsync(new Uri($"/proposals/{proposalId}", UriKind.Relative), Ct)).StatusCode);
        var otherView = await Html.ParseAsync(await otherUniversity.GetAsync(new Uri($"/demands/{demandId}", UriKind.Relative), Ct));
        Assert.Single(otherView.QuerySelectorAll(".proposal-row"));

        // Shortlist, thread both ways, decline the other with a structured reason the proposer sees.
        await PostAsync(company, $"/proposals/{proposalId}", "form[action*='handler=Shortlist']");
        await PostAsync(company, $"/proposals/{proposalId}", "#message-form", new() { ["MessageText"] = "请说明界面层的表征方法？" });
        await PostAsync(university, $"/proposals/{proposalId}", "#message-form", new() { ["MessageText"] = "采用原位阻抗谱和XPS深度剖析。" });
        var thread = await Html.ParseAsync(await company.GetAsync(new Uri($"/proposals/{proposalId}", UriKind.Relative), Ct));
        Assert.Equal(2, thread.QuerySelectorAll(".thread-message").Length);
        Assert.Contains("已入围", thread.QuerySelector("#proposal-status")!.TextContent, StringComparison.Ordinal);
        var otherThreadPost = await company.GetAsync(new Uri($"/proposals/{proposalId}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, otherThreadPost.StatusCode);
        await PostAsync(company, $"/proposals/{otherProposalId}", "#decline-form", new() { ["Reason"] = "Cost", ["ReasonText"] = "超出预算" });
        var declined = await Html.ParseAsync(await otherUniversity.GetAsync(new Uri($"/proposals/{otherProposalId}", UriKind.Relative), Ct));
        Assert.Contains("费用过高", declined.QuerySelector("#decline-reason")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("超出预算", declined.QuerySelector("#decline-reason")!.TextContent, StringComparison.Ordinal);

        // 揭榜 and the contract draft: commissioned, IP defaults per Art. 859.
        await PostAsync(company, $"/proposals/{proposalId}", "form[action*='handler=Select']");
        var contractResponse = await PostAsync(company, $"/proposals/{proposalId}", "#contract-form", new() { ["ContractType"] = "Commissioned" });
        var contractUrl = contractResponse.Headers.Location!.OriginalString;
        var contractId = Guid.Parse(contractUrl.Split('/')[^1], CultureInfo.InvariantCulture);
        var draft = await Html.ParseAsync(await company.GetAsync(new Uri(contractUrl, UriKind.Relative), Ct));
        Assert.Equal("Developer", ((IHtmlSelectElement)draft.QuerySelector("#Terms_FilingRight")!).Value);
        Assert.True(((IHtmlInputElement)draft.QuerySelector("#Terms_ClientHasFirstRefusal")!).IsChecked);
        Assert.Contains("固态电池界面阻抗优化定向研发", ((IHtmlInputElement)draft.QuerySelector("#Terms_ProjectName")!).Value, StringComparison.Ordinal);
        var searchAfter = await company.GetStringAsync(new Uri("/api/v1/search?q=" + Uri.EscapeDataString("固态电池界面阻抗") + "&type=demand", UriKind.Relative), Ct);
        Assert.DoesNotContain(demandId.ToString(), searchAfter, StringComparison.Ordinal);

        // Edit the risk clause before signing; sign with the wrong name, then the right ones: locked.
        await PostAsync(company, contractUrl, "#terms-form", new() { ["Terms.RiskAgreed"] = "研发失败风险由双方各担一半。" });
        var wrong = await Html.ParseAsync(await Html.SubmitAsync(company, await FormAsync(company, contractUrl, "#sign-form"), new Dictionary<string, string> { ["SignName"] = "张三" }));
        Assert.Contains("须与账户姓名", wrong.QuerySelector("[data-valmsg-for='SignName']")!.TextContent, StringComparison.Ordinal);
        await PostAsync(company, contractUrl, "#sign-form", new() { ["SignName"] = "示例企业管理员" });
        await PostAsync(university, contractUrl, "#sign-form", new() { ["SignName"] = "示例高校技术转移办" });
        var signed = await Html.ParseAsync(await company.GetAsync(new Uri(contractUrl, UriKind.Relative), Ct));
        Assert.Contains("已生效", signed.QuerySelector("#contract-status")!.TextContent, StringComparison.Ordinal);
        Assert.Null(signed.QuerySelector("#terms-form"));
        Assert.Contains("各担一半", signed.QuerySelector("#risk-clause")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, signed.QuerySelectorAll(".signature").Length);

        // Milestone 1: funded by bank transfer → submit → reject → resubmit → accept → the center pays the developer.
        await FundByTransferAsync(company, center, contractUrl, 1, "100000.00");
        await SubmitDeliverableAsync(university, contractUrl, 1, "第一版测试报告");
        await PostAsync(company, contractUrl, "#m1 .reject-form", new() { ["Reasons"] = "循环次数未达指标" });
        var rejected = await Html.ParseAsync(await university.GetAsync(new Uri(contractUrl, UriKind.Relative), Ct));
        Assert.Contains("循环次数未达指标", rejected.QuerySelector("#m1 .rejection")!.TextContent, StringComparison.Ordinal);
        // A rejection is a revision round: the money stays in escrow.
        Assert.Equal("¥100,000.00", rejected.QuerySelector("#m1 .escrow-funded")!.TextContent);
        Assert.Equal("¥100,000.00", rejected.QuerySelector("#m1 .escrow-held")!.TextContent);
        Assert.Equal("¥0.00", rejected.QuerySelector("#m1 .escrow-released")!.TextContent);
        var f1 = Figures(contractId, 1);
        Assert.Equal((10_000_000L, 10_000_000L, 0L, 0L), (f1.Funded, f1.Held, f1.OwedToDeveloper, f1.PaidOut));
        await SubmitDeliverableAsync(university, contractUrl, 1, "第二版测试报告");
        await PostAsync(company, contractUrl, "#m1 .accept-form");
        var accepted = await Html.ParseAsync(await company.GetAsync(new Uri(contractUrl, UriKind.Relative), Ct));
        Assert.Equal("Accepted", accepted.QuerySelector("#m1")!.GetAttribute("data-state"));
        Assert.Equal("¥100,000.00", accepted.QuerySelector("#m1 .escrow-released")!.TextContent);
        Assert.Equal(2, accepted.QuerySelectorAll("#m1 .submission").Length);
        var f2 = Figures(contractId, 1);
        Assert.Equal((10_000_000L, 0L, 10_000_000L, 0L), (f2.Funded, f2.Held, f2.OwedToDeveloper, f2.PaidOut));
        AssertConserved(contractId);

        // Deliverables: the parties and the center download; others get 404.
        var fileHref = accepted.QuerySelector("#m1 .deliverable-file")!.GetAttribute("href")!;
        var download = await university.GetAsync(new Uri(fileHref, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, (await center.GetAsync(new Uri(fileHref, UriKind.Relative), Ct)).StatusCode);
        foreach (var outsider in new[] { otherCompany, otherUniversity })
        {
            foreach (var url in new[] { contractUrl, contractUrl + "/print", contractUrl + "/registration", fileHref, $"/proposals/{proposalId}" })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(new Uri(url, UriKind.Relative), Ct)).StatusCode);
            }
        }
        // A posted action from an outsider is refused the same way, and changes nothing.
        var outsiderPost = await Html.SubmitAsync(otherCompany, await FormAsync(center, contractUrl, "#m1 .payout-developer"),
            new Dictionary<string, string> { ["PayoutBankReference"] = "BK-OUTSIDER" });
        Assert.True(outsiderPost.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest);
        Assert.Equal(0L, Figures(contractId, 1).PaidOut);

        // The center records the transfer to the developer (bank reference); the payable goes to zero; the form sent twice books once.
        var payoutForm = await FormAsync(center, contractUrl, "#m1 .payout-developer");
        var tooMuch = await Html.ParseAsync(await Html.SubmitAsync(center, payoutForm, new Dictionary<string, string> { ["PayoutYuan"] = "100000.01", ["PayoutBankReference"] = "BK-M1-PAY" }));
        Assert.Contains("超过", tooMuch.QuerySelector("[data-valmsg-for='PayoutYuan']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("BK-M1-PAY", ((IHtmlInputElement)tooMuch.QuerySelector("#m1 .payout-developer input[name='PayoutBankReference']")!).Value);
        foreach (var _ in new[] { 1, 2 })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(center, payoutForm, new Dictionary<string, string> { ["PayoutBankReference"] = "BK-M1-PAY" })).StatusCode);
        }
        var f3 = Figures(contractId, 1);
        Assert.Equal((10_000_000L, 0L, 0L, 10_000_000L), (f3.Funded, f3.Held, f3.OwedToDeveloper, f3.PaidOut));
        Assert.Null((await Html.ParseAsync(await center.GetAsync(new Uri(contractUrl, UriKind.Relative), Ct))).QuerySelector("#m1 .payout-form"));
        AssertConserved(contractId);

        // Milestone 2: funded → submit → dispute → the center releases part and refunds the rest, with reasons.
        await FundByTransferAsync(company, center, contractUrl, 2, "200000.00");
        await SubmitDeliverableAsync(university, contractUrl, 2, "样品与测试数据");
        await PostAsync(university, contractUrl, "#m2 .dispute-form", new() { ["Reasons"] = "委托方拒绝组织验收" });
        Assert.Null((await Html.ParseAsync(await company.GetAsync(new Uri(contractUrl, UriKind.Relative), Ct))).QuerySelector("#m2 .decide-form"));
        await PostAsync(center, contractUrl, "#m2 .decide-form", new() { ["DecisionKind"] = "PartialRelease", ["ReleaseWan"] = "5", ["Reasons"] = "部分指标达到" });
        var done = await Html.ParseAsync(await company.GetAsync(new Uri(contractUrl, UriKind.Relative), Ct));
        Assert.Contains("已完成", done.QuerySelector("#contract-status")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("部分指标达到", done.QuerySelector("#m2 .decision")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("¥300,000.00", done.QuerySelector("#sum-funded")!.TextContent);
        Assert.Equal("¥150,000.00", done.QuerySelector("#sum-released")!.TextContent);
        Assert.Equal("¥150,000.00", done.QuerySelector("#sum-refunded")!.TextContent);
        Assert.Equal("¥0.00", done.QuerySelector("#sum-held")!.TextContent);
        Assert.NotEqual("—", done.QuerySelector("#completed-at")!.TextContent);

        // The ledger agrees: the split left escrow for the two payables, with the center's reasons on the entry.
        var m2 = Figures(contractId, 2);
        Assert.Equal((20_000_000L, 0L, 5_000_000L, 15_000_000L), (m2.Funded, m2.Held, m2.OwedToDeveloper, m2.OwedToClient));
        Assert.Contains("部分指标达到", site.WithDb(db => db.JournalEntries.Single(e => e.CauseKind == BusinessEventKind.MilestoneRefunded && e.CauseId == m2.AccountId).Description), StringComparison.Ordinal);
        AssertConserved(contractId);
        var audited = site.WithDb(db => db.AuditLog.Where(e => e.Action.StartsWith("rd-")).Select(e => e.Action).Distinct().ToList());
        Assert.Contains("rd-contract.signed", audited);
        Assert.Contains("rd-milestone.decided", audited);

        // Printable contract and the registration sheet (equipment and materials excluded).
        var print = await company.GetStringAsync(new Uri(contractUrl + "/print", UriKind.Relative), Ct);
        Assert.Contains("技术开发（委托开发）合同", print, StringComparison.Ordinal);
        Assert.Contains("@page { size: A4", print, StringComparison.Ordinal);
        Assert.Contains("示例高校技术转移办", print, StringComparison.Ordinal);
        var sheet = await Html.ParseAsync(await university.GetAsync(new Uri(contractUrl + "/registration?EquipmentWan=5", UriKind.Relative), Ct));
        Assert.Equal("技术开发合同（委托开发）", sheet.QuerySelector("#sheet-category")!.TextContent);
        Assert.Equal("¥300,000.00", sheet.QuerySelector("#sheet-contract-amount")!.TextContent);
        Assert.Equal("¥250,000.00", sheet.QuerySelector("#sheet-technology-amount")!.TextContent);
    }

    [Fact]
    public async Task Nda_gate_holds_for_anonymous_visitors_and_other_organisations_and_only_companies_post_demands()
    {
        site.SkipUnlessAvailable();
        var company = await Accounts.SignedInAsync(site, Accounts.Company);
        var demandId = await PostDemandAsync(company, "医学影像分割模型轻量化");
        var anonymous = Accounts.NewClient(site);
        var otherCompany = await SignedInAsNewAsync(OrganizationType.Company, "第三示例企业");
        foreach (var client in new[] { anonymous, otherCompany })
        {
            var page = await Html.ParseAsync(await client.GetAsync(new Uri($"/demands/{demandId}", UriKind.Relative), Ct));
            Assert.Contains("公开摘要示例", page.QuerySelector("#demand-summary")!.TextContent, StringComparison.Ordinal);
            Assert.Null(page.QuerySelector("#demand-details"));
            Assert.DoesNotContain("机密问题描述", page.Body!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("机密指标", page.Body!.TextContent, StringComparison.Ordinal);
        }
        var api = await anonymous.GetStringAsync(new Uri("/api/v1/demands", UriKind.Relative), Ct);
        Assert.Contains(demandId.ToString(), api, StringComparison.Ordinal);
        Assert.DoesNotContain("机密", api, StringComparison.Ordinal);

        var university = await Accounts.SignedInAsync(site, Accounts.University);
        var page2 = await Html.ParseAsync(await university.GetAsync(new Uri("/demands/new", UriKind.Relative), Ct));
        Assert.NotNull(page2.QuerySelector("#not-company"));
        Assert.Null(page2.QuerySelector("#demand-form"));
        var unverified = await Accounts.SignedInAsync(site, Accounts.Unverified);
        Assert.NotEqual(HttpStatusCode.OK, (await unverified.GetAsync(new Uri("/demands/new", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task A_full_refund_returns_the_escrow_to_the_client_and_reminders_go_out_once()
    {
        site.SkipUnlessAvailable();
        var company = await Accounts.SignedInAsync(site, Accounts.Company);
        var university = await Accounts.SignedInAsync(site, Accounts.University);
        var center = await Accounts.SignedInAsync(site, Accounts.Center);
        var demandId = await PostDemandAsync(company, "车规级功率模块散热方案");
        var proposalId = await ProposeAsync(university, demandId);
        await PostAsync(company, $"/proposals/{proposalId}", "form[action*='handler=Select']");
        var contractUrl = (await PostAsync(company, $"/proposals/{proposalId}", "#contract-form", new() { ["ContractType"] = "Joint" })).Headers.Location!.OriginalString;
        var joint = await Html.ParseAsync(await company.GetAsync(new Uri(contractUrl, UriKind.Relative), Ct));
        Assert.Equal("Jointly", ((IHtmlSelectElement)joint.QuerySelector("#Terms_FilingRight")!).Value); // Art. 860
        Assert.True(((IHtmlInputElement)joint.QuerySelector("#Terms_AnyPartnerMayVetoFiling")!).IsChecked);
        await PostAsync(company, contractUrl, "#sign-form", new() { ["SignName"] = "示例企业管理员" });
        await PostAsync(university, contractUrl, "#sign-form", new() { ["SignName"] = "示例高校技术转移办" });

        // Reminders: due within three days → one mail round; running again sends nothing more.
        var contractId = Guid.Parse(contractUrl.Split('/')[^1], CultureInfo.InvariantCulture);
        var dueOn = DateOnly.Parse(Day(30), CultureInfo.InvariantCulture);
        var justBefore = new DateTimeOffset(dueOn.AddDays(-2).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8));
        using (var scope = site.Services.CreateScope())
        {
            var reminders = scope.ServiceProvider.GetRequiredService<SendMilestoneReminders>();
            Assert.True(await reminders.RunAsync(justBefore, Ct) >= 1);
            Assert.Equal(0, await reminders.RunAsync(justBefore, Ct));
            Assert.True(scope.ServiceProvider.GetRequiredService<TechMarketDbContext>().RdRemindersSent.Any(r => r.ContractId == contractId && r.Milestone == 1 && r.Kind == "due-soon"));
        }

        // Work does not start before the money is in escrow: no deliverable on an unfunded milestone.
        Assert.Null((await Html.ParseAsync(await university.GetAsync(new Uri(contractUrl, UriKind.Relative), Ct))).QuerySelector("#m1 .submit-form"));
        await FundByTransferAsync(company, center, contractUrl, 1, "100000.00");
        // A file that is not PDF/PNG/JPG/ZIP is refused and nothing is submitted.
        var bad = await SubmitDeliverableAsync(university, contractUrl, 1, "错误格式", Encoding.ASCII.GetBytes("MZ executable"), expectRedirect: false);
        Assert.Contains("只接受 PDF、PNG、JPG 或 ZIP", bad, StringComparison.Ordinal);
        await SubmitDeliverableAsync(university, contractUrl, 1, "中期报告");
        await PostAsync(company, contractUrl, "#m1 .dispute-form", new() { ["Reasons"] = "交付物与合同不符" });
        await PostAsync(center, contractUrl, "#m1 .decide-form", new() { ["DecisionKind"] = "Refund", ["Reasons"] = "交付物未达到验收标准" });
        var page = await Html.ParseAsync(await company.GetAsync(new Uri(contractUrl, UriKind.Relative), Ct));
        Assert.Equal("¥100,000.00", page.QuerySelector("#m1 .escrow-refunded")!.TextContent);
        Assert.Equal("¥0.00", page.QuerySelector("#m1 .escrow-released")!.TextContent);
        var f = Figures(contractId, 1);
        Assert.Equal((10_000_000L, 0L, 0L, 10_000_000L), (f.Funded, f.Held, f.OwedToDeveloper, f.OwedToClient));
        AssertConserved(contractId);

        // The center returns the money to the company (bank reference): nothing is owed any more.
        await PostAsync(center, contractUrl, "#m1 .payout-client", new() { ["PayoutBankReference"] = "BK-M1-REFUND" });
        var returned = Figures(contractId, 1);
        Assert.Equal((0L, 10_000_000L), (returned.OwedToClient, returned.Returned));
        var summary = await Html.ParseAsync(await company.GetAsync(new Uri(contractUrl, UriKind.Relative), Ct));
        Assert.Equal("¥100,000.00", summary.QuerySelector("#sum-returned-client")!.TextContent);
        Assert.Equal(1, site.WithDb(db => db.PaymentRecords.Count(p => p.ExternalReference == "BK-M1-REFUND" && p.Purpose == PaymentPurpose.ClientRefund)));
        AssertConserved(contractId);
    }

    [Fact]
    public async Task Bank_receipts_fund_a_milestone_exactly_once_and_its_escrow_stays_private()
    {
        site.SkipUnlessAvailable();
        var company = await Accounts.SignedInAsync(site, Accounts.Company);
        var university = await Accounts.SignedInAsync(site, Accounts.University);
        var center = await Accounts.SignedInAsync(site, Accounts.Center);
        var otherCompany = await SignedInAsNewAsync(OrganizationType.Company, "第四示例企业");
        var contractUrl = await SignedContractAsync(company, university, "钠离子电池正极材料改性");
        var contractId = Guid.Parse(contractUrl.Split('/')[^1], CultureInfo.InvariantCulture);
        var tag = contractId.ToString("N")[..8];
        var page = await Html.ParseAsync(await company.GetAsync(new Uri(contractUrl, UriKind.Relative), Ct));
        var reference = page.QuerySelector("#m1 .payment-reference")!.TextContent.Trim();
        Assert.Equal("¥100,000.00", page.QuerySelector("#m1 .funding-amount")!.TextContent);
        Assert.Null(page.QuerySelector("#m1 .fund-form")); // no "I paid" button: only the money funds a milestone

        // A wrong amount is flagged for the center, not booked; the milestone stays unfunded and work cannot start.
        await SubmitReceiptAsync(center, reference, "99999.99", "BK-WRONG-" + tag);
        var wrong = site.WithDb(db => db.BankReceipts.AsNoTracking().Single(r => r.BankReference == "BK-WRONG-" + tag));
        Assert.Equal((BankReceiptStatus.Flagged, ReceiptProblem.WrongAmount), (wrong.Status, wrong.Problem));
        Assert.Equal(0L, Figures(contractId, 1).Funded);
        var developerPage = await Html.ParseAsync(await university.GetAsync(new Uri(contractUrl, UriKind.Relative), Ct));
        Assert.Null(developerPage.QuerySelector("#m1 .submit-form"));
        // Even a hand-made post (a valid antiforgery token from the page) cannot deliver on an unfunded milestone.
        using (var early = new MultipartFormDataContent())
        {
            early.Add(new StringContent(((IHtmlInputElement)developerPage.QuerySelector("input[name=__RequestVerificationToken]")!).Value), "__RequestVerificationToken");
            early.Add(new StringContent("提前交付"), "Notes");
            early.Add(new ByteArrayContent(Pdf), "Files", "early.pdf");
            var refused = await university.PostAsync(new Uri(contractUrl + "?handler=Submit&milestone=1", UriKind.Relative), early, Ct);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("须先托管款项", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        Assert.False(site.WithDb(db => db.RdDeliverableFiles.Any(f => f.ContractId == contractId)));

        // The right amount: booked; the same form sent twice records once; a second transfer is flagged as already paid.
        var form = await ReceiptFormAsync(center);
        foreach (var _ in new[] { 1, 2 }) await SubmitReceiptAsync(center, reference, "100000.00", "BK-RIGHT-" + tag, form);
        await SubmitReceiptAsync(center, reference, "100000.00", "BK-AGAIN-" + tag);
        var receipts = site.WithDb(db => db.BankReceipts.AsNoTracking().Where(r => r.Reference == reference).Select(r => new { r.Status, r.Problem }).ToList());
        Assert.Equal(3, receipts.Count);
        Assert.Single(receipts, r => r.Status == BankReceiptStatus.Booked);
        Assert.Single(receipts, r => r.Problem == ReceiptProblem.AlreadyPaid);
        var funded = await Html.ParseAsync(await company.GetAsync(new Uri(contractUrl, UriKind.Relative), Ct));
        Assert.Equal("Funded", funded.QuerySelector("#m1")!.GetAttribute("data-state"));
        Assert.Equal("¥100,000.00", funded.QuerySelector("#m1 .escrow-held")!.TextContent);
        Assert.Equal("¥100,000.00", funded.QuerySelector("#sum-held")!.TextContent);
        var m1 = Figures(contractId, 1);
        Assert.Equal(1, site.WithDb(db => db.JournalEntries.Count(e => e.CauseKind == BusinessEventKind.MilestoneFunded && e.CauseId == m1.AccountId)));
        Assert.Equal(10_000_000L, m1.Held);

        // Two different transfers for milestone 2 arriving at once: one is booked, the other flagged.
        var reference2 = funded.QuerySelector("#m2 .payment-reference")!.TextContent.Trim();
        var (formA, formB) = (await ReceiptFormAsync(center), await ReceiptFormAsync(center));
        await Task.WhenAll(SubmitReceiptAsync(center, reference2, "200000.00", "BK-A-" + tag, formA),
            SubmitReceiptAsync(center, reference2, "200000.00", "BK-B-" + tag, formB));
        var raced = site.WithDb(db => db.BankReceipts.AsNoTracking().Where(r => r.Reference == reference2).Select(r => new { r.Status, r.Problem }).ToList());
        Assert.Single(raced, r => r.Status == BankReceiptStatus.Booked);
        Assert.Single(raced, r => r.Status == BankReceiptStatus.Flagged && r.Problem == ReceiptProblem.AlreadyPaid);
        Assert.Equal(20_000_000L, Figures(contractId, 2).Held);
        AssertConserved(contractId);

        // Another organisation sees neither the contract nor its escrow.
        foreach (var url in new[] { contractUrl, contractUrl + "/contract.pdf" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await otherCompany.GetAsync(new Uri(url, UriKind.Relative), Ct)).StatusCode);
        }
        var outsiderLedger = await otherCompany.GetStringAsync(new Uri("/Payments/Ledger", UriKind.Relative), Ct);
        Assert.DoesNotContain(m1.AccountId.ToString("N"), outsiderLedger, StringComparison.Ordinal);
        var outsiderPayments = await otherCompany.GetStringAsync(new Uri("/Payments", UriKind.Relative), Ct);
        Assert.DoesNotContain(reference, outsiderPayments, StringComparison.Ordinal);
    }

    /// <summary>One milestone's money, straight from the stored postings (not through the page's reader).</summary>
    private sealed record LedgerFigures(Guid AccountId, long Funded, long Held, long OwedToDeveloper, long OwedToClient, long PaidOut, long Returned, long EntriesSum);

    private LedgerFigures Figures(Guid contractId, int milestone) => site.WithDb(db =>
    {
        var id = db.MilestoneFunding.AsNoTracking().Single(f => f.ContractId == contractId && f.Milestone == milestone).Id;
        var entryIds = db.Postings.Where(p => p.Party == id).Select(p => p.JournalEntryId).Distinct().ToList();
        var lines = db.Postings.AsNoTracking().Where(p => entryIds.Contains(p.JournalEntryId))
            .Join(db.JournalEntries, p => p.JournalEntryId, e => e.Id, (p, e) => new { p.AccountKind, p.Party, p.AmountFen, e.CauseKind }).ToList();
        long Balance(LedgerAccountKind kind) => lines.Where(l => l.AccountKind == kind && l.Party == id).Sum(l => l.AmountFen);
        long Cash(BusinessEventKind cause) => lines.Where(l => l.CauseKind == cause && l.AccountKind is LedgerAccountKind.CashAtBank or LedgerAccountKind.PaymentClearing).Sum(l => l.AmountFen);
        return new LedgerFigures(id, Cash(BusinessEventKind.MilestoneFunded), -Balance(LedgerAccountKind.MilestoneEscrow), -Balance(LedgerAccountKind.PayableToDevelopers),
            -Balance(LedgerAccountKind.RefundsPayableToClients), -Cash(BusinessEventKind.DeveloperPaidOut), -Cash(BusinessEventKind.ClientRefundPaidOut), lines.Sum(l => l.AmountFen));
    });

    /// <summary>Money is conserved: the whole ledger sums to zero, and per milestone held + payables + paid out = funded.</summary>
    private void AssertConserved(Guid contractId)
    {
        Assert.Equal(0L, site.WithDb(db => db.Postings.Sum(p => p.AmountFen)));
        var milestones = site.WithDb(db => db.MilestoneFunding.AsNoTracking().Where(f => f.ContractId == contractId).Select(f => f.Milestone).ToList());
        Assert.NotEmpty(milestones);
        foreach (var f in milestones.Select(m => Figures(contractId, m)))
        {
            Assert.Equal(0L, f.EntriesSum);
            Assert.Equal(f.Funded, f.Held + f.OwedToDeveloper + f.OwedToClient + f.PaidOut + f.Returned);
        }
    }

    /// <summary>The company reads the milestone's reference from the contract; the center keys in the transfer quoting it.</summary>
    private static async Task FundByTransferAsync(HttpClient company, HttpClient center, string contractUrl, int milestone, string amountYuan)
    {
        var page = await Html.ParseAsync(await company.GetAsync(new Uri(contractUrl, UriKind.Relative), Ct));
        var reference = page.QuerySelector($"#m{milestone} .payment-reference")?.TextContent.Trim() ?? throw new InvalidOperationException($"No payment reference for milestone {milestone}.");
        var response = await SubmitReceiptAsync(center, reference, amountYuan, "BK" + Guid.NewGuid().ToString("N")[..14].ToUpperInvariant());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await Html.ParseAsync(await company.GetAsync(new Uri(contractUrl, UriKind.Relative), Ct));
        Assert.Equal("Funded", after.QuerySelector($"#m{milestone}")!.GetAttribute("data-state"));
    }

    private static async Task<IHtmlFormElement> ReceiptFormAsync(HttpClient center) => await FormAsync(center, "/Center/Payments/Receipts", "#receipt-form");

    private static async Task<HttpResponseMessage> SubmitReceiptAsync(HttpClient center, string reference, string amountYuan, string bankReference, IHtmlFormElement? form = null) =>
        await Html.SubmitAsync(center, form ?? await ReceiptFormAsync(center), new Dictionary<string, string>
        {
            ["Input.Reference"] = reference, ["Input.AmountYuan"] = amountYuan, ["Input.ReceivedOn"] = Day(0), ["Input.BankReference"] = bankReference,
        });

    /// <summary>Demand → proposal → 揭榜 → commissioned contract signed by both: in force, two milestones of 10 and 20 万元.</summary>
    internal static async Task<string> SignedContractAsync(HttpClient company, HttpClient university, string title)
    {
        var demandId = await PostDemandAsync(company, title);
        var proposalId = await ProposeAsync(university, demandId);
        await PostAsync(company, $"/proposals/{proposalId}", "form[action*='handler=Select']");
        var contractUrl = (await PostAsync(company, $"/proposals/{proposalId}", "#contract-form", new() { ["ContractType"] = "Commissioned" })).Headers.Location!.OriginalString;
        await PostAsync(company, contractUrl, "#sign-form", new() { ["SignName"] = "示例企业管理员" });
        await PostAsync(university, contractUrl, "#sign-form", new() { ["SignName"] = "示例高校技术转移办" });
        return contractUrl;
    }

    internal static Dictionary<string, string> ProposalValues(string price, string m1, string m2) => new()
    {
        ["Input.Approach"] = "原位构筑人工SEI层并优化电解质配方。", ["Input.Team"] = "教授1名，博士后2名，研究生4名。",
        ["Input.PriceWan"] = price, ["Input.PaymentForm"] = "LumpSumInstalments",
        ["Input.Milestones[0].Deliverable"] = "界面改性方案与测试报告", ["Input.Milestones[0].DueOn"] = Day(30), ["Input.Milestones[0].AmountWan"] = m1,
        ["Input.Milestones[1].Deliverable"] = "样品电池及第三方检测报告", ["Input.Milestones[1].DueOn"] = Day(90), ["Input.Milestones[1].AmountWan"] = m2,
    };

    internal static async Task<Guid> PostDemandAsync(HttpClient company, string title)
    {
        var response = await Html.SubmitAsync(company, await FormAsync(company, "/demands/new", "#demand-form"), new Dictionary<string, string>
        {
            ["Input.Title"] = title, ["Input.PublicSummary"] = "公开摘要示例：" + title, ["Input.Problem"] = "机密问题描述：界面阻抗随循环增长。",
            ["Input.GoalsAndIndicators"] = "机密指标：1000 次循环容量保持率不低于 90%。", ["Input.BudgetMinWan"] = "30", ["Input.BudgetMaxWan"] = "50",
            ["Input.Deadline"] = Day(60), ["Input.Industry"] = "NewEnergyVehicles",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    internal static async Task<Guid> ProposeAsync(HttpClient university, Guid demandId)
    {
        var response = await Html.SubmitAsync(university, await FormAsync(university, $"/demands/{demandId}/propose", "#proposal-form"), ProposalValues("30", "10", "20"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    internal static async Task<IHtmlFormElement> FormAsync(HttpClient client, string url, string selector)
    {
        var page = await Html.ParseAsync(await client.GetAsync(new Uri(url, UriKind.Relative), Ct));
        return page.QuerySelector(selector) as IHtmlFormElement ?? throw new InvalidOperationException($"No {selector} on {url}: {page.QuerySelector("[role=alert]")?.TextContent}");
    }

    /// <summary>What a browser sends beyond the text inputs Html.SubmitAsync collects: textareas, selects and checkboxes.</summary>
    internal static Dictionary<string, string> BrowserValues(IHtmlFormElement form, Dictionary<string, string>? values)
    {
        var all = new Dictionary<string, string>();
        foreach (var t in form.Elements.OfType<IHtmlTextAreaElement>().Where(t => !string.IsNullOrEmpty(t.Name))) all[t.Name!] = t.Value;
        foreach (var s in form.Elements.OfType<IHtmlSelectElement>().Where(s => !string.IsNullOrEmpty(s.Name))) all[s.Name!] = s.Value ?? "";
        foreach (var c in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "checkbox" && !string.IsNullOrEmpty(i.Name))) all[c.Name!] = c.IsChecked ? "true" : "false";
        foreach (var (k, v) in values ?? []) all[k] = v;
        return all;
    }

    /// <summary>Posts a form from the page and expects the redirect that means the action was taken.</summary>
    internal static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string selector, Dictionary<string, string>? values = null)
    {
        var form = await FormAsync(client, url, selector);
        var response = await Html.SubmitAsync(client, form, BrowserValues(form, values));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await Html.ParseAsync(response);
            throw new InvalidOperationException($"{selector} on {url} was not accepted ({response.StatusCode}): {string.Join(" | ", page.QuerySelectorAll(".text-danger").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0))}");
        }
        return response;
    }

    private static async Task<string> SubmitDeliverableAsync(HttpClient client, string contractUrl, int milestone, string notes, byte[]? file = null, bool expectRedirect = true)
    {
        var form = await FormAsync(client, contractUrl, $"#m{milestone} .submit-form");
        using var content = new MultipartFormDataContent();
        foreach (var hidden in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden")) content.Add(new StringContent(hidden.Value), hidden.Name!);
        content.Add(new StringContent(notes), "Notes");
        var bytes = new ByteArrayContent(file ?? Pdf);
        content.Add(bytes, "Files", "report.pdf");
        var response = await client.PostAsync(new Uri(form.Action, UriKind.RelativeOrAbsolute), content, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(expectRedirect ? HttpStatusCode.Redirect : HttpStatusCode.OK, response.StatusCode);
        return body;
    }

    private async Task<HttpClient> SignedInAsNewAsync(OrganizationType type, string name)
    {
        var email = $"rd-{Guid.NewGuid():N}@example.cn";
        using (var scope = site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TechMarketDbContext>();
            var org = new Organization(Guid.NewGuid(), name + Guid.NewGuid().ToString("N")[..4], null, type, null, isDemo: true, createdAt: DateTimeOffset.UtcNow);
            org.MarkVerified(DateTimeOffset.UtcNow);
            db.Organizations.Add(org);
            await db.SaveChangesAsync(Ct);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var created = await users.CreateAsync(new AppUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = name + "用户", OrganizationId = org.Id,
                OrganizationRole = OrganizationRole.Admin, CreatedAt = DateTimeOffset.UtcNow,
            }, Accounts.DemoPassword);
            Assert.True(created.Succeeded);
        }
        return await Accounts.SignedInAsync(site, email);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteRdContractsTests(SqliteSite site) : RdContractsTests(site);

[Collection(PostgresCollection.Name)]
public sealed class PostgresRdContractsTests(PostgresSite site) : RdContractsTests(site);
