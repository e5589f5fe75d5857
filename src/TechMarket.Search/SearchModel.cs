namespace TechMarket.Search;

public enum SearchSort
{
    Relevance = 0,
    Newest = 1,
    PriceAscending = 2,
    PriceDescending = 3,
}

public sealed record SearchQuery
{
    public const int MaxSize = 100;
    public const int MaxTextLength = 10_000;

    public string? Text { get; init; }
    /// <summary>Asset kind code (patent_application, research_result, ...).</summary>
    public string? Type { get; init; }
    public string? TradeMode { get; init; }
    public int Page { get; init; } = 1;
    public int Size { get; init; } = 10;
    public SearchSort Sort { get; init; } = SearchSort.Relevance;
}

public sealed record SearchResults(long Total, IReadOnlyList<SearchHit> Hits)
{
    public static SearchResults Empty { get; } = new(0, []);
}

/// <param name="Snippet">HTML: the source text encoded, with matched terms in &lt;mark&gt;.</param>
public sealed record SearchHit(Guid ListingId, string RecordId, string Title, string Snippet, string Type, IReadOnlyList<string> TradeModes, long? PriceFen, string Organization, float Score);

/// <summary>What the index holds for one published listing.</summary>
public sealed record CatalogDocument
{
    public required Guid ListingId { get; init; }
    public required string RecordId { get; init; }
    public required string Type { get; init; }
    public required string Title { get; init; }
    public string? Abstract { get; init; }
    public string? Claims { get; init; }
    public required string Language { get; init; }
    public IReadOnlyList<string> TradeModes { get; init; } = [];
    public long? PriceFen { get; init; }
    public required string Organization { get; init; }
    public required DateTimeOffset PublishedAt { get; init; }
}
