using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Deals;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Auctions;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.Deals;

/// <summary>
/// Opens the deal of every auction closed as sold (SPC 2016 Art. 22: the winner is bound at the hammer) that has none yet,
/// at the hammer price, for the lot's whole right (assignment where the listing offers it, else its first mode).
/// A scan rather than a hook in the closing code, so the auction's close stays one transaction of its own; idempotent
/// through the deal's unique origin.
/// </summary>
public sealed class OpenAuctionDeals(TechMarketDbContext db, OpenDeal openDeal, ILogger<OpenAuctionDeals> logger)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var won = await db.Auctions.AsNoTracking()
            .Where(a => a.Status == AuctionStatus.Closed && a.Sold == true && a.WinnerOrganizationId != null && a.PriceFen != null
                && !db.Deals.Any(d => d.Origin == DealOrigin.Auction && d.OriginId == a.Id)
                // 悔拍 declared before the scan: the defaulter gets no deal.
                && !db.AuctionDefaults.Any(x => x.AuctionId == a.Id))
            .Select(a => new { a.Id, a.ListingId, Winner = a.WinnerOrganizationId!.Value, Price = a.PriceFen!.Value })
            .Take(100).ToListAsync(ct);
        var opened = 0;
        foreach (var auction in won)
        {
            // Read again per auction, just before opening: a default declared since the batch was read wins. (The window
            // left between this read and OpenDeal's commit is noted in docs/auction-default.md.)
            if (await db.AuctionDefaults.AnyAsync(x => x.AuctionId == auction.Id, ct)) continue;
            var modes = await db.Listings.Where(l => l.Id == auction.ListingId).Select(l => l.TradeModes).FirstAsync(ct);
            var mode = ModeOfLot(modes);
            var outcome = await openDeal.RunAsync(new OpenDealCommand(DealOrigin.Auction, auction.Id, auction.ListingId, auction.Winner, mode, new Money(auction.Price)), ct);
            db.ChangeTracker.Clear();
            if (outcome.Succeeded) opened++;
            else logger.LogWarning("Auction {AuctionId} won but its deal was refused: {Refusal}", auction.Id, outcome.Refusal);
        }
        return opened;
    }

    /// <summary>What a lot sells: the whole right (assignment) where the listing offers it, else its first mode.</summary>
    public static TradeModes ModeOfLot(TradeModes modes) => modes.HasFlag(TradeModes.Assignment) ? TradeModes.Assignment
        : Enum.GetValues<TradeModes>().FirstOrDefault(m => m != TradeModes.None && m != TradeModes.OpenLicence && modes.HasFlag(m));
}

/// <summary>Runs <see cref="OpenAuctionDeals"/> on an interval (Deals:AuctionScanInterval).</summary>
public sealed class AuctionDealScanner(IServiceScopeFactory scopes, IOptions<DealsOptions> options, TimeProvider clock, ILogger<AuctionDealScanner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.AuctionScanInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OpenAuctionDeals>().RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Opening deals for won auctions failed; next scan retries.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
