using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TechMarket.Domain.Auctions;
using TechMarket.Infrastructure.Data;
using TechMarket.Domain.Shared;

namespace TechMarket.Infrastructure.Auctions;

/// <summary>
/// 结束竞价: settles each auction whose (possibly extended) end has passed, exactly once on any number of nodes: each
/// close takes the auction's lock and re-reads the status, so a second node (or a restart) finds it closed and skips.
/// </summary>
public sealed class CloseAuction(TechMarketDbContext db, Payments.IDepositGate deposits, OutboxSignal outbox, ILogger<CloseAuction> logger)
{
    /// <summary>Closes every auction due at <paramref name="now"/>; returns the ids this call closed.</summary>
    public async Task<IReadOnlyList<Guid>> CloseDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = await db.Auctions.AsNoTracking().Where(a => a.Status == AuctionStatus.Open && a.EndsAt <= now)
            .OrderBy(a => a.EndsAt).Select(a => a.Id).Take(100).ToListAsync(cancellationToken);
        var closed = new List<Guid>();
        foreach (var id in due)
        {
            if (await CloseAsync(id, now, cancellationToken)) closed.Add(id);
        }
        return closed;
    }

    /// <summary>True when this call closed the auction; false when it was not due or another caller closed it first.</summary>
    public async Task<bool> CloseAsync(Guid auctionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await RowLock.TakeAsync<Auction>(db, auctionId, cancellationToken);
        var auction = await db.Auctions.FirstOrDefaultAsync(a => a.Id == auctionId, cancellationToken);
        if (auction is null || auction.Status != AuctionStatus.Open || auction.EndsAt > now) return false;

        var engine = await AuctionState.EngineAsync(db, auction, cancellationToken);
        // Rule 6 (SPC 2016 Art. 22; Auction Law Art. 50): sold to the leader at the price if it meets the reserve, else 流拍.
        var outcome = engine.Close(now);
        var registrations = await db.AuctionRegistrations.AsNoTracking().Where(r => r.AuctionId == auctionId && r.BidderCode != null)
            .Select(r => new { r.OrganizationId, r.BidderCode }).ToListAsync(cancellationToken);
        var held = await deposits.HoldersAsync(Payments.DepositSubjectKind.Auction, auctionId, cancellationToken);
        var winner = outcome.Winner is { } code ? registrations.Single(r => r.BidderCode == code.Value).OrganizationId : (Guid?)null;

        auction.Status = AuctionStatus.Closed;
        auction.Sold = outcome.Status == AuctionOutcomeStatus.Sold;
        auction.WinnerCode = outcome.Winner?.Value;
        auction.WinnerOrganizationId = winner;
        auction.ClosedAt = now;
        auction.Sequence++;
        if (auction.Sold == true)
        {
            // 成交确认书 number: date of the close in Beijing time and the auction id, unique and stable.
            auction.ConfirmationNumber = string.Create(CultureInfo.InvariantCulture, $"CJ{now.ToOffset(ChinaTime.Offset):yyyyMMdd}-{auction.Id.ToString("N")[..8].ToUpperInvariant()}");
        }
        db.Outbox.Add(PlaceBid.Message(OutboxTypes.AuctionUpdates, new[] { AuctionUpdate.Of(auction, engine, extended: false) }, now));
        // SPC 2016 Art. 23: the others' deposits are released after the close; the payments slice consumes this.
        db.Outbox.Add(PlaceBid.Message(OutboxTypes.DepositRelease, new DepositReleaseNotice(auction.Id,
            [.. registrations.Where(r => held.Contains(r.OrganizationId) && r.OrganizationId != winner).Select(r => r.OrganizationId)], winner), now));
        db.AuditAs(auction.Sold == true ? "auction.sold" : "auction.unsold");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Poke();
        logger.LogInformation("Auction {AuctionId} closed: {Outcome}", auctionId, auction.Sold == true ? "sold" : "unsold");
        return true;
    }
}

/// <summary>The closing job: every second, closes what is due by the injected clock (a FakeTimeProvider in tests).</summary>
public sealed class AuctionClosingService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AuctionClosingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<CloseAuction>().CloseDueAsync(clock.GetUtcNow(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed round is logged and retried on the next tick; the job must keep running.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogError(e, "Closing due auctions failed; retrying");
            }
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
