using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Deals;
using TechMarket.Domain.Rights;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Financing;

namespace TechMarket.Infrastructure.Deals;

/// <summary>What a road to a deal (listed trade, auction, offer, licence purchase) hands over when the buyer is known.</summary>
public sealed record OpenDealCommand(DealOrigin Origin, Guid OriginId, Guid ListingId, Guid BuyerOrganizationId, TradeModes TradeMode, Money Price);

public enum OpenDealRefusal
{
    None,
    ListingNotFound,
    /// <summary>The listing is not published, under offer or in auction (withdrawn, expired, sold, still in review).</summary>
    ListingNotDealable,
    BuyerIsSeller,
    /// <summary>Not exactly one trade mode, or one the listing does not offer.</summary>
    TradeModeNotOffered,
    NonPositivePrice,
    /// <summary>The patent register refuses the dealing (a pledge without the lender's consent, an open licence against an exclusive one…).</summary>
    Encumbered,
}

public sealed record OpenDealOutcome(OpenDealRefusal Refusal, DealRecord? Deal, DealingRefusal? Encumbrance = null, bool WasAlreadyOpen = false)
{
    public bool Succeeded => Refusal == OpenDealRefusal.None;
}

/// <summary>
/// 成交: opens the deal once the buyer and price are known. The patent register is asked through
/// <see cref="EncumbranceGuard"/> for the exact dealing (assignment, or a licence of its kind), so a pledged patent is
/// not sold or licensed behind the lender's back (Civil Code Art. 444). An assignment, exclusive licence or equity
/// contribution takes the listing off the market (sold); ordinary licences leave it published. Opening the same origin
/// again returns the first deal.
/// </summary>
public sealed class OpenDeal(TechMarketDbContext db, EncumbranceGuard guard, TimeProvider clock)
{
    public async Task<OpenDealOutcome> RunAsync(OpenDealCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var existing = await db.Deals.FirstOrDefaultAsync(d => d.Origin == command.Origin && d.OriginId == command.OriginId, ct).ConfigureAwait(false);
        if (existing is not null) return new(OpenDealRefusal.None, existing, WasAlreadyOpen: true);
        if (command.Price <= Money.Zero) return new(OpenDealRefusal.NonPositivePrice, null);

        var listing = await db.Listings.Include(l => l.Record).FirstOrDefaultAsync(l => l.Id == command.ListingId, ct).ConfigureAwait(false);
        if (listing is null) return new(OpenDealRefusal.ListingNotFound, null);
        if (listing.Status is not (ListingStatus.Published or ListingStatus.UnderOffer or ListingStatus.InAuction))
            return new(OpenDealRefusal.ListingNotDealable, null);
        if (listing.OrganizationId == command.BuyerOrganizationId) return new(OpenDealRefusal.BuyerIsSeller, null);
        if (!IsSingleMode(command.TradeMode) || !Offers(listing.TradeModes, command))
            return new(OpenDealRefusal.TradeModeNotOffered, null);

        var refusal = await EncumbranceAsync(listing, command, ct).ConfigureAwait(false);
        if (refusal is not null) return new(OpenDealRefusal.Encumbered, null, refusal);

        var now = clock.GetUtcNow();
        var deal = new DealRecord
        {
            Id = Guid.CreateVersion7(now),
            ListingId = listing.Id,
            Origin = command.Origin,
            OriginId = command.OriginId,
            SellerOrganizationId = listing.OrganizationId,
            BuyerOrganizationId = command.BuyerOrganizationId,
            TradeMode = command.TradeMode,
            PriceFen = command.Price.Fen,
            Status = DealStatus.Open,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Deals.Add(deal);
        if (TakesListingOffMarket(command.TradeMode) && listing.MarkSold(now).Succeeded) db.ListingChanged(listing.Id, now);
        db.AuditAs("deal.opened", $"{command.Origin} {command.TradeMode} {command.Price}");
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another request opened the deal of the same origin first (unique origin index).
            db.ChangeTracker.Clear();
            var winner = await db.Deals.FirstOrDefaultAsync(d => d.Origin == command.Origin && d.OriginId == command.OriginId, ct).ConfigureAwait(false);
            if (winner is null) throw;
            return new(OpenDealRefusal.None, winner, WasAlreadyOpen: true);
        }
        return new(OpenDealRefusal.None, deal);
    }

    public static bool TakesListingOffMarket(TradeModes mode) => mode is TradeModes.Assignment or TradeModes.ExclusiveLicence or TradeModes.Equity;

    private static bool IsSingleMode(TradeModes mode) => mode != TradeModes.None && (mode & (mode - 1)) == 0;

    // An open licence is granted as an ordinary licence; an express licence is an ordinary licence at the published price.
    private static bool Offers(TradeModes offered, OpenDealCommand command) => command.Origin switch
    {
        DealOrigin.OpenLicence => offered.HasFlag(TradeModes.OpenLicence) && command.TradeMode == TradeModes.OrdinaryLicence,
        DealOrigin.ExpressLicence => offered.HasFlag(TradeModes.OrdinaryLicence) && command.TradeMode == TradeModes.OrdinaryLicence,
        _ => offered.HasFlag(command.TradeMode),
    };

    private async Task<DealingRefusal?> EncumbranceAsync(Listing listing, OpenDealCommand command, CancellationToken ct)
    {
        var recordId = listing.Record?.RecordId;
        if (recordId is null) return null;
        var entry = await db.PatentRights.AsNoTracking()
            .Where(p => p.Number == recordId || p.SourceRecordId == recordId)
            .Select(p => new { p.Number, Owners = p.Patentees.Select(x => x.OrganizationId).ToList() })
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (entry is null) return null; // Not a patent on the platform's register (a research result, a foreign patent).
        var decision = (command.Origin, command.TradeMode) switch
        {
            (DealOrigin.OpenLicence, _) => await guard.CanLicenceAsync(entry.Number, entry.Owners, PatentDealing.OpenLicence, LicenceType.Ordinary, ct).ConfigureAwait(false),
            (DealOrigin.ExpressLicence, _) => await guard.CanLicenceAsync(entry.Number, entry.Owners, PatentDealing.ExpressLicence, LicenceType.Ordinary, ct).ConfigureAwait(false),
            (_, TradeModes.ExclusiveLicence) => await guard.CanLicenceAsync(entry.Number, entry.Owners, PatentDealing.NegotiatedLicence, LicenceType.Exclusive, ct).ConfigureAwait(false),
            (_, TradeModes.SoleLicence) => await guard.CanLicenceAsync(entry.Number, entry.Owners, PatentDealing.NegotiatedLicence, LicenceType.Sole, ct).ConfigureAwait(false),
            (_, TradeModes.OrdinaryLicence) => await guard.CanLicenceAsync(entry.Number, entry.Owners, PatentDealing.NegotiatedLicence, LicenceType.Ordinary, ct).ConfigureAwait(false),
            (_, TradeModes.Equity) => await guard.CheckAsync(entry.Number, day => ProposedDealing.Assignment(day, entry.Owners), ct).ConfigureAwait(false),
            _ => await guard.CheckAsync(entry.Number, day => ProposedDealing.Assignment(day, entry.Owners), ct).ConfigureAwait(false),
        };
        return decision.IsAllowed ? null : decision.Refusals[0];
    }
}
