using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Deals;
using TechMarket.Web.Deals;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Deals;

/// <summary>我的成交: the organisation's deals as buyer and as seller (the center sees all), 20 a page.</summary>
[Authorize(Policy = Policies.OrganizationMember)]
public sealed class IndexModel(TechMarketDbContext db) : PageModel
{
    public const int PageSize = 20;
    public sealed record Row(DealRecord Deal, string Title, string Seller, string Buyer);
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public Guid? OrganizationId { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.DealCaller() is not { } caller) return Forbid();
        OrganizationId = caller.OrganizationId;
        PageNumber = Math.Max(1, PageNumber);
        var query = DealQueries.Visible(db, caller);
        Total = await query.CountAsync(ct);
        var deals = await query.OrderByDescending(d => d.CreatedAt).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var listingIds = deals.Select(d => d.ListingId).ToList();
        var titles = await db.Listings.AsNoTracking().Where(l => listingIds.Contains(l.Id)).Select(l => new { l.Id, l.Record!.Title }).ToDictionaryAsync(l => l.Id, l => l.Title, ct);
        var orgIds = deals.SelectMany(d => new[] { d.SellerOrganizationId, d.BuyerOrganizationId }).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        Rows = [.. deals.Select(d => new Row(d, titles[d.ListingId], names[d.SellerOrganizationId], names[d.BuyerOrganizationId]))];
        return Page();
    }
}
