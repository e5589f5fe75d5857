using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TechMarket.Search.Tests.Eval;

/// <summary>A known-item query: <see cref="RelevantId"/> is the one record it should find.</summary>
public sealed record DevQuery(string Id, string Text, string RelevantId)
{
    /// <summary>The hard, discriminating part of the set (KPPatent-ZH); the rest are CSL research results.</summary>
    public bool IsPatent => !RelevantId.StartsWith("CSL-", StringComparison.Ordinal);
}

public sealed record MrrResult(double Patents, double All, int PatentQueries, int AllQueries)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"MRR@10 patents {Patents:F3} ({PatentQueries}) / all {All:F3} ({AllQueries})");
}

/// <summary>
/// Indexes the real catalogue records (content/catalogue/*.jsonl) through <see cref="ICatalogIndexer"/> and scores
/// dev_queries.tsv through <see cref="ICatalogSearch"/>, the way a user of the interface would.
/// </summary>
public static class SearchEvaluation
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };
    private static readonly DateTimeOffset Published = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string RepositoryRoot { get; } = FindRoot();

    public static IReadOnlyList<DevQuery> DevQueries()
    {
        var path = Path.Combine(RepositoryRoot, "tests", "TechMarket.Search.Tests", "Eval", "dev_queries.tsv");
        return [.. File.ReadLines(path).Skip(1)
            .Select(line => line.Split('\t'))
            .Where(cols => cols.Length == 3)
            .Select(cols => new DevQuery(cols[0], cols[1], cols[2].Trim()))];
    }

    /// <summary>One document per catalogue record: title, abstract, claims, language; the record id as RecordId.</summary>
    public static IReadOnlyList<CatalogDocument> CatalogueDocuments()
    {
        var folder = Path.Combine(RepositoryRoot, "content", "catalogue");
        var docs = new List<CatalogDocument>();
        foreach (var file in System.IO.Directory.GetFiles(folder, "*.jsonl").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file))
            {
                if (string.IsNullOrWhiteSpace(line)) continue;
                var r = JsonSerializer.Deserialize<SourceRecord>(line, Json)!;
                docs.Add(new CatalogDocument
                {
                    ListingId = StableGuid(r.Id),
                    RecordId = r.Id,
                    Type = (r.DocType, r.LegalStatus) switch
                    {
                        ("research_paper", _) => "research_result",
                        ("patent", "granted") => "invention_patent",
                        _ => "patent_application",
                    },
                    Title = r.Title.Trim(),
                    Abstract = r.Abstract,
                    Claims = r.Claims,
                    Language = r.Language ?? "zh",
                    Organization = "评测",
                    PublishedAt = Published,
                    IpcCodes = r.Ipc ?? [],
                    LegalStatus = r.LegalStatus,
                });
            }
        }
        return docs;
    }

    public static async Task IndexAsync(ICatalogIndexer indexer, IEnumerable<CatalogDocument> documents, CancellationToken cancellationToken)
    {
        await indexer.ResetAsync("eval", cancellationToken);
        foreach (var batch in documents.Chunk(500)) await indexer.IndexAsync(batch, cancellationToken);
        await indexer.CommitAsync(cancellationToken);
    }

    /// <summary>Mean reciprocal rank of the relevant record in the first 10 hits (0 when it is not there).</summary>
    public static async Task<MrrResult> MrrAt10Async(ICatalogSearch search, IReadOnlyList<DevQuery> queries, CancellationToken cancellationToken)
    {
        double patentSum = 0, allSum = 0;
        var patents = 0;
        foreach (var q in queries)
        {
            var results = await search.SearchAsync(new SearchQuery { Text = q.Text, Size = 10, IncludeFacets = false }, cancellationToken);
            var rank = results.Hits.Select(h => h.RecordId).ToList().IndexOf(q.RelevantId);
            var rr = rank < 0 ? 0 : 1.0 / (rank + 1);
            allSum += rr;
            if (q.IsPatent)
            {
                patentSum += rr;
                patents++;
            }
        }
        return new MrrResult(patents == 0 ? 0 : patentSum / patents, queries.Count == 0 ? 0 : allSum / queries.Count, patents, queries.Count);
    }

    public static Guid StableGuid(string text) => new(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TechMarket.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("TechMarket.sln not found above " + AppContext.BaseDirectory);
    }

    private sealed record SourceRecord
    {
        public required string Id { get; init; }
        public required string Title { get; init; }
        public string? Abstract { get; init; }
        public string? Claims { get; init; }
        public string? Language { get; init; }
        public List<string>? Ipc { get; init; }
        [JsonPropertyName("legal_status")] public string? LegalStatus { get; init; }
        [JsonPropertyName("doc_type")] public string? DocType { get; init; }
    }
}
