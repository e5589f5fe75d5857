using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechMarket.Web.Articles;

namespace TechMarket.Web.Pages.Articles;

[AllowAnonymous]
public sealed class DetailsModel(ArticleLibrary library) : PageModel
{
    public Article Article { get; private set; } = null!;

    public IActionResult OnGet(string slug)
    {
        if (library.Find(slug) is not { } article) return NotFound();
        Article = article;
        return Page();
    }
}
