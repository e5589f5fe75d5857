using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Infrastructure.Data;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Listings;

/// <summary>Follow or unfollow a published listing (signed-in people).</summary>
[Authorize]
public sealed class FollowModel(TechMarketDbContext db, TimeProvider clock) : PageModel
{
    public IActionResult OnGet(Guid id) => RedirectToPage("Details", new { id });

    public async Task<IActionResult> OnPostAsync(Guid id, bool follow, CancellationToken cancellationToken)
    {
        var user = User.UserId()!.Value;
        if (!await db.Listings.AnyAsync(l => l.Id == id && l.Status == ListingStatus.Published, cancellationToken)) return NotFound();
        var existing = await db.ListingFollows.FirstOrDefaultAsync(f => f.ListingId == id && f.UserId == user, cancellationToken);
        if (follow && existing is null) db.ListingFollows.Add(new ListingFollow(id, user, clock.GetUtcNow()));
        if (!follow && existing is not null) db.ListingFollows.Remove(existing);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("Details", new { id });
    }
}
