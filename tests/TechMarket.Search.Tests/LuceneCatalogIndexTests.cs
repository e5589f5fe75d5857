using TechMarket.Search;
using TechMarket.Search.Lucene;

namespace TechMarket.Search.Tests;

/// <summary>Lucene-only behaviour; what every engine does is in CatalogSearchConformanceTests (LuceneConformanceTests).</summary>
public sealed class LuceneCatalogIndexTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string path = Path.Combine(Path.GetTempPath(), "techmarket-lucene", Guid.NewGuid().ToString("N"));
    private readonly LuceneCatalogIndex index;

    public LuceneCatalogIndexTests() => index = new LuceneCatalogIndex(new LuceneIndexOptions { Path = path });

    private static CatalogDocument Doc(string recordId, string title) => new()
    {
        ListingId = Guid.NewGuid(),
        RecordId = recordId,
        Type = "patent_application",
        Title = title,
        Language = "zh",
        Organization = "坪山示例大学",
        PublishedAt = T0,
    };

    private async Task IndexAsync(params CatalogDocument[] docs)
    {
        await index.IndexAsync(docs, TestContext.Current.CancellationToken);
        await index.CommitAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Fingerprint_survives_reopening_the_index()
    {
        await index.ResetAsync("v-test", TestContext.Current.CancellationToken);
        await IndexAsync(Doc("A", "电池"));
        index.Dispose();
        using var reopened = new LuceneCatalogIndex(new LuceneIndexOptions { Path = path });
        Assert.Equal("v-test", reopened.BuiltFingerprint);
        Assert.Equal(1, reopened.DocumentCount);
    }

    public void Dispose()
    {
        try { index.Dispose(); } catch (ObjectDisposedException) { /* disposed by the test */ }
        try { Directory.Delete(path, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
