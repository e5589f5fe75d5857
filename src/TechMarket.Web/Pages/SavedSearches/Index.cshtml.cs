using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Infrastructure.Data;
using TechMarket.Web.Catalogue;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.SavedSearches;

/// <summary>My saved searches; the search page's "save this search" posts here.</summary>
[Authorize]
public sealed class IndexModel(TechMarketDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<SavedSearch> Searches { get; private set; } = [];
    [TempData] public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var user = User.UserId();
        Searches = await db.SavedSearches.AsNoTracking().Where(s => s.UserId == user && s.Kind == SavedSearchKind.Listings && s.UnsubscribedAt == null).OrderByDescending(s => s.CreatedAt).ToListAsync(cancellationToken);
    }

    /// <param name="query">The search page's query string.</param>
    public async Task<IActionResult> OnPostAsync(string? query, CancellationToken cancellationToken)
    {
        var parameters = SearchParameters.Parse(query ?? "");
        var errors = new Dictionary<string, string[]>();
        parameters.ToQuery(errors);
        if (errors.Count > 0) return BadRequest();
        var email = User.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value ?? User.Identity?.Name ?? "";
        if (!email.Contains('@', StringComparison.Ordinal)) return BadRequest();
        db.SavedSearches.Add(new SavedSearch(Guid.NewGuid(), User.UserId()!.Value, email, parameters.ToQueryString(withPage: false),
            UnsubscribeTokens.Hash(UnsubscribeTokens.NewToken()), clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = "saved";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = User.UserId();
        var saved = await db.SavedSearches.FirstOrDefaultAsync(s => s.Id == id && s.UserId == user, cancellationToken);
        if (saved is null) return NotFound();
        saved.Unsubscribe(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage();
    }
}
