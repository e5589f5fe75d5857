using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using Elastic.Clients.Elasticsearch.Core.Search;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Elastic.Transport;
using Elastic.Transport.Products.Elasticsearch;

namespace TechMarket.Search.Elasticsearch;

public sealed class ElasticsearchIndexOptions
{
    public const string DefaultIndexName = "techmarket-catalogue";
    public const string IndexDefinitionFileName = "catalogue-index.json";

    /// <summary>Name of the catalogue index; tests use a fresh one per run.</summary>
    public string IndexName { get; set; } = DefaultIndexName;

    /// <summary>Folder holding <see cref="IndexDefinitionFileName"/>; by default the copy of search-config/elasticsearch next to the binaries.</summary>
    public string? ConfigPath { get; set; }

    internal string IndexDefinitionPath =>
        Path.Combine(ConfigPath ?? Path.Combine(AppContext.BaseDirectory, "search-config", "elasticsearch"), IndexDefinitionFileName);
}

/// <summary>
/// The scale-out search engine: the same query model as <see cref="Lucene.LuceneCatalogIndex"/> over an Elasticsearch
/// index whose analyzers and mappings are search-config/elasticsearch/catalogue-index.json. Text is analysed by the
/// server (SmartCn words, CJK bigrams, English; synonyms from the shared file at search time); as in the Lucene engine,
/// title, abstract and claims are copied into one body field per analysis chain (`copy_to`), each chain is an OR
/// match on its body field, and the chains are OR-ed.
/// </summary>
public sealed partial class ElasticsearchCatalogIndex : ICatalogSearch, ICatalogIndexer
{
    internal const string FingerprintMetaKey = "fingerprint";
    private const int MaxWindow = 10_000;
    private const int MaxFacetValues = 50;

    // Patent and paper boilerplate that says nothing about the subject (the Lucene engine's more-like-this list).
    private static readonly string[] BoilerplateTerms =
        ["一种", "本发明", "发明", "实用新型", "涉及", "及其", "所述", "方法", "提供", "包括", "其中", "进行", "通过", "采用", "研究", "结果", "the", "a", "of", "and"];

    private readonly ElasticsearchClient client;
    private readonly ElasticsearchIndexOptions options;
    private readonly IndexName index;

    public ElasticsearchCatalogIndex(ElasticsearchClient client, ElasticsearchIndexOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        this.client = client;
        this.options = options;
        index = options.IndexName;
    }

    /// <summary>A client for <paramref name="url"/>, with an API key when one is configured.</summary>
    public static ElasticsearchClient CreateClient(Uri url, string? apiKey)
    {
        var settings = new ElasticsearchClientSettings(url);
        if (!string.IsNullOrWhiteSpace(apiKey)) settings = settings.Authentication(new ApiKey(apiKey));
        return new ElasticsearchClient(settings);
    }

    public string IndexName => options.IndexName;

    /// <summary>Read from the index mapping's _meta (synchronous: the interface asks it once, at start-up).</summary>
    public string? BuiltFingerprint
    {
        get
        {
            var response = client.Indices.GetMapping(new GetMappingRequest(index));
            if (IsNotFound(response)) return null;
            EnsureValid(response, "read the index mapping");
            var meta = response.Mappings.Values.FirstOrDefault()?.Mappings?.Meta;
            var value = meta is not null && meta.TryGetValue(FingerprintMetaKey, out var f) ? f?.ToString() : null;
            return string.IsNullOrEmpty(value) ? null : value;
        }
    }

    public int DocumentCount
    {
        get
        {
            var response = client.Count(new CountRequest(index));
            if (IsNotFound(response)) return 0;
            EnsureValid(response, "count documents");
            return checked((int)response.Count);
        }
    }

    public async Task IndexAsync(IReadOnlyCollection<CatalogDocument> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (documents.Count == 0) return;
        var operations = new BulkOperationsCollection();
        foreach (var doc in documents) operations.Add(new BulkIndexOperation<IndexedListing>(IndexedListing.From(doc)) { Id = Key(doc.ListingId) });
        await BulkAsync(operations, cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(IReadOnlyCollection<Guid> listingIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listingIds);
        if (listingIds.Count == 0) return;
        var operations = new BulkOperationsCollection();
        foreach (var id in listingIds) operations.Add(new BulkDeleteOperation(Key(id)));
        await BulkAsync(operations, cancellationToken).ConfigureAwait(false);
    }

    private async Task BulkAsync(BulkOperationsCollection operations, CancellationToken cancellationToken)
    {
        var response = await client.BulkAsync(new BulkRequest(index) { Operations = operations }, cancellationToken).ConfigureAwait(false);
        // A bulk answer with item errors is not "valid" to the client; the items say which failed.
        if (!response.ApiCallDetails.HasSuccessfulStatusCode) EnsureValid(response, "index documents");
        // Deleting a listing that was never indexed is not an error (the Lucene engine ignores it too).
        var failed = response.Items.Where(i => i.Error is not null && i.Status != 404).ToList();
        if (failed.Count > 0)
        {
            throw new InvalidOperationException($"Elasticsearch refused {failed.Count} bulk item(s); first: {failed[0].Id}: {failed[0].Error?.Reason}");
        }
    }

    /// <summary>Deletes and recreates the index from search-config/elasticsearch, with the fingerprint in the mapping's _meta.</summary>
    public async Task ResetAsync(string fingerprint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        var deleted = await client.Indices.DeleteAsync(new DeleteIndexRequest(index), cancellationToken).ConfigureAwait(false);
        if (!IsNotFound(deleted)) EnsureValid(deleted, "delete the index");
        var body = IndexDefinition(fingerprint);
        var created = await client.Transport.PutAsync<StringResponse>("/" + Uri.EscapeDataString(options.IndexName), PostData.String(body), cancellationToken).ConfigureAwait(false);
        if (!created.ApiCallDetails.HasSuccessfulStatusCode)
        {
            throw new InvalidOperationException($"Elasticsearch could not create index '{options.IndexName}': {created.ApiCallDetails.HttpStatusCode} {created.Body}");
        }
    }

    /// <summary>The index creation body: search-config/elasticsearch/catalogue-index.json with the fingerprint in mappings._meta.</summary>
    internal string IndexDefinition(string fingerprint)
    {
        var path = options.IndexDefinitionPath;
        if (!File.Exists(path)) throw new FileNotFoundException($"Elasticsearch index definition not found at '{path}'. Set Search:ElasticsearchConfigPath.", path);
        var root = JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? throw new InvalidOperationException($"'{path}' is not a JSON object.");
        var mappings = root["mappings"]?.AsObject() ?? throw new InvalidOperationException($"'{path}' has no mappings.");
        var meta = mappings["_meta"] as JsonObject ?? [];
        meta[FingerprintMetaKey] = fingerprint;
        mappings["_meta"] = meta;
        return root.ToJsonString();
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        var response = await client.Indices.RefreshAsync(new RefreshRequest(index), cancellationToken).ConfigureAwait(false);
        EnsureValid(response, "refresh the index");
    }

    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        var response = await client.PingAsync(cancellationToken).ConfigureAwait(false);
        return response.IsValidResponse;
    }

    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var request = BuildSearchRequest(query);
        if (request is null) return SearchResults.Empty;
        var response = await client.SearchAsync<IndexedListing>(request, cancellationToken).ConfigureAwait(false);
        EnsureValid(response, "search");
        return ToResults(response, query.IncludeFacets);
    }

    /// <summary>The request for <paramref name="query"/>; null when the page lies beyond the 10,000-hit window.</summary>
    internal SearchRequest? BuildSearchRequest(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var text = Truncate(query.Text);
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.Size, 1, SearchQuery.MaxSize);
        if (page * size > MaxWindow) return null;
        var hasText = !string.IsNullOrWhiteSpace(text);

        var request = new SearchRequest(index)
        {
            Query = new BoolQuery
            {
                Must = [hasText ? TextQuery(text!) : new MatchAllQuery()],
                Filter = Filters(query),
            },
            From = (page - 1) * size,
            Size = size,
            TrackTotalHits = new TrackHits(true),
            Sort = Sorting(query.Sort, hasText),
        };
        if (hasText)
        {
            request.Highlight = new Highlight
            {
                PreTags = ["<mark>"],
                PostTags = ["</mark>"],
                Encoder = HighlighterEncoder.Html,
                FragmentSize = 120,
                NumberOfFragments = 2,
                // The query asks the body fields; the abstract is highlighted by the query's terms all the same.
                RequireFieldMatch = false,
                Fields = new Dictionary<Field, HighlightField>
                {
                    // Bigrams for Chinese abstracts (as the Lucene engine highlights), English analysis for English ones.
                    [Fields.AbstractBigram] = new HighlightField(),
                    [Fields.AbstractEnglish] = new HighlightField(),
                },
            };
        }
        if (query.IncludeFacets)
        {
            request.Aggregations = FacetNames.All.ToDictionary(
                name => name,
                name => (Aggregation)new TermsAggregation { Field = FacetField(name), Size = MaxFacetValues });
        }
        return request;
    }

    /// <summary>
    /// Per analysis chain, an OR match on the chain's body field (title, abstract and claims together, as the Lucene
    /// engine asks them); the chains are OR-ed. User text is never query syntax (no query_string).
    /// </summary>
    private static Query TextQuery(string text)
    {
        List<Query> should = [Chain(text, Fields.Body), Chain(text, Fields.BodyBigram)];
        // English analysis only for text with Latin letters: a Chinese query has no English terms.
        if (text.Any(char.IsAsciiLetter)) should.Add(Chain(text, Fields.BodyEnglish));
        // Someone pasting a publication number wants that record first.
        var trimmed = text.Trim();
        if (trimmed.Length is > 3 and < 40 && !trimmed.Contains(' ', StringComparison.Ordinal))
        {
            should.Add(new TermsQuery(Fields.RecordId, new TermsQueryField([trimmed, trimmed.ToUpperInvariant()])) { Boost = 100f });
        }
        return new BoolQuery { Should = should };
    }

    private static MatchQuery Chain(string text, string field) => new() { Field = field, Query = text, Operator = Operator.Or };

    private static List<Query> Filters(SearchQuery query)
    {
        var filters = new List<Query>();
        void Filter(string field, string? value)
        {
            if (!string.IsNullOrEmpty(value)) filters.Add(new TermQuery(field, value));
        }
        Filter(Fields.Type, query.Type);
        Filter(Fields.TradeMode, query.TradeMode);
        Filter(Fields.Industry, query.Industry);
        Filter(Fields.IpcSection, query.IpcSection?.Trim().ToUpperInvariant());
        Filter(Fields.IpcClass, query.IpcClass?.Trim().ToUpperInvariant());
        Filter(Fields.LegalStatus, query.LegalStatus);
        Filter(Fields.PriceBand, query.PriceBand);
        Filter(Fields.Organization, query.Organization);
        Filter(Fields.Trl, query.Trl?.ToString(CultureInfo.InvariantCulture));
        return filters;
    }

    private static List<SortOptions>? Sorting(SearchSort sort, bool hasText) => sort switch
    {
        SearchSort.Relevance when hasText => null,
        SearchSort.Relevance or SearchSort.Newest => [new FieldSort(Fields.PublishedAt) { Order = SortOrder.Desc }],
        // 面议 listings (no price) sort last either way.
        SearchSort.PriceAscending => [new FieldSort(Fields.Price) { Order = SortOrder.Asc, Missing = "_last" }],
        SearchSort.PriceDescending => [new FieldSort(Fields.Price) { Order = SortOrder.Desc, Missing = "_last" }],
    };

    internal static SearchResults ToResults(SearchResponse<IndexedListing> response, bool includeFacets)
    {
        var hits = response.Hits.Where(h => h.Source is not null).Select(h => ToHit(h.Source!, (float)(h.Score ?? 0), Snippet(h))).ToList();
        var facets = new List<Facet>();
        if (includeFacets && response.Aggregations is { } aggregations)
        {
            foreach (var name in FacetNames.All)
            {
                if (!aggregations.TryGetAggregate<StringTermsAggregate>(name, out var terms) || terms.Buckets.Count == 0) continue;
                facets.Add(new Facet(name, [.. terms.Buckets.Select(b => new FacetValue(BucketKey(b.Key), b.DocCount))]));
            }
        }
        return new SearchResults(response.HitsMetadata?.Total?.Match(t => t?.Value ?? 0, l => l) ?? response.Total, hits) { Facets = facets };
    }

    private static string BucketKey(FieldValue key) => key.TryGetString(out var s) && s is not null ? s : key.ToString();

    private static string? Snippet(Hit<IndexedListing> hit)
    {
        if (hit.Highlight is null) return null;
        foreach (var field in (string[])[Fields.AbstractBigram, Fields.AbstractEnglish])
        {
            if (hit.Highlight.TryGetValue(field, out var fragments) && fragments.Count > 0)
            {
                return string.Join(" … ", fragments.Select(DecodeNonAsciiEntities));
            }
        }
        return null;
    }

    /// <summary>
    /// The html highlight encoder may write non-ASCII characters as numeric entities (&amp;#30005;), which makes Chinese
    /// unreadable in JSON; turning those back into characters keeps the markup safe (only &amp; &lt; &gt; &quot; &#39; matter).
    /// </summary>
    internal static string DecodeNonAsciiEntities(string html) =>
        NumericEntity().Replace(html, m =>
            int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code >= 128 && code <= 0x10FFFF && code is < 0xD800 or > 0xDFFF
                ? char.ConvertFromUtf32(code)
                : m.Value);

    [GeneratedRegex("&#([0-9]{1,7});", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial Regex NumericEntity();

    private static SearchHit ToHit(IndexedListing source, float score, string? snippet)
    {
        var text = source.Abstract ?? source.AbstractEnglish ?? "";
        if (string.IsNullOrEmpty(snippet)) snippet = HtmlText.Encode(text.Length > 160 ? text[..160] + "…" : text);
        return new SearchHit(
            Guid.ParseExact(source.Id, "N"), source.RecordId, source.Title ?? source.TitleEnglish ?? "", snippet, source.Type,
            source.TradeModes ?? [], source.Price, source.Organization, score);
    }

    public async Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(string prefix, int size, CancellationToken cancellationToken)
    {
        var request = BuildSuggestRequest(prefix, size);
        if (request is null) return [];
        var response = await client.SearchAsync<SuggestedListing>(request, cancellationToken).ConfigureAwait(false);
        EnsureValid(response, "suggest");
        size = Math.Clamp(size, 1, SearchQuery.MaxSize);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var suggestions = new List<SearchSuggestion>(size);
        foreach (var source in response.Documents)
        {
            var title = source.Title ?? source.TitleEnglish ?? "";
            if (!seen.Add(title)) continue;
            suggestions.Add(new SearchSuggestion(Guid.ParseExact(source.Id, "N"), source.RecordId, title));
            if (suggestions.Count == size) break;
        }
        return suggestions;
    }

    /// <summary>Title prefix (also after a leading 一种), or the typed text anywhere in a title as a bigram phrase.</summary>
    internal SearchRequest? BuildSuggestRequest(string prefix, int size)
    {
        var typed = Truncate(prefix)?.Trim() ?? "";
        if (typed.Length == 0) return null;
        size = Math.Clamp(size, 1, SearchQuery.MaxSize);
        return new SearchRequest(index)
        {
            Query = new BoolQuery
            {
                Should =
                [
                    new PrefixQuery(Fields.TitleKey, typed.ToLowerInvariant()) { Boost = 4f },
                    new MatchPhraseQuery(Fields.TitleBigram, typed),
                    new MatchPhraseQuery(Fields.TitleEnglishBigram, typed),
                ],
            },
            Size = size * 3,
            Source = new SourceConfig(new SourceFilter { Includes = Elastic.Clients.Elasticsearch.Fields.FromStrings([Fields.Id, Fields.RecordId, Fields.Title, Fields.TitleEnglish]) }),
        };
    }

    public async Task<IReadOnlyList<SearchHit>> SimilarAsync(Guid listingId, int size, CancellationToken cancellationToken)
    {
        var response = await client.SearchAsync<IndexedListing>(BuildSimilarRequest(listingId, size), cancellationToken).ConfigureAwait(false);
        if (IsNotFound(response)) return [];
        EnsureValid(response, "find similar listings");
        return [.. response.Hits.Where(h => h.Source is not null).Select(h => ToHit(h.Source!, (float)(h.Score ?? 0), null))];
    }

    /// <summary>more_like_this on the listing's title and abstract: its 25 most telling terms, at least two shared, itself excluded.</summary>
    internal SearchRequest BuildSimilarRequest(Guid listingId, int size) => new(index)
    {
        Query = new MoreLikeThisQuery
        {
            Like = [new LikeDocument { Index = index, Id = Key(listingId) }],
            Fields = Elastic.Clients.Elasticsearch.Fields.FromStrings([Fields.Title, Fields.Abstract, Fields.TitleEnglish, Fields.AbstractEnglish]),
            MaxQueryTerms = 25,
            MinTermFreq = 1,
            MinDocFreq = 2,
            MinWordLength = 2,
            MinimumShouldMatch = 2,
            StopWords = new Union<Elastic.Clients.Elasticsearch.Analysis.StopWordLanguage, ICollection<string>>([.. BoilerplateTerms]),
            Include = false,
        },
        Size = Math.Clamp(size, 1, SearchQuery.MaxSize),
    };

    private static string Key(Guid listingId) => listingId.ToString("N");

    private static string? Truncate(string? text) =>
        text is { Length: > SearchQuery.MaxTextLength } ? text[..SearchQuery.MaxTextLength] : text;

    private static bool IsNotFound(ElasticsearchResponse response) => response.ApiCallDetails?.HttpStatusCode == 404;

    private static void EnsureValid(ElasticsearchResponse response, string what)
    {
        if (response.IsValidResponse) return;
        var error = response.ElasticsearchServerError?.Error?.Reason;
        throw new InvalidOperationException($"Elasticsearch could not {what}: {error ?? response.ApiCallDetails?.OriginalException?.Message ?? response.ApiCallDetails?.HttpStatusCode?.ToString(CultureInfo.InvariantCulture)}",
            response.ApiCallDetails?.OriginalException);
    }

    private static string FacetField(string facet) => facet switch
    {
        FacetNames.Type => Fields.Type,
        FacetNames.TradeMode => Fields.TradeMode,
        FacetNames.Industry => Fields.Industry,
        FacetNames.IpcSection => Fields.IpcSection,
        FacetNames.IpcClass => Fields.IpcClass,
        FacetNames.LegalStatus => Fields.LegalStatus,
        FacetNames.PriceBand => Fields.PriceBand,
        FacetNames.Organization => Fields.Organization,
        FacetNames.Trl => Fields.Trl,
        _ => throw new ArgumentOutOfRangeException(nameof(facet), facet, "Unknown facet."),
    };

    /// <summary>Field names of catalogue-index.json.</summary>
    internal static class Fields
    {
        public const string Id = "id";
        public const string RecordId = "record_id";
        public const string Type = "type";
        public const string Language = "lang";
        public const string Organization = "org";
        public const string Title = "title";
        public const string Abstract = "abstract";
        public const string Claims = "claims";
        public const string TitleEnglish = "title_en";
        public const string AbstractEnglish = "abstract_en";
        public const string ClaimsEnglish = "claims_en";
        public const string TitleBigram = "title.bg";
        public const string AbstractBigram = "abstract.bg";
        public const string TitleEnglishBigram = "title_en.bg";
        public const string Body = "body";
        public const string BodyBigram = "body_bg";
        public const string BodyEnglish = "body_en";
        public const string TitleKey = "title_key";
        public const string TradeMode = "trade_mode";
        public const string Industry = "industry";
        public const string IpcSection = "ipc_section";
        public const string IpcClass = "ipc_class";
        public const string LegalStatus = "legal_status";
        public const string PriceBand = "price_band";
        public const string Trl = "trl";
        public const string Price = "price";
        public const string PublishedAt = "published_at";
    }
}
