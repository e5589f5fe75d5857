using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechMarket.Search;
using TechMarket.Web.Api;

namespace TechMarket.Web.Pages.Search;

[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class IndexModel(ICatalogSearch search) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "type")] public string? Type { get; set; }
    [BindProperty(SupportsGet = true, Name = "sort")] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public SearchResults Results { get; private set; } = SearchResults.Empty;
    public int PageCount => (int)Math.Min(500, (Results.Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Query is { Length: > SearchQuery.MaxTextLength }) Query = Query[..SearchQuery.MaxTextLength];
        PageNumber = Math.Clamp(PageNumber, 1, 500);
        var sort = Sort is not null && SearchApi.TryParseSort(Sort, out var s) ? s : SearchSort.Relevance;
        Results = await search.SearchAsync(new SearchQuery { Text = Query, Type = Type, Page = PageNumber, Size = PageSize, Sort = sort }, cancellationToken);
    }
}
