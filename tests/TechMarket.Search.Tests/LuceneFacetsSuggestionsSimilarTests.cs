using TechMarket.Search.Lucene;

namespace TechMarket.Search.Tests;

/// <summary>Lucene-only pieces; the behaviour every engine shares is in CatalogSearchConformanceTests.</summary>
public sealed class LuceneFacetsSuggestionsSimilarTests
{
    [Theory]
    [InlineData(null, PriceBands.Negotiable)]
    [InlineData(99_999_99L, PriceBands.Under100K)]
    [InlineData(100_000_00L, PriceBands.From100KTo500K)]
    [InlineData(999_999_99L, PriceBands.From500KTo1M)]
    [InlineData(1_000_000_00L, PriceBands.From1MTo5M)]
    [InlineData(5_000_000_00L, PriceBands.Over5M)]
    public void Price_bands_have_lower_bounds_inclusive(long? fen, string band) => Assert.Equal(band, PriceBands.Of(fen));

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
}
