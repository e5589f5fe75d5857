using TechMarket.Search;

namespace TechMarket.Web.Api;

internal static class SearchApi
{
    public static void MapSearchApi(this IEndpointRouteBuilder app)
    {
        // Public data: readable without a token; partners may still send one.
        var api = app.MapGroup("/api/v1").WithTags("Catalogue").AllowAnonymous();
        api.MapGet("/search", SearchAsync)
            .WithName("SearchCatalogue")
            .WithSummary("Full-text search over published listings (Chinese and English).")
            .Produces<SearchResponse>()
            .ProducesValidationProblem();
    }

    /// <summary>Parameters arrive as text and are validated here, so a bad one gets a 400 naming the field, not a binder error.</summary>
    internal static async Task<IResult> SearchAsync(string? q, string? type, string? tradeMode, string? industry, string? ipc, string? page, string? size, string? sort,
        ICatalogSearch search, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var query = new TechMarket.Web.Catalogue.SearchParameters { Q = q, Type = type, TradeMode = tradeMode, Industry = industry, Ipc = ipc, Page = page, Size = size, Sort = sort }
            .ToQuery(errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "请求参数无效 / Invalid search parameters");

        var results = await search.SearchAsync(query, cancellationToken);
        return TypedResults.Ok(new SearchResponse(results.Total, [.. results.Hits.Select(h => new SearchItem(
            h.ListingId, h.RecordId, h.Title, h.Snippet, h.Type, h.TradeModes, h.PriceFen, h.Organization))])
        {
            Facets = results.Facets.ToDictionary(f => f.Name, f => (IReadOnlyList<SearchFacetValue>)[.. f.Values.Select(v => new SearchFacetValue(v.Value, v.Count))]),
        });
    }

    internal static bool TryParseSort(string text, out SearchSort sort)
    {
        sort = text.ToLowerInvariant() switch
        {
            "relevance" => SearchSort.Relevance,
            "newest" => SearchSort.Newest,
            "price_asc" => SearchSort.PriceAscending,
            "price_desc" => SearchSort.PriceDescending,
            _ => (SearchSort)(-1),
        };
        return Enum.IsDefined(sort);
    }
}

public sealed record SearchResponse(long Total, IReadOnlyList<SearchItem> Items)
{
    /// <summary>Facet name (type, trade_mode, industry, ipc_section, ipc_class, legal_status, price_band, organization, trl) → values with counts over all matches.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SearchFacetValue>> Facets { get; init; } = new Dictionary<string, IReadOnlyList<SearchFacetValue>>();
}

public sealed record SearchFacetValue(string Value, long Count);

public sealed record SearchItem(Guid Id, string RecordId, string Title, string Snippet, string Type, IReadOnlyList<string> TradeModes, long? PriceFen, string Organization);
