using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Data;
using TechMarket.Web.Catalogue;

namespace TechMarket.Web.Pages.SavedSearches;

/// <summary>The digest mail's unsubscribe link: the token is the authority, no sign-in. GET asks, POST does (mail scanners follow GET links).</summary>
[AllowAnonymous]
public sealed class UnsubscribeModel(TechMarketDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await FindAsync(cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var saved = await FindAsync(cancellationToken);
        if (saved is null) return NotFound();
        saved.Unsubscribe(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        Done = true;
        return Page();
    }

    private Task<Domain.Catalogue.SavedSearch?> FindAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Token) || Token.Length > 100) return Task.FromResult<Domain.Catalogue.SavedSearch?>(null);
        var hash = UnsubscribeTokens.Hash(Token);
        return db.SavedSearches.FirstOrDefaultAsync(s => s.UnsubscribeTokenHash == hash, cancellationToken);
    }
}
