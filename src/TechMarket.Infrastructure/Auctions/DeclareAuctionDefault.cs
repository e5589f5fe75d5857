using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Auctions;
using TechMarket.Domain.Deals;
using TechMarket.Domain.Payments;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Audit;
using TechMarket.Infrastructure.Calendar;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Payments;
using TechMarket.Infrastructure.Payments.Persistence;

namespace TechMarket.Infrastructure.Auctions;

/// <summary>What the center enters to declare a winner in default.</summary>
public sealed record DeclareDefaultCommand(Guid AuctionId, DefaultGround Ground, string Reason, Money Costs, bool OfferRunnerUp, Guid? UserId);

/// <summary>The declaration, or the field at fault and why not (Chinese / English).</summary>
public sealed record DeclareDefaultOutcome(AuctionDefaultRecord? Default, RunnerUpOfferRecord? Offer, string? Field, string? Error, bool WasAlreadyDeclared = false)
{
    public bool Succeeded => Default is not null && Error is null;

    public static DeclareDefaultOutcome Refused(string field, string error) => new(null, null, field, error);
}

/// <summary>
/// 宣告悔拍 (SPC 2016 Art. 24): the center declares the winner of a sold auction in default — the balance unpaid after the
/// settlement's due date, or a refusal to sign (which may be declared at once). In one transaction: the auction's deal is
/// cancelled with the reason; the settlement, if concluded, is rescinded and the deposit taken back from the price; the
/// deposit is forfeited through <see cref="ForfeitDeposit"/> (costs first, the rest held against the re-auction's
/// shortfall, see <see cref="SettleDefaultShortfall"/>); the organisation is barred from the listing's re-auction (the
/// <see cref="AuctionDefaultRecord"/> is the bar); the listing returns to the market; the other bidders' deposits get
/// their release deadline (SPC 2016 Art. 23) if the settlement had not set it; the defaulter, the seller and, when the
/// center chose it, the runner-up are told. Declaring again finds the record and changes nothing. The whole declaration runs
/// under the auction's row lock (<see cref="RowLock"/>), so it and the deal scan (<see cref="Deals.OpenAuctionDeals"/>)
/// happen one after the other: either the scan finds the default and opens no deal, or the declaration finds the deal and
/// cancels it.
/// </summary>
public sealed class DeclareAuctionDefault(TechMarketDbContext db, ForfeitDeposit forfeit, CloseDepositSubject closeSubject, WorkingCalendar calendar,
    DeadlineOptions deadlines, ICurrentActor actor, OutboxSignal outbox, TimeProvider clock)
{
    public const int MaxReasonLength = 2000;
    public const string RefusedToSignReason = "拒绝签约";

    public async Task<DeclareDefaultOutcome> RunAsync(DeclareDefaultCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var reason = command.Reason?.Trim() ?? "";
        if (reason.Length == 0) return DeclareDefaultOutcome.Refused("Reason", "请说明悔拍事由 / State the reason for the default.");
        if (reason.Length > MaxReasonLength) return DeclareDefaultOutcome.Refused("Reason", $"事由最长 {MaxReasonLength} 字 / At most {MaxReasonLength} characters.");
        if (command.Costs < Money.Zero) return DeclareDefaultOutcome.Refused("Costs", "费用不能为负 / The costs cannot be negative.");
        if (!await db.Auctions.AnyAsync(a => a.Id == command.AuctionId, ct)) return NotSold;
        try
        {
            // The auction's row lock (the one bids, the close and the deal scan take): everything decided below — no
            // default yet, the deal and the settlement as they stand — is read under it, so the deal scan cannot open the
            // defaulter's deal between this check and the commit (OpenAuctionDeals re-reads the default under the same lock).
            await using var held = await RowLock.TakeAsync<Auction>(db, command.AuctionId, ct);
            var outcome = await DeclareLockedAsync(command, reason, ct);
            if (outcome.Succeeded && !outcome.WasAlreadyDeclared)
            {
                await held.CommitAsync(ct);
                outbox.Poke();
            }
            else
            {
                db.ChangeTracker.Clear(); // disposing the lock rolls back whatever a refusal left half done
            }
            return outcome;
        }
        catch (DbUpdateException)
        {
            // The settlement changed meanwhile (a balance payment does not take the auction's lock, but its paid amounts are
            // concurrency tokens); the unique auction index stays as the last guard against a second declaration.
            db.ChangeTracker.Clear();
            return await ExistingAsync(command.AuctionId, ct)
                ?? DeclareDefaultOutcome.Refused("", "成交或结算刚刚发生变化，请刷新后重试 / The deal or settlement changed just now; reload and try again.");
        }
    }

    private static DeclareDefaultOutcome NotSold => DeclareDefaultOutcome.Refused("", "只有已成交的竞价可以宣告悔拍 / Only a sold auction can be declared in default.");

    /// <summary>The declaration proper, inside the auction's lock; the caller commits only a new declaration.</summary>
    private async Task<DeclareDefaultOutcome> DeclareLockedAsync(DeclareDefaultCommand command, string reason, CancellationToken ct)
    {
        var auction = await db.Auctions.AsNoTracking().FirstAsync(a => a.Id == command.AuctionId, ct);
        if (auction is not { Status: AuctionStatus.Closed, Sold: true, WinnerOrganizationId: { } winner, PriceFen: { } price, WinnerCode: { } winnerCode })
            return NotSold;
        if (await ExistingAsync(command.AuctionId, ct) is { } existing) return existing;

        var now = clock.GetUtcNow();
        var settlement = await db.Settlements.FirstOrDefaultAsync(s => s.SubjectKind == DepositSubjectKind.Auction && s.SubjectId == auction.Id, ct);
        if (settlement is { State: SettlementState.AwaitingPayout or SettlementState.Settled })
            return DeclareDefaultOutcome.Refused("", "买受人已付清价款，不能宣告悔拍 / The buyer has paid in full; there is no default.");
        if (DefaultRules.CanDeclare(command.Ground, settlement?.BuyerDueBy, now) is { } early) return DeclareDefaultOutcome.Refused("Ground", early);
        var deal = await db.Deals.FirstOrDefaultAsync(d => d.Origin == DealOrigin.Auction && d.OriginId == auction.Id, ct);
        if (deal is not null && deal.Status != DealStatus.Cancelled && DealLifecycle.CanCancel(deal.Status) is not null)
            return DeclareDefaultOutcome.Refused("", "该成交已结清，不能宣告悔拍 / The deal is settled; there is no default.");

        (AuctionRegistration Registration, RunnerUpBid Bid)? runnerUp = null;
        if (command.OfferRunnerUp)
        {
            runnerUp = await RunnerUpAsync(auction, new BidderCode(winnerCode), ct);
            if (runnerUp is null)
                return DeclareDefaultOutcome.Refused("OfferRunnerUp", "没有可以转让的次高出价人（无其他有效出价或未达保留价）/ There is no runner-up the lot can be offered to (no other valid bid at or above the reserve).");
        }

        var listing = await db.Listings.FirstAsync(l => l.Id == auction.ListingId, ct);
        if (deal is not null && deal.Status != DealStatus.Cancelled)
        {
            deal.Status = DealStatus.Cancelled;
            deal.CancellationReason = $"悔拍：{reason}";
            deal.ExclusiveKey = null;
            deal.Touch(now); // a signature or edit saved since the read refuses the declaration (caught below): reload and declare again
        }
        // The lot goes back to the market for the re-auction, or is held for the runner-up's answer; never while another
        // deal holds it.
        if (!await db.Deals.AnyAsync(d => d.ExclusiveKey == listing.Id && d.Id != (deal == null ? Guid.Empty : deal.Id), ct)
            && listing.ReopenAfterCancelledDeal().Succeeded && runnerUp is not null)
        {
            listing.PutUnderOffer();
        }
        db.ListingChanged(listing.Id, now);

        var record = new AuctionDefaultRecord
        {
            Id = Guid.CreateVersion7(now),
            ListingId = auction.ListingId,
            AuctionId = auction.Id,
            OrganizationId = winner,
            SellerOrganizationId = auction.SellerOrganizationId,
            Ground = command.Ground,
            Reason = reason,
            DeclaredAt = now,
            DeclaredByUserId = command.UserId,
            DefaultedPriceFen = price,
            CostsFen = command.Costs.Fen,
        };
        db.AuctionDefaults.Add(record);
        RunnerUpOfferRecord? offer = null;
        if (runnerUp is { } chosen)
        {
            offer = new RunnerUpOfferRecord
            {
                Id = Guid.CreateVersion7(now),
                DefaultId = record.Id,
                AuctionId = auction.Id,
                ListingId = auction.ListingId,
                OrganizationId = chosen.Registration.OrganizationId,
                BidderCode = chosen.Bid.Bidder.Value,
                PriceFen = chosen.Bid.Amount.Fen,
                OfferedAt = now,
                RespondBy = await calendar.AddWorkingDaysAsync(now, deadlines.RunnerUpOfferWorkingDays, ct),
            };
            db.RunnerUpOffers.Add(offer);
        }
        Notify(auction, record, offer, now);
        db.AuditAs("auction.default_declared", $"{command.Ground} {reason}");
        await db.SaveChangesAsync(ct);

        if (await ForfeitAsync(auction, settlement, record, reason, command.Costs, now, ct) is { } refused)
            return DeclareDefaultOutcome.Refused("", refused);
        // SPC 2016 Art. 23: the others' deposits are due back 24 h after the close (a settlement would have set this).
        await closeSubject.RunAsync(DepositSubjectKind.Auction, auction.Id, auction.ClosedAt!.Value, ct);
        return new DeclareDefaultOutcome(record, offer, null, null);
    }

    /// <summary>
    /// Rescinds the concluded settlement (reversing its conclusion) and takes the applied deposit back, then forfeits it:
    /// costs now, the remainder held against the re-auction's shortfall (ledger: forfeited deposits, until settled).
    /// Null when done; otherwise why the deposit could not be forfeited (the caller rolls everything back).
    /// </summary>
    private async Task<string?> ForfeitAsync(Auction auction, SettlementRecord? settlement, AuctionDefaultRecord record, string reason, Money costs,
        DateTimeOffset now, CancellationToken ct)
    {
        var deposit = await db.Deposits.FirstOrDefaultAsync(d => d.OrganizationId == record.OrganizationId && d.SubjectKind == DepositSubjectKind.Auction
            && d.SubjectId == auction.Id, ct);
        if (settlement is not null)
        {
            db.JournalEntries.Add(JournalEntryRow.From(settlement.ToDomain().Rescind($"悔拍，解除成交：{reason}", now), actor.UserId));
            settlement.State = SettlementState.Rescinded;
            if (deposit is { State: DepositState.Applied })
            {
                var domain = deposit.ToDomain();
                var unapplied = domain.Unapply($"悔拍，保证金自价款中转回待没收：{reason}", now);
                deposit.Apply(domain, now);
                db.JournalEntries.Add(JournalEntryRow.From(unapplied.Entry!, actor.UserId));
                // An authorised card deposit was captured when it was applied: the forfeiture must not capture it again.
                if (deposit.StripeHoldMethod == DepositHoldMethod.AuthoriseThenCapture) deposit.StripeHoldMethod = DepositHoldMethod.CaptureThenRefund;
            }
            db.AuditAs("settlement.rescinded", reason);
            await db.SaveChangesAsync(ct);
        }
        if (deposit is not { State: DepositState.Held }) return null; // no deposit asked (0), or none was held
        var outcome = await forfeit.RunAsync(deposit.Id, new ForfeitureClaims(costs, Money.Zero, record.SellerOrganizationId), $"悔拍，保证金不予退还：{reason}", ct);
        if (!outcome.Succeeded || outcome.Allocation is not { } allocation)
        {
            return outcome.Refusal == ForfeitRefusal.StripeUnavailable
                ? "该保证金以银行卡支付，但本站未配置 Stripe，无法没收 / A card deposit cannot be forfeited: Stripe is not configured."
                : "保证金无法没收 / The deposit could not be forfeited.";
        }
        record.DepositForfeitedFen = allocation.Total.Fen;
        record.CostsCoveredFen = allocation.ToCosts.Fen;
        record.HeldForShortfallFen = allocation.Remainder.Fen;
        db.AuditAs("auction.default_forfeited", $"{allocation.ToCosts} costs, {allocation.Remainder} held against the re-auction shortfall");
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>The runner-up by the domain rule, if their bid meets the reserve (Auction Law Art. 50).</summary>
    private async Task<(AuctionRegistration, RunnerUpBid)?> RunnerUpAsync(Auction auction, BidderCode winner, CancellationToken ct)
    {
        var log = await db.AuctionBids.AsNoTracking().Where(b => b.AuctionId == auction.Id && b.Accepted)
            .Select(b => new { b.Ordinal, b.BidderCode, b.AmountFen }).ToListAsync(ct);
        var bid = RunnerUp.Select(log.Select(b => new LoggedBid(b.Ordinal, new BidderCode(b.BidderCode), new Money(b.AmountFen), true)), winner);
        if (bid is null || (auction.ReservePriceFen is { } reserve && bid.Amount.Fen < reserve)) return null;
        var registration = await db.AuctionRegistrations.AsNoTracking().FirstAsync(r => r.AuctionId == auction.Id && r.BidderCode == bid.Bidder.Value, ct);
        return (registration, bid);
    }

    private void Notify(Auction auction, AuctionDefaultRecord record, RunnerUpOfferRecord? offer, DateTimeOffset now)
    {
        var price = record.DefaultedPrice;
        db.Outbox.Add(PlaceBid.Message(OutboxTypes.OrganizationNotice, new OrganizationNotice(record.OrganizationId,
            "悔拍通知 / Notice of default",
            $"贵机构竞得的《{auction.Title}》（成交价 {price}）已被宣告悔拍：{record.Reason}。保证金不予退还，贵机构不得参加该标的的重新拍卖（最高人民法院网络司法拍卖规定第二十四条）。/ Your organisation was declared in default on \"{auction.Title}\": the deposit is forfeited and you may not bid in its re-auction (SPC 2016 Art. 24).",
            $"/auctions/{auction.Id}"), now));
        db.Outbox.Add(PlaceBid.Message(OutboxTypes.OrganizationNotice, new OrganizationNotice(record.SellerOrganizationId,
            "买受人悔拍 / The buyer defaulted",
            $"《{auction.Title}》的买受人已被宣告悔拍，成交已解除。保证金先抵扣费用，其余用于弥补重新拍卖的差价。" + (offer is null ? "标的将重新拍卖。" : "服务中心已将标的按次高出价转让给次高出价人，待其答复。")
                + " / The buyer of \"" + auction.Title + "\" defaulted and the deal was cancelled; the forfeited deposit covers costs, then any re-auction shortfall.",
            $"/auctions/{auction.Id}"), now));
        if (offer is not null)
        {
            db.Outbox.Add(PlaceBid.Message(OutboxTypes.OrganizationNotice, new OrganizationNotice(offer.OrganizationId,
                "次高出价受让邀请 / Offer of a lot at your last bid",
                $"《{auction.Title}》的买受人悔拍。贵机构为次高出价人，可按贵机构的最后出价 {offer.Price} 受让该标的，请于 {offer.RespondBy.ToOffset(ChinaTime.Offset):yyyy-MM-dd HH:mm}（北京时间）前答复。/ The winner of \"{auction.Title}\" defaulted. You may take the lot at your last bid of {offer.Price}; answer by {offer.RespondBy.ToOffset(ChinaTime.Offset):yyyy-MM-dd HH:mm} Beijing time.",
                $"/auctions/offers/{offer.Id}"), now));
        }
    }

    private async Task<DeclareDefaultOutcome?> ExistingAsync(Guid auctionId, CancellationToken ct)
    {
        var existing = await db.AuctionDefaults.AsNoTracking().FirstOrDefaultAsync(d => d.AuctionId == auctionId, ct);
        if (existing is null) return null;
        var offer = await db.RunnerUpOffers.AsNoTracking().FirstOrDefaultAsync(o => o.DefaultId == existing.Id, ct);
        return new DeclareDefaultOutcome(existing, offer, null, null, WasAlreadyDeclared: true);
    }
}
