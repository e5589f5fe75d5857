using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechMarket.Web.Articles;

namespace TechMarket.Web.Pages.Articles;

[AllowAnonymous]
public sealed class IndexModel(ArticleLibrary library) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Tag { get; set; }
    public IReadOnlyList<Article> Articles { get; private set; } = [];
    public IReadOnlyList<string> Tags { get; private set; } = [];

    public void OnGet()
    {
        Tags = [.. library.All.SelectMany(a => a.Tags).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        Articles = [.. library.All.Where(a => string.IsNullOrEmpty(Tag) || a.Tags.Contains(Tag, StringComparer.Ordinal))];
    }
}
