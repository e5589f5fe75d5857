using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechMarket.Web.Articles;

namespace TechMarket.Web.Pages.Articles;

[AllowAnonymous]
public sealed class IndexModel(ArticleCatalog catalog) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Tag { get; set; }
    public IReadOnlyList<Article> Articles { get; private set; } = [];
    public IReadOnlyList<string> Tags { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    public const int PageSize = 20;
    public int Total { get; private set; }

    /// <summary>Files and published database articles, filtered by tag and by words in the title or summary, 20 a page.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var all = await catalog.AllAsync(cancellationToken);
        Tags = [.. all.SelectMany(a => a.Tags).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        var q = Q?.Trim();
        var matching = all.Where(a => string.IsNullOrEmpty(Tag) || a.Tags.Contains(Tag, StringComparer.Ordinal))
            .Where(a => string.IsNullOrEmpty(q) || a.Title.Contains(q, StringComparison.OrdinalIgnoreCase) || a.Summary.Contains(q, StringComparison.OrdinalIgnoreCase)
                || (a.TitleEn ?? "").Contains(q, StringComparison.OrdinalIgnoreCase)).ToList();
        Total = matching.Count;
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Articles = [.. matching.Skip((PageNumber - 1) * PageSize).Take(PageSize)];
    }
}
