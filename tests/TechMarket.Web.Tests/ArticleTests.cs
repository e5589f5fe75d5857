using System.Net;
using TechMarket.Web.Articles;
using TechMarket.Web.Tests.Infrastructure;

namespace TechMarket.Web.Tests;

public sealed class ArticleRenderingTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("<img src=x onerror=alert(1)>", "onerror")]
    [InlineData("[click](javascript:alert(1))", "javascript:")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "javascript:")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "<iframe")]
    [InlineData("<div onclick=\"steal()\">x</div>", "onclick")]
    [InlineData("<svg><script>alert(1)</script></svg>", "<script")]
    public void Markdown_rendering_strips_scripts_handlers_and_javascript_links(string markdown, string forbidden)
    {
        var html = ArticleLibrary.RenderSafeHtml("正文\n\n" + markdown);
        Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("正文", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Ordinary_markdown_keeps_its_structure()
    {
        var html = ArticleLibrary.RenderSafeHtml("## 办理流程\n\n1. **评估**\n2. 登记\n\n[指南](https://example.org/a)\n\n| a | b |\n|---|---|\n| 1 | 2 |");
        Assert.Contains("<h2", html, StringComparison.Ordinal);
        Assert.Contains("<strong>评估</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<ol>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org/a\"", html, StringComparison.Ordinal);
        Assert.Contains("<table>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Front_matter_gives_title_date_tags_and_summary()
    {
        var article = ArticleLibrary.Parse("x", "---\ntitle: 标题\ndate: 2026-11-20\ntags: [指南, 质押融资]\nsummary: 摘要\n---\n正文");
        Assert.Equal("标题", article.Title);
        Assert.Equal(new DateOnly(2026, 11, 20), article.Date);
        Assert.Equal(["指南", "质押融资"], article.Tags);
        Assert.Equal("摘要", article.Summary);
        Assert.Contains("正文", article.Html, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ArticlePageTests(SqliteSite site)
{
    [Fact]
    public async Task Articles_from_content_are_listed_filtered_by_tag_and_shown()
    {
        var client = Accounts.NewClient(site);
        var list = await Html.ParseAsync(await client.GetAsync(new Uri("/articles", UriKind.Relative), TestContext.Current.CancellationToken));
        Assert.True(list.QuerySelectorAll("#articles li").Length >= 3);
        var tagged = await Html.ParseAsync(await client.GetAsync(new Uri("/articles?tag=" + Uri.EscapeDataString("质押融资"), UriKind.Relative), TestContext.Current.CancellationToken));
        Assert.Equal(["知识产权质押融资怎么办"], tagged.QuerySelectorAll("#articles h2").Select(h => h.TextContent.Trim()));
        var detail = await Html.ParseAsync(await client.GetAsync(new Uri("/articles/ip-pledge-financing", UriKind.Relative), TestContext.Current.CancellationToken));
        Assert.Contains("流质条款", detail.QuerySelector("article")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/articles/no-such-article", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }
}
