using Microsoft.Playwright;
using TechMarket.Tests.Shared;

namespace TechMarket.Browser.Tests;

/// <summary>The market dashboards in Chromium: every chart drawn by ECharts from the page's data, no script errors, the table toggle.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MarketDashboardBrowserTests(BrowserSite site)
{
    private static readonly string[] CenterCharts = ["activity", "deals-by-industry", "deals-by-trade-mode", "auction-sell-through", "time-to-deal", "top-listings",
        "top-deals", "demand-supply", "pledges-by-month", "pledges-by-industry", "pledges-by-lender", "settlements"];

    [Fact]
    public async Task The_center_dashboard_draws_every_chart_and_switches_to_the_table()
    {
        BrowserSite.SkipUnlessConfigured();
        // A future year: isolated from the demo data, and the real-time auction closer never finds its lots due.
        await MarketScenario.BuildAsync(site.Services, 2034);
        var page = await site.SignedInPageAsync("center@demo.techmarket.local");
        var errors = new List<string>();
        // Failed requests are checked by URL below; the site has no favicon.ico yet, which Chromium always asks for.
        page.Console += (_, message) => { if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)) errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        page.Response += (_, response) => { if (response.Status >= 400 && !response.Url.EndsWith("/favicon.ico", StringComparison.Ordinal)) errors.Add($"{response.Status} {response.Url}"); };

        await page.GotoAsync("/center/dashboard?from=2034-01&to=2034-12");
        foreach (var id in CenterCharts)
        {
            // ECharts' SVG renderer draws into the chart's element.
            await Assertions.Expect(page.Locator($"#chart-{id} svg")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator($"#table-{id}")).ToBeHiddenAsync();
        }
        Assert.True(await page.Locator("#chart-deals-by-industry svg path").CountAsync() > 0);

        var toggle = page.Locator("#section-auction-sell-through .table-toggle");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await toggle.ClickAsync();
        await Assertions.Expect(page.Locator("#table-auction-sell-through")).ToBeVisibleAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        Assert.Contains("50.0%", await page.Locator("#table-auction-sell-through").TextContentAsync(), StringComparison.Ordinal);

        await page.GotoAsync("/market?from=2034-01&to=2034-12");
        await Assertions.Expect(page.Locator(".dashboard-chart svg")).ToHaveCountAsync(9);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
