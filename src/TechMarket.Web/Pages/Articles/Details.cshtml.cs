using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechMarket.Web.Articles;

namespace TechMarket.Web.Pages.Articles;

[AllowAnonymous]
public sealed class DetailsModel(ArticleCatalog catalog) : PageModel
{
    public Article Article { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await catalog.FindAsync(slug, cancellationToken) is not { } article) return NotFound();
        Article = article;
        return Page();
    }
}
