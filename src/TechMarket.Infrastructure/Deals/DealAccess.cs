using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Deals;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.Deals;

/// <summary>The signed-in person acting on a deal or offer: their organisation (null without one), and whether they are center staff.</summary>
public sealed record DealCaller(Guid UserId, Guid? OrganizationId, bool IsCenter, string DisplayName);

/// <summary>The outcome of a deal or offer step: the refusal, or the id of what it made.</summary>
public sealed record DealResult(DealRefusal? Refusal, Guid? Id = null)
{
    public bool Succeeded => Refusal is null;
    public static DealResult Done(Guid? id = null) => new(null, id);
    public static DealResult Refused(DealRefusalCode code, string zh, string en) => new(new DealRefusal(code, zh, en));
    public static DealResult NotFound { get; } = Refused(DealRefusalCode.NotAllowed, "未找到该记录。", "Not found.");
}

/// <summary>Deals are private to their two organisations and the center (the public sees only a publicity notice).</summary>
public sealed class DealAccess(TechMarketDbContext db)
{
    public async Task<DealRecord?> LoadVisibleAsync(Guid dealId, DealCaller caller, CancellationToken ct, bool track = false)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var query = track ? db.Deals : db.Deals.AsNoTracking();
        var deal = await query.FirstOrDefaultAsync(d => d.Id == dealId, ct);
        return deal is not null && (caller.IsCenter || caller.OrganizationId == deal.SellerOrganizationId || caller.OrganizationId == deal.BuyerOrganizationId)
            ? deal : null;
    }

    public static OfferSide? SideOf(DealRecord deal, DealCaller caller)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.OrganizationId == deal.SellerOrganizationId) return OfferSide.Seller;
        if (caller.OrganizationId == deal.BuyerOrganizationId) return OfferSide.Buyer;
        return null;
    }

    /// <summary>The party across from the caller (the caller being one of the two).</summary>
    public static Guid OtherParty(DealRecord deal, DealCaller caller) =>
        SideOf(deal, caller) == OfferSide.Seller ? deal.BuyerOrganizationId : deal.SellerOrganizationId;
}
