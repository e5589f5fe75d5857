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
    /// <summary>Industry code (see <see cref="CatalogDocument.Industry"/>).</summary>
    public string? Industry { get; init; }
    /// <summary>IPC section, one letter A-H.</summary>
    public string? IpcSection { get; init; }
    /// <summary>IPC class: section and two digits (H01).</summary>
    public string? IpcClass { get; init; }
    public string? LegalStatus { get; init; }
    /// <summary>A <see cref="PriceBands"/> code.</summary>
    public string? PriceBand { get; init; }
    /// <summary>Seller organisation name, as the facet shows it.</summary>
    public string? Organization { get; init; }
    public int? Trl { get; init; }
    public int Page { get; init; } = 1;
    public int Size { get; init; } = 10;
    public SearchSort Sort { get; init; } = SearchSort.Relevance;
    /// <summary>Count facet values over all matching listings. Off for callers that show hits only.</summary>
    public bool IncludeFacets { get; init; } = true;
}

public sealed record SearchResults(long Total, IReadOnlyList<SearchHit> Hits)
{
    public static SearchResults Empty { get; } = new(0, []);

    /// <summary>Counts over every listing that matches the query and its filters, largest first.</summary>
    public IReadOnlyList<Facet> Facets { get; init; } = [];
}

/// <param name="Snippet">HTML: the source text encoded, with matched terms in &lt;mark&gt;.</param>
public sealed record SearchHit(Guid ListingId, string RecordId, string Title, string Snippet, string Type, IReadOnlyList<string> TradeModes, long? PriceFen, string Organization, float Score);

/// <param name="Name">One of <see cref="FacetNames"/>.</param>
public sealed record Facet(string Name, IReadOnlyList<FacetValue> Values);

public sealed record FacetValue(string Value, long Count);

public sealed record SearchSuggestion(Guid ListingId, string RecordId, string Title);

public static class FacetNames
{
    public const string Type = "type";
    public const string TradeMode = "trade_mode";
    public const string Industry = "industry";
    public const string IpcSection = "ipc_section";
    public const string IpcClass = "ipc_class";
    public const string LegalStatus = "legal_status";
    public const string PriceBand = "price_band";
    public const string Organization = "organization";
    public const string Trl = "trl";

    public static IReadOnlyList<string> All { get; } = [Type, TradeMode, Industry, IpcSection, IpcClass, LegalStatus, PriceBand, Organization, Trl];
}

/// <summary>Price bands of the search facet, in yuan; 面议 (no stated price) is its own band.</summary>
public static class PriceBands
{
    public const string Negotiable = "negotiable";
    public const string Under100K = "under_100k";
    public const string From100KTo500K = "100k_500k";
    public const string From500KTo1M = "500k_1m";
    public const string From1MTo5M = "1m_5m";
    public const string Over5M = "5m_plus";

    public static IReadOnlyList<string> All { get; } = [Negotiable, Under100K, From100KTo500K, From500KTo1M, From1MTo5M, Over5M];

    public static string Of(long? priceFen) => priceFen switch
    {
        null => Negotiable,
        < 100_000_00 => Under100K,
        < 500_000_00 => From100KTo500K,
        < 1_000_000_00 => From500KTo1M,
        < 5_000_000_00 => From1MTo5M,
        _ => Over5M,
    };
}

/// <summary>IPC code parts: "H01M 10/0525" → section H, class H01, subclass H01M.</summary>
public static class IpcCodes
{
    public static string? Section(string code) => Normalize(code) is { Length: >= 1 } c && c[0] is >= 'A' and <= 'H' ? c[..1] : null;

    public static string? Class(string code) => Normalize(code) is { Length: >= 3 } c && c[0] is >= 'A' and <= 'H' && char.IsAsciiDigit(c[1]) && char.IsAsciiDigit(c[2]) ? c[..3] : null;

    private static string Normalize(string code) => (code ?? "").Trim().ToUpperInvariant();
}

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
    /// <summary>3+X industry code (new_energy_vehicles, biomedicine, next_gen_it, future_industries); null when unspecified.</summary>
    public string? Industry { get; init; }
    public IReadOnlyList<string> IpcCodes { get; init; } = [];
    /// <summary>granted, pending (published application), ...; null for records without a legal status (research results).</summary>
    public string? LegalStatus { get; init; }
    /// <summary>Technology readiness level 1-9.</summary>
    public int? Trl { get; init; }
}
