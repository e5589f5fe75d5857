using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Deals;
using TechMarket.Domain.Organizations;
using TechMarket.Domain.Payments;
using TechMarket.Domain.Shared;
using TechMarket.Domain.Trading;
using TechMarket.Infrastructure.Auctions;
using TechMarket.Infrastructure.Calendar;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Deals;
using TechMarket.Infrastructure.Payments;

namespace TechMarket.Infrastructure.Trading;

/// <summary>
/// 公示期满: the expiry job's work. A qualified buyer who has not paid by the deadline loses the qualification; at the
/// end of the period (DOMAIN.md "Listed trade" rule 3) exactly one qualified paid buyer gets an agreement deal at its
/// offered price (≥ the listing price; the deposit is applied later by <see cref="SettleDeal"/>), two or more go to an
/// auction with them as its qualified bidders and their deposits carried over, none ends the trade unsold (the listing
/// expires and the seller is offered to relist). Each trade is handled under its lock with its status re-read, so it is
/// decided once on any number of nodes and after any restart.
/// </summary>
public sealed class DecideListedTrades(TechMarketDbContext db, IServiceProvider services, WorkingCalendar calendar, DeadlineOptions deadlines,
    Auctions.OutboxSignal auctionOutbox, Outbox.OutboxSignal listingOutbox, ILogger<DecideListedTrades> logger)
{
    /// <summary>Lapses overdue qualifications and decides every trade whose period ended by <paramref name="now"/>; returns the trades decided.</summary>
    public async Task<IReadOnlyList<Guid>> RunDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var lapsing = await db.TradeIntentions.AsNoTracking()
            .Where(i => i.Status == IntentionStatus.Qualified && i.DepositDueBy <= now)
            .Join(db.ListedTrades.Where(t => t.Status == ListedTradeStatus.Open && t.EndsAt > now), i => i.ListedTradeId, t => t.Id, (i, t) => t.Id)
            .Distinct().OrderBy(id => id).Take(100).ToListAsync(ct).ConfigureAwait(false);
        foreach (var tradeId in lapsing) await LapseAsync(tradeId, now, ct).ConfigureAwait(false);

        var due = await db.ListedTrades.AsNoTracking().Where(t => t.Status == ListedTradeStatus.Open && t.EndsAt <= now)
            .OrderBy(t => t.EndsAt).Select(t => t.Id).Take(100).ToListAsync(ct).ConfigureAwait(false);
        var decided = new List<Guid>();
        foreach (var id in due)
        {
            if (await DecideAsync(id, now, ct).ConfigureAwait(false)) decided.Add(id);
        }
        return decided;
    }

    /// <summary>Qualified buyers whose deposit is still unpaid at its deadline lose the qualification (exchange practice).</summary>
    public async Task<int> LapseAsync(Guid tradeId, DateTimeOffset now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await RowLock.TakeAsync<ListedTrade>(db, tradeId, ct).ConfigureAwait(false);
        var trade = await db.ListedTrades.FirstOrDefaultAsync(t => t.Id == tradeId, ct).ConfigureAwait(false);
        if (trade is null || trade.Status != ListedTradeStatus.Open) return 0;
        var lapsed = await LapseUnpaidAsync(trade, now, ct).ConfigureAwait(false);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        auctionOutbox.Poke();
        return lapsed;
    }

    /// <summary>True when this call decided the trade; false when it was not due or another caller decided it first.</summary>
    public async Task<bool> DecideAsync(Guid tradeId, DateTimeOffset now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await RowLock.TakeAsync<ListedTrade>(db, tradeId, ct).ConfigureAwait(false);
        var trade = await db.ListedTrades.FirstOrDefaultAsync(t => t.Id == tradeId, ct).ConfigureAwait(false);
        if (trade is null || trade.Status != ListedTradeStatus.Open || trade.EndsAt > now) return false;

        if (await LapseUnpaidAsync(trade, now, ct).ConfigureAwait(false) > 0) await db.SaveChangesAsync(ct).ConfigureAwait(false);
        var intentions = await db.TradeIntentions.Where(i => i.ListedTradeId == tradeId).ToListAsync(ct).ConfigureAwait(false);
        foreach (var late in intentions.Where(i => i.Status == IntentionStatus.Registered))
        {
            late.Status = IntentionStatus.NotQualifiedInTime;
            late.ClosedAt = now;
        }
        var held = await db.Deposits.AsNoTracking()
            .Where(d => d.SubjectKind == DepositSubjectKind.ListedTrade && d.SubjectId == tradeId && d.State == DepositState.Held)
            .Select(d => d.OrganizationId).ToListAsync(ct).ConfigureAwait(false);
        var decision = ListedTradeRules.Decide(intentions.Select(i => new IntentionAtExpiry(i.Id, i.OrganizationId, i.Status, held.Contains(i.OrganizationId), i.OfferedPrice)));
        trade.DecidedAt = now;
        db.AuditAs("listed_trade.period_ended", $"{decision.Kind}: {decision.Buyers.Count} qualified buyer(s) with a paid deposit");
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        switch (decision.Kind)
        {
            case ListedTradeDecisionKind.AgreementDeal:
                await OpenAgreementDealAsync(trade, intentions.Single(i => i.Id == decision.Buyers[0].IntentionId), now, ct).ConfigureAwait(false);
                break;
            case ListedTradeDecisionKind.Auction:
                await ConvertToAuctionAsync(trade, [.. intentions.Where(i => decision.Buyers.Any(b => b.IntentionId == i.Id))], now, ct).ConfigureAwait(false);
                break;
            case ListedTradeDecisionKind.Unsold:
                await EndUnsoldAsync(trade, "公示期满无合格意向方 / no qualified buyer paid by the end of the period", now, ct).ConfigureAwait(false);
                break;
        }
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        auctionOutbox.Poke();
        listingOutbox.Notify();
        logger.LogInformation("Listed trade {TradeId} decided: {Status}", tradeId, trade.Status);
        return true;
    }

    private async Task<int> LapseUnpaidAsync(ListedTrade trade, DateTimeOffset now, CancellationToken ct)
    {
        var overdue = await db.TradeIntentions.Where(i => i.ListedTradeId == trade.Id && i.Status == IntentionStatus.Qualified && i.DepositDueBy <= now)
            .ToListAsync(ct).ConfigureAwait(false);
        var count = 0;
        foreach (var intention in overdue)
        {
            var deposit = await db.Deposits.FirstOrDefaultAsync(d => d.Id == intention.DepositId, ct).ConfigureAwait(false);
            if (deposit is { State: DepositState.Held }) continue;
            if (deposit is { State: DepositState.AwaitingPayment })
            {
                // Never paid: the deposit is closed and no money moves.
                var domain = deposit.ToDomain();
                if (domain.Release("逾期未缴保证金，资格失效 / deposit not paid in time", now).IsAccepted) deposit.Apply(domain, now);
            }
            intention.Status = IntentionStatus.Lapsed;
            intention.ClosedAt = now;
            TradeNotices.Notify(db, intention.OrganizationId, "保证金逾期未缴，资格已失效 / Qualification lapsed",
                $"您未在 {TradeNotices.Local(intention.DepositDueBy!.Value)} 前缴纳《{trade.Title}》的保证金，意向受让资格已失效。/ The deposit for \"{trade.Title}\" was not paid by {TradeNotices.Local(intention.DepositDueBy!.Value)}; your qualification has lapsed.",
                "/intentions", now);
            count++;
        }
        if (count > 0) db.AuditAs("listed_trade.qualification_lapsed", "deposit not paid in time");
        return count;
    }

    private async Task OpenAgreementDealAsync(ListedTrade trade, TradeIntention buyer, DateTimeOffset now, CancellationToken ct)
    {
        // OpenDeal saves the deal under "deal.opened"; the trade records it afterwards.
        var opened = await services.GetRequiredService<OpenDeal>().RunAsync(
            new OpenDealCommand(DealOrigin.ListedTrade, trade.Id, trade.ListingId, buyer.OrganizationId, trade.TradeMode, buyer.OfferedPrice), ct).ConfigureAwait(false);
        if (!opened.Succeeded)
        {
            await EndUnsoldAsync(trade, $"成交未能建立：{opened.Refusal} / the deal could not be opened: {opened.Refusal}", now, ct, expireListing: false).ConfigureAwait(false);
            return;
        }
        trade = await db.ListedTrades.FirstAsync(t => t.Id == trade.Id, ct).ConfigureAwait(false);
        buyer = await db.TradeIntentions.FirstAsync(i => i.Id == buyer.Id, ct).ConfigureAwait(false);
        trade.Status = ListedTradeStatus.Deal;
        trade.DealId = opened.Deal!.Id;
        trade.Outcome = $"协议成交 {buyer.OfferedPrice} / agreement deal at {buyer.OfferedPrice}";
        buyer.Status = IntentionStatus.Carried;
        buyer.ClosedAt = now;
        TradeNotices.Notify(db, buyer.OrganizationId, "挂牌交易协议成交 / Agreement deal",
            $"公示期满，您是《{trade.Title}》唯一的合格意向方，以 {buyer.OfferedPrice} 协议成交。请在 {deadlines.BuyerBalanceWorkingDays} 个工作日内签约并支付余款，保证金抵作价款。/ You were the only qualified buyer of \"{trade.Title}\": agreement deal at {buyer.OfferedPrice}. Sign and pay the balance within {deadlines.BuyerBalanceWorkingDays} working days; the deposit counts toward the price.",
            "/intentions", now);
        TradeNotices.Notify(db, trade.SellerOrganizationId, "挂牌交易协议成交 / Agreement deal",
            $"《{trade.Title}》公示期满，有一个合格意向方，以 {buyer.OfferedPrice} 协议成交。/ \"{trade.Title}\" ended with one qualified buyer: agreement deal at {buyer.OfferedPrice}.",
            "/seller/listed-trades", now);
        db.AuditAs("listed_trade.agreement_deal", trade.Outcome);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    private async Task ConvertToAuctionAsync(ListedTrade trade, IReadOnlyList<TradeIntention> buyers, DateTimeOffset now, CancellationToken ct)
    {
        var organizer = await db.Organizations.AsNoTracking().Where(o => o.Type == OrganizationType.Center && o.Verification == VerificationStatus.Verified)
            .OrderBy(o => o.CreatedAt).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var days = await calendar.CurrentAsync(ct).ConfigureAwait(false);
        CreateAuctionResult? created = null;
        if (organizer is { } center)
        {
            // The start price is the listing price (every bidder accepted it); the deposit is the one they paid.
            created = await services.GetRequiredService<CreateAuction>().RunAsync(new AuctionSetup(trade.ListingId, center, trade.PriceFen, null,
                ListedTradeRules.AuctionStep(trade.Price).Fen, trade.DepositFen, now, days.AddWorkingDays(now, deadlines.ConvertedAuctionWorkingDays)), ct).ConfigureAwait(false);
        }
        if (created is not { Succeeded: true })
        {
            await EndUnsoldAsync(trade, $"未能转为竞价：{created?.Error ?? "没有服务中心机构 / no center organisation"}", now, ct, expireListing: false).ConfigureAwait(false);
            return;
        }
        var auction = created.Auction!;
        var listing = await db.Listings.FirstAsync(l => l.Id == trade.ListingId, ct).ConfigureAwait(false);
        if (listing.PutInAuction().Succeeded) db.ListingChanged(listing.Id, now);
        foreach (var buyer in buyers)
        {
            string code;
            do code = BidderCodes.New();
            while (await db.AuctionRegistrations.AnyAsync(r => r.AuctionId == auction.Id && r.BidderCode == code, ct).ConfigureAwait(false));
            db.AuctionRegistrations.Add(new AuctionRegistration
            {
                Id = Guid.CreateVersion7(now),
                AuctionId = auction.Id,
                OrganizationId = buyer.OrganizationId,
                AppliedByUserId = buyer.RegisteredByUserId,
                AppliedAt = buyer.RegisteredAt,
                Status = RegistrationStatus.Qualified,
                BidderCode = code,
                QualifiedAt = now,
            });
            // The held deposit moves to the auction as it is: the ledger holds deposits per organisation, so no
            // entry is needed and no money is created or lost; the audit log keeps the subject before and after.
            var deposit = await db.Deposits.FirstAsync(d => d.OrganizationId == buyer.OrganizationId && d.SubjectKind == DepositSubjectKind.ListedTrade
                && d.SubjectId == trade.Id && d.State == DepositState.Held, ct).ConfigureAwait(false);
            deposit.SubjectKind = DepositSubjectKind.Auction;
            deposit.SubjectId = auction.Id;
            deposit.SubjectTitle = "网上竞价 " + trade.Title;
            deposit.Reason = $"挂牌转竞价，保证金转入竞价 / carried over from listed trade {trade.Id:N}";
            deposit.UpdatedAt = now;
            buyer.Status = IntentionStatus.Carried;
            buyer.ClosedAt = now;
            TradeNotices.Notify(db, buyer.OrganizationId, "挂牌交易转为网上竞价 / Listed trade goes to auction",
                $"《{trade.Title}》公示期满有多个合格意向方，转为网上竞价，您的保证金继续有效，竞买号 {code}，竞价至 {TradeNotices.Local(auction.EndsAt)}（北京时间）结束。不参加竞价的，保证金不予退还。/ \"{trade.Title}\" had several qualified buyers and goes to auction; your deposit carries over, bidder code {code}, bidding ends {TradeNotices.Local(auction.EndsAt)} (Beijing time). A buyer who skips the bidding forfeits the deposit.",
                $"/auctions/{auction.Id}", now);
        }
        trade.Status = ListedTradeStatus.ConvertedToAuction;
        trade.AuctionId = auction.Id;
        trade.Outcome = $"{buyers.Count} 个合格意向方，转为网上竞价 / {buyers.Count} qualified buyers: converted to auction";
        TradeNotices.Notify(db, trade.SellerOrganizationId, "挂牌交易转为网上竞价 / Listed trade goes to auction",
            $"《{trade.Title}》公示期满有 {buyers.Count} 个合格意向方，转为网上竞价，起拍价 {trade.Price}。/ \"{trade.Title}\" had {buyers.Count} qualified buyers and goes to auction at a start price of {trade.Price}.",
            $"/auctions/{auction.Id}", now);
        db.AuditAs("listed_trade.converted_to_auction", trade.Outcome);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    private async Task EndUnsoldAsync(ListedTrade trade, string why, DateTimeOffset now, CancellationToken ct, bool expireListing = true)
    {
        trade = await db.ListedTrades.FirstAsync(t => t.Id == trade.Id, ct).ConfigureAwait(false);
        trade.Status = ListedTradeStatus.Unsold;
        trade.DecidedAt = now;
        trade.Outcome = why;
        if (expireListing)
        {
            var listing = await db.Listings.FirstAsync(l => l.Id == trade.ListingId, ct).ConfigureAwait(false);
            if (listing.Expire(now).Succeeded) db.ListingChanged(listing.Id, now);
        }
        TradeNotices.Notify(db, trade.SellerOrganizationId, "挂牌交易未成交 / Listed trade ended unsold",
            $"《{trade.Title}》本次挂牌未成交（{why}）。您可以在“我的挂牌交易”中重新挂牌。/ \"{trade.Title}\" ended unsold ({why}). You can relist it under My listed trades.",
            "/seller/listed-trades", now);
        db.AuditAs("listed_trade.unsold", why);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        // Any deposit still held (a failed deal or conversion) is due back within the listed-trade refund window.
        await services.GetRequiredService<CloseDepositSubject>().RunAsync(DepositSubjectKind.ListedTrade, trade.Id, now, ct).ConfigureAwait(false);
    }
}

/// <summary>The expiry job: every few seconds, lapses and decides what is due by the injected clock (a FakeTimeProvider in tests).</summary>
public sealed class ListedTradeExpiryService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ListedTradeExpiryService> logger) : BackgroundService
{
    public static TimeSpan Interval { get; } = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DecideListedTrades>().RunDueAsync(clock.GetUtcNow(), stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed round is logged and retried on the next tick; the job must keep running.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogError(e, "Deciding due listed trades failed; retrying");
            }
            try
            {
                await Task.Delay(Interval, clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
