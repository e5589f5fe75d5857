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
/// through the deal's unique origin. Each deal is opened under the auction's row lock, so it cannot cross a 悔拍 declaration.
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
            .OrderBy(a => a.EndsAt)
            .Select(a => new { a.Id, a.ListingId, Winner = a.WinnerOrganizationId!.Value, Price = a.PriceFen!.Value })
            .Take(100).ToListAsync(ct);
        var opened = 0;
        foreach (var auction in won)
        {
            if (await OpenAsync(auction.Id, auction.ListingId, auction.Winner, new Money(auction.Price), ct)) opened++;
            db.ChangeTracker.Clear();
        }
        return opened;
    }

    /// <summary>
    /// Opens one auction's deal under the auction's row lock, the lock <see cref="DeclareAuctionDefault"/> takes: a 悔拍
    /// declared since the batch was read is seen here and wins (the defaulter gets no deal), and a declaration that comes
    /// after finds this deal and cancels it. Never both a default and an open deal.
    /// </summary>
    private async Task<bool> OpenAsync(Guid auctionId, Guid listingId, Guid winner, Money price, CancellationToken ct)
    {
        await using var held = await RowLock.TakeAsync<Auction>(db, auctionId, ct);
        if (await db.AuctionDefaults.AnyAsync(x => x.AuctionId == auctionId, ct)) return false;
        var modes = await db.Listings.Where(l => l.Id == listingId).Select(l => l.TradeModes).FirstAsync(ct);
        var outcome = await openDeal.RunAsync(new OpenDealCommand(DealOrigin.Auction, auctionId, listingId, winner, ModeOfLot(modes), price), ct);
        if (!outcome.Succeeded)
        {
            logger.LogWarning("Auction {AuctionId} won but its deal was refused: {Refusal}", auctionId, outcome.Refusal);
            return false;
        }
        await held.CommitAsync(ct);
        return !outcome.WasAlreadyOpen;
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
