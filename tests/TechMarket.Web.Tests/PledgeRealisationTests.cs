using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Financing;
using TechMarket.Domain.Payments;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Auctions;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Financing;
using TechMarket.Infrastructure.Payments;
using TechMarket.Infrastructure.Payments.Persistence;
using TechMarket.Web.Tests.Auctions;
using TechMarket.Web.Tests.Infrastructure;

namespace TechMarket.Web.Tests;

/// <summary>
/// Issue 9, default → realisation over HTTP: the lender's realisation request becomes an auction with the lender as consignor,
/// the win is settled, the buyer pays, and the proceeds go to the lender up to the debt (interest first) with the surplus
/// to the pledgor, or leave a shortfall (Civil Code Arts 436, 438, 561).
/// </summary>
public abstract partial class PledgeFinancingTests
{
    // Disbursed 80 万 at 4.35 % in two monthly instalments 200 days ago, 30 万 principal repaid: both instalments' interest
    // (2,900 + 1,450 yuan) is due and unpaid, so the debt is 50 万 principal + 4,350 yuan interest.
    private const long DebtFen = 50_000_000 + 435_000;

    [Fact]
    public async Task Realisation_auction_pays_the_lender_first_and_the_surplus_to_the_pledgor()
    {
        site.SkipUnlessAvailable();
        var (patent, id, center) = await CaseInRealisationAsync();

        // The center puts the patent up with the lender as consignor; the pledgor stays the seller of record.
        var lot = await PublishRealisationAuctionAsync(center, id, patent, startYuan: "200000");
        var auction = site.WithDb(db => db.Auctions.AsNoTracking().Single(a => a.Id == lot.AuctionId));
        Assert.Equal(Lender, auction.ConsignorOrganizationId);
        Assert.Equal(Company, auction.SellerOrganizationId);
        var listing = site.WithDb(db => db.Listings.AsNoTracking().Single(l => l.Id == lot.ListingId));
        Assert.Equal((ListingStatus.Published, Company), (listing.Status, listing.OrganizationId));

        // The pledgor's own sale stays locked: the same listing without the lender's mandate is refused, naming the lender.
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var now = DateTimeOffset.UtcNow;
            var own = await scope.ServiceProvider.GetRequiredService<CreateAuction>().RunAsync(
                new AuctionSetup(lot.ListingId, AuctionScenario.Center, 20_000_000, null, 100_000, 0, now, now.AddHours(2)), Ct);
            Assert.False(own.Succeeded);
            Assert.Contains("已质押给 示例银行坪山支行", own.Error, StringComparison.Ordinal);
        }

        var a = await AuctionScenario.NewBidderAsync(site, "处置竞买甲有限公司");
        var b = await AuctionScenario.NewBidderAsync(site, "处置竞买乙有限公司");
        await AuctionScenario.RegisterAsync(site, auction.Id, a.OrganizationId);
        await AuctionScenario.RegisterAsync(site, auction.Id, b.OrganizationId);
        Assert.Equal(HttpStatusCode.OK, (await AuctionScenario.BidAsync(b.Client, auction.Id, 59_900_000)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AuctionScenario.BidAsync(a.Client, auction.Id, 60_000_000)).StatusCode);
        var settlement = await CloseAndSettleAsync(center, id, lot, winner: a.OrganizationId, priceFen: 60_000_000);
        Assert.Equal(61_200_000, settlement.BuyerOwesFen);       // 60 万 + 2 % buyer commission
        Assert.Equal(59_400_000, settlement.SellerReceivesFen);  // 60 万 − 1 % seller commission: the net proceeds

        // Before the buyer has paid, nothing is applied; the refusal says why.
        var early = await ApplyProceedsAsync(center, id, lot.Id);
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("买受人尚未付清价款", (await Html.ParseAsync(early)).QuerySelector("#case-error")!.TextContent, StringComparison.Ordinal);
        await PayBalanceAsync(center, settlement);

        // Art. 436: the pledgor's share is not paid out to the pledgor before the lender.
        Assert.Equal(PayoutRefusal.PledgeLenderFirst, (await PayoutAsync(settlement.Id, new Money(59_400_000))).Refusal);

        var bankRef = "BK-LENDER-" + lot.Id.ToString("N")[..8];
        var applyForm = (IHtmlFormElement)(await Html.ParseAsync(await center.GetAsync(new Uri($"/pledges/{id}", UriKind.Relative), Ct)))
            .QuerySelector($"#realisation-lots tr[data-lot='{lot.Id}'] form.apply-proceeds")!;
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(center, applyForm, new Dictionary<string, string> { ["bankReference"] = bankRef })).StatusCode);
        // Sent again (a double click): answered the same, nothing more is posted.
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(center, applyForm, new Dictionary<string, string> { ["bankReference"] = bankRef })).StatusCode);
        Assert.Equal(1, site.WithDb(db => db.JournalEntries.Count(e => e.IdempotencyKey == $"LenderPaidOut:{lot.Id:N}")));
        Assert.Equal("Closed", await StateAsync(center, id));
        var applied = site.WithDb(db => db.RealisationLots.AsNoTracking().Single(l => l.Id == lot.Id));
        Assert.Equal(59_400_000, applied.NetProceedsFen);
        Assert.Equal(DebtFen, applied.ToLenderFen);
        Assert.Equal(59_400_000 - DebtFen, applied.SurplusFen);

        // The ledger: the pledgor's payable moved to the lender and out of the bank, once; the surplus stays the pledgor's.
        Assert.Equal(DebtFen, site.WithDb(db => db.PaymentRecords.AsNoTracking().Where(p => p.Purpose == PaymentPurpose.PledgeProceeds && p.SettlementId == settlement.Id && p.OrganizationId == Lender).Sum(p => p.AmountFen)));
        AssertEntry($"PledgeProceedsApplied:{lot.Id:N}", (LedgerAccountKind.PayableToSellers, Company, DebtFen), (LedgerAccountKind.PayableToLenders, Lender, -DebtFen));
        AssertEntry($"LenderPaidOut:{lot.Id:N}", (LedgerAccountKind.PayableToLenders, Lender, DebtFen), (LedgerAccountKind.CashAtBank, null, -DebtFen));
        var afterApply = site.WithDb(db => db.Settlements.AsNoTracking().Single(s => s.Id == settlement.Id));
        Assert.Equal(59_400_000 - DebtFen, afterApply.SellerOutstanding.Fen);


        // The surplus goes to the pledgor as an ordinary seller payout.
        var surplus = await PayoutAsync(settlement.Id, new Money(59_400_000 - DebtFen));
        Assert.True(surplus.Succeeded, surplus.Refusal.ToString());
        Assert.Equal(SettlementState.Settled, site.WithDb(db => db.Settlements.AsNoTracking().Single(s => s.Id == settlement.Id)).State);

        var page = await Html.ParseAsync(await center.GetAsync(new Uri($"/pledges/{id}", UriKind.Relative), Ct));
        Assert.Equal("Closed", page.QuerySelector("#case-state")!.GetAttribute("data-state"));
        Assert.Contains("（二）质权已经实现", page.QuerySelector("#release")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("CloseRealisation", page.QuerySelectorAll("#audit-trail li")[^1].GetAttribute("data-trigger"));
        Assert.All(site.WithDb(db => db.PatentPledges.AsNoTracking().Where(p => p.PledgeCaseId == id).ToList()), p => Assert.NotNull(p.ReleasedOn));
        Assert.Contains("pledge.realisation_proceeds", site.WithDb(db => db.AuditLog.Where(x => x.EntityId == id.ToString()).Select(x => x.Action).ToList()));
        Assert.Equal(0, site.WithDb(db => db.Postings.Sum(p => p.AmountFen)));
    }

    [Fact]
    public async Task Realisation_below_the_debt_leaves_a_shortfall_owed_by_the_debtor()
    {
        site.SkipUnlessAvailable();
        var (patent, id, center) = await CaseInRealisationAsync();
        var lot = await PublishRealisationAuctionAsync(center, id, patent, startYuan: "300000");
        var bidder = await AuctionScenario.NewBidderAsync(site, "处置竞买丙有限公司");
        await AuctionScenario.RegisterAsync(site, lot.AuctionId, bidder.OrganizationId);
        Assert.Equal(HttpStatusCode.OK, (await AuctionScenario.BidAsync(bidder.Client, lot.AuctionId, 30_000_000)).StatusCode);
        var settlement = await CloseAndSettleAsync(center, id, lot, winner: bidder.OrganizationId, priceFen: 30_000_000);
        await PayBalanceAsync(center, settlement);

        Assert.Equal(HttpStatusCode.Redirect, (await ApplyProceedsAsync(center, id, lot.Id, "BK-SHORT-" + lot.Id.ToString("N")[..8])).StatusCode);
        var applied = site.WithDb(db => db.RealisationLots.AsNoTracking().Single(l => l.Id == lot.Id));
        Assert.Equal(29_700_000, applied.ToLenderFen);
        Assert.Equal(0, applied.SurplusFen);
        var pledge = site.WithDb(db => PledgeJson.Read(db.PledgeCases.AsNoTracking().Single(c => c.Id == id).Snapshot));
        Assert.Equal(PledgeState.Closed, pledge.State);
        // Interest first (Art. 561), then principal; 207,350 yuan of principal stays owed by the debtor (Art. 438).
        Assert.Equal(new Money(435_000), pledge.RealisationLots[0].ToInterest);
        Assert.Equal(new Money(29_265_000), pledge.RealisationLots[0].ToPrincipal);
        Assert.Equal(new Money(DebtFen - 29_700_000), pledge.Realisation!.Shortfall);
        Assert.Equal(new Money(DebtFen - 29_700_000), pledge.OutstandingPrincipal);
        // The whole net price went to the lender, so the pledgor is owed nothing and the settlement is done.
        var done = site.WithDb(db => db.Settlements.AsNoTracking().Single(s => s.Id == settlement.Id));
        Assert.Equal((SettlementState.Settled, 0L), (done.State, done.SellerOutstanding.Fen));
        Assert.Equal(0, site.WithDb(db => db.Postings.Sum(p => p.AmountFen)));
    }

    [Fact]
    public async Task Only_the_center_organises_a_realisation_auction_and_bad_input_is_explained()
    {
        site.SkipUnlessAvailable();
        var (patent, id, center) = await CaseInRealisationAsync();
        var lender = await Accounts.SignedInAsync(site, Accounts.Lender);
        Assert.Null((await Html.ParseAsync(await lender.GetAsync(new Uri($"/pledges/{id}", UriKind.Relative), Ct))).QuerySelector("#realisation-auction-form"));

        var page = await Html.ParseAsync(await center.GetAsync(new Uri($"/pledges/{id}", UriKind.Relative), Ct));
        var form = (IHtmlFormElement)page.QuerySelector("#realisation-auction-form")!;
        var bad = await Html.ParseAsync(await Html.SubmitAsync(center, form, new Dictionary<string, string>
        {
            ["Lot.PatentNumber"] = patent, ["Lot.StartYuan"] = "-1", ["Lot.StepYuan"] = "1000", ["Lot.DepositYuan"] = "0",
            ["Lot.OpensAt"] = Local(DateTimeOffset.UtcNow.AddHours(3)), ["Lot.EndsAt"] = Local(DateTimeOffset.UtcNow.AddHours(1)),
        }));
        Assert.Contains("起拍价须大于 0", bad.QuerySelector("[data-valmsg-for='Lot.StartYuan']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("结束时间须晚于开始时间", bad.QuerySelector("[data-valmsg-for='Lot.EndsAt']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1000", ((IHtmlInputElement)bad.QuerySelector("#Lot_StepYuan")!).Value);
        Assert.Equal(0, site.WithDb(db => db.RealisationLots.Count(l => l.PledgeCaseId == id)));

        // A lender posting the center's form gets nothing (the case is visible to it, the action is not).
        var token = ((IHtmlInputElement)(await Html.ParseAsync(await lender.GetAsync(new Uri($"/pledges/{id}", UriKind.Relative), Ct))).QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        var posted = await lender.PostAsync(new Uri($"/pledges/{id}?handler=RealisationAuction", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Lot.PatentNumber"] = patent, ["Lot.StartYuan"] = "100", ["Lot.StepYuan"] = "10", ["Lot.DepositYuan"] = "0",
            ["Lot.OpensAt"] = Local(DateTimeOffset.UtcNow), ["Lot.EndsAt"] = Local(DateTimeOffset.UtcNow.AddHours(1)),
        }), Ct);
        Assert.Contains("只有服务中心可以组织处置拍卖", (await Html.ParseAsync(posted)).QuerySelector("#case-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, site.WithDb(db => db.RealisationLots.Count(l => l.PledgeCaseId == id)));
    }

    // ---- realisation helpers ---------------------------------------------------------------------------------

    private async Task<(string Patent, Guid Id, HttpClient Center)> CaseInRealisationAsync()
    {
        var patent = SeedPatent();
        site.WithDb(db =>
        {
            db.CatalogueRecords.Add(new CatalogueRecord(Guid.NewGuid(), patent, AssetKind.InventionPatent, "测试质押专利 " + patent, "一种测试用的电池管理方法。", null,
                "zh", "test", "test", null, null, ["H01M10/42"]));
            return db.SaveChanges();
        });
        var company = await Accounts.SignedInAsync(site, Accounts.Company);
        var lender = await Accounts.SignedInAsync(site, Accounts.Lender);
        var id = await CreateCaseAsync(company, [patent]);
        await ToApprovedAsync(company, lender, id);
        var contract = Contract(Today.AddDays(-200), Today.AddDays(165), flowClause: false);
        await ActAsync(lender, id, "SignContracts", contract);
        await ActAsync(company, id, "SignContracts", contract);
        await FileAsync(company, id);
        await ActAsync(lender, id, "RecordRegistration", new() { ["Registration.NoticeNumber"] = "ZX" + id.ToString("N")[..10], ["Registration.RegisteredOn"] = Day(Today.AddDays(-200)) });
        await ActAsync(lender, id, "Disburse", new() { ["Disbursement.AmountWanYuan"] = "80", ["Disbursement.DisbursedOn"] = Day(Today.AddDays(-200)), ["Disbursement.Instalments"] = "2" });
        await ActAsync(lender, id, "RecordRepayment", new() { ["Repayment.PrincipalWanYuan"] = "30", ["Repayment.InterestYuan"] = "0", ["Repayment.PaidOn"] = Day(Today.AddDays(-150)) });
        await ActAsync(lender, id, "DeclareDefault", new() { ["Reason.Text"] = "两期利息及第二期本金逾期未还" });
        await ActAsync(lender, id, "StartRealisation", new() { ["note"] = "请服务中心拍卖质押专利" });
        return (patent, id, await Accounts.SignedInAsync(site, Accounts.Center));
    }

    private async Task<RealisationLotRow> PublishRealisationAuctionAsync(HttpClient center, Guid id, string patent, string startYuan)
    {
        var page = await Html.ParseAsync(await center.GetAsync(new Uri($"/pledges/{id}", UriKind.Relative), Ct));
        var form = (IHtmlFormElement)page.QuerySelector("#realisation-auction-form")!;
        var response = await Html.SubmitAsync(center, form, new Dictionary<string, string>
        {
            ["Lot.PatentNumber"] = patent, ["Lot.StartYuan"] = startYuan, ["Lot.StepYuan"] = "1000", ["Lot.DepositYuan"] = "0",
            ["Lot.OpensAt"] = Local(DateTimeOffset.UtcNow.AddHours(-1)), ["Lot.EndsAt"] = Local(DateTimeOffset.UtcNow.AddHours(2)),
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, (await Html.ParseAsync(response)).QuerySelector("#case-error")?.TextContent);
        return site.WithDb(db => db.RealisationLots.AsNoTracking().Single(l => l.PledgeCaseId == id && l.PatentNumber == patent));
    }

    private async Task<SettlementRecord> CloseAndSettleAsync(HttpClient center, Guid id, RealisationLotRow lot, Guid winner, long priceFen)
    {
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var endsAt = scope.ServiceProvider.GetRequiredService<TechMarketDbContext>().Auctions.AsNoTracking().Single(a => a.Id == lot.AuctionId).EndsAt;
            Assert.True(await scope.ServiceProvider.GetRequiredService<CloseAuction>().CloseAsync(lot.AuctionId, endsAt.AddSeconds(1), Ct));
        }
        var closed = site.WithDb(db => db.Auctions.AsNoTracking().Single(a => a.Id == lot.AuctionId));
        Assert.Equal((true, winner, priceFen), (closed.Sold, closed.WinnerOrganizationId!.Value, closed.PriceFen!.Value));

        var page = await Html.ParseAsync(await center.GetAsync(new Uri($"/pledges/{id}", UriKind.Relative), Ct));
        var form = (IHtmlFormElement)page.QuerySelector($"#realisation-lots tr[data-lot='{lot.Id}'] form.settle-lot")!;
        var refused = await Html.SubmitAsync(center, form, new Dictionary<string, string> { ["LotSettlement.BuyerRatePercent"] = "6", ["LotSettlement.SellerRatePercent"] = "1" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode); // Auction Law Art. 56: above 5 % is refused
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(center, form, new Dictionary<string, string> { ["LotSettlement.BuyerRatePercent"] = "2", ["LotSettlement.SellerRatePercent"] = "1" })).StatusCode);
        var settlement = site.WithDb(db => db.Settlements.AsNoTracking().Single(s => s.SubjectId == lot.AuctionId));
        Assert.Equal((winner, Company), (settlement.BuyerOrganizationId, settlement.SellerOrganizationId));
        Assert.Equal(settlement.Id, site.WithDb(db => db.RealisationLots.AsNoTracking().Single(l => l.Id == lot.Id)).SettlementId);
        return settlement;
    }

    private async Task PayBalanceAsync(HttpClient center, SettlementRecord settlement)
    {
        var form = (IHtmlFormElement)(await Html.ParseAsync(await center.GetAsync(new Uri("/Center/Payments/Receipts", UriKind.Relative), Ct))).QuerySelector("#receipt-form")!;
        var response = await Html.SubmitAsync(center, form, new Dictionary<string, string>
        {
            ["Input.Reference"] = settlement.PaymentReference, ["Input.AmountYuan"] = (settlement.BuyerOwesFen / 100m).ToString("0.00", CultureInfo.InvariantCulture),
            ["Input.ReceivedOn"] = Day(Today), ["Input.BankReference"] = "BK-BUYER-" + settlement.Id.ToString("N")[..8],
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(SettlementState.AwaitingPayout, site.WithDb(db => db.Settlements.AsNoTracking().Single(s => s.Id == settlement.Id)).State);
    }

    private static async Task<HttpResponseMessage> ApplyProceedsAsync(HttpClient center, Guid id, Guid lotId, string bankReference = "BK-EARLY")
    {
        var page = await Html.ParseAsync(await center.GetAsync(new Uri($"/pledges/{id}", UriKind.Relative), Ct));
        if (page.QuerySelector($"#realisation-lots tr[data-lot='{lotId}'] form.apply-proceeds") is not IHtmlFormElement form)
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        return await Html.SubmitAsync(center, form, new Dictionary<string, string> { ["bankReference"] = bankReference });
    }

    private async Task<PayoutOutcome> PayoutAsync(Guid settlementId, Money amount)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RecordSellerPayout>().RunAsync(settlementId, Guid.NewGuid(), amount, "BK-PLEDGOR-" + settlementId.ToString("N")[..8], Ct);
    }

    private void AssertEntry(string key, params (LedgerAccountKind Kind, Guid? Party, long Fen)[] postings)
    {
        var stored = site.WithDb(db => db.JournalEntries.AsNoTracking().Include(e => e.Postings).Single(e => e.IdempotencyKey == key));
        Assert.Equal(postings.OrderBy(p => p.Kind).ToList(), stored.Postings.Select(p => (p.AccountKind, p.Party, p.AmountFen)).OrderBy(p => p.AccountKind).ToList());
    }

    private static string Local(DateTimeOffset at) => at.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
