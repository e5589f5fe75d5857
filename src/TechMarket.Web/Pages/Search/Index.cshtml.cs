using Microsoft.AspNetCore.Mvc.RazorPages;
using TechMarket.Search;
using TechMarket.Web.Catalogue;

namespace TechMarket.Web.Pages.Search;

/// <summary>Search with facets as filter links; every state is in the URL (shareable, savable).</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class IndexModel(ICatalogSearch search, TechMarket.Web.Articles.ArticleCatalog articles) : PageModel
{
    public const int PageSize = 20;

    public SearchParameters Parameters { get; private set; } = new();
    public string? Query => Parameters.Q;
    public int PageNumber { get; private set; } = 1;
    public SearchResults Results { get; private set; } = SearchResults.Empty;
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    /// <summary>Policy articles and guides (content/ files and the center's own) whose title, summary or tags contain a word of the query.</summary>
    public IReadOnlyList<TechMarket.Web.Articles.Article> Articles { get; private set; } = [];
    public int PageCount => (int)Math.Min(500, (Results.Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Parameters = SearchParameters.From(Request.Query);
        if (Parameters.Q is { Length: > SearchQuery.MaxTextLength } q) Parameters = Parameters with { Q = q[..SearchQuery.MaxTextLength] };
        var errors = new Dictionary<string, string[]>();
        var query = Parameters.ToQuery(errors, PageSize);
        // A bad filter in a hand-edited URL is dropped (and said), not a dead end.
        foreach (var field in errors.Keys) Parameters = Without(Parameters, field);
        Errors = errors;
        if (errors.Count > 0) query = Parameters.ToQuery([], PageSize);
        PageNumber = Math.Min(query.Page, 500);
        Results = await search.SearchAsync(query with { Page = PageNumber }, cancellationToken);
        var words = (Parameters.Q ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(w => w.Length >= 2).ToList();
        if (words.Count > 0)
        {
            Articles = [.. (await articles.AllAsync(cancellationToken)).Where(a => words.Any(w => a.Title.Contains(w, StringComparison.OrdinalIgnoreCase)
                || a.Summary.Contains(w, StringComparison.OrdinalIgnoreCase) || a.Tags.Any(t => t.Contains(w, StringComparison.OrdinalIgnoreCase)))).Take(5)];
        }
    }

    /// <summary>The URL with one filter set (or cleared when <paramref name="value"/> is null); the page goes back to 1.</summary>
    public string Link(string field, string? value)
    {
        var p = Without(Parameters, field) with { Page = null };
        p = field switch
        {
            "type" => p with { Type = value },
            "tradeMode" => p with { TradeMode = value },
            "industry" => p with { Industry = value },
            "ipc" => p with { Ipc = value },
            "legalStatus" => p with { LegalStatus = value },
            "priceBand" => p with { PriceBand = value },
            "org" => p with { Organization = value },
            "trl" => p with { Trl = value },
            "sort" => p with { Sort = value },
            _ => p,
        };
        return "/search?" + p.ToQueryString();
    }

    public string PageLink(int page) => "/search?" + (Parameters with { Page = page.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToQueryString();

    /// <summary>The URL parameter that a facet filters on.</summary>
    public static string FieldOf(string facet) => facet switch
    {
        FacetNames.Type => "type",
        FacetNames.TradeMode => "tradeMode",
        FacetNames.Industry => "industry",
        FacetNames.IpcSection or FacetNames.IpcClass => "ipc",
        FacetNames.LegalStatus => "legalStatus",
        FacetNames.PriceBand => "priceBand",
        FacetNames.Organization => "org",
        FacetNames.Trl => "trl",
        _ => facet,
    };

    public string? Current(string field) => field switch
    {
        "type" => Parameters.Type,
        "tradeMode" => Parameters.TradeMode,
        "industry" => Parameters.Industry,
        "ipc" => Parameters.Ipc,
        "legalStatus" => Parameters.LegalStatus,
        "priceBand" => Parameters.PriceBand,
        "org" => Parameters.Organization,
        "trl" => Parameters.Trl,
        "sort" => Parameters.Sort,
        _ => null,
    };

    private static SearchParameters Without(SearchParameters p, string field) => field switch
    {
        "q" => p with { Q = null },
        "type" => p with { Type = null },
        "tradeMode" => p with { TradeMode = null },
        "industry" => p with { Industry = null },
        "ipc" => p with { Ipc = null },
        "legalStatus" => p with { LegalStatus = null },
        "priceBand" => p with { PriceBand = null },
        "org" => p with { Organization = null },
        "trl" => p with { Trl = null },
        "sort" => p with { Sort = null },
        "page" => p with { Page = null },
        "size" => p with { Size = null },
        _ => p,
    };
}
