using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Organizations;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Web.Pages.Listings;

[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class DetailsModel(TechMarketDbContext db) : PageModel
{
    public Listing Listing { get; private set; } = null!;
    public CatalogueRecord Record { get; private set; } = null!;
    public Organization Seller { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        // Only published listings are public; drafts and others are 404 to everyone here.
        var listing = await db.Listings.AsNoTracking().Include(l => l.Record)
            .FirstOrDefaultAsync(l => l.Id == id && l.Status == ListingStatus.Published, cancellationToken);
        if (listing is null) return NotFound();
        Listing = listing;
        Record = listing.Record!;
        Seller = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == listing.OrganizationId, cancellationToken);
        return Page();
    }
}
