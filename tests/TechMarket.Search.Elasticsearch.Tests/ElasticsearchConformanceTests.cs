using TechMarket.Search.Conformance;

namespace TechMarket.Search.Elasticsearch.Tests;

/// <summary>
/// The shared conformance suite against a live Elasticsearch (with the analysis-smartcn plugin and the synonyms file,
/// as docker-compose's elasticsearch service has them) when TECHMARKET_TEST_ELASTICSEARCH holds its URL. Unset: every
/// test is skipped with the reason. Set but unreachable: the tests fail. Each test uses a fresh index and deletes it.
/// </summary>
public sealed class ElasticsearchConformanceTests : CatalogSearchConformanceTests
{
    public const string UrlVariable = "TECHMARKET_TEST_ELASTICSEARCH";

    private static string? Url => Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } url ? url : null;

    protected override string? SkipReason => Url is null
        ? $"{UrlVariable} is not set; no Elasticsearch server runs here (docker compose up -d elasticsearch, then set it to http://localhost:9200)."
        : null;

    protected override Task<ISearchEngineUnderTest> CreateEngineAsync(CancellationToken cancellationToken)
    {
        var client = ElasticsearchCatalogIndex.CreateClient(new Uri(Url!), Environment.GetEnvironmentVariable("TECHMARKET_TEST_ELASTICSEARCH_APIKEY"));
        var index = new ElasticsearchCatalogIndex(client, new ElasticsearchIndexOptions { IndexName = "techmarket-test-" + Guid.NewGuid().ToString("N") });
        return Task.FromResult<ISearchEngineUnderTest>(new LiveEngine(client, index));
    }

    private sealed class LiveEngine(Elastic.Clients.Elasticsearch.ElasticsearchClient client, ElasticsearchCatalogIndex index) : ISearchEngineUnderTest
    {
        public ICatalogSearch Search => index;
        public ICatalogIndexer Indexer => index;

        public async ValueTask DisposeAsync() =>
            await client.Indices.DeleteAsync(new Elastic.Clients.Elasticsearch.IndexManagement.DeleteIndexRequest(index.IndexName), CancellationToken.None);
    }
}
