using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Search.Similarities;
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

    /// <summary>The shared Solr-format synonyms file; by default the copy of search-config/synonyms.txt next to the binaries.</summary>
    public string? SynonymsPath { get; set; }

    /// <summary>Also index the jieba fields (off: the default tuning does not ask them); the evaluation harness turns it on.</summary>
    internal bool IndexJiebaFields { get; set; }
}

/// <summary>
/// The embedded search engine. One IndexWriter and one SearcherManager per process; the manager reopens
/// on a timer, never per query (ENVIRONMENT.md). Opened with NIOFSDirectory: the memory-mapped directory
/// that FSDirectory.Open picks is many times slower under parallel search on Linux (apache/lucenenet#1151).
/// Title, abstract and claims are indexed together in one body field per analysis chain (SmartCn, CJK bigrams;
/// English for language=en records; jieba for the evaluation harness), and a query asks each chain's body field,
/// weighted by <see cref="SearchTuning"/>. The titles also have fields of their own for suggestions and similar listings.
/// </summary>
public sealed class LuceneCatalogIndex : ICatalogSearch, ICatalogIndexer, IDisposable
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string FingerprintKey = "techmarket.fingerprint";
    private const int MaxQueryTerms = 64;
    private const int MaxWindow = 10_000;
    private const int MaxFacetValues = 50;
    private static readonly MinimalHtmlEncoder Encoder = new();
    // Patent and paper boilerplate that says nothing about the subject; more-like-this ignores it.
    private static readonly HashSet<string> BoilerplateTerms = new(StringComparer.Ordinal)
    {
        "一种", "本发明", "发明", "实用新型", "涉及", "及其", "所述", "方法", "提供", "包括", "其中", "进行", "通过", "采用", "研究", "结果", "the", "a", "of", "and",
    };

    private readonly LuceneDirectory directory;
    private readonly Analyzer smartCn = CatalogAnalyzers.SmartCn();
    private readonly Analyzer jieba = CatalogAnalyzers.Jieba();
    private readonly Analyzer bigram = CatalogAnalyzers.Bigram();
    private readonly Analyzer english = CatalogAnalyzers.English();
    private readonly Analyzer indexAnalyzer;
    private readonly IndexWriter writer;
    private readonly SearcherManager searchers;
    private readonly Timer refreshTimer;
    private readonly SynonymRules synonyms;
    private readonly bool indexJieba;
    private string? fingerprint;
    private Similarity similarity;
    private SearchTuning tuning = SearchTuning.Default;

    public LuceneCatalogIndex(LuceneIndexOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folder = System.IO.Directory.CreateDirectory(options.Path);
        directory = new NIOFSDirectory(folder);
        indexAnalyzer = new PerFieldAnalyzerWrapper(smartCn, new Dictionary<string, Analyzer>
        {
            [Fields.BodyJieba] = jieba,
            [Fields.TitleBigram] = bigram, [Fields.BodyBigram] = bigram,
            [Fields.TitleEnglish] = english, [Fields.BodyEnglish] = english,
        });
        synonyms = LoadSynonyms(options.SynonymsPath);
        indexJieba = options.IndexJiebaFields;
        similarity = CreateSimilarity(tuning);
        writer = new IndexWriter(directory, new IndexWriterConfig(Version, indexAnalyzer) { OpenMode = OpenMode.CREATE_OR_APPEND, Similarity = similarity });
        if (DirectoryReader.IndexExists(directory))
        {
            using var reader = DirectoryReader.Open(directory);
            fingerprint = reader.IndexCommit.UserData.TryGetValue(FingerprintKey, out var f) ? f : null;
        }
        searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: new FacetWarmingSearcherFactory());
        refreshTimer = new Timer(_ => Refresh(), null, options.RefreshInterval, options.RefreshInterval);
    }

    /// <summary>For the evaluation harness: weights and BM25 parameters are read per query.</summary>
    internal SearchTuning Tuning
    {
        get => tuning;
        set
        {
            tuning = value;
            similarity = CreateSimilarity(value);
        }
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
        var text = Truncate(query.Text);
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.Size, 1, SearchQuery.MaxSize);
        var window = page * size;
        if (window > MaxWindow) return Task.FromResult(SearchResults.Empty);

        var searcher = Acquire();
        try
        {
            var textQuery = BuildTextQuery(text);
            var filtered = ApplyFilters(textQuery, query);
            var sort = Sorting(query.Sort, text);
            ITopDocsCollector top = sort is null
                ? TopScoreDocCollector.Create(window, docsScoredInOrder: false)
                : TopFieldCollector.Create(sort, window, fillFields: false, trackDocScores: false, trackMaxScore: false, docsScoredInOrder: false);
            var facets = query.IncludeFacets ? new FacetCollector(FacetNames.All) : null;
            searcher.Search(filtered, facets is null ? top : MultiCollector.Wrap(top, facets));
            var topDocs = top.GetTopDocs();

            var highlighters = textQuery is MatchAllDocsQuery ? null : new SnippetHighlighters(this, text!);
            var hits = new List<SearchHit>(size);
            for (var i = (page - 1) * size; i < topDocs.ScoreDocs.Length; i++)
            {
                var scoreDoc = topDocs.ScoreDocs[i];
                hits.Add(ToHit(searcher.Doc(scoreDoc.Doc), scoreDoc.Score, highlighters));
            }
            return Task.FromResult(new SearchResults(topDocs.TotalHits, hits) { Facets = facets?.Results(MaxFacetValues) ?? [] });
        }
        finally { searchers.Release(searcher); }
    }

    public Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(string prefix, int size, CancellationToken cancellationToken)
    {
        var typed = Truncate(prefix)?.Trim() ?? "";
        if (typed.Length == 0) return Task.FromResult<IReadOnlyList<SearchSuggestion>>([]);
        size = Math.Clamp(size, 1, SearchQuery.MaxSize);
        var query = new BooleanQuery
        {
            { new PrefixQuery(new Term(Fields.TitleKey, typed.ToLowerInvariant())) { Boost = 4f }, Occur.SHOULD },
        };
        // Anywhere in the title: every character bigram of the typed text, in order.
        var grams = AnalyzeWith(bigram, Fields.TitleBigram, typed).ToList();
        if (grams.Count > 0 && grams.Count <= MaxQueryTerms)
        {
            var phrase = new PhraseQuery();
            foreach (var gram in grams) phrase.Add(new Term(Fields.TitleBigram, gram));
            query.Add(phrase, Occur.SHOULD);
        }
        var searcher = Acquire();
        try
        {
            var top = searcher.Search(query, size * 3);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var suggestions = new List<SearchSuggestion>(size);
            foreach (var scoreDoc in top.ScoreDocs)
            {
                var doc = searcher.Doc(scoreDoc.Doc);
                var title = doc.Get(Fields.Title, CultureInfo.InvariantCulture) ?? "";
                if (!seen.Add(title)) continue;
                suggestions.Add(new SearchSuggestion(ParseId(doc), doc.Get(Fields.RecordId, CultureInfo.InvariantCulture), title));
                if (suggestions.Count == size) break;
            }
            return Task.FromResult<IReadOnlyList<SearchSuggestion>>(suggestions);
        }
        finally { searchers.Release(searcher); }
    }

    public Task<IReadOnlyList<SearchHit>> SimilarAsync(Guid listingId, int size, CancellationToken cancellationToken)
    {
        size = Math.Clamp(size, 1, SearchQuery.MaxSize);
        var searcher = Acquire();
        try
        {
            var self = searcher.Search(new TermQuery(new Term(Fields.Id, listingId.ToString("N"))), 1);
            if (self.TotalHits == 0) return Task.FromResult<IReadOnlyList<SearchHit>>([]);
            var source = searcher.Doc(self.ScoreDocs[0].Doc);
            var like = MoreLikeThis(searcher.IndexReader, source);
            if (like is null) return Task.FromResult<IReadOnlyList<SearchHit>>([]);
            var query = new BooleanQuery
            {
                { like, Occur.MUST },
                { new TermQuery(new Term(Fields.Id, listingId.ToString("N"))), Occur.MUST_NOT },
            };
            var top = searcher.Search(query, size);
            IReadOnlyList<SearchHit> hits = [.. top.ScoreDocs.Select(sd => ToHit(searcher.Doc(sd.Doc), sd.Score, null))];
            return Task.FromResult(hits);
        }
        finally { searchers.Release(searcher); }
    }

    /// <summary>
    /// The 25 title and abstract terms of the listing with the highest tf × idf, OR-ed over the title and body fields.
    /// Computed from the stored text, so it needs no term vectors and works for both languages.
    /// </summary>
    private BooleanQuery? MoreLikeThis(IndexReader reader, Document source)
    {
        var isEnglish = source.Get(Fields.Language, CultureInfo.InvariantCulture) == "en";
        var (analyzer, titleField, bodyField) = isEnglish
            ? (english, Fields.TitleEnglish, Fields.BodyEnglish)
            : (smartCn, Fields.Title, Fields.Body);
        var text = source.Get(Fields.Title, CultureInfo.InvariantCulture) + "\n" + source.Get(Fields.Abstract, CultureInfo.InvariantCulture);
        var frequencies = AnalyzeWith(analyzer, bodyField, text)
            .Where(t => t.Length > 1 && !BoilerplateTerms.Contains(t)) // single characters (一, 种, a) are too common to tell
            .GroupBy(t => t, StringComparer.Ordinal)
            .Select(g => (Term: g.Key, Tf: g.Count()));
        var numDocs = Math.Max(1, reader.NumDocs);
        var best = frequencies
            .Select(f => (f.Term, Df: reader.DocFreq(new Term(bodyField, f.Term)), f.Tf))
            .Where(f => f.Df > 1)
            .Select(f => (f.Term, Score: f.Tf * Math.Log(1 + numDocs / (double)f.Df)))
            .OrderByDescending(f => f.Score)
            .Take(25)
            .ToList();
        if (best.Count == 0) return null;
        // One shared term (e.g. a common word the stop list missed) is not similarity.
        var query = new BooleanQuery { MinimumNumberShouldMatch = Math.Min(2, best.Count) };
        foreach (var (term, score) in best)
        {
            query.Add(new TermQuery(new Term(titleField, term)) { Boost = (float)score * 2 }, Occur.SHOULD);
            query.Add(new TermQuery(new Term(bodyField, term)) { Boost = (float)score }, Occur.SHOULD);
        }
        return query;
    }

    private IndexSearcher Acquire()
    {
        var searcher = searchers.Acquire();
        searcher.Similarity = similarity;
        return searcher;
    }

    private static SearchHit ToHit(Document doc, float score, SnippetHighlighters? highlighters)
    {
        var title = doc.Get(Fields.Title, CultureInfo.InvariantCulture) ?? "";
        var text = doc.Get(Fields.Abstract, CultureInfo.InvariantCulture) ?? "";
        string? snippet = null;
        if (highlighters is not null && text.Length > 0)
        {
            snippet = highlighters.Snippet(text, doc.Get(Fields.Language, CultureInfo.InvariantCulture) == "en");
        }
        if (string.IsNullOrEmpty(snippet))
        {
            snippet = Encoder.EncodeText(text.Length > 160 ? text[..160] + "…" : text);
        }
        var price = doc.GetField(Fields.Price)?.GetInt64Value();
        return new SearchHit(
            ParseId(doc), doc.Get(Fields.RecordId, CultureInfo.InvariantCulture), title, snippet, doc.Get(Fields.Type, CultureInfo.InvariantCulture),
            doc.GetValues(Fields.TradeMode, CultureInfo.InvariantCulture), price, doc.Get(Fields.Organization, CultureInfo.InvariantCulture), score);
    }

    private static Guid ParseId(Document doc) => Guid.ParseExact(doc.Get(Fields.Id, CultureInfo.InvariantCulture), "N");

    private static string? Truncate(string? text) =>
        text is { Length: > SearchQuery.MaxTextLength } ? text[..SearchQuery.MaxTextLength] : text;

    /// <summary>
    /// Built in code rather than by the classic query parser: user text is never syntax, so quotes,
    /// brackets and operators are just characters, and parsing cannot fail or cost more than the search.
    /// An OR over analysed terms (AND collapses recall on keyword queries: 0.27 MRR@10 on the dev patents),
    /// each analysis chain asking its body field (title, abstract and claims together) with its weight from
    /// <see cref="SearchTuning"/>: one posting list per term, a third of what a query over three fields reads, with
    /// the same MRR@10 on the dev set (docs/search-quality.md, round 4).
    /// </summary>
    internal Query BuildTextQuery(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new MatchAllDocsQuery();
        text = Truncate(text)!;
        var t = tuning;
        var alternatives = t.SynonymWeight > 0 ? synonyms.AlternativesIn(text) : [];
        var query = new BooleanQuery();

        AddChain(query, smartCn, t.SmartCnWeight, text, alternatives, Fields.Body);
        AddChain(query, jieba, t.JiebaWeight, text, alternatives, Fields.BodyJieba);
        AddChain(query, bigram, t.BigramWeight, text, alternatives, Fields.BodyBigram);
        // English analysis only for text with Latin letters: a Chinese query has no English terms.
        if (text.Any(char.IsAsciiLetter)) AddChain(query, english, t.EnglishWeight, text, alternatives, Fields.BodyEnglish);

        // Someone pasting a publication number wants that record first.
        var trimmed = text.Trim();
        if (trimmed.Length is > 3 and < 40 && !trimmed.Contains(' ', StringComparison.Ordinal))
        {
            query.Add(new TermQuery(new Term(Fields.RecordId, trimmed)) { Boost = 100f }, Occur.SHOULD);
            query.Add(new TermQuery(new Term(Fields.RecordId, trimmed.ToUpperInvariant())) { Boost = 100f }, Occur.SHOULD);
        }
        return query.Clauses.Count == 0 ? new MatchAllDocsQuery() : query;
    }

    /// <summary>One chain's terms (the query's at weight 1, its synonyms' at <see cref="SearchTuning.SynonymWeight"/>) on the chain's body field, times the chain's weight.</summary>
    private void AddChain(BooleanQuery into, Analyzer analyzer, float weight, string text, IReadOnlyList<string> alternatives, string field)
    {
        if (weight <= 0) return; // a chain weighted 0 is not asked at all
        var terms = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var term in AnalyzeWith(analyzer, field, text)) terms.TryAdd(term, 1f);
        foreach (var alternative in alternatives)
        {
            foreach (var term in AnalyzeWith(analyzer, field, alternative)) terms.TryAdd(term, tuning.SynonymWeight);
        }
        // Flat: one OR over every chain's terms scores the same as an OR of per-chain ORs (BM25 has no coordination
        // factor) and lets Lucene score it with one bulk scorer instead of one per chain.
        foreach (var (term, termWeight) in terms.Take(MaxQueryTerms))
        {
            into.Add(new TermQuery(new Term(field, term)) { Boost = weight * termWeight }, Occur.SHOULD);
        }
    }

    internal IEnumerable<string> Analyze(string text) => AnalyzeWith(smartCn, Fields.Title, text);

    private static List<string> AnalyzeWith(Analyzer analyzer, string field, string text)
    {
        using var stream = analyzer.GetTokenStream(field, text);
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
        void Filter(string field, string? value)
        {
            if (!string.IsNullOrEmpty(value)) filters.Add(new TermQuery(new Term(field, value)));
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

    private Document ToLucene(CatalogDocument doc)
    {
        var d = new Document
        {
            new StringField(Fields.Id, doc.ListingId.ToString("N"), Field.Store.YES),
            new StringField(Fields.RecordId, doc.RecordId, Field.Store.YES),
            new StringField(Fields.Language, doc.Language, Field.Store.YES),
            new StoredField(Fields.Title, doc.Title),
            new StoredField(Fields.Abstract, doc.Abstract ?? ""),
            new NumericDocValuesField(Fields.PublishedSort, doc.PublishedAt.UtcTicks),
        };
        string[] body = [doc.Title, doc.Abstract ?? "", doc.Claims ?? ""];
        var english = string.Equals(doc.Language, "en", StringComparison.OrdinalIgnoreCase);
        var (titleField, bodyField) = english ? (Fields.TitleEnglish, Fields.BodyEnglish) : (Fields.Title, Fields.Body);
        d.Add(new TextField(titleField, doc.Title, Field.Store.NO));
        // Several values of one field are one text to BM25: tf and length over title, abstract and claims together.
        foreach (var text in body) d.Add(new TextField(bodyField, text, Field.Store.NO));
        if (indexJieba && !english)
        {
            foreach (var text in body) d.Add(new TextField(Fields.BodyJieba, text, Field.Store.NO));
        }
        // Bigrams for every record: a Chinese term inside English text, and suggestions anywhere in a title.
        d.Add(new TextField(Fields.TitleBigram, doc.Title, Field.Store.NO));
        foreach (var text in body) d.Add(new TextField(Fields.BodyBigram, text, Field.Store.NO));

        var title = doc.Title.Trim().ToLowerInvariant();
        d.Add(new StringField(Fields.TitleKey, title, Field.Store.NO));
        // Most Chinese patent titles open with 一种 ("a kind of"); suggest on what follows too.
        if (title.StartsWith("一种", StringComparison.Ordinal) && title.Length > 2) d.Add(new StringField(Fields.TitleKey, title[2..], Field.Store.NO));

        Facet(d, Fields.Type, FacetNames.Type, doc.Type, store: true);
        foreach (var mode in doc.TradeModes) Facet(d, Fields.TradeMode, FacetNames.TradeMode, mode, store: true);
        Facet(d, Fields.Organization, FacetNames.Organization, doc.Organization, store: true);
        Facet(d, Fields.Industry, FacetNames.Industry, doc.Industry);
        foreach (var section in doc.IpcCodes.Select(IpcCodes.Section).Distinct()) Facet(d, Fields.IpcSection, FacetNames.IpcSection, section);
        foreach (var cls in doc.IpcCodes.Select(IpcCodes.Class).Distinct()) Facet(d, Fields.IpcClass, FacetNames.IpcClass, cls);
        Facet(d, Fields.LegalStatus, FacetNames.LegalStatus, doc.LegalStatus);
        Facet(d, Fields.PriceBand, FacetNames.PriceBand, PriceBands.Of(doc.PriceFen));
        Facet(d, Fields.Trl, FacetNames.Trl, doc.Trl?.ToString(CultureInfo.InvariantCulture));
        if (doc.PriceFen is { } price)
        {
            d.Add(new StoredField(Fields.Price, price));
            d.Add(new NumericDocValuesField(Fields.PriceSort, price));
        }
        return d;
    }

    /// <summary>An exact-match field for filtering plus a sorted-set doc value the facet counter reads.</summary>
    private static void Facet(Document d, string field, string facet, string? value, bool store = false)
    {
        if (string.IsNullOrEmpty(value)) return;
        d.Add(new StringField(field, value, store ? Field.Store.YES : Field.Store.NO));
        d.Add(new SortedSetDocValuesField(FacetCollector.DocValuesField, FacetCollector.Entry(facet, value)));
    }

    private static BM25Similarity CreateSimilarity(SearchTuning t) => new BM25Similarity(t.K1, t.B);

    private static SynonymRules LoadSynonyms(string? path)
    {
        path ??= Path.Combine(AppContext.BaseDirectory, "search-config", SynonymRules.DefaultFileName);
        return File.Exists(path) ? SynonymRules.Load(path) : SynonymRules.None;
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
        indexAnalyzer.Dispose();
        smartCn.Dispose();
        jieba.Dispose();
        bigram.Dispose();
        english.Dispose();
        directory.Dispose();
    }

    /// <summary>Snippets from the abstract, marking the query's terms as the record's language analyses them.</summary>
    private sealed class SnippetHighlighters(LuceneCatalogIndex index, string text)
    {
        private TermSnippets? chinese;
        private Highlighter? englishHighlighter;

        public string? Snippet(string @abstract, bool isEnglish)
        {
            if (!isEnglish)
            {
                // The query's bigrams found in the text, not Lucene's Highlighter: that re-analyses every shown abstract.
                chinese ??= new TermSnippets(AnalyzeWith(index.bigram, Fields.BodyBigram, text));
                return chinese.Snippet(@abstract);
            }
            // English needs the stemmer to find "yields" for "yield"; English records are few.
            englishHighlighter ??= Create(index.english, Fields.BodyEnglish);
            return string.Join(" … ", englishHighlighter.GetBestFragments(index.english, Fields.BodyEnglish, @abstract, 2));
        }

        private Highlighter Create(Analyzer analyzer, string field)
        {
            var terms = new BooleanQuery();
            foreach (var term in AnalyzeWith(analyzer, field, text).Distinct(StringComparer.Ordinal).Take(MaxQueryTerms))
            {
                terms.Add(new TermQuery(new Term(field, term)), Occur.SHOULD);
            }
            return new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), Encoder, new QueryScorer(terms, field))
            {
                TextFragmenter = new SimpleFragmenter(120),
            };
        }
    }

    /// <summary>Decodes the facet ordinals of new segments when the manager reopens, on the refresh timer, not in a query.</summary>
    private sealed class FacetWarmingSearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            FacetCollector.Warm(reader);
            return base.NewSearcher(reader);
        }
    }

    internal static class Fields
    {
        public const string Id = "id";
        public const string RecordId = "record_id";
        public const string Type = "type";
        public const string Language = "lang";
        public const string Organization = "org";
        public const string Title = "title";
        /// <summary>Stored only: the abstract shown in hits (its words are indexed in the body fields).</summary>
        public const string Abstract = "abstract";
        public const string Body = "body";
        public const string BodyJieba = "body_j";
        public const string TitleBigram = "title_bg";
        public const string BodyBigram = "body_bg";
        public const string TitleEnglish = "title_en";
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
        public const string PriceSort = "price_sort";
        public const string PublishedSort = "published_sort";
    }
}
