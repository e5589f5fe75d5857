using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Audit;
using TechMarket.Infrastructure.Data;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Center;

/// <summary>The append-only audit log, filterable by entity type, entity id and action.</summary>
[Authorize(Policy = Policies.CenterOrAdmin)]
public sealed class AuditModel(TechMarketDbContext db) : PageModel
{
    public const int PageSize = 50;
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        var query = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Entity)) query = query.Where(a => a.EntityType == Entity);
        if (!string.IsNullOrWhiteSpace(EntityId)) query = query.Where(a => a.EntityId == EntityId);
        if (!string.IsNullOrWhiteSpace(Action)) query = query.Where(a => a.Action == Action);
        Total = await query.CountAsync(cancellationToken);
        var entries = await query.OrderByDescending(a => a.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        Entries = await SealOpenAuctionsAsync(entries, cancellationToken);
    }

    /// <summary>
    /// SPC 2016 Arts 8, 18: nobody, the operator's staff included, sees who bids before the close. An auction's or a
    /// registration's audit entry names the acting person and carries bidder codes next to organisations, so until its
    /// auction has closed the entry is shown without actor and without before/after.
    /// </summary>
    private async Task<IReadOnlyList<AuditEntry>> SealOpenAuctionsAsync(List<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var auctionIds = entries.Where(e => e.EntityType == nameof(Infrastructure.Auctions.Auction)).Select(e => Guid.TryParse(e.EntityId, out var id) ? id : Guid.Empty).ToHashSet();
        var registrationIds = entries.Where(e => e.EntityType == nameof(Infrastructure.Auctions.AuctionRegistration)).Select(e => Guid.TryParse(e.EntityId, out var id) ? id : Guid.Empty).ToHashSet();
        if (auctionIds.Count == 0 && registrationIds.Count == 0) return entries;
        var auctionOfRegistration = await db.AuctionRegistrations.AsNoTracking().Where(r => registrationIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.AuctionId, cancellationToken);
        var involved = auctionIds.Concat(auctionOfRegistration.Values).ToHashSet();
        var open = (await db.Auctions.AsNoTracking().Where(a => involved.Contains(a.Id) && a.Status != Infrastructure.Auctions.AuctionStatus.Closed)
            .Select(a => a.Id).ToListAsync(cancellationToken)).ToHashSet();
        return [.. entries.Select(e =>
        {
            var auction = e.EntityType == nameof(Infrastructure.Auctions.Auction) && Guid.TryParse(e.EntityId, out var a) ? a
                : e.EntityType == nameof(Infrastructure.Auctions.AuctionRegistration) && Guid.TryParse(e.EntityId, out var r) && auctionOfRegistration.TryGetValue(r, out var ar) ? ar
                : Guid.Empty;
            return auction != Guid.Empty && open.Contains(auction)
                ? new AuditEntry { Id = e.Id, At = e.At, Action = e.Action, EntityType = e.EntityType, EntityId = e.EntityId, Before = Sealed, After = Sealed, Reason = e.Reason }
                : e;
        })];
    }

    public const string Sealed = "（竞价结束前保密 / sealed until the auction closes）";
}
