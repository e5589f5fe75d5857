using TechMarket.Search.Lucene;
using TechMarket.Search.Tests.Eval;

namespace TechMarket.Search.Tests;

/// <summary>
/// Quality gate, not timing: the shipped engine over the real catalogue must keep its dev-set MRR@10.
/// Floors sit a little under the figures in docs/search-quality.md; a change that drops below them
/// made search worse and must show why in that table.
/// </summary>
public sealed class SearchQualityGateTests : IDisposable
{
    private const double PatentFloor = 0.77;
    private const double AllFloor = 0.92;
    private readonly string path = Path.Combine(Path.GetTempPath(), "techmarket-quality", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Dev_queries_keep_their_mrr_at_10()
    {
        var ct = TestContext.Current.CancellationToken;
        using var index = new LuceneCatalogIndex(new LuceneIndexOptions { Path = path });
        await SearchEvaluation.IndexAsync(index, SearchEvaluation.CatalogueDocuments(), ct);

        var result = await SearchEvaluation.MrrAt10Async(index, SearchEvaluation.DevQueries(), ct);

        TestContext.Current.TestOutputHelper?.WriteLine(result.ToString());
        Assert.Equal(330, result.PatentQueries);
        Assert.Equal(1326, result.AllQueries);
        Assert.True(result.Patents >= PatentFloor, $"{result}: patents below {PatentFloor}");
        Assert.True(result.All >= AllFloor, $"{result}: all below {AllFloor}");
    }

    public void Dispose()
    {
        try { Directory.Delete(path, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
