using System.Globalization;
using TechMarket.Domain.Catalogue;
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
    internal static async Task<IResult> SearchAsync(string? q, string? type, string? tradeMode, string? page, string? size, string? sort,
        ICatalogSearch search, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var pageNumber = ParseInt(page, "page", 1, 1, 1000, errors);
        var pageSize = ParseInt(size, "size", 10, 1, SearchQuery.MaxSize, errors);
        if (q is { Length: > SearchQuery.MaxTextLength })
        {
            errors["q"] = [$"查询文本最长 {SearchQuery.MaxTextLength} 个字符 / The query may be at most {SearchQuery.MaxTextLength} characters."];
        }
        if (!string.IsNullOrEmpty(type) && !AssetKinds.TryParseCode(type, out _))
        {
            errors["type"] = [$"未知的类型 '{type}' / Unknown type. Use one of: {string.Join(", ", Enum.GetValues<AssetKind>().Select(k => k.Code()))}."];
        }
        if (!string.IsNullOrEmpty(tradeMode) && !TradeModeCodes.TryParseCode(tradeMode, out _))
        {
            errors["tradeMode"] = [$"未知的交易方式 '{tradeMode}' / Unknown trade mode."];
        }
        var sortOrder = SearchSort.Relevance;
        if (!string.IsNullOrEmpty(sort) && !TryParseSort(sort, out sortOrder))
        {
            errors["sort"] = ["排序只能是 relevance、newest、price_asc、price_desc / sort must be relevance, newest, price_asc or price_desc."];
        }
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "请求参数无效 / Invalid search parameters");

        var results = await search.SearchAsync(new SearchQuery
        {
            Text = q,
            Type = type?.ToLowerInvariant(),
            TradeMode = tradeMode?.ToLowerInvariant(),
            Page = pageNumber,
            Size = pageSize,
            Sort = sortOrder,
        }, cancellationToken);
        return TypedResults.Ok(new SearchResponse(results.Total, [.. results.Hits.Select(h => new SearchItem(
            h.ListingId, h.RecordId, h.Title, h.Snippet, h.Type, h.TradeModes, h.PriceFen, h.Organization))]));
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

    private static int ParseInt(string? text, string field, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text)) return fallback;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            errors[field] = [$"{field} 必须是 {min} 到 {max} 之间的整数 / {field} must be a whole number from {min} to {max}."];
            return fallback;
        }
        return value;
    }
}

public sealed record SearchResponse(long Total, IReadOnlyList<SearchItem> Items);

public sealed record SearchItem(Guid Id, string RecordId, string Title, string Snippet, string Type, IReadOnlyList<string> TradeModes, long? PriceFen, string Organization);
