using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Infrastructure.Catalogue;
using TechMarket.Infrastructure.Data;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Seller.Listings;

/// <summary>Withdrawal is final, so it has its own confirmation page.</summary>
[Authorize(Policy = Policies.VerifiedMember)]
public sealed class WithdrawModel(TechMarketDbContext db, WithdrawListing withdraw) : PageModel
{
    public Listing Listing { get; private set; } = null!;
    public IReadOnlyList<ListingProblem> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await withdraw.RunAsync(id, User.OrganizationId()!.Value, cancellationToken);
        if (result.Status == ListingCommandStatus.NotFound) return NotFound();
        if (result.Succeeded)
        {
            TempData["StatusMessage"] = "withdrawn";
            return RedirectToPage("Index");
        }
        Problems = result.Problems;
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var org = User.OrganizationId();
        var listing = await db.Listings.AsNoTracking().Include(l => l.Record).FirstOrDefaultAsync(l => l.Id == id && l.OrganizationId == org, cancellationToken);
        if (listing is null) return false;
        Listing = listing;
        return true;
    }
}
