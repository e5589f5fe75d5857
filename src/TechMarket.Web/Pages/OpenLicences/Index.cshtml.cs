using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Deals;

namespace TechMarket.Web.Pages.OpenLicences;

/// <summary>Published open-licence declarations and their withdrawals (Patent Law Art. 50: both are announced), 20 a page.</summary>
[AllowAnonymous]
public sealed class IndexModel(TechMarketDbContext db) : PageModel
{
    public sealed record Row(OpenLicenceDeclarationRecord Declaration, string Title, string Patentee);
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(int? p, CancellationToken ct)
    {
        var page = Math.Max(1, p ?? 1);
        var declarations = await db.OpenLicenceDeclarations.AsNoTracking().OrderByDescending(d => d.PublishedAt).Skip((page - 1) * 20).Take(20).ToListAsync(ct);
        var listingIds = declarations.Select(d => d.ListingId).ToList();
        var titles = await db.Listings.AsNoTracking().Where(l => listingIds.Contains(l.Id)).Select(l => new { l.Id, l.Record!.Title }).ToDictionaryAsync(l => l.Id, l => l.Title, ct);
        var orgIds = declarations.Select(d => d.OrganizationId).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        Rows = [.. declarations.Select(d => new Row(d, titles[d.ListingId], names[d.OrganizationId]))];
    }
}
