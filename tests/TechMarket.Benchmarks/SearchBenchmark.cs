using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using TechMarket.Search;
using TechMarket.Search.Lucene;
using TechMarket.Search.Tests.Eval;

namespace TechMarket.Benchmarks;

/// <summary>
/// `search [--docs N] [--queries N]`: builds an N-listing index from the real records (repeated, with perturbed
/// text), then measures single-threaded, in one run: indexing docs/s of a bare SmartCn IndexWriter and of our
/// indexer; query latency of two bare IndexSearchers (SmartCn terms OR-ed, default BM25, top 10 with stored fields):
/// the issue's baseline shape over the bare index of the same documents (fields title, abstract, claims) and the
/// same over our index (its one SmartCn body field); of our ICatalogSearch (hits + facets + highlights), and of
/// GET /api/v1/search on the real site over Kestrel serving our index, all with the dev queries.
/// `--tuning name:Key=Value,...` searches with another <see cref="SearchTuning"/> (as `eval` does).
/// </summary>
internal static class SearchBenchmark
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    /// <summary>Written next to a kept index; change it with the index's fields so an old --keep folder is rebuilt.</summary>
    private const string IndexShape = "body-fields-1";

    public static async Task<int> RunAsync(string[] args)
    {
        var docCount = Option(args, "--docs", 100_000);
        var queryCount = Option(args, "--queries", int.MaxValue);
        // --keep DIR: build the indexes once into DIR and reuse them on later runs (indexing is then not measured).
        var keep = OptionText(args, "--keep");
        var root = keep ?? Path.Combine(Path.GetTempPath(), "techmarket-bench", Guid.NewGuid().ToString("N"));
        // A kept index is reused only if it was built with the current field layout; otherwise it is built again.
        var shape = Path.Combine(root, "index-shape.txt");
        var reuse = keep is not null && System.IO.Directory.Exists(Path.Combine(root, "ours"))
            && File.Exists(shape) && File.ReadAllText(shape) == IndexShape;
        if (keep is not null && !reuse && System.IO.Directory.Exists(root)) System.IO.Directory.Delete(root, recursive: true);
        try
        {
            var docs = Corpus(SearchEvaluation.CatalogueDocuments(), docCount);
            var all = SearchEvaluation.DevQueries().Select(q => q.Text).ToList();
            var queries = all.Take(queryCount).ToList();
            // Warm up on queries that are not measured where there are enough: caches of terms seen must not flatter.
            warmUp = all.Count - queries.Count >= 200 ? all.Skip(queries.Count).Take(200).ToList() : queries.Take(200).ToList();
            Console.WriteLine($"documents {docs.Count:N0}, queries {queries.Count:N0}, single-threaded, {Environment.ProcessorCount} cores");

            var index = new LuceneCatalogIndex(new LuceneIndexOptions { Path = Path.Combine(root, "ours"), RefreshInterval = TimeSpan.FromHours(1) });
            if (OptionText(args, "--tuning") is { } spec) index.Tuning = EvalCommand.Parse(spec).Tuning;
            if (!reuse)
            {
                var bareRate = BareIndex(Path.Combine(root, "bare"), docs);
                Report("indexing, bare SmartCn IndexWriter", bareRate);
                var oursRate = await OurIndexAsync(index, docs);
                Report("indexing, ICatalogIndexer", oursRate);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ours / bare = {oursRate / bareRate:P0}"));
                if (keep is not null) File.WriteAllText(shape, IndexShape);
            }

            var bare = BareSearch(Path.Combine(root, "bare"), queries, "title", "abstract", "claims");
            Report("search, bare IndexSearcher over the bare index (title, abstract, claims)", bare);
            var bareOurs = BareSearch(Path.Combine(root, "ours"), queries, "body");
            Report("search, bare IndexSearcher over our index (body)", bareOurs);
            var ours = await OurSearchAsync(index, queries, facets: true);
            Report("search, ICatalogSearch (top 10 + facets + highlights)", ours);
            Report("search, ICatalogSearch without facets (top 10 + highlights)", await OurSearchAsync(index, queries, facets: false));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  p95 ours / bare = {Percentile(ours, 0.95) / Percentile(bare, 0.95):F2}x; ours / bare over our index = {Percentile(ours, 0.95) / Percentile(bareOurs, 0.95):F2}x"));
            if (args.Contains("--profile")) await ProfileAsync(index, Path.Combine(root, "ours"), queries);

            // The site opens the same folder with its own writer: this process's writer lets go of the lock first.
            index.Dispose();
            var http = await HttpSearchAsync(Path.Combine(root, "ours"), queries);
            Report("search, GET /api/v1/search on Kestrel (size 10, facets + highlights)", http);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  p95 HTTP / bare = {Percentile(http, 0.95) / Percentile(bare, 0.95):F2}x"));
            return 0;
        }
        finally
        {
            if (keep is null)
            {
                try { System.IO.Directory.Delete(root, recursive: true); } catch (IOException) { /* best effort */ }
            }
        }
    }

    /// <summary>The real records, then copies whose sentences are rotated and one dropped, so no two texts are equal.</summary>
    internal static List<CatalogDocument> Corpus(IReadOnlyList<CatalogDocument> real, int count)
    {
        var random = new Random(20261101);
        var docs = new List<CatalogDocument>(count);
        string[] modes = ["assignment", "ordinary_licence", "exclusive_licence", "equity", "open_licence"];
        string[] industries = ["new_energy_vehicles", "biomedicine", "next_gen_it", "future_industries"];
        for (var i = 0; i < count; i++)
        {
            var source = real[i % real.Count];
            var copy = i / real.Count;
            long? price = random.Next(4) == 0 ? null : random.NextInt64(10_000_00, 10_000_000_00);
            docs.Add(source with
            {
                ListingId = SearchEvaluation.StableGuid(source.RecordId + "#" + copy.ToString(CultureInfo.InvariantCulture)),
                RecordId = copy == 0 ? source.RecordId : $"{source.RecordId}#{copy}",
                Title = source.Title,
                Abstract = copy == 0 ? source.Abstract : Perturb(source.Abstract, random),
                Claims = copy == 0 ? source.Claims : Perturb(source.Claims, random),
                TradeModes = [modes[random.Next(modes.Length)]],
                PriceFen = price,
                Industry = industries[random.Next(industries.Length)],
                Trl = random.Next(1, 10),
                Organization = "示例机构" + random.Next(40).ToString(CultureInfo.InvariantCulture),
                PublishedAt = T0.AddMinutes(-i),
            });
        }
        return docs;
    }

    private static string? Perturb(string? text, Random random)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var sentences = text.Split(['。', '；', '.', ';'], StringSplitOptions.RemoveEmptyEntries);
        if (sentences.Length < 3) return text;
        var drop = random.Next(sentences.Length);
        var start = random.Next(sentences.Length);
        return string.Join("。", Enumerable.Range(0, sentences.Length).Select(k => (start + k) % sentences.Length).Where(k => k != drop).Select(k => sentences[k]));
    }

    private static double BareIndex(string path, List<CatalogDocument> docs)
    {
        using var directory = new NIOFSDirectory(System.IO.Directory.CreateDirectory(path));
        using var analyzer = new SmartChineseAnalyzer(Version);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(Version, analyzer) { Similarity = new BM25Similarity() });
        var watch = Stopwatch.StartNew();
        foreach (var doc in docs)
        {
            writer.AddDocument(new Document
            {
                new StringField("id", doc.ListingId.ToString("N"), Field.Store.YES),
                new TextField("title", doc.Title, Field.Store.YES),
                new TextField("abstract", doc.Abstract ?? "", Field.Store.YES),
                new TextField("claims", doc.Claims ?? "", Field.Store.NO),
            });
        }
        writer.Commit();
        return docs.Count / watch.Elapsed.TotalSeconds;
    }

    private static async Task<double> OurIndexAsync(LuceneCatalogIndex index, List<CatalogDocument> docs)
    {
        var watch = Stopwatch.StartNew();
        await index.ResetAsync("bench", CancellationToken.None);
        foreach (var batch in docs.Chunk(1000)) await index.IndexAsync(batch, CancellationToken.None);
        await index.CommitAsync(CancellationToken.None);
        return docs.Count / watch.Elapsed.TotalSeconds;
    }

    private static List<double> BareSearch(string path, List<string> queries, params string[] fields)
    {
        using var directory = new NIOFSDirectory(new DirectoryInfo(path));
        using var reader = DirectoryReader.Open(directory);
        using var analyzer = new SmartChineseAnalyzer(Version);
        var searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        Query Build(string text)
        {
            var query = new BooleanQuery();
            using var stream = analyzer.GetTokenStream("title", text);
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (stream.IncrementToken() && seen.Count < 64)
            {
                if (!seen.Add(term.ToString())) continue;
                foreach (var field in fields) query.Add(new TermQuery(new Term(field, term.ToString())), Occur.SHOULD);
            }
            stream.End();
            return query;
        }
        return Measure(queries, text =>
        {
            var top = searcher.Search(Build(text), 10);
            foreach (var sd in top.ScoreDocs) searcher.Doc(sd.Doc);
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();
    }

    /// <summary>
    /// --profile: where the difference to the bare searcher goes. The bare searcher running our text query (top 10,
    /// stored fields; no facets, highlights or hit mapping) separates the cost of the query we build from the cost of
    /// the layer around it; the tuning variants show what each part of the query costs.
    /// </summary>
    private static async Task ProfileAsync(LuceneCatalogIndex index, string path, List<string> queries)
    {
        using (var directory = new NIOFSDirectory(new DirectoryInfo(path)))
        using (var reader = DirectoryReader.Open(directory))
        {
            var searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity(index.Tuning.K1, index.Tuning.B) };
            Report("profile: bare IndexSearcher running our text query (top 10)", await Measure(queries, text =>
            {
                var top = searcher.Search(index.BuildTextQuery(text), 10);
                foreach (var sd in top.ScoreDocs) searcher.Doc(sd.Doc);
                return Task.CompletedTask;
            }));
            Report("profile: building our text query only", await Measure(queries, text =>
            {
                index.BuildTextQuery(text);
                return Task.CompletedTask;
            }));
        }
        var tuning = index.Tuning;
        foreach (var (name, variant) in new (string, SearchTuning)[]
        {
            ("no bigram fields", tuning with { BigramWeight = 0 }),
            ("no SmartCn fields", tuning with { SmartCnWeight = 0 }),
            ("no synonyms", tuning with { SynonymWeight = 0 }),
        })
        {
            index.Tuning = variant;
            Report($"profile: ICatalogSearch, {name}", await OurSearchAsync(index, queries, facets: true));
        }
        index.Tuning = tuning;
    }

    private static Task<List<double>> OurSearchAsync(LuceneCatalogIndex index, List<string> queries, bool facets) =>
        Measure(queries, text => index.SearchAsync(new SearchQuery { Text = text, Size = 10, IncludeFacets = facets }, CancellationToken.None));

    /// <summary>The same queries through the public API of the real site, over a real socket, reading each whole body.</summary>
    private static async Task<List<double>> HttpSearchAsync(string indexPath, List<string> queries)
    {
        await using var site = new SiteOverIndex(indexPath);
        using var client = new HttpClient { BaseAddress = site.BaseAddress };
        using (var all = await client.GetAsync(new Uri("/api/v1/search?size=1", UriKind.Relative)))
        {
            all.EnsureSuccessStatusCode();
            var body = await all.Content.ReadAsStringAsync();
            Console.WriteLine($"  site at {site.BaseAddress} answers over the benchmark index: {body[..Math.Min(body.Length, 40)]}…");
        }
        return await Measure(queries, async text =>
        {
            using var response = await client.GetAsync(new Uri("/api/v1/search?size=10&q=" + Uri.EscapeDataString(text), UriKind.Relative));
            response.EnsureSuccessStatusCode();
            _ = await response.Content.ReadAsByteArrayAsync();
        });
    }

    private static List<string> warmUp = [];

    private static async Task<List<double>> Measure(List<string> queries, Func<string, Task> run)
    {
        // Warm-up: JIT, caches. At least 3 s, so every leg is measured on tier-1 code: the first leg measured
        // after the index was reused, not built, ran the analyser's code still at tier 0 and took 3x its later time.
        var warming = Stopwatch.StartNew();
        do
        {
            foreach (var q in warmUp) await run(q);
        }
        while (warming.Elapsed < TimeSpan.FromSeconds(3));
        var timings = new List<double>(queries.Count);
        foreach (var q in queries)
        {
            var watch = Stopwatch.StartNew();
            await run(q);
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }
        return timings;
    }

    private static void Report(string name, double docsPerSecond) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {docsPerSecond:F0} docs/s"));

    private static void Report(string name, List<double> timings) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: p50 {Percentile(timings, 0.5):F1} ms, p95 {Percentile(timings, 0.95):F1} ms, p99 {Percentile(timings, 0.99):F1} ms, {timings.Count / (timings.Sum() / 1000):F0} queries/s"));

    private static double Percentile(List<double> timings, double p)
    {
        var sorted = timings.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static string? OptionText(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
