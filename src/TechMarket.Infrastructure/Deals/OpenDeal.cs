using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Deals;
using TechMarket.Domain.Organizations;
using TechMarket.Domain.Rights;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Financing;

namespace TechMarket.Infrastructure.Deals;

/// <summary>What a road to a deal (listed trade, auction, offer, licence purchase) hands over when the buyer is known.</summary>
/// <param name="AcceptedTerms">What the buyer accepted before paying (express licence terms, the open-licence declaration and notice).</param>
public sealed record OpenDealCommand(DealOrigin Origin, Guid OriginId, Guid ListingId, Guid BuyerOrganizationId, TradeModes TradeMode, Money Price,
    string? AcceptedTerms = null);

public enum OpenDealRefusal
{
    None,
    ListingNotFound,
    /// <summary>The listing is not published, under offer or in auction (withdrawn, expired, sold, still in review), or another buyer took it first.</summary>
    ListingNotDealable,
    BuyerIsSeller,
    /// <summary>Not exactly one trade mode, or one the listing does not offer.</summary>
    TradeModeNotOffered,
    NonPositivePrice,
    /// <summary>The patent register refuses the dealing (a pledge without the lender's consent, an open licence against an exclusive one…).</summary>
    Encumbered,
    /// <summary>Another request changed what this one was based on (e.g. a counter-offer crossed an acceptance): reload and try again.</summary>
    Conflict,
}

public sealed record OpenDealOutcome(OpenDealRefusal Refusal, DealRecord? Deal, DealingRefusal? Encumbrance = null, bool WasAlreadyOpen = false)
{
    public bool Succeeded => Refusal == OpenDealRefusal.None;

    public BilingualText Message => Refusal switch
    {
        OpenDealRefusal.None => new("已成交", "Deal opened"),
        OpenDealRefusal.ListingNotFound => new("挂牌不存在", "No such listing"),
        OpenDealRefusal.ListingNotDealable => new("该挂牌已不能成交（已售出、已撤回或不在挂牌期）", "The listing can no longer be dealt (sold, withdrawn or not on the market)"),
        OpenDealRefusal.BuyerIsSeller => new("卖方不能与自己成交", "The seller cannot deal with itself"),
        OpenDealRefusal.TradeModeNotOffered => new("该挂牌不提供此交易方式", "The listing does not offer this trade mode"),
        OpenDealRefusal.NonPositivePrice => new("成交价须大于零", "The price must be above zero"),
        OpenDealRefusal.Encumbered => new(Encumbrance?.MessageZh ?? "专利权利负担不允许此交易", Encumbrance?.MessageEn ?? "The patent's encumbrances refuse this dealing"),
        OpenDealRefusal.Conflict => new("他人刚刚更新了该记录，请刷新后重试", "Someone changed this just now; reload and try again"),
        _ => new(Refusal.ToString(), Refusal.ToString()),
    };
}

/// <summary>
/// 成交: opens the deal once the buyer and price are known. The patent register is asked through
/// <see cref="EncumbranceGuard"/> for the exact dealing (assignment, or a licence of its kind), so a pledged patent is
/// not sold or licensed behind the lender's back (Civil Code Art. 444), and no exclusive or sole licence is granted while
/// an open-licence declaration stands (Patent Law Art. 51; <see cref="OpenLicenceLock"/> for records off the register).
/// An assignment, exclusive licence or equity contribution takes the listing off the market (sold) and holds the
/// listing's unique exclusive key, so two racing acceptances open one deal; ordinary licences leave it published.
/// A university's 协议定价 starts its publicity period (Art. 18). The contract is drafted with the Art. 845 contents.
/// Opening the same origin again returns the first deal.
/// </summary>
public sealed class OpenDeal(TechMarketDbContext db, EncumbranceGuard guard, OpenLicenceLock openLicences, IOptions<DealsOptions> options, TimeProvider clock)
{
    public async Task<OpenDealOutcome> RunAsync(OpenDealCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var existing = await FindAsync(command, ct).ConfigureAwait(false);
        if (existing is not null) return new(OpenDealRefusal.None, existing, WasAlreadyOpen: true);
        if (command.Price <= Money.Zero) return new(OpenDealRefusal.NonPositivePrice, null);

        var listing = await db.Listings.Include(l => l.Record).FirstOrDefaultAsync(l => l.Id == command.ListingId, ct).ConfigureAwait(false);
        if (listing is null) return new(OpenDealRefusal.ListingNotFound, null);
        if (listing.Status is not (ListingStatus.Published or ListingStatus.UnderOffer or ListingStatus.InAuction))
            return new(OpenDealRefusal.ListingNotDealable, null);
        if (listing.OrganizationId == command.BuyerOrganizationId) return new(OpenDealRefusal.BuyerIsSeller, null);
        if (!IsSingleMode(command.TradeMode) || !Offers(listing.TradeModes, command))
            return new(OpenDealRefusal.TradeModeNotOffered, null);
        var takesOffMarket = TakesListingOffMarket(command.TradeMode);
        if (takesOffMarket && await db.Deals.AnyAsync(d => d.ExclusiveKey == listing.Id, ct).ConfigureAwait(false))
            return new(OpenDealRefusal.ListingNotDealable, null);

        if (command.TradeMode is TradeModes.ExclusiveLicence or TradeModes.SoleLicence
            && await openLicences.RefusalAsync(listing.CatalogueRecordId, ct).ConfigureAwait(false) is { } declared)
            return new(OpenDealRefusal.Encumbered, null, declared);
        var (refusal, register) = await EncumbranceAsync(listing, command, ct).ConfigureAwait(false);
        if (refusal is not null) return new(OpenDealRefusal.Encumbered, null, refusal);

        var sellerType = await db.Organizations.Where(o => o.Id == listing.OrganizationId).Select(o => o.Type).FirstAsync(ct).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var status = DealLifecycle.Initial(command.Origin, sellerType == OrganizationType.University);
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
            Status = status,
            ExclusiveKey = takesOffMarket ? listing.Id : null,
            AcceptedTerms = command.AcceptedTerms,
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (status == DealStatus.Publicity)
        {
            deal.PublicityStartsAt = now;
            deal.PublicityEndsAt = now.AddDays(Math.Max(1, options.Value.PublicityDays));
        }
        var record = listing.Record!;
        deal.WriteContract(TransferContractTerms.Draft(record.Title, register?.Number ?? record.RecordId, register?.FiledOn, register?.GrantedOn,
            register?.ExpiresOn ?? listing.LastDayInForce, command.TradeMode, command.Price));
        db.Deals.Add(deal);
        if (takesOffMarket && listing.MarkSold(now).Succeeded) db.ListingChanged(listing.Id, now);
        db.AuditAs("deal.opened", $"{command.Origin} {command.TradeMode} {command.Price}");
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another request opened the deal of the same origin first (unique origin index), or another buyer's deal
            // took the listing off the market (unique exclusive key), or a concurrent move changed the caller's record.
            db.ChangeTracker.Clear();
            var winner = await FindAsync(command, ct).ConfigureAwait(false);
            if (winner is not null) return new(OpenDealRefusal.None, winner, WasAlreadyOpen: true);
            if (takesOffMarket && await db.Deals.AnyAsync(d => d.ExclusiveKey == command.ListingId, ct).ConfigureAwait(false))
                return new(OpenDealRefusal.ListingNotDealable, null);
            return new(OpenDealRefusal.Conflict, null);
        }
        return new(OpenDealRefusal.None, deal);
    }

    private Task<DealRecord?> FindAsync(OpenDealCommand command, CancellationToken ct) =>
        db.Deals.FirstOrDefaultAsync(d => d.Origin == command.Origin && d.OriginId == command.OriginId, ct);

    public static bool TakesListingOffMarket(TradeModes mode) => mode is TradeModes.Assignment or TradeModes.ExclusiveLicence or TradeModes.Equity;

    private static bool IsSingleMode(TradeModes mode) => mode != TradeModes.None && (mode & (mode - 1)) == 0;

    // An open licence is granted as an ordinary licence; an express licence is an ordinary licence at the published price.
    private static bool Offers(TradeModes offered, OpenDealCommand command) => command.Origin switch
    {
        DealOrigin.OpenLicence => offered.HasFlag(TradeModes.OpenLicence) && command.TradeMode == TradeModes.OrdinaryLicence,
        DealOrigin.ExpressLicence => offered.HasFlag(TradeModes.OrdinaryLicence) && command.TradeMode == TradeModes.OrdinaryLicence,
        _ => offered.HasFlag(command.TradeMode),
    };

    private sealed record RegisterEntry(string Number, DateOnly FiledOn, DateOnly? GrantedOn, DateOnly ExpiresOn, List<Guid> Owners);

    private async Task<(DealingRefusal? Refusal, RegisterEntry? Entry)> EncumbranceAsync(Listing listing, OpenDealCommand command, CancellationToken ct)
    {
        var recordId = listing.Record?.RecordId;
        if (recordId is null) return (null, null);
        var entry = await db.PatentRights.AsNoTracking()
            .Where(p => p.Number == recordId || p.SourceRecordId == recordId)
            .Select(p => new RegisterEntry(p.Number, p.FiledOn, p.GrantedOn, p.ExpiresOn, p.Patentees.Select(x => x.OrganizationId).ToList()))
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (entry is null) return (null, null); // Not a patent on the platform's register (a research result, a foreign patent).
        var owners = entry.Owners;
        var decision = (command.Origin, command.TradeMode) switch
        {
            (DealOrigin.OpenLicence, _) => await guard.CanLicenceAsync(entry.Number, owners, PatentDealing.OpenLicence, LicenceType.Ordinary, ct).ConfigureAwait(false),
            (DealOrigin.ExpressLicence, _) => await guard.CanLicenceAsync(entry.Number, owners, PatentDealing.ExpressLicence, LicenceType.Ordinary, ct).ConfigureAwait(false),
            (_, TradeModes.ExclusiveLicence) => await guard.CanLicenceAsync(entry.Number, owners, PatentDealing.NegotiatedLicence, LicenceType.Exclusive, ct).ConfigureAwait(false),
            (_, TradeModes.SoleLicence) => await guard.CanLicenceAsync(entry.Number, owners, PatentDealing.NegotiatedLicence, LicenceType.Sole, ct).ConfigureAwait(false),
            (_, TradeModes.OrdinaryLicence) => await guard.CanLicenceAsync(entry.Number, owners, PatentDealing.NegotiatedLicence, LicenceType.Ordinary, ct).ConfigureAwait(false),
            _ => await guard.CheckAsync(entry.Number, day => ProposedDealing.Assignment(day, owners), ct).ConfigureAwait(false),
        };
        return (decision.IsAllowed ? null : decision.Refusals[0], entry);
    }
}
