using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Payments;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Calendar;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Payments.Persistence;

namespace TechMarket.Infrastructure.Payments;

/// <summary>What the auction (at the hammer) or the listed trade (at the signing) hands to payments.</summary>
public sealed record SettleDealCommand(DepositSubjectKind Kind, Guid SubjectId, Guid BuyerOrganizationId, Guid SellerOrganizationId,
    Money Price, Rate BuyerCommission, Rate SellerCommission);

public enum SettleDealRefusal
{
    None,
    /// <summary>Auction Law Art. 56: at most 5 % of the hammer price from each side.</summary>
    AuctionCommissionAboveFivePercent,
    NonPositivePrice,
    BuyerIsSeller,
    /// <summary>The deal was settled before with other terms.</summary>
    SettledWithOtherTerms,
    /// <summary>悔拍 was declared on this auction (SPC 2016 Art. 24): its sale is rescinded and cannot be settled.</summary>
    AuctionDefaulted,
}

public sealed record SettleDealOutcome(SettleDealRefusal Refusal, SettlementRecord? Settlement, bool WasAlreadySettled = false)
{
    public bool Succeeded => Refusal == SettleDealRefusal.None;
}

/// <summary>
/// 成交结算: records the deal's settlement. The winner's held deposit is applied to the price (it counts toward it), the
/// buyer owes price + buyer commission − the deposit, the seller is owed price − seller commission, and the other
/// deposits of the subject get their release deadline. The deposit's application, the conclusion entry and the
/// settlement are one SaveChanges; settling the same deal again returns the first settlement.
/// </summary>
/// <remarks>
/// Exchange practice: the winner signs and pays the balance within <see cref="DeadlineOptions.BuyerBalanceWorkingDays"/>
/// (5) working days; the seller is paid within <see cref="DeadlineOptions.SellerPayoutWorkingDays"/> (3), both counted
/// on the working-day calendar.
/// </remarks>
public sealed class SettleDeal(TechMarketDbContext db, PostJournalEntry post, CloseDepositSubject closeSubject, TimeProvider clock,
    WorkingCalendar calendar, DeadlineOptions deadlines, StripeDepositPayments? stripe = null)
{
    public async Task<SettleDealOutcome> RunAsync(SettleDealCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Price <= Money.Zero) return new(SettleDealRefusal.NonPositivePrice, null);
        if (command.BuyerOrganizationId == command.SellerOrganizationId) return new(SettleDealRefusal.BuyerIsSeller, null);
        if (command.Kind == DepositSubjectKind.Auction && await db.AuctionDefaults.AnyAsync(d => d.AuctionId == command.SubjectId, ct).ConfigureAwait(false))
            return new(SettleDealRefusal.AuctionDefaulted, null);
        CommissionRates rates;
        if (command.Kind == DepositSubjectKind.Auction)
        {
            if (!CommissionRates.TryForAuction(command.BuyerCommission, command.SellerCommission, out var auctionRates, out _))
                return new(SettleDealRefusal.AuctionCommissionAboveFivePercent, null);
            rates = auctionRates;
        }
        else
        {
            rates = CommissionRates.ForListedTrade(command.BuyerCommission, command.SellerCommission);
        }

        var existing = await FindAsync(command, ct).ConfigureAwait(false);
        if (existing is not null) return Existing(existing, command);

        var now = clock.GetUtcNow();
        var entries = new List<JournalEntry>();
        var settlementId = Guid.CreateVersion7(now);
        var applied = Money.Zero;
        var deposit = await db.Deposits.FirstOrDefaultAsync(d => d.OrganizationId == command.BuyerOrganizationId
            && d.SubjectKind == command.Kind && d.SubjectId == command.SubjectId && d.State == DepositState.Held, ct).ConfigureAwait(false);
        if (deposit is not null)
        {
            // SPC 2016 Art. 23 / exchange practice: the winner's deposit counts toward the price.
            var domain = deposit.ToDomain();
            var result = domain.ApplyToPrice($"抵作价款 applied to deal {settlementId:N}", now);
            if (result.IsAccepted && deposit.Channel == PaymentChannel.Card && deposit.StripeHoldMethod == DepositHoldMethod.AuthoriseThenCapture)
            {
                // An authorised card deposit counts toward the price only once it is captured (same key on a retry).
                if (stripe is null || deposit.StripePaymentIntentId is null) throw new InvalidOperationException("A card deposit is applied but Stripe is not configured.");
                await stripe.CaptureAsync(new StripeDepositHold(deposit.Id, deposit.StripePaymentIntentId, DepositHoldMethod.AuthoriseThenCapture, "", null),
                    BusinessEventKind.DepositApplied, ct).ConfigureAwait(false);
            }
            if (result.IsAccepted)
            {
                deposit.Apply(domain, now);
                entries.Add(result.Entry!);
                applied = deposit.Required;
            }
        }

        var deal = new DealSettlement(settlementId, command.BuyerOrganizationId, command.SellerOrganizationId, command.Price, rates, applied);
        entries.Add(deal.Conclude(now));
        var days = await calendar.CurrentAsync(ct).ConfigureAwait(false);
        var settlement = new SettlementRecord
        {
            Id = settlementId,
            SubjectKind = command.Kind,
            SubjectId = command.SubjectId,
            BuyerOrganizationId = command.BuyerOrganizationId,
            SellerOrganizationId = command.SellerOrganizationId,
            PriceFen = command.Price.Fen,
            BuyerRateBasisPoints = rates.Buyer.BasisPoints,
            SellerRateBasisPoints = rates.Seller.BasisPoints,
            BuyerCommissionFen = deal.BuyerCommission.Fen,
            SellerCommissionFen = deal.SellerCommission.Fen,
            AppliedDepositFen = applied.Fen,
            AppliedDepositId = applied > Money.Zero ? deposit!.Id : null,
            BuyerOwesFen = deal.BuyerOwes.Fen,
            SellerReceivesFen = deal.SellerReceives.Fen,
            PaymentReference = PaymentReferences.New().Value,
            ConcludedAt = now,
            BuyerDueBy = days.AddWorkingDays(now, deadlines.BuyerBalanceWorkingDays),
            State = deal.BuyerOwes == Money.Zero ? SettlementState.AwaitingPayout : SettlementState.AwaitingBuyer,
        };
        if (settlement.State == SettlementState.AwaitingPayout) settlement.SellerPayoutDueBy = days.AddWorkingDays(now, deadlines.SellerPayoutWorkingDays);
        db.Settlements.Add(settlement);
        PostingResult posted;
        try
        {
            posted = await post.RunAsync(entries, "settlement.concluded", $"成交价 {command.Price}", ct).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            posted = PostingResult.KeyConflict;
        }
        if (posted != PostingResult.Posted)
        {
            // Another request settled the same deal first (unique subject index, or its entries were posted).
            var winner = await FindAsync(command, ct).ConfigureAwait(false) ?? throw new InvalidOperationException($"Settlement entries were {posted}.");
            return Existing(winner, command);
        }
        // The losers' deposits are due back within the service level, counted from now.
        await closeSubject.RunAsync(command.Kind, command.SubjectId, now, ct).ConfigureAwait(false);
        return new(SettleDealRefusal.None, settlement);
    }

    private Task<SettlementRecord?> FindAsync(SettleDealCommand c, CancellationToken ct) =>
        db.Settlements.AsNoTracking().FirstOrDefaultAsync(s => s.SubjectKind == c.Kind && s.SubjectId == c.SubjectId, ct);

    private static SettleDealOutcome Existing(SettlementRecord s, SettleDealCommand c) =>
        s.BuyerOrganizationId == c.BuyerOrganizationId && s.SellerOrganizationId == c.SellerOrganizationId && s.PriceFen == c.Price.Fen
            && s.BuyerRateBasisPoints == c.BuyerCommission.BasisPoints && s.SellerRateBasisPoints == c.SellerCommission.BasisPoints
            ? new(SettleDealRefusal.None, s, WasAlreadySettled: true)
            : new(SettleDealRefusal.SettledWithOtherTerms, s);
}
