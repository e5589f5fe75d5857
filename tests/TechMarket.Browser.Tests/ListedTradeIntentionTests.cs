using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Trading;

namespace TechMarket.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ListedTradeIntentionTests(BrowserSite site)
{
    private static readonly Guid University = new("6f1c0c2e-0001-4a00-9000-000000000001");
    private static readonly Guid Company = new("6f1c0c2e-0001-4a00-9000-000000000004");

    [Fact]
    public async Task A_company_registers_an_intention_and_the_seller_sees_it()
    {
        BrowserSite.SkipUnlessConfigured();
        var (listingId, companyName) = await OpenTradeAsync();

        var company = await site.SignedInPageAsync("company@demo.techmarket.local");
        await company.GotoAsync($"/listings/{listingId}");
        await Assertions.Expect(company.Locator("#trade-period")).ToHaveTextAsync("20");
        await company.Locator("#register-intention").ClickAsync();
        await company.WaitForURLAsync("**/intention");
        await company.Locator("#offer").FillAsync("150000");
        await company.GetByLabel("我已阅读并接受挂牌条件").CheckAsync();
        await company.Locator("#register-intention").ClickAsync();
        await company.WaitForURLAsync("**/intentions");
        await Assertions.Expect(company.Locator(".intention .status")).ToContainTextAsync("待资格审核");

        var seller = await site.SignedInPageAsync("university@demo.techmarket.local");
        await seller.GotoAsync("/seller/listed-trades");
        var row = seller.Locator($".listed-trade:has(a[href='/listings/{listingId}']) table.intentions tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator(".organization")).ToHaveTextAsync(companyName);
        await Assertions.Expect(row).ToContainTextAsync("¥150,000.00");
    }

    /// <summary>The seller's opening, through the same use case its form calls.</summary>
    private async Task<(Guid ListingId, string CompanyName)> OpenTradeAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TechMarketDbContext>();
        var used = await db.ListedTrades.Select(t => t.ListingId).ToListAsync();
        var listing = (await db.Listings.AsNoTracking().Where(l => l.OrganizationId == University && l.Status == ListingStatus.Published && !l.IsPledged)
                .OrderBy(l => l.Id).ToListAsync())
            .First(l => !used.Contains(l.Id) && l.TradeModes.HasFlag(TradeModes.OrdinaryLicence));
        var opened = await scope.ServiceProvider.GetRequiredService<OpenListedTrade>().RunAsync(
            new OpenListedTradeCommand(listing.Id, University, null, TradeModes.OrdinaryLicence, Money.FromYuan(150_000), null, "签约后付清"), default);
        Assert.True(opened.Succeeded, opened.Error);
        var name = await db.Organizations.Where(o => o.Id == Company).Select(o => o.Name).SingleAsync();
        return (listing.Id, name);
    }
}
