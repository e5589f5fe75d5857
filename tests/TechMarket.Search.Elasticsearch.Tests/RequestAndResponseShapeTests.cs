using System.Text.Json.Nodes;
using static TechMarket.Search.Elasticsearch.Tests.InMemoryElasticsearch;

namespace TechMarket.Search.Elasticsearch.Tests;

/// <summary>What the adapter sends and how it reads the answers, through the client's in-memory request invoker (no server).</summary>
public sealed class RequestAndResponseShapeTests
{
    private const string EmptySearchResponse = """{"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"total":{"value":0,"relation":"eq"},"max_score":null,"hits":[]}}""";
    private const string Acknowledged = """{"acknowledged":true,"shards_acknowledged":true,"index":"techmarket-catalogue"}""";
    private static readonly Guid ListingA = Guid.Parse("0b6d8a8e-4f51-4a43-9a58-1d1f2f7c0a01");
    private static readonly Guid ListingB = Guid.Parse("0b6d8a8e-4f51-4a43-9a58-1d1f2f7c0a02");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string[] Strings(JsonNode node) => [.. Items(node).Select(n => n.GetValue<string>())];

    [Fact]
    public async Task A_query_with_text_filters_facets_sort_and_paging_becomes_one_search_request()
    {
        var es = new InMemoryElasticsearch(EmptySearchResponse);

        await es.Index.SearchAsync(new SearchQuery
        {
            Text = "锂电池 Battery",
            Type = "patent_application",
            IpcSection = "h",
            Trl = 4,
            Page = 3,
            Size = 20,
            Sort = SearchSort.PriceAscending,
        }, Ct);

        var call = es.Single;
        Assert.Equal("/techmarket-catalogue/_search", call.Uri!.AbsolutePath);
        var body = Json(call);
        Assert.Equal(40, At(body, "from").GetValue<int>());
        Assert.Equal(20, At(body, "size").GetValue<int>());
        Assert.True(At(body, "track_total_hits").GetValue<bool>());

        // Text: an OR of analysis chains, each an OR match on the chain's body field (title, abstract and claims copied together).
        var should = Items(At(body, "query.bool.must[0].bool.should"));
        var smartCn = At(should[0]!, "match.body");
        Assert.Equal("锂电池 Battery", At(smartCn, "query").GetValue<string>());
        Assert.Equal("or", At(smartCn, "operator").GetValue<string>());
        Assert.Equal("锂电池 Battery", At(should[1]!, "match.body_bg.query").GetValue<string>());
        Assert.Equal("锂电池 Battery", At(should[2]!, "match.body_en.query").GetValue<string>());
        Assert.Equal(3, should.Count); // text with a space is no record id

        // Filters do not score; IPC section is upper-cased and TRL is a keyword as in the Lucene engine.
        var filters = Items(At(body, "query.bool.filter")).Select(f => f.ToJsonString()).ToList();
        Assert.Equal(3, filters.Count);
        Assert.Contains("""{"term":{"type":{"value":"patent_application"}}}""", filters);
        Assert.Contains("""{"term":{"ipc_section":{"value":"H"}}}""", filters);
        Assert.Contains("""{"term":{"trl":{"value":"4"}}}""", filters);

        // 面议 (no price) last.
        Assert.Equal("""[{"price":{"missing":"_last","order":"asc"}}]""", Normalized(new JsonArray([.. Items(At(body, "sort")).Select(n => n.DeepClone())])));

        var aggregations = At(body, "aggregations").AsObject();
        Assert.Equal(FacetNames.All, aggregations.Select(a => a.Key));
        Assert.Equal("ipc_class", At(aggregations, "ipc_class.terms.field").GetValue<string>());
        Assert.Equal("org", At(aggregations, "organization.terms.field").GetValue<string>());
        Assert.Equal(50, At(aggregations, "trl.terms.size").GetValue<int>());

        Assert.Equal(["<mark>"], Strings(At(body, "highlight.pre_tags")));
        Assert.Equal(["</mark>"], Strings(At(body, "highlight.post_tags")));
        Assert.Equal("html", At(body, "highlight.encoder").GetValue<string>());
        Assert.Equal(["abstract.bg", "abstract_en"], Items(At(body, "highlight.fields")).SelectMany(f => f.AsObject().Select(p => p.Key)));
        Assert.False(At(body, "highlight.require_field_match").GetValue<bool>()); // the query asks body fields, not the abstract
    }

    [Fact]
    public async Task A_record_id_query_asks_for_that_record_first()
    {
        var es = new InMemoryElasticsearch(EmptySearchResponse);
        await es.Index.SearchAsync(new SearchQuery { Text = "cn113914863a" }, Ct);
        var should = Items(At(Json(es.Single), "query.bool.must[0].bool.should"));
        var recordId = should.Select(s => s["terms"]).Single(t => t is not null)!;
        Assert.Equal(["cn113914863a", "CN113914863A"], Strings(At(recordId, "record_id")));
        Assert.Equal(100, At(recordId, "boost").GetValue<double>());
    }

    [Fact]
    public async Task Without_text_every_listing_matches_newest_first_without_highlights_or_facets_when_not_asked()
    {
        var es = new InMemoryElasticsearch(EmptySearchResponse);
        await es.Index.SearchAsync(new SearchQuery { Text = "   ", IncludeFacets = false }, Ct);
        var body = Json(es.Single);
        Assert.NotNull(At(body, "query.bool.must[0].match_all"));
        Assert.Equal("""[{"published_at":{"order":"desc"}}]""", Normalized(new JsonArray([.. Items(At(body, "sort")).Select(n => n.DeepClone())])));
        Assert.Null(body["highlight"]);
        Assert.Null(body["aggregations"]);
    }

    [Fact]
    public async Task Price_descending_also_puts_negotiable_listings_last()
    {
        var es = new InMemoryElasticsearch(EmptySearchResponse);
        await es.Index.SearchAsync(new SearchQuery { Text = "电池", Sort = SearchSort.PriceDescending }, Ct);
        Assert.Equal("""[{"price":{"missing":"_last","order":"desc"}}]""", Normalized(new JsonArray([.. Items(At(Json(es.Single), "sort")).Select(n => n.DeepClone())])));
    }

    [Fact]
    public async Task A_page_beyond_the_ten_thousand_hit_window_sends_nothing()
    {
        var es = new InMemoryElasticsearch(EmptySearchResponse);
        var results = await es.Index.SearchAsync(new SearchQuery { Text = "电池", Page = 101, Size = 100 }, Ct);
        Assert.Empty(results.Hits);
        Assert.Empty(es.Calls);
    }

    [Fact]
    public async Task Hits_highlights_and_aggregations_are_read_into_search_results()
    {
        // typed_keys=true (sent by the client) makes Elasticsearch prefix aggregation names with their type.
        var response = $$$"""
        {"took":3,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
         "hits":{"total":{"value":42,"relation":"eq"},"max_score":7.5,"hits":[
          {"_index":"techmarket-catalogue","_id":"{{{ListingA:N}}}","_score":7.5,
           "_source":{"id":"{{{ListingA:N}}}","record_id":"CN1A","type":"patent_application","lang":"zh","org":"坪山示例大学",
                      "title":"一种锂离子电池","abstract":"电池 <b>","trade_mode":["assignment","equity"],"price_band":"under_100k",
                      "price":5000000,"published_at":"2026-11-01T00:00:00+00:00","title_key":["一种锂离子电池"]},
           "highlight":{"abstract.bg":["<mark>&#30005;&#27744;</mark> &lt;b&gt;","second &amp; part"]}},
          {"_index":"techmarket-catalogue","_id":"{{{ListingB:N}}}","_score":1.25,
           "_source":{"id":"{{{ListingB:N}}}","record_id":"US2","type":"research_result","lang":"en","org":"Example Co",
                      "title_en":"Battery","abstract_en":"A <cell> & more","price_band":"negotiable",
                      "published_at":"2026-10-01T00:00:00+00:00","title_key":["battery"]}}]},
         "aggregations":{
          "sterms#trade_mode":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"assignment","doc_count":30},{"key":"equity","doc_count":12}]},
          "sterms#trl":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"4","doc_count":5}]},
          "sterms#industry":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[]} } }
        """;
        var es = new InMemoryElasticsearch(response);

        var results = await es.Index.SearchAsync(new SearchQuery { Text = "电池" }, Ct);

        Assert.Contains("typed_keys=true", es.Single.Uri!.Query, StringComparison.Ordinal);
        Assert.Equal(42, results.Total);
        Assert.Equal(2, results.Hits.Count);
        var a = results.Hits[0];
        Assert.Equal(new SearchHit(ListingA, "CN1A", "一种锂离子电池", "<mark>电池</mark> &lt;b&gt; … second &amp; part", "patent_application",
            a.TradeModes, 5000000, "坪山示例大学", 7.5f), a);
        Assert.Equal(["assignment", "equity"], a.TradeModes);
        var b = results.Hits[1];
        Assert.Equal("Battery", b.Title);
        Assert.Null(b.PriceFen);
        Assert.Empty(b.TradeModes);
        Assert.Equal("A &lt;cell&gt; &amp; more", b.Snippet); // no highlight: the encoded start of the abstract

        Assert.Equal([FacetNames.TradeMode, FacetNames.Trl], results.Facets.Select(f => f.Name)); // empty facets are left out
        Assert.Equal([new FacetValue("assignment", 30), new FacetValue("equity", 12)], results.Facets[0].Values);
        Assert.Equal([new FacetValue("4", 5)], results.Facets[1].Values);
    }

    [Fact]
    public async Task A_refused_search_is_an_error_not_an_empty_result()
    {
        var es = new InMemoryElasticsearch("""{"error":{"type":"search_phase_execution_exception","reason":"all shards failed"},"status":400}""", 400);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => es.Index.SearchAsync(new SearchQuery { Text = "电池" }, Ct));
        Assert.Contains("all shards failed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Indexing_sends_one_bulk_request_with_the_mapped_fields()
    {
        var es = new InMemoryElasticsearch("""{"took":1,"errors":false,"items":[]}""");
        var published = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.FromHours(8));
        await es.Index.IndexAsync(
        [
            new CatalogDocument
            {
                ListingId = ListingA, RecordId = "CN1A", Type = "patent_application", Title = "一种锂离子电池", Abstract = "摘要", Claims = "权利要求",
                Language = "zh", TradeModes = ["assignment"], PriceFen = 50_000_00, Organization = "坪山示例大学", PublishedAt = published,
                Industry = "new_energy_vehicles", IpcCodes = ["H01M 10/0525", "H01M 4/36", "C22B 7/00"], LegalStatus = "pending", Trl = 4,
            },
            new CatalogDocument
            {
                ListingId = ListingB, RecordId = "US2", Type = "research_result", Title = "Battery Cells", Abstract = "Cells", Language = "en",
                Organization = "Example Co", PublishedAt = published,
            },
        ], Ct);

        var call = es.Single;
        Assert.Equal("/techmarket-catalogue/_bulk", call.Uri!.AbsolutePath);
        var lines = Body(call).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(4, lines.Count);
        Assert.Equal(ListingA.ToString("N"), At(lines[0], "index._id").GetValue<string>());
        var zh = lines[1].AsObject();
        Assert.Equal("一种锂离子电池", At(zh, "title").GetValue<string>());
        Assert.Equal("权利要求", At(zh, "claims").GetValue<string>());
        Assert.Null(zh["title_en"]);
        Assert.Equal(["一种锂离子电池", "锂离子电池"], Strings(At(zh, "title_key")));
        Assert.Equal(["H", "C"], Strings(At(zh, "ipc_section")));
        Assert.Equal(["H01", "C22"], Strings(At(zh, "ipc_class")));
        Assert.Equal("under_100k", At(zh, "price_band").GetValue<string>());
        Assert.Equal("4", At(zh, "trl").GetValue<string>());
        Assert.Equal(50_000_00, At(zh, "price").GetValue<long>());
        Assert.Equal("org", zh.Single(p => p.Value?.ToString() == "坪山示例大学").Key);
        Assert.Equal(published, DateTimeOffset.Parse(At(zh, "published_at").GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(ListingB.ToString("N"), At(lines[2], "index._id").GetValue<string>());
        var en = lines[3].AsObject();
        Assert.Equal("Battery Cells", At(en, "title_en").GetValue<string>());
        Assert.Equal("Cells", At(en, "abstract_en").GetValue<string>());
        Assert.Null(en["title"]);
        Assert.Null(en["price"]);
        Assert.Equal("negotiable", At(en, "price_band").GetValue<string>());
    }

    [Fact]
    public async Task Deleting_sends_bulk_deletes_by_listing_id()
    {
        var es = new InMemoryElasticsearch("""{"took":1,"errors":true,"items":[{"delete":{"_index":"techmarket-catalogue","_id":"x","status":404,"result":"not_found"}}]}""");
        await es.Index.DeleteAsync([ListingA, ListingB], Ct);
        var lines = Body(es.Single).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([$$$"""{"delete":{"_id":"{{{ListingA:N}}}"}}""", $$$"""{"delete":{"_id":"{{{ListingB:N}}}"}}"""], lines);
    }

    [Fact]
    public async Task A_refused_bulk_item_is_an_error()
    {
        var es = new InMemoryElasticsearch($$$"""{"took":1,"errors":true,"items":[{"index":{"_index":"techmarket-catalogue","_id":"{{{ListingA:N}}}","status":400,"error":{"type":"document_parsing_exception","reason":"bad field"} } }]}""");
        var doc = new CatalogDocument { ListingId = ListingA, RecordId = "A", Type = "t", Title = "电池", Language = "zh", Organization = "o", PublishedAt = DateTimeOffset.UnixEpoch };
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => es.Index.IndexAsync([doc], Ct));
        Assert.Contains("bad field", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_recreates_the_index_from_search_config_with_the_fingerprint_in_the_mapping_meta()
    {
        var es = new InMemoryElasticsearch(Acknowledged);

        await es.Index.ResetAsync("catalogue-v9", Ct);

        Assert.Equal(2, es.Calls.Count);
        Assert.Equal((Elastic.Transport.HttpMethod.DELETE, "/techmarket-catalogue"), (es.Calls[0].HttpMethod, es.Calls[0].Uri!.AbsolutePath));
        Assert.Equal((Elastic.Transport.HttpMethod.PUT, "/techmarket-catalogue"), (es.Calls[1].HttpMethod, es.Calls[1].Uri!.AbsolutePath));
        var body = Json(es.Calls[1]);
        Assert.Equal("catalogue-v9", At(body, "mappings._meta.fingerprint").GetValue<string>());
        Assert.Equal("smartcn_tokenizer", At(body, "settings.analysis.analyzer.techmarket_smartcn.tokenizer").GetValue<string>());
        Assert.Equal("standard", At(body, "settings.analysis.analyzer.techmarket_bigram.tokenizer").GetValue<string>());
        Assert.Contains("cjk_bigram", Strings(At(body, "settings.analysis.analyzer.techmarket_bigram.filter")));
        Assert.Contains("english_stemmer", Strings(At(body, "settings.analysis.analyzer.techmarket_english.filter")));
        Assert.Equal("synonym_graph", At(body, "settings.analysis.filter.techmarket_synonyms.type").GetValue<string>());
        Assert.Equal("analysis/techmarket-synonyms.txt", At(body, "settings.analysis.filter.techmarket_synonyms.synonyms_path").GetValue<string>());
        Assert.Contains("techmarket_synonyms", Strings(At(body, "settings.analysis.analyzer.techmarket_smartcn_search.filter")));
        Assert.Equal(0.8, At(body, "settings.index.similarity.default.k1").GetValue<double>(), 6);
        Assert.Equal(0.5, At(body, "settings.index.similarity.default.b").GetValue<double>(), 6);
        Assert.Equal("techmarket_bigram", At(body, "mappings.properties.abstract.fields.bg.analyzer").GetValue<string>());
        Assert.Equal("techmarket_english", At(body, "mappings.properties.claims_en.analyzer").GetValue<string>());
        // One body field per analysis chain, filled by copy_to from the three texts (what the text query asks).
        Assert.Equal(["body", "body_bg"], Strings(At(body, "mappings.properties.claims.copy_to")));
        Assert.Equal(["body_en", "body_bg"], Strings(At(body, "mappings.properties.abstract_en.copy_to")));
        Assert.Equal("techmarket_smartcn_search", At(body, "mappings.properties.body.search_analyzer").GetValue<string>());
        Assert.Equal("techmarket_bigram", At(body, "mappings.properties.body_bg.analyzer").GetValue<string>());
    }

    [Fact]
    public void The_synonyms_path_is_where_docker_compose_mounts_the_one_shared_synonyms_file()
    {
        var root = RepositoryRoot();
        var compose = File.ReadAllText(Path.Combine(root, "docker-compose.yml"));
        var definition = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "search-config", "elasticsearch", ElasticsearchIndexOptions.IndexDefinitionFileName)))!;
        var path = At(definition, "settings.analysis.filter.techmarket_synonyms.synonyms_path").GetValue<string>();
        Assert.Contains($"./search-config/synonyms.txt:/usr/share/elasticsearch/config/{path}:ro", compose, StringComparison.Ordinal);
        Assert.Contains("Search__Engine: Elasticsearch", compose, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_facet_field_is_mapped_as_a_keyword()
    {
        var es = new InMemoryElasticsearch(Acknowledged);
        await es.Index.ResetAsync("v", Ct);
        var properties = At(Json(es.Calls[1]), "mappings.properties");
        await es.Index.SearchAsync(new SearchQuery { Text = "x" }, Ct);
        foreach (var aggregation in At(Json(es.Calls[2]), "aggregations").AsObject())
        {
            var field = At(aggregation.Value!, "terms.field").GetValue<string>();
            Assert.Equal("keyword", At(properties, field + ".type").GetValue<string>());
        }
    }

    [Fact]
    public void The_fingerprint_is_read_from_the_mapping_meta()
    {
        var es = new InMemoryElasticsearch("""{"techmarket-catalogue":{"mappings":{"dynamic":"strict","_meta":{"fingerprint":"catalogue-v2"},"properties":{"id":{"type":"keyword"}}}}}""");
        Assert.Equal("catalogue-v2", es.Index.BuiltFingerprint);
        Assert.Equal("/techmarket-catalogue/_mapping", es.Single.Uri!.AbsolutePath);
    }

    [Fact]
    public void A_missing_index_has_no_fingerprint_and_no_documents()
    {
        var es = new InMemoryElasticsearch("""{"error":{"type":"index_not_found_exception","reason":"no such index [techmarket-catalogue]"},"status":404}""", 404);
        Assert.Null(es.Index.BuiltFingerprint);
        Assert.Equal(0, es.Index.DocumentCount);
    }

    [Fact]
    public void The_document_count_comes_from_the_count_api()
    {
        var es = new InMemoryElasticsearch("""{"count":4680,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0}}""");
        Assert.Equal(4680, es.Index.DocumentCount);
        Assert.Equal("/techmarket-catalogue/_count", es.Single.Uri!.AbsolutePath);
    }

    [Fact]
    public async Task Commit_refreshes_the_index()
    {
        var es = new InMemoryElasticsearch("""{"_shards":{"total":1,"successful":1,"failed":0}}""");
        await es.Index.CommitAsync(Ct);
        Assert.Equal("/techmarket-catalogue/_refresh", es.Single.Uri!.AbsolutePath);
    }

    [Theory]
    [InlineData(200, true)]
    [InlineData(503, false)]
    public async Task Health_is_a_cluster_ping(int status, bool healthy)
    {
        var es = new InMemoryElasticsearch("{}", status);
        Assert.Equal(healthy, await es.Index.IsHealthyAsync(Ct));
        Assert.Equal(Elastic.Transport.HttpMethod.HEAD, es.Single.HttpMethod);
        Assert.Equal("/", es.Single.Uri!.AbsolutePath);
    }

    [Fact]
    public async Task Suggestions_ask_a_lower_cased_title_prefix_or_a_bigram_phrase_and_drop_repeated_titles()
    {
        var response = $$$"""
        {"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"total":{"value":3,"relation":"eq"},"max_score":1,"hits":[
          {"_index":"i","_id":"a","_score":2,"_source":{"id":"{{{ListingA:N}}}","record_id":"A","title":"Lithium cell"}},
          {"_index":"i","_id":"b","_score":1.5,"_source":{"id":"{{{ListingB:N}}}","record_id":"B","title":"Lithium cell"}},
          {"_index":"i","_id":"c","_score":1,"_source":{"id":"{{{ListingB:N}}}","record_id":"C","title_en":"Lithium anode"}}]}}
        """;
        var es = new InMemoryElasticsearch(response);

        var suggestions = await es.Index.SuggestAsync(" Lith ", 5, Ct);

        Assert.Equal(["A", "C"], suggestions.Select(s => s.RecordId));
        Assert.Equal("Lithium anode", suggestions[1].Title);
        var body = Json(es.Single);
        Assert.Equal(15, At(body, "size").GetValue<int>());
        var should = Items(At(body, "query.bool.should"));
        Assert.Equal("lith", At(should[0]!, "prefix.title_key.value").GetValue<string>());
        Assert.Equal(4, At(should[0]!, "prefix.title_key.boost").GetValue<double>());
        var phrase = At(should[1]!, "match_phrase")["title.bg"]!;
        Assert.Equal("Lith", (phrase is JsonObject o ? o["query"]! : phrase).GetValue<string>());
    }

    [Fact]
    public async Task Blank_suggestion_input_sends_nothing()
    {
        var es = new InMemoryElasticsearch(EmptySearchResponse);
        Assert.Empty(await es.Index.SuggestAsync("   ", 5, Ct));
        Assert.Empty(es.Calls);
    }

    [Fact]
    public async Task Similar_listings_are_a_more_like_this_query_on_the_listing_document()
    {
        var es = new InMemoryElasticsearch(EmptySearchResponse);
        Assert.Empty(await es.Index.SimilarAsync(ListingA, 6, Ct));
        var body = Json(es.Single);
        var mlt = At(body, "query.more_like_this");
        Assert.Equal(ListingA.ToString("N"), At(mlt, "like[0]._id").GetValue<string>());
        Assert.Equal("techmarket-catalogue", At(mlt, "like[0]._index").GetValue<string>());
        Assert.Equal(["title", "abstract", "title_en", "abstract_en"], Strings(At(mlt, "fields")));
        Assert.Equal(25, At(mlt, "max_query_terms").GetValue<int>());
        Assert.False(At(mlt, "include").GetValue<bool>());
        Assert.Contains("本发明", Strings(At(mlt, "stop_words")));
        Assert.Equal(6, At(body, "size").GetValue<int>());
    }

    [Theory]
    [InlineData("<mark>&#30005;&#27744;</mark>", "<mark>电池</mark>")]
    [InlineData("&#60;script&#62; &lt;b&gt; &amp;", "&#60;script&#62; &lt;b&gt; &amp;")]
    [InlineData("&#128512;", "😀")]
    public void Numeric_entities_for_non_ascii_characters_are_decoded_and_markup_stays_encoded(string html, string expected) =>
        Assert.Equal(expected, ElasticsearchCatalogIndex.DecodeNonAsciiEntities(html));

    /// <summary>Sort clauses with their keys in order, whatever order the client writes them in.</summary>
    private static string Normalized(JsonNode node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"\"{p.Key}\":{Normalized(p.Value!)}")) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(n => Normalized(n!))) + "]",
        _ => node.ToJsonString(),
    };

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TechMarket.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("TechMarket.sln not found above the test binaries.");
    }
}
