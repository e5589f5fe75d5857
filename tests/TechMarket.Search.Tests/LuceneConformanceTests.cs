using TechMarket.Search.Conformance;
using TechMarket.Search.Lucene;

namespace TechMarket.Search.Tests;

/// <summary>The shared conformance suite against the embedded engine, in a fresh temporary folder per test.</summary>
public sealed class LuceneConformanceTests : CatalogSearchConformanceTests
{
    protected override Task<ISearchEngineUnderTest> CreateEngineAsync(CancellationToken cancellationToken) =>
        Task.FromResult<ISearchEngineUnderTest>(new LuceneEngine());

    private sealed class LuceneEngine : ISearchEngineUnderTest
    {
        private readonly string path = Path.Combine(Path.GetTempPath(), "techmarket-lucene", Guid.NewGuid().ToString("N"));
        private readonly LuceneCatalogIndex index;

        public LuceneEngine() => index = new LuceneCatalogIndex(new LuceneIndexOptions { Path = path });

        public ICatalogSearch Search => index;
        public ICatalogIndexer Indexer => index;

        public ValueTask DisposeAsync()
        {
            index.Dispose();
            try { Directory.Delete(path, recursive: true); } catch (IOException) { /* best effort */ }
            return ValueTask.CompletedTask;
        }
    }
}
