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
using TechMarket.Infrastructure.Trading;

namespace TechMarket.Infrastructure.Deals;

/// <summary>
/// Opens the deal of every auction closed as sold (SPC 2016 Art. 22: the winner is bound at the hammer) that has none yet,
/// at the hammer price, for the lot's whole right (assignment where the listing offers it, else its first mode).
/// A scan rather than a hook in the closing code, so the auction's close stays one transaction of its own; idempotent
/// through the deal's unique origin. Each deal is opened under the auction's row lock, so it cannot cross a 悔拍 declaration.
/// An auction whose deal <see cref="OpenDeal"/> refuses (the listing withdrawn, the patent pledged since the hammer…) gets
/// an <see cref="AuctionDealRefusalRecord"/>, audited and sent to the center, and leaves the candidates: a page of refused
/// lots cannot starve the lots behind it. The center retries from the auction's page (<see cref="RetryAsync"/>).
/// </summary>
public sealed class OpenAuctionDeals(TechMarketDbContext db, OpenDeal openDeal, IOptions<DealsOptions> options, TimeProvider clock, ILogger<OpenAuctionDeals> logger)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var won = await Waiting()
            .Where(a => !db.AuctionDealRefusals.Any(r => r.AuctionId == a.Id))
            .OrderBy(a => a.EndsAt)
            .Select(a => new Lot(a.Id, a.ListingId, a.WinnerOrganizationId!.Value, a.PriceFen!.Value))
            .Take(Math.Max(1, options.Value.AuctionScanBatch)).ToListAsync(ct);
        var opened = 0;
        foreach (var lot in won)
        {
            if (await OpenAsync(lot, ct) is { Succeeded: true, WasAlreadyOpen: false }) opened++;
            db.ChangeTracker.Clear();
        }
        return opened;
    }

    /// <summary>
    /// The center's retry for one won auction without a deal, e.g. once the lender has consented or the listing is back:
    /// the deal is opened and the refusal cleared, or the refusal is recorded again with the new reason. Null when the
    /// auction is not waiting for a deal (not sold, already dealt, or declared in default).
    /// </summary>
    public async Task<OpenDealOutcome?> RetryAsync(Guid auctionId, CancellationToken ct)
    {
        var lot = await Waiting().Where(a => a.Id == auctionId)
            .Select(a => new Lot(a.Id, a.ListingId, a.WinnerOrganizationId!.Value, a.PriceFen!.Value)).FirstOrDefaultAsync(ct);
        return lot is null ? null : await OpenAsync(lot, ct);
    }

    private sealed record Lot(Guid AuctionId, Guid ListingId, Guid Winner, long PriceFen);

    /// <summary>Closed, sold auctions with no deal yet and no 悔拍 declared before the scan (the defaulter gets no deal).</summary>
    private IQueryable<Auction> Waiting() => db.Auctions.AsNoTracking()
        .Where(a => a.Status == AuctionStatus.Closed && a.Sold == true && a.WinnerOrganizationId != null && a.PriceFen != null
            && !db.Deals.Any(d => d.Origin == DealOrigin.Auction && d.OriginId == a.Id)
            && !db.AuctionDefaults.Any(x => x.AuctionId == a.Id));

    /// <summary>
    /// Opens one auction's deal under the auction's row lock, the lock <see cref="DeclareAuctionDefault"/> takes: a 悔拍
    /// declared since the batch was read is seen here and wins (the defaulter gets no deal), and a declaration that comes
    /// after finds this deal and cancels it. Never both a default and an open deal. A refusal is recorded in the same
    /// transaction; a conflict (another request changed the listing just now) is not, and the next scan tries again.
    /// </summary>
    private async Task<OpenDealOutcome?> OpenAsync(Lot lot, CancellationToken ct)
    {
        await using var held = await RowLock.TakeAsync<Auction>(db, lot.AuctionId, ct);
        if (await db.AuctionDefaults.AnyAsync(x => x.AuctionId == lot.AuctionId, ct)) return null;
        var modes = await db.Listings.Where(l => l.Id == lot.ListingId).Select(l => l.TradeModes).FirstAsync(ct);
        var outcome = await openDeal.RunAsync(new OpenDealCommand(DealOrigin.Auction, lot.AuctionId, lot.ListingId, lot.Winner, ModeOfLot(modes), new Money(lot.PriceFen)), ct);
        if (outcome.Succeeded)
        {
            if (await db.AuctionDealRefusals.FirstOrDefaultAsync(r => r.AuctionId == lot.AuctionId, ct) is { } refusal)
            {
                db.AuctionDealRefusals.Remove(refusal);
                db.AuditAs("deal.auction_refusal_cleared");
                await db.SaveChangesAsync(ct);
            }
            await held.CommitAsync(ct);
            return outcome;
        }
        logger.LogWarning("Auction {AuctionId} won but its deal was refused: {Refusal}", lot.AuctionId, outcome.Refusal);
        if (outcome.Refusal == OpenDealRefusal.Conflict) return outcome;
        db.ChangeTracker.Clear(); // whatever the refused attempt loaded or left half done is not saved with the refusal
        await RecordRefusalAsync(lot.AuctionId, outcome, ct);
        await held.CommitAsync(ct);
        return outcome;
    }

    private async Task RecordRefusalAsync(Guid auctionId, OpenDealOutcome outcome, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var record = await db.AuctionDealRefusals.FirstOrDefaultAsync(r => r.AuctionId == auctionId, ct);
        if (record is null)
        {
            record = new AuctionDealRefusalRecord { AuctionId = auctionId };
            db.AuctionDealRefusals.Add(record);
        }
        record.Refusal = outcome.Refusal;
        record.ReasonZh = Truncate(outcome.Message.Zh);
        record.ReasonEn = Truncate(outcome.Message.En);
        record.RefusedAt = now;
        record.Attempts++;
        db.AuditAs("deal.auction_deal_refused", $"{outcome.Refusal}: {record.ReasonZh}");
        var title = await db.Auctions.AsNoTracking().Where(a => a.Id == auctionId).Select(a => a.Title).FirstAsync(ct);
        await TradeNotices.NotifyCenterAsync(db, "竞价成交未能自动生成 / A won auction's deal could not be opened",
            $"《{title}》：{record.ReasonZh} / {record.ReasonEn}", $"/center/auctions/{auctionId}", now, ct);
        await db.SaveChangesAsync(ct);
    }

    private static string Truncate(string text) => text.Length <= 1000 ? text : text[..1000];

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
