using System.Globalization;
using Microsoft.Playwright;

namespace TechMarket.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SearchFacetTests(BrowserSite site)
{
    [Fact]
    public async Task Clicking_a_facet_filters_the_results_to_its_count_and_keeps_it_in_the_url()
    {
        BrowserSite.SkipUnlessConfigured();
        var page = await site.NewPageAsync();
        await page.GotoAsync("/search?q=" + Uri.EscapeDataString("电池"));
        var link = page.Locator(".facet[data-facet='trade_mode'] .facet-link").First;
        var count = long.Parse((await link.GetAttributeAsync("data-count"))!, CultureInfo.InvariantCulture);
        var mode = await link.GetAttributeAsync("data-value");
        await link.ClickAsync();
        await page.WaitForURLAsync("**/search?*tradeMode=*");
        Assert.Contains("tradeMode=" + mode, page.Url, StringComparison.Ordinal);
        Assert.Contains(count.ToString("N0", CultureInfo.GetCultureInfo("zh-CN")), await page.Locator("#result-count").TextContentAsync(), StringComparison.Ordinal);
        // The active facet is shown as a removable filter.
        await Assertions.Expect(page.Locator($".facet[data-facet='trade_mode'] .facet-link.fw-bold")).ToBeVisibleAsync();
    }
}
