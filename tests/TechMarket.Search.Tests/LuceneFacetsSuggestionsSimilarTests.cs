using TechMarket.Search;
using TechMarket.Search.Lucene;

namespace TechMarket.Search.Tests;

public sealed class LuceneFacetsSuggestionsSimilarTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string path = Path.Combine(Path.GetTempPath(), "techmarket-lucene", Guid.NewGuid().ToString("N"));
    private readonly LuceneCatalogIndex index;

    public LuceneFacetsSuggestionsSimilarTests() => index = new LuceneCatalogIndex(new LuceneIndexOptions { Path = path });

    private static CatalogDocument Doc(string recordId, string title, string? @abstract = null, string type = "patent_application",
        long? price = null, string? industry = null, string[]? ipc = null, string? legal = null, int? trl = null, string org = "坪山示例大学", params string[] modes) => new()
    {
        ListingId = Guid.NewGuid(),
        RecordId = recordId,
        Type = type,
        Title = title,
        Abstract = @abstract,
        Language = "zh",
        TradeModes = modes,
        PriceFen = price,
        Organization = org,
        PublishedAt = T0,
        Industry = industry,
        IpcCodes = ipc ?? [],
        LegalStatus = legal,
        Trl = trl,
    };

    private async Task IndexAsync(params CatalogDocument[] docs)
    {
        await index.IndexAsync(docs, TestContext.Current.CancellationToken);
        await index.CommitAsync(TestContext.Current.CancellationToken);
    }

    private Task<SearchResults> SearchAsync(SearchQuery q) => index.SearchAsync(q, TestContext.Current.CancellationToken);

    private static Dictionary<string, long> Counts(SearchResults results, string facet) =>
        results.Facets.Single(f => f.Name == facet).Values.ToDictionary(v => v.Value, v => v.Count);

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

    [Theory]
    [InlineData(null, PriceBands.Negotiable)]
    [InlineData(99_999_99L, PriceBands.Under100K)]
    [InlineData(100_000_00L, PriceBands.From100KTo500K)]
    [InlineData(999_999_99L, PriceBands.From500KTo1M)]
    [InlineData(1_000_000_00L, PriceBands.From1MTo5M)]
    [InlineData(5_000_000_00L, PriceBands.Over5M)]
    public void Price_bands_have_lower_bounds_inclusive(long? fen, string band) => Assert.Equal(band, PriceBands.Of(fen));

    [Fact]
    public async Task Suggestions_complete_a_title_prefix_and_find_the_typed_text_inside_titles()
    {
        await IndexAsync(Doc("A", "一种锂离子电池正极材料"), Doc("B", "锂离子电池的回收方法"), Doc("C", "一种智能掘进机"));

        var afterYizhong = await index.SuggestAsync("锂离子", 5, TestContext.Current.CancellationToken);
        Assert.Equal(["A", "B"], afterYizhong.Select(s => s.RecordId).Order());
        var inside = await index.SuggestAsync("掘进", 5, TestContext.Current.CancellationToken);
        Assert.Equal(["C"], inside.Select(s => s.RecordId));
        Assert.Empty(await index.SuggestAsync("  ", 5, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Similar_listings_share_the_telling_terms_and_exclude_the_listing_itself()
    {
        var source = Doc("S", "锂离子电池正极材料", "一种锂离子电池正极材料及其制备方法，提高电池循环寿命");
        await IndexAsync(source,
            Doc("NEAR", "锂离子电池负极材料", "锂离子电池负极材料的制备方法，提高循环寿命"),
            Doc("FAR", "智能掘进机", "一种矿山开采用掘进机"),
            Doc("OTHER", "电池管理系统", "电池的温度监测"));

        var similar = await index.SimilarAsync(source.ListingId, 5, TestContext.Current.CancellationToken);

        Assert.Equal("NEAR", similar[0].RecordId);
        Assert.DoesNotContain(similar, h => h.RecordId is "S" or "FAR");
        Assert.Empty(await index.SimilarAsync(Guid.NewGuid(), 5, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Synonyms_from_the_shared_file_widen_the_query()
    {
        await IndexAsync(Doc("IMG", "医学图像分割方法"), Doc("OTHER", "医学检验设备"));
        var results = await SearchAsync(new SearchQuery { Text = "影像" });
        Assert.Equal(["IMG"], results.Hits.Select(h => h.RecordId));
    }

    [Fact]
    public void Synonym_rules_read_the_solr_format()
    {
        var rules = SynonymRules.Parse(["# comment", "", "影像, 图像", "锂电 => 锂离子电池, 锂电池"]);
        Assert.Equal(2, rules.Count);
        Assert.Equal(["图像"], rules.AlternativesIn("医学影像"));
        Assert.Equal(["锂离子电池", "锂电池"], rules.AlternativesIn("锂电隔膜"));
        Assert.Empty(rules.AlternativesIn("锂离子电池"));
    }

    [Fact]
    public void Jieba_search_mode_gives_the_parts_and_the_whole_word()
    {
        using var jieba = CatalogAnalyzers.Jieba();
        using var stream = jieba.GetTokenStream("f", "锂电池，Methods");
        var term = stream.AddAttribute<global::Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        var terms = new List<string>();
        while (stream.IncrementToken()) terms.Add(term.ToString());
        stream.End();
        Assert.Contains("锂电池", terms);
        Assert.Contains("电池", terms);
        Assert.Contains("method", terms);
        Assert.DoesNotContain("，", terms);
    }

    public void Dispose()
    {
        index.Dispose();
        try { Directory.Delete(path, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
