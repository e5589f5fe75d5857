using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Deals;
using TechMarket.Domain.Organizations;
using TechMarket.Infrastructure.Auctions;
using TechMarket.Infrastructure.Catalogue;
using TechMarket.Infrastructure.Deals;
using TechMarket.Web.Tests.Infrastructure;

namespace TechMarket.Web.Tests.Auctions;

/// <summary>
/// The scan that opens the deals of won auctions (<see cref="OpenAuctionDeals"/>) on a real database: an auction whose deal
/// is refused is recorded with the reason, audited and shown to the center, and leaves the scan's candidates, so a page of
/// refused lots cannot starve the lots behind it; the center retries once the cause is cleared.
/// </summary>
public abstract class AuctionDealScanTests(ListedTradeSite site)
{
    private static readonly Guid University = AuctionScenario.University;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const long Start = 1_000_000;

    [Fact]
    public async Task Refused_lots_leave_the_scan_so_a_page_of_them_cannot_starve_a_good_one_and_the_center_sees_why_and_retries()
    {
        site.SkipUnlessAvailable();
        const int Batch = 3, Refused = Batch + 1;
        var bidder = await AuctionScenario.NewBidderAsync(site, "扫描竞得科技有限公司" + Guid.NewGuid().ToString("N")[..4]);
        var listings = UnusedListings(Refused + 1);
        // The refused lots close first (the scan takes the oldest first); each listing then leaves the market before the
        // scan: the first expires (it can be relisted), the others are withdrawn by the seller.
        var refused = new List<Auction>();
        for (var i = 0; i < Refused; i++)
        {
            refused.Add(await ClosedLotAsync(listings[i], bidder, order: i));
            if (i == 0) await ChangeListingAsync(listings[i], l => l.Expire(site.Clock.GetUtcNow()));
            else await WithdrawAsync(listings[i]);
        }
        var good = await ClosedLotAsync(listings[Refused], bidder, order: Refused);

        // Scans of three, as many as the waiting lots need: the good one is reached and gets its deal.
        for (var scan = 0; scan < 20 && !HasDeal(good.Id); scan++) await ScanAsync(Batch);
        Assert.True(HasDeal(good.Id), "the good lot never got its deal: refused lots starved the scan");
        var deal = site.WithDb(db => db.Deals.AsNoTracking().Single(d => d.Origin == DealOrigin.Auction && d.OriginId == good.Id));
        Assert.Equal((bidder.OrganizationId, Start, DealStatus.AwaitingSignatures), (deal.BuyerOrganizationId, deal.PriceFen, deal.Status));

        // Each refusal is recorded once with its reason, audited, and sent to the center with a link to the auction.
        var centerOrg = site.WithDb(db => db.Organizations.AsNoTracking().First(o => o.Type == OrganizationType.Center).Id);
        foreach (var lot in refused)
        {
            Assert.False(HasDeal(lot.Id));
            var record = site.WithDb(db => db.AuctionDealRefusals.AsNoTracking().Single(r => r.AuctionId == lot.Id));
            Assert.Equal((OpenDealRefusal.ListingNotDealable, 1), (record.Refusal, record.Attempts));
            Assert.Contains("已不能成交", record.ReasonZh, StringComparison.Ordinal);
            Assert.Contains("can no longer be dealt", record.ReasonEn, StringComparison.Ordinal);
            Assert.Single(site.WithDb(db => db.AuditLog.AsNoTracking().Where(a => a.Action == "deal.auction_deal_refused" && a.EntityId == lot.Id.ToString()).ToList()));
            await Eventually.TrueAsync(() => site.WithDb(db => db.Notifications.Any(n => n.OrganizationId == centerOrg && n.Link == $"/center/auctions/{lot.Id}")),
                $"no notice to the center for auction {lot.Id}");
        }
        // Refused lots are not taken again by later scans.
        await ScanAsync(Batch);
        Assert.All(refused, lot => Assert.Equal(1, site.WithDb(db => db.AuctionDealRefusals.AsNoTracking().Single(r => r.AuctionId == lot.Id)).Attempts));

        // The center's auction page says why; the good lot's page links its deal.
        var center = await Accounts.SignedInAsync(site, Accounts.Center);
        var withdrawnPage = await GetAsync(center, $"/center/auctions/{refused[1].Id}");
        Assert.Contains("成交未能自动生成", withdrawnPage.QuerySelector("#deal-refused")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("已不能成交", withdrawnPage.QuerySelector("#deal-refused-reason")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/deals/{deal.Id}", (await GetAsync(center, $"/center/auctions/{good.Id}")).QuerySelector("#auction-deal a")!.GetAttribute("href"));

        // Retrying while the cause stands is refused with the reason (attempts counted, audited again); no deal, no 500.
        var stillRefused = await Html.SubmitAsync(center, (IHtmlFormElement)withdrawnPage.QuerySelector("#retry-deal")!);
        Assert.Equal(HttpStatusCode.OK, stillRefused.StatusCode);
        Assert.Contains("成交仍未能生成", (await Html.ParseAsync(stillRefused)).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, site.WithDb(db => db.AuctionDealRefusals.AsNoTracking().Single(r => r.AuctionId == refused[1].Id)).Attempts);
        Assert.False(HasDeal(refused[1].Id));

        // The expired listing is relisted; the center's retry opens the deal and clears the refusal.
        await ChangeListingAsync(listings[0], l => l.Relist(l.Record!.Kind, site.Clock.GetUtcNow()));
        var expiredPage = await GetAsync(center, $"/center/auctions/{refused[0].Id}");
        var retried = await Html.SubmitAsync(center, (IHtmlFormElement)expiredPage.QuerySelector("#retry-deal")!);
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        Assert.True(HasDeal(refused[0].Id));
        Assert.False(site.WithDb(db => db.AuctionDealRefusals.Any(r => r.AuctionId == refused[0].Id)));
        Assert.Contains("deal.auction_refusal_cleared", site.WithDb(db => db.AuditLog.AsNoTracking().Where(a => a.EntityId == refused[0].Id.ToString()).Select(a => a.Action).ToList()));
        var after = await GetAsync(center, $"/center/auctions/{refused[0].Id}");
        Assert.Null(after.QuerySelector("#deal-refused"));
        Assert.NotNull(after.QuerySelector("#auction-deal"));
    }

    private async Task ScanAsync(int batch)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var scan = ActivatorUtilities.CreateInstance<OpenAuctionDeals>(scope.ServiceProvider, Options.Create(new DealsOptions { AuctionScanBatch = batch }));
        await scan.RunAsync(Ct);
    }

    private bool HasDeal(Guid auctionId) => site.WithDb(db => db.Deals.Any(d => d.Origin == DealOrigin.Auction && d.OriginId == auctionId));

    /// <summary>
    /// A fresh auction of the listing won by the bidder at the start price and closed, its deal not opened yet. Closed at its
    /// own end without moving the site's clock, so the site's deal scanner does not wake; the order spaces the ends a minute apart.
    /// </summary>
    private Task<Auction> ClosedLotAsync(Guid listingId, Bidder bidder, int order)
    {
        var now = site.Clock.GetUtcNow();
        return AuctionScenario.SoldAndClosedAsync(site, listingId, bidder, Start, 100_000, now.AddHours(-1), now.AddHours(1).AddMinutes(order));
    }

    private async Task WithdrawAsync(Guid listingId)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var withdrawn = await scope.ServiceProvider.GetRequiredService<WithdrawListing>().RunAsync(listingId, University, Ct);
        Assert.True(withdrawn.Succeeded);
    }

    /// <summary>A listing state change the platform makes elsewhere (the listing period's expiry, a relisting), applied directly.</summary>
    private async Task ChangeListingAsync(Guid listingId, Func<Listing, ListingOutcome> change)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TechMarket.Infrastructure.Data.TechMarketDbContext>();
        var listing = await db.Listings.Include(l => l.Record).SingleAsync(l => l.Id == listingId, Ct);
        var outcome = change(listing);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems.Select(p => p.Message.En)));
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>
    /// Published assignment listings of the university that no trade, auction or deal has used yet; research results first
    /// (no register status to lapse while the test's clock runs, so the first can be relisted).
    /// </summary>
    private List<Guid> UnusedListings(int count) => site.WithDb(db =>
    {
        var used = db.ListedTrades.Select(t => t.ListingId).Concat(db.Auctions.Select(a => a.ListingId)).Concat(db.Deals.Select(d => d.ListingId)).ToHashSet();
        var free = db.Listings.AsNoTracking().Include(l => l.Record).Where(l => l.OrganizationId == University && l.Status == ListingStatus.Published && !l.IsPledged)
            .ToList()
            .Where(l => !used.Contains(l.Id) && l.TradeModes.HasFlag(TradeModes.Assignment))
            .OrderBy(l => l.Record!.Kind == AssetKind.ResearchResult ? 0 : 1).ThenBy(l => l.Id).Take(count).Select(l => l.Id).ToList();
        Assert.True(free.Count == count, $"only {free.Count} unused listings of the university; the test needs {count}");
        return free;
    });

    private static async Task<IDocument> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {response.Headers.Location}");
        return await Html.ParseAsync(response);
    }
}

[Collection(ListedTradeSqliteCollection.Name)]
public sealed class SqliteAuctionDealScanTests(ListedTradeSqliteSite site) : AuctionDealScanTests(site);

[Collection(ListedTradePostgresCollection.Name)]
public sealed class PostgresAuctionDealScanTests(ListedTradePostgresSite site) : AuctionDealScanTests(site);
