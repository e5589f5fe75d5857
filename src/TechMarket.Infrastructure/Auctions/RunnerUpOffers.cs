using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Deals;
using TechMarket.Domain.Payments;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Deals;
using TechMarket.Infrastructure.Payments;

namespace TechMarket.Infrastructure.Auctions;

public enum RunnerUpAnswer
{
    Accept = 1,
    Decline = 2,
}

public sealed record RunnerUpAnswerOutcome(RunnerUpOfferRecord? Offer, string? Error, DealRecord? Deal = null)
{
    public bool Succeeded => Offer is not null && Error is null;
    public bool NotFound => Offer is null && Error is null;
}

/// <summary>
/// 次高出价人答复: the runner-up's organisation accepts or declines the lot at its last bid, before the answer date.
/// Accepting opens a deal through <see cref="OpenDeal"/> (origin <see cref="DealOrigin.RunnerUpOffer"/>, so the same offer
/// cannot open two) and its settlement through <see cref="SettleDeal"/> (subject: the deal; the runner-up's auction deposit
/// was released after the close, so nothing is applied). Declining, or an answer after the date (the offer lapses), puts
/// the listing back on the market for the re-auction. Anyone else asking gets "not found": the offer is private.
/// </summary>
public sealed class AnswerRunnerUpOffer(TechMarketDbContext db, OpenDeal openDeal, SettleDeal settle, TimeProvider clock)
{
    public async Task<RunnerUpAnswerOutcome> RunAsync(Guid offerId, Guid organizationId, Guid? userId, RunnerUpAnswer answer, CancellationToken ct)
    {
        var offer = await db.RunnerUpOffers.FirstOrDefaultAsync(o => o.Id == offerId && o.OrganizationId == organizationId, ct);
        if (offer is null) return new(null, null);
        var now = clock.GetUtcNow();
        if (offer.Status == RunnerUpOfferStatus.Pending && now > offer.RespondBy)
        {
            await LapseRunnerUpOffers.LapseAsync(db, offer, now, ct);
            return new(offer, "答复期限已过，该邀请已失效，标的将重新拍卖 / The answer date has passed; the offer lapsed and the lot goes to re-auction.");
        }
        // Claimed before anything else is done: of an acceptance, a refusal and the lapse job racing, exactly one moves
        // the offer on from Pending, so a deal is never opened for an offer that was also declined or lapsed.
        var claimed = offer.Status == RunnerUpOfferStatus.Pending
            && await ClaimAsync(db, offer.Id, answer == RunnerUpAnswer.Accept ? RunnerUpOfferStatus.Accepted : RunnerUpOfferStatus.Declined, now, userId, ct);
        await db.Entry(offer).ReloadAsync(ct);
        if (!claimed)
        {
            // A second click of the same answer is that answer; another answer after it is refused.
            var same = (offer.Status, answer) is (RunnerUpOfferStatus.Accepted, RunnerUpAnswer.Accept) or (RunnerUpOfferStatus.Declined, RunnerUpAnswer.Decline);
            return same ? new(offer, null) : new(offer, "该邀请已答复或已失效 / This offer was already answered or has lapsed.");
        }

        if (answer == RunnerUpAnswer.Decline)
        {
            await ReturnListingAsync(db, offer, now, ct);
            db.AuditAs("auction.runner_up_declined");
            await db.SaveChangesAsync(ct);
            return new(offer, null);
        }

        var modes = await db.Listings.AsNoTracking().Where(l => l.Id == offer.ListingId).Select(l => l.TradeModes).FirstAsync(ct);
        var mode = OpenAuctionDeals.ModeOfLot(modes);
        var opened = await openDeal.RunAsync(new OpenDealCommand(DealOrigin.RunnerUpOffer, offer.Id, offer.ListingId, organizationId, mode, offer.Price), ct);
        if (!opened.Succeeded)
        {
            // Nothing was opened: the offer stands again, for another answer.
            await db.RunnerUpOffers.Where(o => o.Id == offer.Id && o.Status == RunnerUpOfferStatus.Accepted && o.DealId == null)
                .ExecuteUpdateAsync(set => set.SetProperty(o => o.Status, RunnerUpOfferStatus.Pending).SetProperty(o => o.AnsweredAt, (DateTimeOffset?)null)
                    .SetProperty(o => o.AnsweredByUserId, (Guid?)null), ct);
            return new(offer, $"{opened.Message.Zh} / {opened.Message.En}");
        }
        var settled = await settle.RunAsync(new SettleDealCommand(DepositSubjectKind.Deal, opened.Deal!.Id, organizationId, opened.Deal.SellerOrganizationId,
            offer.Price, Rate.Zero, Rate.Zero), ct);
        if (!settled.Succeeded) throw new InvalidOperationException($"Settlement of runner-up deal {opened.Deal.Id} refused: {settled.Refusal}");
        db.ChangeTracker.Clear();
        offer = await db.RunnerUpOffers.FirstAsync(o => o.Id == offerId, ct);
        var deal = await db.Deals.FirstAsync(d => d.Id == opened.Deal.Id, ct);
        deal.SettlementId ??= settled.Settlement!.Id;
        offer.DealId = deal.Id;
        db.AuditAs("auction.runner_up_accepted", $"{offer.Price}");
        await db.SaveChangesAsync(ct);
        return new(offer, null, deal);
    }

    /// <summary>Moves the offer from Pending to <paramref name="to"/> in one conditional update; false when another answer came first.</summary>
    internal static async Task<bool> ClaimAsync(TechMarketDbContext db, Guid offerId, RunnerUpOfferStatus to, DateTimeOffset now, Guid? userId, CancellationToken ct) =>
        await db.RunnerUpOffers.Where(o => o.Id == offerId && o.Status == RunnerUpOfferStatus.Pending)
            .ExecuteUpdateAsync(set => set.SetProperty(o => o.Status, to).SetProperty(o => o.AnsweredAt, (DateTimeOffset?)now).SetProperty(o => o.AnsweredByUserId, userId), ct) == 1;

    internal static async Task ReturnListingAsync(TechMarketDbContext db, RunnerUpOfferRecord offer, DateTimeOffset now, CancellationToken ct)
    {
        var listing = await db.Listings.FirstAsync(l => l.Id == offer.ListingId, ct);
        if (listing.Status == ListingStatus.UnderOffer && listing.ReturnToMarket().Succeeded) db.ListingChanged(listing.Id, now);
    }
}

/// <summary>Offers not answered by their date lapse: the listing goes back on the market for the re-auction.</summary>
public sealed class LapseRunnerUpOffers(TechMarketDbContext db, TimeProvider clock)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.RunnerUpOffers.Where(o => o.Status == RunnerUpOfferStatus.Pending && o.RespondBy < now).OrderBy(o => o.RespondBy).Take(100).ToListAsync(ct);
        foreach (var offer in due) await LapseAsync(db, offer, now, ct);
        return due.Count;
    }

    internal static async Task LapseAsync(TechMarketDbContext db, RunnerUpOfferRecord offer, DateTimeOffset now, CancellationToken ct)
    {
        var claimed = await AnswerRunnerUpOffer.ClaimAsync(db, offer.Id, RunnerUpOfferStatus.Lapsed, now, null, ct);
        await db.Entry(offer).ReloadAsync(ct);
        if (!claimed) return; // answered a moment before the lapse
        await AnswerRunnerUpOffer.ReturnListingAsync(db, offer, now, ct);
        db.AuditAs("auction.runner_up_lapsed");
        await db.SaveChangesAsync(ct);
    }
}
