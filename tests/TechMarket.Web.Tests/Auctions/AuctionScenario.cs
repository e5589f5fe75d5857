using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Organizations;
using TechMarket.Infrastructure.Auctions;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Identity;
using TechMarket.Web.Tests.Infrastructure;

namespace TechMarket.Web.Tests.Auctions;

/// <summary>A bidder organisation with one signed-in person.</summary>
internal sealed record Bidder(Guid OrganizationId, string Name, string Email, HttpClient Client);

/// <summary>Builds auctions and bidders on a running site through the same use cases the center's pages call.</summary>
internal static class AuctionScenario
{
    public const string Password = "bidder-Pass-2026";
    public static readonly Guid University = new("6f1c0c2e-0001-4a00-9000-000000000001");
    public static readonly Guid Center = new("6f1c0c2e-0001-4a00-9000-000000000006");
    public static readonly Guid DemoCompany = new("6f1c0c2e-0001-4a00-9000-000000000004");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<Auction> CreateAsync(TechMarketSite site, long startFen = 1_000_000, long? reserveFen = null, long stepFen = 50_000,
        TimeSpan? opensIn = null, TimeSpan? endsIn = null, bool proxy = true)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TechMarketDbContext>();
        var listing = await db.Listings.AsNoTracking().Where(l => l.OrganizationId == University && l.Status == ListingStatus.Published)
            .OrderBy(l => l.Id).FirstAsync(Ct);
        var now = DateTimeOffset.UtcNow;
        var result = await scope.ServiceProvider.GetRequiredService<CreateAuction>().RunAsync(new AuctionSetup(
            listing.Id, Center, startFen, reserveFen, stepFen, startFen / 10,
            now + (opensIn ?? TimeSpan.FromHours(-1)), now + (endsIn ?? TimeSpan.FromHours(2)), proxy), Ct);
        Assert.True(result.Succeeded, result.Error);
        return result.Auction!;
    }

    public static async Task<Bidder> NewBidderAsync(TechMarketSite site, string name, bool verified = true)
    {
        var id = Guid.NewGuid();
        var email = $"bidder-{id:N}@example.com";
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TechMarketDbContext>();
            var org = new Organization(id, name, null, OrganizationType.Company, null, isDemo: false, createdAt: DateTimeOffset.UtcNow);
            if (verified) org.MarkVerified(DateTimeOffset.UtcNow);
            db.Organizations.Add(org);
            await db.SaveChangesAsync(Ct);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var created = await users.CreateAsync(new AppUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = name + "经办人",
                OrganizationId = id, OrganizationRole = OrganizationRole.Admin, CreatedAt = DateTimeOffset.UtcNow,
            }, Password);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        return new Bidder(id, name, email, await Accounts.SignedInAsync(site, email, Password));
    }

    /// <summary>Applies, and optionally qualifies and marks the deposit, as the center would; returns the bidder code (null if unqualified).</summary>
    public static async Task<string?> RegisterAsync(TechMarketSite site, Guid auctionId, Guid organizationId, bool qualify = true, bool deposit = true)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var applied = await scope.ServiceProvider.GetRequiredService<ApplyForAuction>().RunAsync(auctionId, organizationId, null, Ct);
        Assert.True(applied.Succeeded, applied.Error);
        if (!qualify) return null;
        var qualified = await scope.ServiceProvider.GetRequiredService<QualifyRegistration>().RunAsync(applied.Registration!.Id, null, null, Ct);
        Assert.True(qualified.Succeeded, qualified.Error);
        if (deposit) Assert.True((await scope.ServiceProvider.GetRequiredService<MarkDepositReceived>().RunAsync(applied.Registration.Id, null, Ct)).Succeeded);
        return qualified.Registration!.BidderCode;
    }

    /// <summary>
    /// A manual-bidding auction of the listing, won by the bidder at the start price and closed at its own end (the site's
    /// clock is not moved, so the site's deal scanner does not wake and open the deal first); returns the closed auction.
    /// </summary>
    public static async Task<Auction> SoldAndClosedAsync(TechMarketSite site, Guid listingId, Bidder bidder, long startFen, long depositFen, DateTimeOffset opensAt,
        DateTimeOffset endsAt)
    {
        Auction auction;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<CreateAuction>().RunAsync(new AuctionSetup(listingId, Center,
                startFen, null, 50_000, depositFen, opensAt, endsAt, ProxyBidding: false), Ct);
            Assert.True(created.Succeeded, created.Error);
            auction = created.Auction!;
        }
        await RegisterAsync(site, auction.Id, bidder.OrganizationId);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await BidAsync(bidder.Client, auction.Id, startFen)).StatusCode);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<CloseAuction>().CloseAsync(auction.Id, auction.EndsAt.AddMinutes(1), Ct));
        }
        auction = site.WithDb(db => db.Auctions.AsNoTracking().Single(a => a.Id == auction.Id));
        Assert.Equal((true, bidder.OrganizationId), (auction.Sold == true, auction.WinnerOrganizationId!.Value));
        return auction;
    }

    public static Task<HttpResponseMessage> BidAsync(HttpClient client, Guid auctionId, long maxFen, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/auctions/{auctionId}/bids", UriKind.Relative))
        {
            Content = JsonContent.Create(new { maxFen }),
        };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString("N"));
        return client.SendAsync(request, Ct);
    }
}
