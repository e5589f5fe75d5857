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

    /// <summary>Another change to the deal was saved since the caller read it.</summary>
    public static DealResult Changed { get; } = Refused(DealRefusalCode.Changed, "成交状态已被他人更改，请查看最新状态后重试。", "The deal changed meanwhile; review it and try again.");
}

/// <summary>
/// Saving a change of a deal under its concurrency token (<see cref="DealRecord.Version"/>): a change saved by someone else
/// since the deal was read — or since the caller's page showed it — is never overwritten; the caller is refused instead.
/// </summary>
internal static class DealSave
{
    /// <summary>True when the caller acted on an older version than the deal now has (null: the caller names none, e.g. a job).</summary>
    public static bool IsStale(DealRecord deal, int? expectedVersion) => expectedVersion is { } seen && seen != deal.Version;

    public static async Task<DealResult> SaveAsync(TechMarketDbContext db, Guid id, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The deal's version moved between our read and our write: the other change stands, nothing of ours is saved.
            db.ChangeTracker.Clear();
            return DealResult.Changed;
        }
        return DealResult.Done(id);
    }
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
