using System.Text;
using TechMarket.Domain.Catalogue;
using TechMarket.Infrastructure.Imports;

namespace TechMarket.Infrastructure.Tests.Imports;

public sealed class JsonlCatalogueImporterTests
{
    private static ImportResult Import(string jsonl, IProgress<ImportProgress>? progress = null) =>
        JsonlCatalogueImporter.Import(new MemoryStream(Encoding.UTF8.GetBytes(jsonl)), progress, TestContext.Current.CancellationToken);

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TechMarket.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("TechMarket.sln not found above the test binaries.");
    }

    [Theory]
    [InlineData("cn_patents.jsonl", 696)]
    [InlineData("research_results.jsonl", 2000)]
    [InlineData("us_biomed_patents.jsonl", 1984)]
    public void Every_record_of_the_seed_catalogue_is_accepted(string file, int expected)
    {
        using var stream = File.OpenRead(Path.Combine(RepoRoot(), "content", "catalogue", file));
        var progress = new List<ImportProgress>();
        var result = JsonlCatalogueImporter.Import(stream, new SyncProgress(progress), TestContext.Current.CancellationToken);
        Assert.Empty(result.Rejected);
        Assert.Equal(expected, result.Accepted.Count);
        Assert.Equal(expected, result.RowsRead);
        Assert.Equal(expected, progress[^1].Accepted);
        Assert.Equal(stream.Length, progress[^1].BytesRead);
    }

    [Fact]
    public void Cn_record_is_read_field_by_field()
    {
        using var stream = File.OpenRead(Path.Combine(RepoRoot(), "content", "catalogue", "cn_patents.jsonl"));
        var result = JsonlCatalogueImporter.Import(stream, null, TestContext.Current.CancellationToken);
        var first = result.Accepted[0];
        Assert.Equal("CN113914863A", first.RecordId);
        Assert.Equal("一种近水平薄矿体智能掘进机机械开采方法", first.Title);
        Assert.Equal(AssetKind.PatentApplication, first.Kind);
        Assert.Equal(LegalStatus.Pending, first.LegalStatus);
        Assert.Equal("published_application", first.SourceLegalStatus);
        Assert.StartsWith("1.一种近水平薄矿体智能掘进机机械开采方法", first.Claims, StringComparison.Ordinal);
        Assert.Equal("MIT", first.SourceLicense);
        // The 3 records without a title get the subject of claim 1, said as a warning; placeholder ids are warned about too.
        Assert.Equal(3, result.Warnings.Count(w => w.Field == "title"));
        Assert.Equal(32, result.Warnings.Count(w => w.Field == "id"));
    }

    [Fact]
    public void Us_record_keeps_granted_as_source_status_without_claiming_it_is_in_force()
    {
        using var stream = File.OpenRead(Path.Combine(RepoRoot(), "content", "catalogue", "us_biomed_patents.jsonl"));
        var first = JsonlCatalogueImporter.Import(stream, null, TestContext.Current.CancellationToken).Accepted[0];
        Assert.Equal("US8637286", first.RecordId);
        Assert.Equal("Methods for increasing product yields", first.Title);
        Assert.Equal(AssetKind.InventionPatent, first.Kind);
        Assert.Equal("granted", first.SourceLegalStatus);
        Assert.Null(first.LegalStatus);
        Assert.Equal("en", first.Language);
    }

    private const string Good = """{"id": "CN113914863A", "title": "一种方法", "ipc": ["H01M 10/0525"], "applicants": ["某大学"], "filing_date": "2021-01-05", "grant_date": null, "legal_status": "published_application", "language": "zh", "doc_type": "patent", "source": "s", "source_license": "MIT"}""";

    [Fact]
    public void Bad_lines_are_rejected_with_line_number_field_and_reason_and_good_lines_kept()
    {
        var text = string.Join('\n',
            Good,                                                                             // 1
            "",                                                                               // 2 blank: skipped
            "{not json",                                                                      // 3
            Good.Replace("CN113914863A", "CN113914863U", StringComparison.Ordinal),           // 4 kind does not fit type
            Good.Replace("H01M 10/0525", "X01M 10/0525", StringComparison.Ordinal)
                .Replace("CN113914863A", "CN113914864A", StringComparison.Ordinal),           // 5 bad IPC
            Good.Replace("\"2021-01-05\"", "\"05/01/2021\"", StringComparison.Ordinal)
                .Replace("CN113914863A", "CN113914865A", StringComparison.Ordinal),           // 6 bad date
            Good.Replace("\"source\": \"s\", ", "", StringComparison.Ordinal)
                .Replace("CN113914863A", "CN113914866A", StringComparison.Ordinal),           // 7 no source
            Good.Replace("\"applicants\": [\"某大学\"]", "\"applicants\": \"某大学\"", StringComparison.Ordinal)
                .Replace("CN113914863A", "CN113914867A", StringComparison.Ordinal),           // 8 wrong type
            Good);                                                                            // 9 duplicate of line 1
        var result = Import(text);

        Assert.Equal("CN113914863A", Assert.Single(result.Accepted).RecordId);
        Assert.Equal(8, result.RowsRead);
        Assert.Equal(
            [(3, "json"), (4, "id"), (5, "ipc"), (6, "filing_date"), (7, "source"), (8, "applicants"), (9, "id")],
            result.Rejected.Select(r => (r.Row, r.Field)));
        Assert.All(result.Rejected, r => { Assert.NotEmpty(r.Reason.Zh); Assert.NotEmpty(r.Reason.En); });
        Assert.Equal(7, result.RejectedRows);
        Assert.False(result.IsComplete);
    }

    [Fact]
    public void Grant_not_after_filing_is_rejected() =>
        Assert.Equal("grant_date", Assert.Single(Import(Good.Replace("\"grant_date\": null", "\"grant_date\": \"2020-01-01\"", StringComparison.Ordinal)).Rejected).Field);
}
