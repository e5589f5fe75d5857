using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Organizations;
using TechMarket.Infrastructure.Auctions;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Identity;

namespace TechMarket.Browser.Tests;

/// <summary>Issue 5: two bidders in two browser contexts; one bids, the other sees the price change without reloading.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveAuctionTests(BrowserSite site)
{
    private const string Password = "browser-Bidder-2026";
    private static readonly Guid University = new("6f1c0c2e-0001-4a00-9000-000000000001");
    private static readonly Guid Center = new("6f1c0c2e-0001-4a00-9000-000000000006");

    [Fact]
    public async Task A_bid_in_one_browser_changes_the_price_in_the_other_without_a_reload()
    {
        BrowserSite.SkipUnlessConfigured();
        var ct = TestContext.Current.CancellationToken;
        Guid auctionId;
        string firstCode;
        string firstEmail, secondEmail;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TechMarketDbContext>();
            var listing = await db.Listings.AsNoTracking().Where(l => l.OrganizationId == University && l.Status == ListingStatus.Published).OrderBy(l => l.Id).FirstAsync(ct);
            var now = DateTimeOffset.UtcNow;
            var created = await scope.ServiceProvider.GetRequiredService<CreateAuction>().RunAsync(
                new AuctionSetup(listing.Id, Center, 1_000_000, null, 50_000, 100_000, now.AddHours(-1), now.AddHours(2)), ct);
            Assert.True(created.Succeeded, created.Error);
            auctionId = created.Auction!.Id;
            (firstEmail, firstCode) = await BidderAsync(scope.ServiceProvider, auctionId, "浏览器竞买甲公司", ct);
            (secondEmail, _) = await BidderAsync(scope.ServiceProvider, auctionId, "浏览器竞买乙公司", ct);
        }

        var first = await site.SignedInPageAsync(firstEmail, Password);
        var second = await site.SignedInPageAsync(secondEmail, Password);
        foreach (var page in new[] { first, second })
        {
            await page.GotoAsync($"/auctions/{auctionId}");
            await page.WaitForFunctionAsync("document.documentElement.dataset.auctionLive === 'connected'");
        }
        // A marker that a reload would wipe.
        await second.EvaluateAsync("window.__sameDocument = true");
        Assert.Equal("—", (await second.Locator("#auction-room [data-field=price]").First.TextContentAsync())?.Trim());

        await first.Locator("#Input_AmountYuan").FillAsync("12000");
        await first.Locator("#bid-button").ClickAsync();
        await first.Locator("#confirm-bid").ClickAsync();
        await Assertions.Expect(first.Locator("#bid-message")).ToBeVisibleAsync();

        // The other bidder's page follows through SignalR: price, leader code and history, with no navigation.
        await Assertions.Expect(second.Locator("#auction-room dd[data-field=price]")).ToHaveTextAsync("¥10,000.00");
        await Assertions.Expect(second.Locator("#auction-room dd[data-field=leader]")).ToHaveTextAsync(firstCode);
        await Assertions.Expect(second.Locator("#auction-room [data-field=history] tr")).ToHaveCountAsync(1);
        Assert.True(await second.EvaluateAsync<bool>("window.__sameDocument === true"));
        Assert.Equal("¥10,500.00", (await second.Locator("#auction-room dd[data-field=next-min]").TextContentAsync())?.Trim());
    }

    private static async Task<(string Email, string Code)> BidderAsync(IServiceProvider services, Guid auctionId, string name, CancellationToken ct)
    {
        var db = services.GetRequiredService<TechMarketDbContext>();
        var org = new Organization(Guid.NewGuid(), name, null, OrganizationType.Company, null, isDemo: false, createdAt: DateTimeOffset.UtcNow);
        org.MarkVerified(DateTimeOffset.UtcNow);
        db.Organizations.Add(org);
        await db.SaveChangesAsync(ct);
        var email = $"browser-{org.Id:N}@example.com";
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var created = await users.CreateAsync(new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, OrganizationId = org.Id,
            OrganizationRole = OrganizationRole.Admin, CreatedAt = DateTimeOffset.UtcNow,
        }, Password);
        Assert.True(created.Succeeded);
        var registration = await services.GetRequiredService<ApplyForAuction>().RunAsync(auctionId, org.Id, null, ct);
        var qualified = await services.GetRequiredService<QualifyRegistration>().RunAsync(registration.Registration!.Id, null, null, ct);
        await services.GetRequiredService<MarkDepositReceived>().RunAsync(registration.Registration.Id, null, ct);
        return (email, qualified.Registration!.BidderCode!);
    }
}
