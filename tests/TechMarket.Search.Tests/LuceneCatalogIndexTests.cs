using TechMarket.Search;
using TechMarket.Search.Lucene;

namespace TechMarket.Search.Tests;

public sealed class LuceneCatalogIndexTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string path = Path.Combine(Path.GetTempPath(), "techmarket-lucene", Guid.NewGuid().ToString("N"));
    private readonly LuceneCatalogIndex index;

    public LuceneCatalogIndexTests() => index = new LuceneCatalogIndex(new LuceneIndexOptions { Path = path });

    private static CatalogDocument Doc(string recordId, string title, string? @abstract = null, string type = "patent_application", long? price = null, int daysAgo = 0, string lang = "zh", params string[] modes) => new()
    {
        ListingId = Guid.NewGuid(),
        RecordId = recordId,
        Type = type,
        Title = title,
        Abstract = @abstract,
        Language = lang,
        TradeModes = modes,
        PriceFen = price,
        Organization = "坪山示例大学",
        PublishedAt = T0.AddDays(-daysAgo),
    };

    private async Task IndexAsync(params CatalogDocument[] docs)
    {
        await index.IndexAsync(docs, TestContext.Current.CancellationToken);
        await index.CommitAsync(TestContext.Current.CancellationToken);
    }

    private Task<SearchResults> SearchAsync(SearchQuery q) => index.SearchAsync(q, TestContext.Current.CancellationToken);

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
        await index.DeleteAsync([doc.ListingId], TestContext.Current.CancellationToken);
        await index.CommitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, index.DocumentCount);
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
