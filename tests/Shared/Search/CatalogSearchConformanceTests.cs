using TechMarket.Search;

namespace TechMarket.Search.Conformance;

/// <summary>One engine under test: a fresh, empty index, removed again on dispose.</summary>
public interface ISearchEngineUnderTest : IAsyncDisposable
{
    ICatalogSearch Search { get; }
    ICatalogIndexer Indexer { get; }
}

/// <summary>
/// What every search engine behind <see cref="ICatalogSearch"/> must do, whatever its implementation: run against
/// Lucene always, and against a live Elasticsearch when TECHMARKET_TEST_ELASTICSEARCH holds its URL. Linked as source
/// into both test projects (tests/Shared/Search).
/// </summary>
public abstract class CatalogSearchConformanceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private ISearchEngineUnderTest? engine;

    /// <summary>Why this engine cannot run here (null: it can). A reason skips every test; it never passes them.</summary>
    protected virtual string? SkipReason => null;

    /// <summary>A fresh, empty index of the engine; reset with a fingerprint before each test.</summary>
    protected abstract Task<ISearchEngineUnderTest> CreateEngineAsync(CancellationToken cancellationToken);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (engine is not null) await engine.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<ISearchEngineUnderTest> EngineAsync()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? "");
        if (engine is null)
        {
            engine = await CreateEngineAsync(Ct);
            await engine.Indexer.ResetAsync("conformance", Ct);
        }
        return engine;
    }

    private static CatalogDocument Doc(string recordId, string title, string? @abstract = null, string type = "patent_application",
        long? price = null, int daysAgo = 0, string lang = "zh", string? industry = null, string[]? ipc = null, string? legal = null,
        int? trl = null, string org = "坪山示例大学", params string[] modes) => new()
    {
        ListingId = Guid.NewGuid(),
        RecordId = recordId,
        Type = type,
        Title = title,
        Abstract = @abstract,
        Language = lang,
        TradeModes = modes,
        PriceFen = price,
        Organization = org,
        PublishedAt = T0.AddDays(-daysAgo),
        Industry = industry,
        IpcCodes = ipc ?? [],
        LegalStatus = legal,
        Trl = trl,
    };

    private async Task IndexAsync(params CatalogDocument[] docs)
    {
        var e = await EngineAsync();
        await e.Indexer.IndexAsync(docs, Ct);
        await e.Indexer.CommitAsync(Ct);
    }

    private async Task<SearchResults> SearchAsync(SearchQuery q) => await (await EngineAsync()).Search.SearchAsync(q, Ct);

    private static Dictionary<string, long> Counts(SearchResults results, string facet) =>
        results.Facets.Single(f => f.Name == facet).Values.ToDictionary(v => v.Value, v => v.Count);

    [Fact]
    public async Task Chinese_words_are_segmented_so_a_word_inside_a_compound_matches()
    {
        await IndexAsync(Doc("CN1A", "一种锂离子电池正极材料"), Doc("CN2A", "一种智能掘进机"));
        var results = await SearchAsync(new SearchQuery { Text = "电池" });
        Assert.Equal(1, results.Total);
        Assert.Equal("CN1A", results.Hits[0].RecordId);
    }

    [Fact]
    public async Task Title_match_ranks_above_abstract_only_match()
    {
        await IndexAsync(Doc("ABS", "一种储能装置", "本发明涉及一种传感器的封装结构与装置"), Doc("TTL", "一种传感器"));
        var results = await SearchAsync(new SearchQuery { Text = "传感器" });
        Assert.Equal(["TTL", "ABS"], results.Hits.Select(h => h.RecordId));
    }

    [Fact]
    public async Task Snippet_marks_matches_and_encodes_source_html()
    {
        await IndexAsync(Doc("X", "标题", "电池 <b>加粗</b> & 电池"));
        var hit = (await SearchAsync(new SearchQuery { Text = "电池" })).Hits.Single();
        Assert.Contains("<mark>电池</mark>", hit.Snippet, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;", hit.Snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", hit.Snippet, StringComparison.Ordinal);
        Assert.Contains("&amp;", hit.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task English_text_is_stemmed()
    {
        await IndexAsync(Doc("US1", "Methods for increasing product yields", lang: "en"));
        Assert.Equal(1, (await SearchAsync(new SearchQuery { Text = "increase yield" })).Total);
    }

    [Fact]
    public async Task Type_and_trade_mode_filter_the_hits()
    {
        await IndexAsync(
            Doc("A", "电池一", type: "patent_application", modes: "assignment"),
            Doc("B", "电池二", type: "research_result", modes: "assignment"),
            Doc("C", "电池三", type: "patent_application", modes: "ordinary_licence"));
        var results = await SearchAsync(new SearchQuery { Text = "电池", Type = "patent_application", TradeMode = "assignment" });
        Assert.Equal(["A"], results.Hits.Select(h => h.RecordId));
    }

    [Fact]
    public async Task Sorting_by_price_puts_negotiable_listings_last_and_newest_first_without_text()
    {
        await IndexAsync(Doc("P300", "电池", price: 300, daysAgo: 3), Doc("P100", "电池", price: 100, daysAgo: 1), Doc("NEG", "电池", daysAgo: 2));
        Assert.Equal(["P100", "P300", "NEG"], (await SearchAsync(new SearchQuery { Text = "电池", Sort = SearchSort.PriceAscending })).Hits.Select(h => h.RecordId));
        Assert.Equal(["P300", "P100", "NEG"], (await SearchAsync(new SearchQuery { Text = "电池", Sort = SearchSort.PriceDescending })).Hits.Select(h => h.RecordId));
        Assert.Equal(["P100", "NEG", "P300"], (await SearchAsync(new SearchQuery())).Hits.Select(h => h.RecordId));
    }

    [Fact]
    public async Task Pages_do_not_overlap()
    {
        await IndexAsync([.. Enumerable.Range(0, 25).Select(i => Doc($"R{i:00}", "电池", daysAgo: i))]);
        var first = await SearchAsync(new SearchQuery { Size = 10, Page = 1 });
        var third = await SearchAsync(new SearchQuery { Size = 10, Page = 3 });
        Assert.Equal(25, first.Total);
        Assert.Equal(10, first.Hits.Count);
        Assert.Equal(["R20", "R21", "R22", "R23", "R24"], third.Hits.Select(h => h.RecordId));
    }

    [Fact]
    public async Task A_page_beyond_the_ten_thousand_hit_window_is_empty()
    {
        await IndexAsync(Doc("A", "电池"));
        Assert.Empty((await SearchAsync(new SearchQuery { Size = 100, Page = 101 })).Hits);
    }

    [Theory]
    [InlineData("title:电池 AND (")]
    [InlineData("\"")]
    [InlineData("*?~^[]{}")]
    [InlineData("   ")]
    public async Task Query_syntax_characters_are_plain_text(string text)
    {
        await IndexAsync(Doc("A", "电池"));
        var results = await SearchAsync(new SearchQuery { Text = text });
        Assert.True(results.Total >= 0);
        Assert.All(results.Hits, h => Assert.Equal("A", h.RecordId));
    }

    [Fact]
    public async Task Reindexing_the_same_listing_replaces_it_and_delete_removes_it()
    {
        var doc = Doc("A", "电池");
        await IndexAsync(doc);
        await IndexAsync(doc with { Title = "传感器" });
        Assert.Equal(0, (await SearchAsync(new SearchQuery { Text = "电池" })).Total);
        Assert.Equal(1, (await SearchAsync(new SearchQuery { Text = "传感器" })).Total);
        var e = await EngineAsync();
        await e.Indexer.DeleteAsync([doc.ListingId], Ct);
        await e.Indexer.CommitAsync(Ct);
        Assert.Equal(0, e.Indexer.DocumentCount);
    }

    [Fact]
    public async Task Reset_drops_every_document_and_records_the_fingerprint()
    {
        await IndexAsync(Doc("A", "电池"), Doc("B", "传感器"));
        var e = await EngineAsync();
        Assert.Equal(2, e.Indexer.DocumentCount);
        await e.Indexer.ResetAsync("v-next", Ct);
        await e.Indexer.CommitAsync(Ct);
        Assert.Equal("v-next", e.Indexer.BuiltFingerprint);
        Assert.Equal(0, e.Indexer.DocumentCount);
        Assert.Equal(0, (await SearchAsync(new SearchQuery { Text = "电池" })).Total);
    }

    [Fact]
    public async Task Facets_count_the_matching_listings_only()
    {
        await IndexAsync(
            Doc("A", "锂电池隔膜", industry: "new_energy_vehicles", ipc: ["H01M 50/403", "H01M 10/0525"], legal: "pending", trl: 4, price: 50_000_00, modes: ["assignment", "ordinary_licence"]),
            Doc("B", "锂电池回收", industry: "new_energy_vehicles", ipc: ["C22B 7/00"], legal: "granted", trl: 6, org: "示例公司", modes: ["assignment"]),
            Doc("C", "抗体药物", type: "research_result", industry: "biomedicine", trl: 4, modes: ["equity"]));

        var results = await SearchAsync(new SearchQuery { Text = "锂电池" });

        Assert.Equal(2, results.Total);
        Assert.Equal(new Dictionary<string, long> { ["assignment"] = 2, ["ordinary_licence"] = 1 }, Counts(results, FacetNames.TradeMode));
        Assert.Equal(new Dictionary<string, long> { ["new_energy_vehicles"] = 2 }, Counts(results, FacetNames.Industry));
        Assert.Equal(new Dictionary<string, long> { ["H"] = 1, ["C"] = 1 }, Counts(results, FacetNames.IpcSection));
        Assert.Equal(new Dictionary<string, long> { ["H01"] = 1, ["C22"] = 1 }, Counts(results, FacetNames.IpcClass));
        Assert.Equal(new Dictionary<string, long> { ["pending"] = 1, ["granted"] = 1 }, Counts(results, FacetNames.LegalStatus));
        Assert.Equal(new Dictionary<string, long> { [PriceBands.Under100K] = 1, [PriceBands.Negotiable] = 1 }, Counts(results, FacetNames.PriceBand));
        Assert.Equal(new Dictionary<string, long> { ["坪山示例大学"] = 1, ["示例公司"] = 1 }, Counts(results, FacetNames.Organization));
        Assert.Equal(new Dictionary<string, long> { ["4"] = 1, ["6"] = 1 }, Counts(results, FacetNames.Trl));
        Assert.Equal(new Dictionary<string, long> { ["patent_application"] = 2 }, Counts(results, FacetNames.Type));
    }

    [Fact]
    public async Task Every_facet_is_also_a_filter()
    {
        await IndexAsync(
            Doc("A", "电池", industry: "new_energy_vehicles", ipc: ["H01M 10/0525"], legal: "pending", trl: 4, price: 50_000_00),
            Doc("B", "电池", industry: "biomedicine", ipc: ["A61K 39/00"], legal: "granted", trl: 7, org: "示例公司"));

        async Task<string[]> Ids(SearchQuery q) => [.. (await SearchAsync(q with { Text = "电池" })).Hits.Select(h => h.RecordId)];

        Assert.Equal(["A"], await Ids(new SearchQuery { Industry = "new_energy_vehicles" }));
        Assert.Equal(["B"], await Ids(new SearchQuery { IpcSection = "a" }));
        Assert.Equal(["A"], await Ids(new SearchQuery { IpcClass = "H01" }));
        Assert.Equal(["B"], await Ids(new SearchQuery { LegalStatus = "granted" }));
        Assert.Equal(["A"], await Ids(new SearchQuery { PriceBand = PriceBands.Under100K }));
        Assert.Equal(["B"], await Ids(new SearchQuery { Organization = "示例公司" }));
        Assert.Equal(["A"], await Ids(new SearchQuery { Trl = 4 }));
    }

    [Fact]
    public async Task Facets_are_left_out_when_not_asked_for()
    {
        await IndexAsync(Doc("A", "电池", industry: "biomedicine"));
        Assert.Empty((await SearchAsync(new SearchQuery { Text = "电池", IncludeFacets = false })).Facets);
    }

    [Fact]
    public async Task Suggestions_complete_a_title_prefix_and_find_the_typed_text_inside_titles()
    {
        await IndexAsync(Doc("A", "一种锂离子电池正极材料"), Doc("B", "锂离子电池的回收方法"), Doc("C", "一种智能掘进机"));
        var search = (await EngineAsync()).Search;

        var afterYizhong = await search.SuggestAsync("锂离子", 5, Ct);
        Assert.Equal(["A", "B"], afterYizhong.Select(s => s.RecordId).Order());
        var inside = await search.SuggestAsync("掘进", 5, Ct);
        Assert.Equal(["C"], inside.Select(s => s.RecordId));
        Assert.Empty(await search.SuggestAsync("  ", 5, Ct));
    }

    [Fact]
    public async Task Similar_listings_share_the_telling_terms_and_exclude_the_listing_itself()
    {
        var source = Doc("S", "锂离子电池正极材料", "一种锂离子电池正极材料及其制备方法，提高电池循环寿命");
        await IndexAsync(source,
            Doc("NEAR", "锂离子电池负极材料", "锂离子电池负极材料的制备方法，提高循环寿命"),
            Doc("FAR", "智能掘进机", "一种矿山开采用掘进机"),
            Doc("OTHER", "电池管理系统", "电池的温度监测"));
        var search = (await EngineAsync()).Search;

        var similar = await search.SimilarAsync(source.ListingId, 5, Ct);

        Assert.Equal("NEAR", similar[0].RecordId);
        Assert.DoesNotContain(similar, h => h.RecordId is "S" or "FAR");
        Assert.Empty(await search.SimilarAsync(Guid.NewGuid(), 5, Ct));
    }

    [Fact]
    public async Task Synonyms_from_the_shared_file_widen_the_query()
    {
        await IndexAsync(Doc("IMG", "医学图像分割方法"), Doc("OTHER", "医学检验设备"));
        var results = await SearchAsync(new SearchQuery { Text = "影像" });
        Assert.Equal(["IMG"], results.Hits.Select(h => h.RecordId));
    }

    [Fact]
    public async Task The_engine_reports_itself_healthy()
    {
        var e = await EngineAsync();
        Assert.True(await e.Search.IsHealthyAsync(Ct));
    }
}
