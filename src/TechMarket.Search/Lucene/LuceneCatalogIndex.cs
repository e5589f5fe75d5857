using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace TechMarket.Search.Lucene;

public sealed class LuceneIndexOptions
{
    /// <summary>Folder of the index; created when missing.</summary>
    public string Path { get; set; } = "data/index";

    /// <summary>How often new documents become searchable (near-real-time reopen).</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}

/// <summary>
/// The embedded search engine. One IndexWriter and one SearcherManager per process; the manager reopens
/// on a timer, never per query (ENVIRONMENT.md). Opened with NIOFSDirectory: the memory-mapped directory
/// that FSDirectory.Open picks is many times slower under parallel search on Linux (apache/lucenenet#1151).
/// </summary>
public sealed class LuceneCatalogIndex : ICatalogSearch, ICatalogIndexer, IDisposable
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string FingerprintKey = "techmarket.fingerprint";
    private const int MaxQueryTerms = 64;
    private const int MaxWindow = 10_000;
    private static readonly MinimalHtmlEncoder Encoder = new();

    // Field weights: a title match says more about a record than a claim match.
    private static readonly (string Field, float Boost)[] TextFields = [(Fields.Title, 3f), (Fields.Abstract, 1f), (Fields.Claims, 0.6f)];

    private readonly LuceneDirectory directory;
    private readonly Analyzer analyzer;
    private readonly IndexWriter writer;
    private readonly SearcherManager searchers;
    private readonly Timer refreshTimer;
    private string? fingerprint;

    public LuceneCatalogIndex(LuceneIndexOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folder = System.IO.Directory.CreateDirectory(options.Path);
        directory = new NIOFSDirectory(folder);
        analyzer = new SmartChineseAnalyzer(Version);
        writer = new IndexWriter(directory, new IndexWriterConfig(Version, analyzer) { OpenMode = OpenMode.CREATE_OR_APPEND });
        if (DirectoryReader.IndexExists(directory))
        {
            using var reader = DirectoryReader.Open(directory);
            fingerprint = reader.IndexCommit.UserData.TryGetValue(FingerprintKey, out var f) ? f : null;
        }
        searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
        refreshTimer = new Timer(_ => Refresh(), null, options.RefreshInterval, options.RefreshInterval);
    }

    public string? BuiltFingerprint => fingerprint;

    public int DocumentCount
    {
        get
        {
            var searcher = searchers.Acquire();
            try { return searcher.IndexReader.NumDocs; }
            finally { searchers.Release(searcher); }
        }
    }

    public Task IndexAsync(IReadOnlyCollection<CatalogDocument> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        foreach (var doc in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            writer.UpdateDocument(new Term(Fields.Id, doc.ListingId.ToString("N")), ToLucene(doc));
        }
        return Task.CompletedTask;
    }

    public Task DeleteAsync(IReadOnlyCollection<Guid> listingIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listingIds);
        writer.DeleteDocuments([.. listingIds.Select(id => new Term(Fields.Id, id.ToString("N")))]);
        return Task.CompletedTask;
    }

    public Task ResetAsync(string fingerprint, CancellationToken cancellationToken)
    {
        writer.DeleteAll();
        this.fingerprint = fingerprint;
        return CommitAsync(cancellationToken);
    }

    public Task CommitAsync(CancellationToken cancellationToken)
    {
        writer.SetCommitData(new Dictionary<string, string> { [FingerprintKey] = fingerprint ?? "" });
        writer.Commit();
        searchers.MaybeRefreshBlocking();
        return Task.CompletedTask;
    }

    public Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        var searcher = searchers.Acquire();
        try
        {
            searcher.Search(new MatchAllDocsQuery(), 1);
            return Task.FromResult(true);
        }
        finally { searchers.Release(searcher); }
    }

    public Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var textQuery = BuildTextQuery(query.Text);
        var filtered = ApplyFilters(textQuery, query);
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.Size, 1, SearchQuery.MaxSize);
        var window = page * size;
        if (window > MaxWindow) return Task.FromResult(SearchResults.Empty);

        var searcher = searchers.Acquire();
        try
        {
            var top = Sorting(query.Sort, query.Text) is { } sort
                ? searcher.Search(filtered, null, window, sort, doDocScores: false, doMaxScore: false)
                : searcher.Search(filtered, window);
            var highlighter = textQuery is MatchAllDocsQuery ? null : new Highlighter(
                new SimpleHTMLFormatter("<mark>", "</mark>"), Encoder, new QueryScorer(textQuery))
            { TextFragmenter = new SimpleFragmenter(120) };

            var hits = new List<SearchHit>(size);
            for (var i = (page - 1) * size; i < top.ScoreDocs.Length; i++)
            {
                var scoreDoc = top.ScoreDocs[i];
                var doc = searcher.Doc(scoreDoc.Doc);
                hits.Add(ToHit(doc, scoreDoc.Score, highlighter));
            }
            return Task.FromResult(new SearchResults(top.TotalHits, hits));
        }
        finally { searchers.Release(searcher); }
    }

    private SearchHit ToHit(Document doc, float score, Highlighter? highlighter)
    {
        var title = doc.Get(Fields.Title, CultureInfo.InvariantCulture) ?? "";
        var text = doc.Get(Fields.Abstract, CultureInfo.InvariantCulture) ?? "";
        string? snippet = null;
        if (highlighter is not null && text.Length > 0)
        {
            snippet = string.Join(" … ", highlighter.GetBestFragments(analyzer, Fields.Abstract, text, 2));
        }
        if (string.IsNullOrEmpty(snippet))
        {
            snippet = Encoder.EncodeText(text.Length > 160 ? text[..160] + "…" : text);
        }
        var price = doc.GetField(Fields.Price)?.GetInt64Value();
        return new SearchHit(
            Guid.ParseExact(doc.Get(Fields.Id, CultureInfo.InvariantCulture), "N"), doc.Get(Fields.RecordId, CultureInfo.InvariantCulture), title, snippet, doc.Get(Fields.Type, CultureInfo.InvariantCulture),
            doc.GetValues(Fields.TradeMode, CultureInfo.InvariantCulture), price, doc.Get(Fields.Organization, CultureInfo.InvariantCulture), score);
    }

    /// <summary>
    /// Built in code rather than by the classic query parser: user text is never syntax, so quotes,
    /// brackets and operators are just characters, and parsing cannot fail or cost more than the search.
    /// An OR over analysed terms (AND collapses recall on keyword queries), each term weighted per field.
    /// </summary>
    internal Query BuildTextQuery(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new MatchAllDocsQuery();
        if (text.Length > SearchQuery.MaxTextLength) text = text[..SearchQuery.MaxTextLength];
        var terms = Analyze(text).Distinct(StringComparer.Ordinal).Take(MaxQueryTerms).ToList();
        if (terms.Count == 0) return new MatchAllDocsQuery();
        var query = new BooleanQuery();
        foreach (var term in terms)
        {
            foreach (var (field, boost) in TextFields)
            {
                query.Add(new TermQuery(new Term(field, term)) { Boost = boost }, Occur.SHOULD);
            }
        }
        return query;
    }

    internal IEnumerable<string> Analyze(string text)
    {
        using var stream = analyzer.GetTokenStream(Fields.Title, text);
        var termAttr = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var list = new List<string>();
        while (stream.IncrementToken()) list.Add(termAttr.ToString());
        stream.End();
        return list;
    }

    private static Query ApplyFilters(Query textQuery, SearchQuery query)
    {
        var filters = new List<Query>();
        if (!string.IsNullOrEmpty(query.Type)) filters.Add(new TermQuery(new Term(Fields.Type, query.Type)));
        if (!string.IsNullOrEmpty(query.TradeMode)) filters.Add(new TermQuery(new Term(Fields.TradeMode, query.TradeMode)));
        if (filters.Count == 0) return textQuery;
        var combined = new BooleanQuery { { textQuery, Occur.MUST } };
        foreach (var filter in filters) combined.Add(new ConstantScoreQuery(filter) { Boost = 0f }, Occur.MUST);
        return combined;
    }

    private static Sort? Sorting(SearchSort sort, string? text) => sort switch
    {
        SearchSort.Relevance when !string.IsNullOrWhiteSpace(text) => null,
        SearchSort.Relevance or SearchSort.Newest => new Sort(new SortField(Fields.PublishedSort, SortFieldType.INT64, reverse: true)),
        // 面议 listings (no price) sort last either way.
        SearchSort.PriceAscending => new Sort(PriceSort(reverse: false, missing: long.MaxValue)),
        SearchSort.PriceDescending => new Sort(PriceSort(reverse: true, missing: long.MinValue)),
    };

    private static SortField PriceSort(bool reverse, long missing)
    {
        var field = new SortField(Fields.PriceSort, SortFieldType.INT64, reverse);
        field.SetMissingValue(missing);
        return field;
    }

    private static Document ToLucene(CatalogDocument doc)
    {
        var d = new Document
        {
            new StringField(Fields.Id, doc.ListingId.ToString("N"), Field.Store.YES),
            new StringField(Fields.RecordId, doc.RecordId, Field.Store.YES),
            new StringField(Fields.Type, doc.Type, Field.Store.YES),
            new StringField(Fields.Language, doc.Language, Field.Store.YES),
            new StringField(Fields.Organization, doc.Organization, Field.Store.YES),
            new TextField(Fields.Title, doc.Title, Field.Store.YES),
            new TextField(Fields.Abstract, doc.Abstract ?? "", Field.Store.YES),
            new TextField(Fields.Claims, doc.Claims ?? "", Field.Store.NO),
            new NumericDocValuesField(Fields.PublishedSort, doc.PublishedAt.UtcTicks),
        };
        foreach (var mode in doc.TradeModes) d.Add(new StringField(Fields.TradeMode, mode, Field.Store.YES));
        if (doc.PriceFen is { } price)
        {
            d.Add(new StoredField(Fields.Price, price));
            d.Add(new NumericDocValuesField(Fields.PriceSort, price));
        }
        return d;
    }

    private void Refresh()
    {
        try { searchers.MaybeRefresh(); }
        catch (ObjectDisposedException) { /* shutting down */ }
    }

    public void Dispose()
    {
        refreshTimer.Dispose();
        searchers.Dispose();
        writer.Dispose();
        analyzer.Dispose();
        directory.Dispose();
    }

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
        public const string TradeMode = "trade_mode";
        public const string Price = "price";
        public const string PriceSort = "price_sort";
        public const string PublishedSort = "published_sort";
    }
}
