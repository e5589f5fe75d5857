using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Demands;
using TechMarket.Infrastructure.Data;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Demands;

/// <summary>
/// 匹配的成果: published listings matched to the demand (issue 8). Only the demand owner's organisation sees them;
/// anyone else gets 404, so the page does not even reveal that matches exist.
/// </summary>
[Authorize(Policy = Policies.OrganizationMember)]
public sealed class MatchesModel(TechMarketDbContext db) : PageModel
{
    public const int PageSize = 20;

    public Demand Demand { get; private set; } = null!;
    public IReadOnlyList<MatchRow> Matches { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public bool HasMore { get; private set; }

    public sealed record MatchRow(Guid ListingId, string Title, string Seller, DateTimeOffset MatchedAt);

    public async Task<IActionResult> OnGetAsync(Guid id, int p, CancellationToken cancellationToken)
    {
        var demand = await db.Demands.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (demand is null || User.OrganizationId() != demand.OwnerOrganizationId) return NotFound();
        Demand = demand;
        PageNumber = Math.Max(1, p);
        var rows = await db.DemandMatches.AsNoTracking().Where(m => m.DemandId == id)
            .Join(db.Listings.Where(l => l.Status == ListingStatus.Published), m => m.ListingId, l => l.Id, (m, l) => new { m.MatchedAt, Listing = l })
            .OrderByDescending(x => x.MatchedAt).ThenBy(x => x.Listing.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .Select(x => new MatchRow(x.Listing.Id, x.Listing.Record!.Title,
                db.Organizations.Where(o => o.Id == x.Listing.OrganizationId).Select(o => o.Name).First(), x.MatchedAt))
            .ToListAsync(cancellationToken);
        HasMore = rows.Count > PageSize;
        Matches = rows.Take(PageSize).ToList();
        return Page();
    }
}
