using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TechMarket.Domain.Auctions;
using TechMarket.Domain.Payments;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Payments;

namespace TechMarket.Infrastructure.Auctions;

/// <summary>
/// 差价 (SPC 2016 Art. 24): once the re-sale of a defaulted lot is known, the part of the forfeited deposit held after
/// costs pays the seller what the re-sale fell short of the defaulted price; the rest stays forfeited. The re-sale is the
/// runner-up's accepted offer, else the re-auction (an auction of the listing created as the re-auction of the defaulted
/// one) once it has closed. Nothing to measure — the re-auction unsold, or none opened within 30 days of the declaration
/// (SPC 2016 Art. 26's window) — settles the shortfall at zero. One journal entry per default (keyed by it), so running
/// this twice pays once.
/// </summary>
public sealed class SettleDefaultShortfall(TechMarketDbContext db, PostJournalEntry post, TimeProvider clock)
{
    /// <summary>Settles every default whose re-sale is known by now; returns how many it settled.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        var open = await db.AuctionDefaults.AsNoTracking().Where(d => d.ShortfallSettledAt == null).OrderBy(d => d.DeclaredAt)
            .Select(d => d.Id).Take(100).ToListAsync(ct);
        var settled = 0;
        foreach (var id in open)
        {
            if (await RunAsync(id, ct)) settled++;
        }
        return settled;
    }

    public async Task<bool> RunAsync(Guid defaultId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var record = await db.AuctionDefaults.FirstOrDefaultAsync(d => d.Id == defaultId, ct);
        if (record is null || record.ShortfallSettledAt is not null) return false;
        var now = clock.GetUtcNow();
        var (known, resaleAuction, resalePrice) = await ResaleAsync(record, now, ct);
        if (!known) return false;

        var shortfall = DefaultRules.Shortfall(record.DefaultedPrice, resalePrice, new Money(record.HeldForShortfallFen));
        record.ResaleAuctionId = resaleAuction;
        record.ResalePriceFen = resalePrice?.Fen;
        record.ShortfallPaidFen = shortfall.Fen;
        record.ShortfallSettledAt = now;
        var note = resalePrice is { } p ? $"原成交价 {record.DefaultedPrice}，再次成交价 {p}，差价由没收的保证金弥补 {shortfall}" : "无再次成交，差价为零，保证金余额不予退还";
        if (shortfall == Money.Zero)
        {
            db.AuditAs("auction.default_shortfall_settled", note);
            await db.SaveChangesAsync(ct);
            return true;
        }
        var cause = new BusinessEventRef(BusinessEventKind.ReauctionShortfallCovered, record.Id);
        var entry = new JournalEntry(IdempotencyKey.For(cause), cause, $"悔拍差价 {note}", now,
            [Posting.Debit(LedgerAccount.ForfeitedDeposits, shortfall), Posting.Credit(LedgerAccount.PayableToSeller(record.SellerOrganizationId), shortfall)]);
        var posted = await post.RunAsync([entry], "auction.default_shortfall_settled", note, ct);
        return posted == PostingResult.Posted;
    }

    /// <summary>Whether the re-sale is known, and if it sold, where and at what price.</summary>
    private async Task<(bool Known, Guid? Auction, Money? Price)> ResaleAsync(AuctionDefaultRecord record, DateTimeOffset now, CancellationToken ct)
    {
        var offer = await db.RunnerUpOffers.AsNoTracking().FirstOrDefaultAsync(o => o.DefaultId == record.Id, ct);
        if (offer is { Status: RunnerUpOfferStatus.Pending }) return (false, null, null);
        if (offer is { Status: RunnerUpOfferStatus.Accepted }) return (true, null, offer.Price);
        var reauction = await db.Auctions.AsNoTracking().Where(a => a.ReauctionOfId == record.AuctionId).OrderByDescending(a => a.CreatedAt)
            .Select(a => new { a.Id, a.Status, a.Sold, a.PriceFen }).FirstOrDefaultAsync(ct);
        if (reauction is null) return (now > record.DeclaredAt + Reauction.Within, null, null);
        if (reauction.Status != AuctionStatus.Closed) return (false, null, null);
        return reauction.Sold == true && reauction.PriceFen is { } price ? (true, reauction.Id, new Money(price)) : (true, reauction.Id, null);
    }
}

/// <summary>
/// 悔拍 follow-ups on the injected clock, once a minute: runner-up offers past their answer date lapse (the lot goes to
/// the re-auction), and shortfalls whose re-sale is known are settled. Both are idempotent, so several nodes may run it.
/// </summary>
public sealed class AuctionDefaultJobs(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AuctionDefaultJobs> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using (var scope = scopes.CreateAsyncScope())
                {
                    await scope.ServiceProvider.GetRequiredService<LapseRunnerUpOffers>().RunAsync(stoppingToken);
                }
                await using (var scope = scopes.CreateAsyncScope())
                {
                    await scope.ServiceProvider.GetRequiredService<SettleDefaultShortfall>().RunDueAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed round is logged and retried on the next tick; the job must keep running.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogError(e, "Auction default follow-ups failed; retrying");
            }
            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
