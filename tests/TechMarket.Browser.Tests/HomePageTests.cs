using Microsoft.Playwright;

namespace TechMarket.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class HomePageTests(BrowserSite site)
{
    [Fact]
    public async Task Home_page_renders_in_chinese()
    {
        BrowserSite.SkipUnlessConfigured();
        var page = await site.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("坪山科技服务大市场", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "网上竞价" }).IsVisibleAsync());
        Assert.Equal("2,000", (await page.Locator("[data-testid=count-ResearchResult]").TextContentAsync())?.Trim());
    }

    [Fact]
    public async Task Switching_to_english_and_back()
    {
        BrowserSite.SkipUnlessConfigured();
        var page = await site.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await page.WaitForFunctionAsync("document.documentElement.lang === 'en'");
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "Online Auctions" }).IsVisibleAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "中文" }).ClickAsync();
        await page.WaitForFunctionAsync("document.documentElement.lang === 'zh-CN'");
    }

    [Fact]
    public async Task A_search_from_the_home_page_shows_highlighted_results()
    {
        BrowserSite.SkipUnlessConfigured();
        var page = await site.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("搜索科技成果、专利").FillAsync("锂离子电池");
        await page.GetByRole(AriaRole.Button, new() { Name = "搜索", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/search?q=*");
        var hits = page.Locator(".search-hit");
        await Assertions.Expect(hits.First).ToBeVisibleAsync();
        Assert.True(await hits.CountAsync() >= 5);
        Assert.True(await page.Locator(".search-hit mark").CountAsync() > 0);
        await hits.First.Locator("h2 a").ClickAsync();
        await page.WaitForURLAsync("**/listings/*");
        Assert.True(await page.Locator("h1 .demo-badge").IsVisibleAsync());
    }
}
