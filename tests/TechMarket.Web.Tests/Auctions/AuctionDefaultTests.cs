using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechMarket.Domain.Auctions;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Deals;
using TechMarket.Domain.Payments;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Auctions;
using TechMarket.Infrastructure.Deals;
using TechMarket.Infrastructure.Payments;
using TechMarket.Infrastructure.Payments.Persistence;
using TechMarket.Web.Tests.Infrastructure;

namespace TechMarket.Web.Tests.Auctions;

/// <summary>
/// 悔拍 (SPC 2016 Art. 24) over HTTP on a fake clock and a real database: the center declares the winner in default on
/// its auction page, the deposit is forfeited through the ledger (costs, then the re-auction shortfall to the seller), the
/// defaulter is barred from the re-auction, and the runner-up may be offered the lot at its last bid.
/// </summary>
public abstract class AuctionDefaultTests(ListedTradeSite site)
{
    private static readonly Guid University = AuctionScenario.University;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Start ¥10,000, step ¥500, deposit ¥2,000; A's maximum ¥12,000, B's ¥15,000: B wins at ¥12,500, A is the runner-up at ¥12,000.</summary>
    private const long Start = 1_000_000, DepositFen = 200_000, RunnerUpMax = 1_200_000, Hammer = 1_250_000;

    [Fact]
    public async Task Default_is_refused_before_the_due_date_then_declared_after_it_forfeiting_the_deposit_once()
    {
        site.SkipUnlessAvailable();
        var lot = await SoldLotAsync(settle: true);
        var settlement = site.WithDb(db => db.Settlements.AsNoTracking().Single(s => s.SubjectKind == DepositSubjectKind.Auction && s.SubjectId == lot.Auction.Id));
        var center = await Accounts.SignedInAsync(site, Accounts.Center);

        // The page shows the due date; the confirmation step is required (irreversible).
        var page = await GetAsync(center, $"/center/auctions/{lot.Auction.Id}");
        Assert.Contains(Local(settlement.BuyerDueBy), page.QuerySelector("#buyer-due-by")!.TextContent, StringComparison.Ordinal);
        var unconfirmed = await Html.ParseAsync(await DeclareAsync(center, lot.Auction.Id, "NotPaid", "买受人未付尾款", "300", confirm: false));
        Assert.Contains("勾选确认", unconfirmed.QuerySelector("#confirm-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("买受人未付尾款", unconfirmed.QuerySelector<IHtmlTextAreaElement>("#Default_Reason")!.Value); // kept what was typed

        // Before the due date, non-payment is refused, naming the date; nothing changes.
        var early = await Html.ParseAsync(await DeclareAsync(center, lot.Auction.Id, "NotPaid", "买受人未付尾款", "300"));
        Assert.Contains(Local(settlement.BuyerDueBy), early.QuerySelector("#ground-error")!.TextContent, StringComparison.Ordinal);
        Assert.False(site.WithDb(db => db.AuctionDefaults.Any(d => d.AuctionId == lot.Auction.Id)));
        Assert.Equal(DealStatus.AwaitingSignatures, Deal(lot.Auction.Id).Status);

        // The winner cannot walk away by cancelling the deal: refusing to sign is 悔拍, declared by the center.
        var winner = await Accounts.SignedInAsync(site, lot.Winner.Email, AuctionScenario.Password);
        var dealPage = await GetAsync(winner, $"/deals/{Deal(lot.Auction.Id).Id}");
        var walkAway = await Html.ParseAsync(await Html.SubmitAsync(winner, (IHtmlFormElement)dealPage.QuerySelector("#cancel-form")!,
            new Dictionary<string, string> { ["CancelReason"] = "不想要了" }));
        Assert.Contains("悔拍", walkAway.QuerySelector("[data-valmsg-for='CancelReason']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(DealStatus.AwaitingSignatures, Deal(lot.Auction.Id).Status);
        Assert.Equal(ListingStatus.Sold, site.WithDb(db => db.Listings.AsNoTracking().Single(l => l.Id == lot.Auction.ListingId).Status));

        // After the due date it is declared.
        site.Clock.SetUtcNow(settlement.BuyerDueBy.AddMinutes(1));
        center = await Accounts.SignedInAsync(site, Accounts.Center);
        var (costsBefore, forfeitedBefore, sellerBefore) = (Balance(LedgerAccount.CostsRecovered), Balance(LedgerAccount.ForfeitedDeposits), Balance(LedgerAccount.PayableToSeller(University)));
        var declared = await DeclareAsync(center, lot.Auction.Id, "NotPaid", "买受人未在期限内支付尾款", "300");
        Assert.Equal(HttpStatusCode.Redirect, declared.StatusCode);

        var record = site.WithDb(db => db.AuctionDefaults.AsNoTracking().Single(d => d.AuctionId == lot.Auction.Id));
        Assert.Equal(lot.Winner.OrganizationId, record.OrganizationId);
        Assert.Equal((DepositFen, 30_000L, DepositFen - 30_000L, Hammer), (record.DepositForfeitedFen, record.CostsCoveredFen, record.HeldForShortfallFen, record.DefaultedPriceFen));
        var deal = Deal(lot.Auction.Id);
        Assert.Equal(DealStatus.Cancelled, deal.Status);
        Assert.Contains("买受人未在期限内支付尾款", deal.CancellationReason, StringComparison.Ordinal);
        Assert.Equal(SettlementState.Rescinded, site.WithDb(db => db.Settlements.AsNoTracking().Single(s => s.Id == settlement.Id)).State);
        Assert.Equal(DepositState.Forfeited, DepositOf(lot.Winner.OrganizationId, lot.Auction.Id).State);
        Assert.Equal(ListingStatus.Published, ListingStatusOf(lot.Auction.ListingId));
        // Money: costs recovered, the rest held as forfeited, the concluded deal reversed (seller no longer owed), nothing owed by or to the buyer.
        Assert.Equal(costsBefore - 30_000, Balance(LedgerAccount.CostsRecovered));
        Assert.Equal(forfeitedBefore - (DepositFen - 30_000), Balance(LedgerAccount.ForfeitedDeposits));
        Assert.Equal(sellerBefore + settlement.SellerReceivesFen, Balance(LedgerAccount.PayableToSeller(University)));
        Assert.Equal(0, Balance(LedgerAccount.DueFromBuyer(lot.Winner.OrganizationId)));
        Assert.Equal(0, Balance(LedgerAccount.DepositsHeld(lot.Winner.OrganizationId)));
        Assert.Equal(0, LedgerSum());
        Assert.Contains("auction.default_declared", site.WithDb(db => db.AuditLog.Where(a => a.EntityId == record.Id.ToString()).Select(a => a.Action).ToList()));
        // The runner-up's deposit is due back as after any close (SPC 2016 Art. 23): held until the center releases it, with its deadline.
        var other = DepositOf(lot.RunnerUp.OrganizationId, lot.Auction.Id);
        Assert.Equal(DepositState.Held, other.State);
        Assert.Equal(lot.Auction.EndsAt.AddHours(24), other.ReleaseDueBy!.Value, TimeSpan.FromMinutes(5));

        // The page shows 悔拍 and the bar; the defaulter and the seller are told (in-app and by mail).
        page = await GetAsync(center, $"/center/auctions/{lot.Auction.Id}");
        Assert.Equal("悔拍", page.QuerySelector("#auction-status")!.TextContent.Trim());
        Assert.Contains(lot.Winner.Name, page.QuerySelector("#default-bar")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#declare-default"));
        await WaitForAsync(() => site.WithDb(db => db.Notifications.Any(n => n.OrganizationId == lot.Winner.OrganizationId && n.Title.Contains("悔拍"))
            && db.Notifications.Any(n => n.OrganizationId == University && n.Title.Contains("悔拍"))));
        await WaitForAsync(() => Directory.Exists(site.MailFolder) && Directory.EnumerateFiles(site.MailFolder).Any(f => File.ReadAllText(f).Contains(lot.Winner.Email, StringComparison.OrdinalIgnoreCase)));

        // Declaring twice (a stale form, a second staff member, the use case) changes nothing.
        var entries = site.WithDb(db => db.JournalEntries.Count());
        var again = await DeclareAsync(center, lot.Auction.Id, "NotPaid", "再次提交", "999", form: false);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<DeclareAuctionDefault>().RunAsync(
                new DeclareDefaultCommand(lot.Auction.Id, DefaultGround.RefusedToSign, "第三次", new Money(1), false, null), Ct);
            Assert.True(outcome.WasAlreadyDeclared);
            Assert.Equal(record.Id, outcome.Default!.Id);
        }
        Assert.Equal(entries, site.WithDb(db => db.JournalEntries.Count()));
        Assert.Single(site.WithDb(db => db.AuctionDefaults.Where(d => d.AuctionId == lot.Auction.Id).ToList()));
        Assert.Equal(30_000L, site.WithDb(db => db.AuctionDefaults.AsNoTracking().Single(d => d.AuctionId == lot.Auction.Id)).CostsFen);
        Assert.Equal(0, LedgerSum());
    }

    [Fact]
    public async Task The_defaulter_is_barred_from_the_re_auction_and_its_shortfall_is_paid_to_the_seller_from_the_deposit()
    {
        site.SkipUnlessAvailable();
        var lot = await SoldLotAsync(settle: false);
        var center = await Accounts.SignedInAsync(site, Accounts.Center);
        // A refusal to sign may be declared at once (no settlement yet), costs 0.
        Assert.Equal(HttpStatusCode.Redirect, (await DeclareAsync(center, lot.Auction.Id, "RefusedToSign", DeclareAuctionDefault.RefusedToSignReason, "0")).StatusCode);
        var record = site.WithDb(db => db.AuctionDefaults.AsNoTracking().Single(d => d.AuctionId == lot.Auction.Id));
        Assert.Equal((DepositFen, 0L, DepositFen), (record.DepositForfeitedFen, record.CostsCoveredFen, record.HeldForShortfallFen));
        // The defaulter's deal is cancelled and no other is opened for it afterwards (the scan skips defaulted auctions).
        await using (var scope = site.Services.CreateAsyncScope()) await scope.ServiceProvider.GetRequiredService<OpenAuctionDeals>().RunAsync(Ct);
        Assert.Equal(DealStatus.Cancelled, Assert.Single(site.WithDb(db => db.Deals.AsNoTracking().Where(d => d.OriginId == lot.Auction.Id).ToList())).Status);
        // Nor can the rescinded sale be settled afterwards: that would book the defaulter as owing the price on top of the forfeiture.
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var settleAgain = await scope.ServiceProvider.GetRequiredService<SettleDeal>().RunAsync(new SettleDealCommand(DepositSubjectKind.Auction, lot.Auction.Id,
                lot.Winner.OrganizationId, University, new Money(Hammer), Rate.Zero, Rate.Zero), Ct);
            Assert.Equal(SettleDealRefusal.AuctionDefaulted, settleAgain.Refusal);
        }
        Assert.False(site.WithDb(db => db.Settlements.Any(x => x.SubjectId == lot.Auction.Id)));

        // The re-auction form names the barred organisation. Posted as a browser would: a start cut by more than 20 % and a
        // missing step are answered on their fields (in Chinese and English), keeping what was typed; then it is created
        // (manual bidding, start cut 10 %) and the center lands on the new auction.
        var form = await GetAsync(center, $"/center/auctions?reauctionOf={lot.Auction.Id}");
        Assert.Contains(lot.Winner.Name, form.QuerySelector("#reauction-barred")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(lot.Auction.ListingId.ToString(), form.QuerySelector<IHtmlInputElement>("#Input_Listing")!.Value);
        var now = site.Clock.GetUtcNow();
        var fields = new Dictionary<string, string>
        {
            ["Input.StartYuan"] = "7000", ["Input.StepYuan"] = "", ["Input.DepositYuan"] = "1800", ["Input.ProxyBidding"] = "false",
            ["Input.OpensAt"] = LocalInput(now.AddHours(-1)), ["Input.EndsAt"] = LocalInput(now.AddHours(2)),
        };
        var invalid = await Html.SubmitAsync(center, (IHtmlFormElement)form.QuerySelector("#create-auction")!, fields);
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        var answered = await Html.ParseAsync(invalid);
        var stepError = answered.QuerySelector("[data-valmsg-for='Input.StepYuan']")!.TextContent;
        Assert.Contains("请输入加价幅度", stepError, StringComparison.Ordinal);
        Assert.Contains("The increment is required", stepError, StringComparison.Ordinal);
        Assert.Equal("7000", answered.QuerySelector<IHtmlInputElement>("#Input_StartYuan")!.Value);
        Assert.NotNull(answered.QuerySelector("#reauction-barred")); // still the re-auction form
        fields["Input.StepYuan"] = "500";
        answered = await Html.ParseAsync(await Html.SubmitAsync(center, (IHtmlFormElement)answered.QuerySelector("#create-auction")!, fields));
        var startError = answered.QuerySelector("[data-valmsg-for='Input.StartYuan']")!.TextContent;
        Assert.Contains("降幅不得超过 20%", startError, StringComparison.Ordinal);
        Assert.Contains("at most 20 %", startError, StringComparison.Ordinal);
        Assert.False(site.WithDb(db => db.Auctions.Any(a => a.ReauctionOfId == lot.Auction.Id)));
        fields["Input.StartYuan"] = "9000";
        var created = await Html.SubmitAsync(center, (IHtmlFormElement)answered.QuerySelector("#create-auction")!, fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var reauction = site.WithDb(db => db.Auctions.AsNoTracking().Single(a => a.ReauctionOfId == lot.Auction.Id));
        Assert.Equal($"/center/auctions/{reauction.Id}", created.Headers.Location!.OriginalString);
        Assert.Equal((900_000L, 50_000L, 180_000L, false), (reauction.StartPriceFen, reauction.IncrementFixedFen!.Value, reauction.DepositFen, reauction.ProxyBidding));

        // The defaulter's registration is refused with the rule (page and use case give barred_defaulter).
        var defaulter = await Accounts.SignedInAsync(site, lot.Winner.Email, AuctionScenario.Password);
        var room = await GetAsync(defaulter, $"/auctions/{reauction.Id}");
        Assert.Contains("不得参加重新拍卖", room.QuerySelector("#barred-note")!.TextContent, StringComparison.Ordinal);
        Assert.Null(room.QuerySelector("#register-button"));
        var roomToken = room.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var refused = await Html.ParseAsync(await defaulter.PostAsync(new Uri($"/auctions/{reauction.Id}?handler=Register", UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", roomToken)]), Ct));
        Assert.Contains("不得参加重新拍卖", refused.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.False(site.WithDb(db => db.AuctionRegistrations.Any(r => r.AuctionId == reauction.Id && r.OrganizationId == lot.Winner.OrganizationId)));
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<ApplyForAuction>().RunAsync(reauction.Id, lot.Winner.OrganizationId, null, Ct);
            Assert.Equal("barred_defaulter", result.Code);
        }

        // Even holding a qualified registration with a deposit (entered behind the use case's back), it cannot bid.
        var sneaked = Guid.NewGuid();
        site.WithDb(db =>
        {
            db.AuctionRegistrations.Add(new AuctionRegistration { Id = sneaked, AuctionId = reauction.Id, OrganizationId = lot.Winner.OrganizationId, AppliedAt = now });
            return db.SaveChanges();
        });
        await using (var scope = site.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<QualifyRegistration>().RunAsync(sneaked, null, null, Ct)).Succeeded);
            Assert.True((await scope.ServiceProvider.GetRequiredService<MarkDepositReceived>().RunAsync(sneaked, null, Ct)).Succeeded);
        }
        var bid = await AuctionScenario.BidAsync(defaulter, reauction.Id, 1_500_000);
        Assert.Equal(HttpStatusCode.Forbidden, bid.StatusCode);
        using (var body = JsonDocument.Parse(await bid.Content.ReadAsStringAsync(Ct))) Assert.Equal("barred_defaulter", body.RootElement.GetProperty("reason").GetString());
        Assert.False(site.WithDb(db => db.AuctionBids.Any(b => b.AuctionId == reauction.Id)));

        // Another company buys at ¥11,500: ¥1,000 short of the defaulted ¥12,500, paid to the seller from the forfeited deposit.
        var buyer = await AuctionScenario.NewBidderAsync(site, "重拍买受科技有限公司");
        await AuctionScenario.RegisterAsync(site, reauction.Id, buyer.OrganizationId);
        Assert.Equal(HttpStatusCode.OK, (await AuctionScenario.BidAsync(buyer.Client, reauction.Id, 1_150_000)).StatusCode);
        var (sellerBefore, forfeitedBefore) = (Balance(LedgerAccount.PayableToSeller(University)), Balance(LedgerAccount.ForfeitedDeposits));
        await using (var scope = site.Services.CreateAsyncScope())
        {
            // While the re-auction runs the shortfall is not known: nothing is paid.
            await scope.ServiceProvider.GetRequiredService<SettleDefaultShortfall>().RunDueAsync(Ct);
            Assert.Null(site.WithDb(db => db.AuctionDefaults.AsNoTracking().Single(d => d.Id == record.Id)).ShortfallSettledAt);
            site.Clock.SetUtcNow(reauction.EndsAt.AddMinutes(1));
            await scope.ServiceProvider.GetRequiredService<CloseAuction>().CloseAsync(reauction.Id, site.Clock.GetUtcNow(), Ct);
            await scope.ServiceProvider.GetRequiredService<SettleDefaultShortfall>().RunDueAsync(Ct);
            await scope.ServiceProvider.GetRequiredService<SettleDefaultShortfall>().RunDueAsync(Ct); // twice: pays once
        }
        var settled = site.WithDb(db => db.AuctionDefaults.AsNoTracking().Single(d => d.Id == record.Id));
        Assert.Equal((100_000L, reauction.Id, 1_150_000L), (settled.ShortfallPaidFen, settled.ResaleAuctionId!.Value, settled.ResalePriceFen!.Value));
        Assert.Equal(sellerBefore - 100_000, Balance(LedgerAccount.PayableToSeller(University)));
        Assert.Equal(forfeitedBefore + 100_000, Balance(LedgerAccount.ForfeitedDeposits));
        Assert.Equal(1, site.WithDb(db => db.JournalEntries.Count(e => e.CauseKind == BusinessEventKind.ReauctionShortfallCovered && e.CauseId == record.Id)));
        Assert.Equal(0, LedgerSum());
        var manage = await GetAsync(center, $"/center/auctions/{lot.Auction.Id}");
        Assert.Contains("1,000.00", manage.QuerySelector("#default-shortfall")!.TextContent, StringComparison.Ordinal);

        // The center pays the booked shortfall out: the bank reference is required and the irreversible step confirmed.
        var payout = (IHtmlFormElement)manage.QuerySelector("#pay-shortfall")!;
        var missing = await Html.ParseAsync(await Html.SubmitAsync(center, payout, new Dictionary<string, string> { ["Shortfall.Confirm"] = "true" }));
        Assert.Contains("请填写付款银行流水号", missing.QuerySelector("#shortfall-reference-error")!.TextContent, StringComparison.Ordinal);
        var unconfirmed = await Html.ParseAsync(await Html.SubmitAsync(center, payout, new Dictionary<string, string> { ["Shortfall.BankReference"] = "BK-SHORT-1" }));
        Assert.Contains("勾选确认", unconfirmed.QuerySelector("#shortfall-confirm-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("BK-SHORT-1", unconfirmed.QuerySelector<IHtmlInputElement>("#Shortfall_BankReference")!.Value);
        Assert.False(site.WithDb(db => db.PaymentRecords.Any(p => p.Purpose == PaymentPurpose.DefaultShortfall && p.OrganizationId == University && p.ExternalReference == "BK-SHORT-1")));
        var payableBefore = Balance(LedgerAccount.PayableToSeller(University));
        var confirmed = new Dictionary<string, string> { ["Shortfall.BankReference"] = "BK-SHORT-1", ["Shortfall.Confirm"] = "true" };
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(center, payout, confirmed)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(center, payout, confirmed)).StatusCode); // the form sent twice
        var paid = Assert.Single(site.WithDb(db => db.PaymentRecords.AsNoTracking().Where(p => p.Purpose == PaymentPurpose.DefaultShortfall && p.OrganizationId == University).ToList()));
        Assert.Equal((100_000L, PaymentDirection.Outgoing, "BK-SHORT-1"), (paid.AmountFen, paid.Direction, paid.ExternalReference));
        Assert.Equal(RecordDefaultTransfer.JournalKey(DefaultTransfer.ShortfallToSeller, record.Id), paid.JournalKey);
        // One entry, keyed by the default: the seller's payable discharged by money leaving the bank.
        Assert.Equal(new (LedgerAccountKind, long)[] { (LedgerAccountKind.CashAtBank, -100_000L), (LedgerAccountKind.PayableToSellers, 100_000L) }, PostingsOf(BusinessEventKind.ShortfallPaidOut, record.Id));
        Assert.Equal(payableBefore + 100_000, Balance(LedgerAccount.PayableToSeller(University)));
        Assert.Equal(0, LedgerSum());
        Assert.Contains("auction.default_shortfall_paid_out", site.WithDb(db => db.AuditLog.Where(a => a.EntityId == paid.Id.ToString()).Select(a => a.Action).ToList()));
        manage = await GetAsync(center, $"/center/auctions/{lot.Auction.Id}");
        Assert.Null(manage.QuerySelector("#pay-shortfall"));
        Assert.Contains("BK-SHORT-1", manage.QuerySelector("#shortfall-paid")!.TextContent, StringComparison.Ordinal);

        // The seller sees it on its side: told, with the payment among its receipts; the defaulter cannot open that receipt.
        await WaitForAsync(() => site.WithDb(db => db.Notifications.Any(n => n.OrganizationId == University && n.Link == $"/Payments/Receipt/{paid.Id}")));
        var seller = await Accounts.SignedInAsync(site, Accounts.University);
        var receipts = (await GetAsync(seller, "/payments/ledger")).QuerySelector("#payments")!.TextContent;
        Assert.Contains("悔拍差价", receipts, StringComparison.Ordinal);
        Assert.Contains("1,000.00", (await GetAsync(seller, $"/Payments/Receipt/{paid.Id}")).QuerySelector("#receipt-amount")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await defaulter.GetAsync(new Uri($"/Payments/Receipt/{paid.Id}", UriKind.Relative), Ct)).StatusCode);

        // Nothing was paid toward the price (no settlement): there is nothing to return to the defaulter.
        Assert.Null(manage.QuerySelector("#return-payments"));
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var nothing = await scope.ServiceProvider.GetRequiredService<RecordDefaultTransfer>().RunAsync(record.Id, DefaultTransfer.PaymentsToDefaulter, "BK-NONE", Ct);
            Assert.Equal(DefaultTransferRefusal.NothingOwed, nothing.Refusal);
        }
    }

    [Fact]
    public async Task The_defaulters_part_payment_of_the_price_is_returned_only_the_deposit_is_forfeited()
    {
        site.SkipUnlessAvailable();
        var lot = await SoldLotAsync(settle: true);
        var settlement = site.WithDb(db => db.Settlements.AsNoTracking().Single(s => s.SubjectKind == DepositSubjectKind.Auction && s.SubjectId == lot.Auction.Id));
        // The winner pays ¥5,000 of the balance by bank transfer, then nothing more.
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var booked = await scope.ServiceProvider.GetRequiredService<RecordBankReceipt>().RunAsync(new BankReceiptInput(Guid.NewGuid().ToString("N"),
                settlement.PaymentReference, new Money(500_000), DateOnly.FromDateTime(site.Clock.GetUtcNow().UtcDateTime), "BK-PART-1", null, null, null), Ct);
            Assert.Equal(500_000L, site.WithDb(db => db.Settlements.AsNoTracking().Single(s => s.Id == settlement.Id)).BuyerPaidFen);
            Assert.Equal(settlement.Id, booked.Receipt.SettlementId);
        }
        site.Clock.SetUtcNow(settlement.BuyerDueBy.AddMinutes(1));
        var center = await Accounts.SignedInAsync(site, Accounts.Center);
        Assert.Equal(HttpStatusCode.Redirect, (await DeclareAsync(center, lot.Auction.Id, "NotPaid", "尾款仅付一部分", "0")).StatusCode);
        var record = site.WithDb(db => db.AuctionDefaults.AsNoTracking().Single(d => d.AuctionId == lot.Auction.Id));
        // The deposit is forfeited; the part-payment stays a credit on the defaulter's account, owed back to it.
        Assert.Equal(DepositFen, record.DepositForfeitedFen);
        Assert.Equal(-500_000, Balance(LedgerAccount.DueFromBuyer(lot.Winner.OrganizationId)));

        var manage = await GetAsync(center, $"/center/auctions/{lot.Auction.Id}");
        Assert.Contains("5,000.00", manage.QuerySelector("#defaulter-paid")!.TextContent, StringComparison.Ordinal);
        Assert.Null(manage.QuerySelector("#pay-shortfall")); // the re-sale is not known yet
        var refund = (IHtmlFormElement)manage.QuerySelector("#return-payments")!;
        var unconfirmed = await Html.ParseAsync(await Html.SubmitAsync(center, refund, new Dictionary<string, string> { ["Refund.BankReference"] = "BK-BACK-1" }));
        Assert.Contains("勾选确认", unconfirmed.QuerySelector("#refund-confirm-error")!.TextContent, StringComparison.Ordinal);
        var tooLong = await Html.ParseAsync(await Html.SubmitAsync(center, refund, new Dictionary<string, string> { ["Refund.BankReference"] = new string('9', 101), ["Refund.Confirm"] = "true" }));
        Assert.Contains("最长 100", tooLong.QuerySelector("#refund-reference-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(-500_000, Balance(LedgerAccount.DueFromBuyer(lot.Winner.OrganizationId)));

        var confirmed = new Dictionary<string, string> { ["Refund.BankReference"] = "BK-BACK-1", ["Refund.Confirm"] = "true" };
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(center, refund, confirmed)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(center, refund, confirmed)).StatusCode); // a double click
        var returned = Assert.Single(site.WithDb(db => db.PaymentRecords.AsNoTracking().Where(p => p.Purpose == PaymentPurpose.DefaulterRefund && p.OrganizationId == lot.Winner.OrganizationId).ToList()));
        Assert.Equal((500_000L, settlement.Id, "BK-BACK-1"), (returned.AmountFen, returned.SettlementId!.Value, returned.ExternalReference));
        Assert.Equal(new (LedgerAccountKind, long)[] { (LedgerAccountKind.CashAtBank, -500_000L), (LedgerAccountKind.DueFromBuyers, 500_000L) }, PostingsOf(BusinessEventKind.DefaulterPaymentsReturned, record.Id));
        Assert.Equal(0, Balance(LedgerAccount.DueFromBuyer(lot.Winner.OrganizationId)));
        Assert.Equal(0, Balance(LedgerAccount.DepositsHeld(lot.Winner.OrganizationId)));
        Assert.Equal(0, LedgerSum());
        Assert.Contains("auction.default_payments_returned", site.WithDb(db => db.AuditLog.Where(a => a.EntityId == returned.Id.ToString()).Select(a => a.Action).ToList()));
        manage = await GetAsync(center, $"/center/auctions/{lot.Auction.Id}");
        Assert.Null(manage.QuerySelector("#return-payments"));
        Assert.Contains("BK-BACK-1", manage.QuerySelector("#defaulter-refunded")!.TextContent, StringComparison.Ordinal);

        // The defaulter is told and finds the refund among its receipts.
        await WaitForAsync(() => site.WithDb(db => db.Notifications.Any(n => n.OrganizationId == lot.Winner.OrganizationId && n.Link == $"/Payments/Receipt/{returned.Id}")));
        var defaulter = await Accounts.SignedInAsync(site, lot.Winner.Email, AuctionScenario.Password);
        Assert.Contains("退还悔拍方已付价款", (await GetAsync(defaulter, "/payments/ledger")).QuerySelector("#payments")!.TextContent, StringComparison.Ordinal);

        // The shortfall cannot be paid out before the re-sale is known, whatever is posted.
        var early = await Html.ParseAsync(await center.PostAsync(new Uri($"/center/auctions/{lot.Auction.Id}?handler=PayShortfall", UriKind.Relative),
            new FormUrlEncodedContent([new("Shortfall.BankReference", "BK-EARLY"), new("Shortfall.Confirm", "true"),
                new("__RequestVerificationToken", manage.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value)]), Ct));
        Assert.Contains("差价未知", early.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.False(site.WithDb(db => db.PaymentRecords.Any(p => p.ExternalReference == "BK-EARLY")));
    }

    /// <summary>
    /// The deal scan and a declaration in the same instant, many times over on fresh lots: the two take the auction's row
    /// lock, so either the declaration came first (no deal) or the scan did (its deal then cancelled by the declaration);
    /// never a default beside an open deal.
    /// </summary>
    [Fact]
    public async Task A_declaration_racing_the_deal_scan_never_leaves_a_default_beside_an_open_deal()
    {
        site.SkipUnlessAvailable();
        const int Rounds = 12;
        var listingId = UnusedListing();
        for (var round = 0; round < Rounds; round++)
        {
            var auction = await ClosedUnopenedLotAsync(listingId, round);
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var declare = Task.Run(async () =>
            {
                await start.Task;
                await using var scope = site.Services.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<DeclareAuctionDefault>().RunAsync(
                    new DeclareDefaultCommand(auction.Id, DefaultGround.RefusedToSign, DeclareAuctionDefault.RefusedToSignReason, Money.Zero, false, null), Ct);
            }, Ct);
            var scan = Task.Run(async () =>
            {
                await start.Task;
                await using var scope = site.Services.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<OpenAuctionDeals>().RunAsync(Ct);
            }, Ct);
            start.SetResult();
            await Task.WhenAll(declare, scan);
            var declared = await declare;

            Assert.True(declared.Succeeded, declared.Error);
            Assert.Single(site.WithDb(db => db.AuctionDefaults.AsNoTracking().Where(d => d.AuctionId == auction.Id).ToList()));
            var deals = site.WithDb(db => db.Deals.AsNoTracking().Where(d => d.Origin == DealOrigin.Auction && d.OriginId == auction.Id).ToList());
            var noDeal = deals.Count == 0;
            var cancelled = deals.Count == 1 && deals[0].Status == DealStatus.Cancelled;
            Assert.True(noDeal ^ cancelled, $"round {round}: {deals.Count} deal(s), {string.Join(", ", deals.Select(d => d.Status))}");
            Assert.Equal(ListingStatus.Published, ListingStatusOf(listingId));
            Assert.Equal(0, LedgerSum());
        }
    }

    /// <summary>A fresh auction of the listing sold to a fresh bidder and closed, whose deal the scan has not opened yet.</summary>
    private async Task<Auction> ClosedUnopenedLotAsync(Guid listingId, int round)
    {
        var now = site.Clock.GetUtcNow();
        var bidder = await AuctionScenario.NewBidderAsync(site, $"并发悔拍科技有限公司{round}-" + Guid.NewGuid().ToString("N")[..4]);
        var auction = await AuctionScenario.SoldAndClosedAsync(site, listingId, bidder, Start, DepositFen, now.AddHours(-1), now.AddHours(1));
        Assert.False(site.WithDb(db => db.Deals.Any(d => d.OriginId == auction.Id)));
        return auction;
    }

    [Fact]
    public async Task The_runner_up_accepts_the_lot_at_its_last_bid_and_gets_one_deal_no_one_else_sees_the_offer()
    {
        site.SkipUnlessAvailable();
        var lot = await SoldLotAsync(settle: false);
        var center = await Accounts.SignedInAsync(site, Accounts.Center);
        Assert.Equal(HttpStatusCode.Redirect, (await DeclareAsync(center, lot.Auction.Id, "RefusedToSign", "拒绝签署成交确认书", "0", runnerUp: true)).StatusCode);
        var offer = site.WithDb(db => db.RunnerUpOffers.AsNoTracking().Single(o => o.AuctionId == lot.Auction.Id));
        Assert.Equal((lot.RunnerUp.OrganizationId, RunnerUpMax, RunnerUpOfferStatus.Pending), (offer.OrganizationId, offer.PriceFen, offer.Status));
        Assert.True(offer.RespondBy > site.Clock.GetUtcNow().AddDays(2)); // 3 working days
        Assert.Equal(ListingStatus.UnderOffer, ListingStatusOf(lot.Auction.ListingId));
        await WaitForAsync(() => site.WithDb(db => db.Notifications.Any(n => n.OrganizationId == lot.RunnerUp.OrganizationId && n.Link == $"/auctions/offers/{offer.Id}")));

        // While the offer stands the lot cannot be re-auctioned.
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var now = site.Clock.GetUtcNow();
            var blocked = await scope.ServiceProvider.GetRequiredService<CreateAuction>().RunAsync(new AuctionSetup(lot.Auction.ListingId, AuctionScenario.Center,
                Start, null, 50_000, 100_000, now, now.AddHours(3), ReauctionOfId: lot.Auction.Id), Ct);
            Assert.False(blocked.Succeeded);
        }

        // Only the runner-up's organisation sees it: the defaulter, the seller and the center's staff get 404.
        foreach (var outsider in new[] { lot.Winner.Client, await Accounts.SignedInAsync(site, Accounts.University), center })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(new Uri($"/auctions/offers/{offer.Id}", UriKind.Relative), Ct)).StatusCode);
        }
        var runnerUp = await Accounts.SignedInAsync(site, lot.RunnerUp.Email, AuctionScenario.Password);
        var page = await GetAsync(runnerUp, $"/auctions/offers/{offer.Id}");
        Assert.Contains("12,000.00", page.QuerySelector("#offer-price")!.TextContent, StringComparison.Ordinal);
        // An outsider posting an answer (with its own valid token) changes nothing.
        var token = (await GetAsync(lot.Winner.Client, "/")).QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var foreign = await lot.Winner.Client.PostAsync(new Uri($"/auctions/offers/{offer.Id}?handler=Accept", UriKind.Relative),
            new FormUrlEncodedContent([new("confirm", "true"), new("__RequestVerificationToken", token)]), Ct);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);

        // Unconfirmed: asked to confirm. Confirmed: one deal at the runner-up's last bid, with its settlement.
        var unconfirmed = await Html.ParseAsync(await AnswerAsync(runnerUp, page, offer.Id, "Accept", confirm: false));
        Assert.Contains("勾选确认", unconfirmed.QuerySelector("#offer-confirm-error")!.TextContent, StringComparison.Ordinal);
        var accepted = await AnswerAsync(runnerUp, page, offer.Id, "Accept", confirm: true);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(runnerUp, page, offer.Id, "Accept", confirm: true)).StatusCode); // a double click
        var deals = site.WithDb(db => db.Deals.AsNoTracking().Where(d => d.ListingId == lot.Auction.ListingId && d.Status != DealStatus.Cancelled).ToList());
        var deal = Assert.Single(deals);
        Assert.Equal((DealOrigin.RunnerUpOffer, offer.Id, lot.RunnerUp.OrganizationId, RunnerUpMax), (deal.Origin, deal.OriginId, deal.BuyerOrganizationId, deal.PriceFen));
        Assert.Equal($"/deals/{deal.Id}", accepted.Headers.Location!.OriginalString);
        var settlement = site.WithDb(db => db.Settlements.AsNoTracking().Single(s => s.SubjectKind == DepositSubjectKind.Deal && s.SubjectId == deal.Id));
        Assert.Equal((RunnerUpMax, RunnerUpMax), (settlement.PriceFen, settlement.BuyerOwesFen));
        Assert.Equal(RunnerUpOfferStatus.Accepted, site.WithDb(db => db.RunnerUpOffers.AsNoTracking().Single(o => o.Id == offer.Id)).Status);
        Assert.Equal(ListingStatus.Sold, ListingStatusOf(lot.Auction.ListingId));

        // The runner-up's price measures the shortfall: ¥500 from the forfeited deposit to the seller.
        await using (var scope = site.Services.CreateAsyncScope()) await scope.ServiceProvider.GetRequiredService<SettleDefaultShortfall>().RunDueAsync(Ct);
        Assert.Equal(Hammer - RunnerUpMax, site.WithDb(db => db.AuctionDefaults.AsNoTracking().Single(d => d.AuctionId == lot.Auction.Id)).ShortfallPaidFen);
        Assert.Equal(0, LedgerSum());
    }

    [Fact]
    public async Task A_declined_or_lapsed_offer_leaves_the_lot_for_the_re_auction()
    {
        site.SkipUnlessAvailable();
        var declinedLot = await SoldLotAsync(settle: false);
        var lapsedLot = await SoldLotAsync(settle: false);
        var center = await Accounts.SignedInAsync(site, Accounts.Center);
        foreach (var lot in new[] { declinedLot, lapsedLot })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await DeclareAsync(center, lot.Auction.Id, "RefusedToSign", DeclareAuctionDefault.RefusedToSignReason, "0", runnerUp: true)).StatusCode);
        }

        var declined = site.WithDb(db => db.RunnerUpOffers.AsNoTracking().Single(o => o.AuctionId == declinedLot.Auction.Id));
        var runnerUp = await Accounts.SignedInAsync(site, declinedLot.RunnerUp.Email, AuctionScenario.Password);
        var page = await GetAsync(runnerUp, $"/auctions/offers/{declined.Id}");
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(runnerUp, page, declined.Id, "Decline", confirm: true)).StatusCode);
        Assert.Equal(RunnerUpOfferStatus.Declined, site.WithDb(db => db.RunnerUpOffers.AsNoTracking().Single(o => o.Id == declined.Id)).Status);
        Assert.Equal(ListingStatus.Published, ListingStatusOf(declinedLot.Auction.ListingId));
        // Accepting after declining is refused; no deal.
        var late = await Html.ParseAsync(await AnswerAsync(runnerUp, page, declined.Id, "Accept", confirm: true));
        Assert.Contains("已答复或已失效", late.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.False(site.WithDb(db => db.Deals.Any(d => d.Origin == DealOrigin.RunnerUpOffer && d.OriginId == declined.Id)));

        // No answer within 3 working days: the offer lapses and the lot returns to the market; a late answer is refused.
        var lapsed = site.WithDb(db => db.RunnerUpOffers.AsNoTracking().Single(o => o.AuctionId == lapsedLot.Auction.Id));
        site.Clock.SetUtcNow(lapsed.RespondBy.AddMinutes(1));
        await using (var scope = site.Services.CreateAsyncScope()) await scope.ServiceProvider.GetRequiredService<LapseRunnerUpOffers>().RunAsync(Ct);
        Assert.Equal(RunnerUpOfferStatus.Lapsed, site.WithDb(db => db.RunnerUpOffers.AsNoTracking().Single(o => o.Id == lapsed.Id)).Status);
        Assert.Equal(ListingStatus.Published, ListingStatusOf(lapsedLot.Auction.ListingId));
        var lapsedClient = await Accounts.SignedInAsync(site, lapsedLot.RunnerUp.Email, AuctionScenario.Password);
        var lapsedPage = await GetAsync(lapsedClient, $"/auctions/offers/{lapsed.Id}");
        Assert.Null(lapsedPage.QuerySelector("#offer-answer"));
        Assert.Equal("已失效", lapsedPage.QuerySelector("#offer-status")!.TextContent.Trim());
        Assert.False(site.WithDb(db => db.Deals.Any(d => d.Origin == DealOrigin.RunnerUpOffer && d.OriginId == lapsed.Id)));
    }

    private sealed record Lot(Auction Auction, Bidder Winner, Bidder RunnerUp);

    /// <summary>A fresh listing auctioned and sold (proxy: A to ¥12,000, B to ¥15,000 → B at ¥12,500), its deal opened, optionally settled.</summary>
    private async Task<Lot> SoldLotAsync(bool settle)
    {
        var listingId = UnusedListing();
        Auction auction;
        var now = site.Clock.GetUtcNow();
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<CreateAuction>().RunAsync(new AuctionSetup(listingId, AuctionScenario.Center,
                Start, null, 50_000, DepositFen, now.AddHours(-1), now.AddHours(1), ProxyBidding: true), Ct);
            Assert.True(created.Succeeded, created.Error);
            auction = created.Auction!;
        }
        var runnerUp = await AuctionScenario.NewBidderAsync(site, "次高出价科技有限公司" + Guid.NewGuid().ToString("N")[..4]);
        var winner = await AuctionScenario.NewBidderAsync(site, "悔拍竞得科技有限公司" + Guid.NewGuid().ToString("N")[..4]);
        await AuctionScenario.RegisterAsync(site, auction.Id, runnerUp.OrganizationId);
        await AuctionScenario.RegisterAsync(site, auction.Id, winner.OrganizationId);
        Assert.Equal(HttpStatusCode.OK, (await AuctionScenario.BidAsync(runnerUp.Client, auction.Id, RunnerUpMax)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AuctionScenario.BidAsync(winner.Client, auction.Id, 1_500_000)).StatusCode);
        site.Clock.SetUtcNow(auction.EndsAt.AddMinutes(1));
        await using (var scope = site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CloseAuction>().CloseAsync(auction.Id, site.Clock.GetUtcNow(), Ct);
            auction = await scope.ServiceProvider.GetRequiredService<TechMarket.Infrastructure.Data.TechMarketDbContext>().Auctions.AsNoTracking().SingleAsync(a => a.Id == auction.Id, Ct);
            Assert.Equal((winner.OrganizationId, Hammer), (auction.WinnerOrganizationId!.Value, auction.PriceFen!.Value));
            await scope.ServiceProvider.GetRequiredService<OpenAuctionDeals>().RunAsync(Ct);
            if (settle)
            {
                var settled = await scope.ServiceProvider.GetRequiredService<SettleDeal>().RunAsync(new SettleDealCommand(DepositSubjectKind.Auction, auction.Id,
                    winner.OrganizationId, University, new Money(Hammer), Rate.Zero, Rate.Zero), Ct);
                Assert.True(settled.Succeeded);
                Assert.Equal(DepositState.Applied, DepositOf(winner.OrganizationId, auction.Id).State);
            }
        }
        Assert.Equal(ListingStatus.Sold, ListingStatusOf(listingId));
        return new Lot(auction, winner, runnerUp);
    }

    /// <summary>The center's 宣告悔拍 form, filled and sent as a browser would (or, with <paramref name="form"/> false, re-sent from the page's token alone).</summary>
    private static async Task<HttpResponseMessage> DeclareAsync(HttpClient center, Guid auctionId, string ground, string reason, string costs, bool confirm = true,
        bool runnerUp = false, bool form = true)
    {
        var page = await GetAsync(center, $"/center/auctions/{auctionId}");
        var values = new Dictionary<string, string> { ["Default.Ground"] = ground, ["Default.Reason"] = reason, ["Default.CostsYuan"] = costs };
        if (confirm) values["Default.Confirm"] = "true";
        if (runnerUp) values["Default.OfferRunnerUp"] = "true";
        if (form) return await Html.SubmitAsync(center, (IHtmlFormElement)page.QuerySelector("#declare-default")!, values);
        values["__RequestVerificationToken"] = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        return await center.PostAsync(new Uri($"/center/auctions/{auctionId}?handler=Default", UriKind.Relative), new FormUrlEncodedContent(values), Ct);
    }

    private static Task<HttpResponseMessage> AnswerAsync(HttpClient client, IDocument page, Guid offerId, string handler, bool confirm)
    {
        var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        List<KeyValuePair<string, string>> fields = [new("__RequestVerificationToken", token)];
        if (confirm) fields.Add(new("confirm", "true"));
        return client.PostAsync(new Uri($"/auctions/offers/{offerId}?handler={handler}", UriKind.Relative), new FormUrlEncodedContent(fields), Ct);
    }

    /// <summary>A published assignment listing of the university that no trade, auction or deal has used yet.</summary>
    private Guid UnusedListing() => site.WithDb(db =>
    {
        var used = db.ListedTrades.Select(t => t.ListingId).Concat(db.Auctions.Select(a => a.ListingId)).Concat(db.Deals.Select(d => d.ListingId)).ToHashSet();
        return db.Listings.AsNoTracking().Where(l => l.OrganizationId == University && l.Status == ListingStatus.Published && !l.IsPledged)
            .OrderByDescending(l => l.Id).ToList()
            .First(l => !used.Contains(l.Id) && l.TradeModes.HasFlag(TradeModes.Assignment)).Id;
    });

    private DealRecord Deal(Guid auctionId) => site.WithDb(db => db.Deals.AsNoTracking().Single(d => d.Origin == DealOrigin.Auction && d.OriginId == auctionId));

    private DepositRecord DepositOf(Guid organizationId, Guid auctionId) => site.WithDb(db =>
        db.Deposits.AsNoTracking().Single(d => d.OrganizationId == organizationId && d.SubjectKind == DepositSubjectKind.Auction && d.SubjectId == auctionId));

    private ListingStatus ListingStatusOf(Guid listingId) => site.WithDb(db => db.Listings.AsNoTracking().Single(l => l.Id == listingId).Status);

    private long Balance(LedgerAccount account) =>
        site.WithDb(db => db.Postings.Where(p => p.AccountKind == account.Kind && p.Party == account.Party).Sum(p => p.AmountFen));

    /// <summary>The postings of the one journal entry this event caused, by account kind (fails if there is not exactly one entry).</summary>
    private List<(LedgerAccountKind, long)> PostingsOf(BusinessEventKind kind, Guid causeId) => site.WithDb(db =>
    {
        var entry = Assert.Single(db.JournalEntries.AsNoTracking().Where(e => e.CauseKind == kind && e.CauseId == causeId).Include(e => e.Postings).ToList());
        return entry.Postings.Select(p => (p.AccountKind, p.AmountFen)).OrderBy(p => p.AccountKind.ToString(), StringComparer.Ordinal).ToList();
    });

    private long LedgerSum() => site.WithDb(db => db.Postings.Sum(p => p.AmountFen));

    private static Task WaitForAsync(Func<bool> condition) => Eventually.TrueAsync(condition);

    private static async Task<IDocument> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {response.Headers.Location}");
        return await Html.ParseAsync(response);
    }

    private static string Local(DateTimeOffset at) => at.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A datetime-local field's value, in Beijing time as the form takes it.</summary>
    private static string LocalInput(DateTimeOffset at) => at.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}

[Collection(ListedTradeSqliteCollection.Name)]
public sealed class SqliteAuctionDefaultTests(ListedTradeSqliteSite site) : AuctionDefaultTests(site);

[Collection(ListedTradePostgresCollection.Name)]
public sealed class PostgresAuctionDefaultTests(ListedTradePostgresSite site) : AuctionDefaultTests(site);
