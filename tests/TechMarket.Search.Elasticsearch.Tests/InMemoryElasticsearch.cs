using System.Text;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;

namespace TechMarket.Search.Elasticsearch.Tests;

/// <summary>
/// An adapter over the client's InMemoryRequestInvoker: every request answers <paramref name="responseJson"/> with
/// <paramref name="status"/>, and every request the adapter sends is recorded with its body.
/// </summary>
internal sealed class InMemoryElasticsearch
{
    private readonly List<ApiCallDetails> calls = [];

    public InMemoryElasticsearch(string responseJson, int status = 200)
    {
        // The client refuses a response without this header, and the in-memory invoker needs its key in lower case.
        var headers = new Dictionary<string, IEnumerable<string>> { ["x-elastic-product"] = ["Elasticsearch"] };
        var invoker = new InMemoryRequestInvoker(Encoding.UTF8.GetBytes(responseJson), status, null, "application/json", headers);
        var settings = new ElasticsearchClientSettings(new SingleNodePool(new Uri("http://localhost:9200")), invoker)
            .DisableDirectStreaming()
            .OnRequestCompleted(calls.Add);
        Client = new ElasticsearchClient(settings);
        Index = new ElasticsearchCatalogIndex(Client, new ElasticsearchIndexOptions());
    }

    public ElasticsearchClient Client { get; }

    public ElasticsearchCatalogIndex Index { get; }

    public IReadOnlyList<ApiCallDetails> Calls => calls;

    public ApiCallDetails Single => Assert.Single(calls);

    public static string Body(ApiCallDetails call) => Encoding.UTF8.GetString(call.RequestBodyInBytes ?? []);

    public static JsonObject Json(ApiCallDetails call) => JsonNode.Parse(Body(call))!.AsObject();

    /// <summary>
    /// The items of a list that Elasticsearch accepts as one value or an array (must, sort, like, highlight fields):
    /// the client writes a single item without the array.
    /// </summary>
    public static IReadOnlyList<JsonNode> Items(JsonNode node) => node is JsonArray array ? [.. array.Select(n => n!)] : [node];

    /// <summary>The node at a path like "query.bool.must[0].bool"; fails the test when the path is missing.</summary>
    public static JsonNode At(JsonNode root, string path)
    {
        var node = root;
        foreach (var part in path.Split('.'))
        {
            var name = part;
            int? item = null;
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket >= 0)
            {
                name = part[..bracket];
                item = int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
            }
            node = node[name] ?? throw new Xunit.Sdk.XunitException($"No '{name}' at '{path}' in {root.ToJsonString()}");
            if (item is { } i) node = Items(node).ElementAtOrDefault(i) ?? throw new Xunit.Sdk.XunitException($"No item {i} at '{path}' in {root.ToJsonString()}");
        }
        return node;
    }
}
