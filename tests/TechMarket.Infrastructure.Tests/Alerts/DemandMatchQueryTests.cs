using TechMarket.Domain.Catalogue;
using TechMarket.Infrastructure.Alerts;

namespace TechMarket.Infrastructure.Tests.Alerts;

/// <summary>The one query of both demand-alert directions: public text only, title first, punctuation as clause breaks.</summary>
public sealed class DemandMatchQueryTests
{
    [Fact]
    public void Title_comes_first_then_the_summary_split_at_chinese_punctuation()
    {
        Assert.Equal("固态电池界面阻抗 寻求降低界面阻抗的方案 循环寿命优先", DemandMatchQuery.Text("固态电池界面阻抗", "寻求降低界面阻抗的方案，循环寿命优先。"));
    }

    [Fact]
    public void Query_syntax_and_control_characters_become_plain_separators()
    {
        Assert.Equal("干细胞 冻存 AND 复苏 工艺", DemandMatchQuery.Text("干细胞\"冻存\"(AND) 复苏*\\", "\t工艺\u0000"));
    }

    [Fact]
    public void Only_the_start_of_a_long_summary_joins_so_the_title_stays_within_the_engines_term_limit()
    {
        var summary = new string('甲', DemandMatchQuery.SummaryChars) + "超出部分";
        var text = DemandMatchQuery.Text("标题", summary);
        Assert.StartsWith("标题 ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("超出部分", text, StringComparison.Ordinal);
        Assert.Equal(3 + DemandMatchQuery.SummaryChars, text.Length);
    }

    [Fact]
    public void The_query_is_restricted_to_the_demands_industry_and_asks_for_relevance_without_facets()
    {
        var query = DemandMatchQuery.For("单克隆抗体纯化", "新工艺", Industry.Biomedicine);
        Assert.Equal("biomedicine", query.Industry);
        Assert.Equal(TechMarket.Search.SearchSort.Relevance, query.Sort);
        Assert.False(query.IncludeFacets);
        Assert.Equal(TechMarket.Search.SearchQuery.MaxSize, query.Size);
    }
}
