using Microsoft.Playwright;

namespace TechMarket.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class PromotionEventBrowserTests(BrowserSite site)
{
    [Fact]
    public async Task Center_publishes_an_event_and_a_company_registers_for_it()
    {
        BrowserSite.SkipUnlessConfigured();
        var title = "浏览器测试推介会 " + Guid.NewGuid().ToString("N")[..6];
        var center = await site.SignedInPageAsync("center@demo.techmarket.local");
        await center.GotoAsync("/center/events");
        await center.Locator("#new-event").ClickAsync();
        await center.WaitForURLAsync("**/center/events/edit");
        await center.GetByLabel("类型").SelectOptionAsync("Showcase");
        await center.GetByLabel("活动名称").FillAsync(title);
        await center.GetByLabel("开始时间（北京时间）").FillAsync("2031-10-12T14:00");
        await center.GetByLabel("结束时间（北京时间）").FillAsync("2031-10-12T17:00");
        await center.GetByLabel("名额", new() { Exact = true }).FillAsync("30");
        await center.GetByLabel("地点", new() { Exact = true }).FillAsync("坪山区科技创新服务中心");
        await center.GetByLabel("活动议程（Markdown）").FillAsync("## 议程\n\n1. 新能源汽车专利路演\n2. 企业对接");
        await center.Locator("#save-event").ClickAsync();
        await center.WaitForURLAsync("**/events/*");
        await Assertions.Expect(center.Locator("#event-title")).ToHaveTextAsync(title);
        await Assertions.Expect(center.Locator("#programme h2")).ToHaveTextAsync("议程");
        var eventUrl = new Uri(center.Url).AbsolutePath;

        var company = await site.SignedInPageAsync("company@demo.techmarket.local");
        await company.GotoAsync("/events?month=2031-10");
        await company.Locator("#event-list a", new() { HasTextString = title }).ClickAsync();
        await company.WaitForURLAsync("**" + eventUrl);
        await Assertions.Expect(company.Locator("#seats-left")).ToHaveTextAsync("30");
        await company.GetByRole(AriaRole.Button, new() { Name = "报名" }).ClickAsync();
        await Assertions.Expect(company.Locator("#my-registration")).ToHaveAttributeAsync("data-status", "Confirmed");
        await Assertions.Expect(company.Locator("#seats-left")).ToHaveTextAsync("29");
        Assert.Equal(1, await company.Locator("#ics-link").CountAsync());

        await center.GotoAsync(eventUrl.Replace("/events/", "/center/events/", StringComparison.Ordinal) + "/attendees");
        await Assertions.Expect(center.Locator("#check-in-list tbody tr")).ToHaveCountAsync(1);
    }
}
