using System.Globalization;
using System.Reflection;
using TechMarket.Search.Lucene;
using TechMarket.Search.Tests.Eval;

namespace TechMarket.Benchmarks;

/// <summary>
/// `eval [name:Key=value,Key=value ...]`: indexes the catalogue once (every field of every analysis chain),
/// then scores the dev queries under each named tuning. Without arguments it scores the shipped default.
/// </summary>
internal static class EvalCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var path = Path.Combine(Path.GetTempPath(), "techmarket-eval", Guid.NewGuid().ToString("N"));
        try
        {
            using var index = new LuceneCatalogIndex(new LuceneIndexOptions { Path = path, SynonymsPath = Path.Combine(SearchEvaluation.RepositoryRoot, "search-config", "synonyms.txt"), IndexJiebaFields = true });
            var docs = SearchEvaluation.CatalogueDocuments();
            var started = DateTime.UtcNow;
            await SearchEvaluation.IndexAsync(index, docs, CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"indexed {docs.Count} records in {(DateTime.UtcNow - started).TotalSeconds:F1} s"));
            var queries = SearchEvaluation.DevQueries();
            var configs = args.Length == 0 ? ["default:"] : args;
            foreach (var spec in configs)
            {
                var (name, tuning) = Parse(spec);
                index.Tuning = tuning;
                var result = await SearchEvaluation.MrrAt10Async(index, queries, CancellationToken.None);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {result.Patents:F3} | {result.All:F3} |"));
            }
            return 0;
        }
        finally
        {
            try { Directory.Delete(path, recursive: true); } catch (IOException) { /* best effort */ }
        }
    }

    internal static (string Name, SearchTuning Tuning) Parse(string spec)
    {
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? spec : spec[..colon];
        var tuning = SearchTuning.Default with { };
        if (colon < 0) return (name, tuning);
        foreach (var setting in spec[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = setting.Split('=', 2);
            var property = typeof(SearchTuning).GetProperty(parts[0], BindingFlags.Public | BindingFlags.Instance)
                ?? throw new ArgumentException($"Unknown tuning setting {parts[0]}");
            property.SetValue(tuning, Convert.ChangeType(parts[1], property.PropertyType, CultureInfo.InvariantCulture));
        }
        return (name, tuning);
    }
}
