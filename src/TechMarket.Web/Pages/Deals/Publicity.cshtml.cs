using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Deals;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Web.Pages.Deals;

/// <summary>Current 协议定价 publicity notices (public), newest first, 20 a page.</summary>
[AllowAnonymous]
public sealed class PublicityModel(TechMarketDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string Title, long PriceFen, DateTimeOffset? EndsAt);
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(int? p, CancellationToken ct)
    {
        var page = Math.Max(1, p ?? 1);
        Rows = await db.Deals.AsNoTracking().Where(d => d.Status == DealStatus.Publicity)
            .OrderByDescending(d => d.PublicityStartsAt).Skip((page - 1) * 20).Take(20)
            .Join(db.Listings, d => d.ListingId, l => l.Id, (d, l) => new Row(d.Id, l.Record!.Title, d.PriceFen, d.PublicityEndsAt))
            .ToListAsync(ct);
    }
}
