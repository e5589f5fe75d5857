using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Trading;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.Trading;

/// <summary>
/// 重新挂牌: after a listed trade ended unsold, the seller lists again on the same terms for a new period. The listing
/// comes back from expired (legal-status gate checked again), then a new trade opens; the old one records its successor.
/// </summary>
public sealed class RelistTrade(TechMarketDbContext db, OpenListedTrade open, Outbox.OutboxSignal listingOutbox, TimeProvider clock)
{
    public async Task<TradeResult<ListedTrade>> RunAsync(Guid tradeId, Guid organizationId, Guid? userId, CancellationToken ct)
    {
        var old = await db.ListedTrades.FirstOrDefaultAsync(t => t.Id == tradeId && t.SellerOrganizationId == organizationId, ct).ConfigureAwait(false);
        if (old is null) return TradeResult.Missing<ListedTrade>();
        if (old.Status != ListedTradeStatus.Unsold || old.RelistedAsId is not null)
        {
            return TradeResult.Refused<ListedTrade>("", "只有未成交且未重新挂牌的挂牌交易可以重新挂牌 / Only an unsold trade not yet relisted can be relisted.");
        }
        var listing = await db.Listings.Include(l => l.Record).FirstAsync(l => l.Id == old.ListingId, ct).ConfigureAwait(false);
        if (listing.Status == Domain.Catalogue.ListingStatus.Expired)
        {
            var now = clock.GetUtcNow();
            var relisted = listing.Relist(listing.Record!.Kind, now);
            if (!relisted.Succeeded) return TradeResult.Refused<ListedTrade>("", string.Join("；", relisted.Problems.Select(p => p.Message.ToString())));
            db.ListingChanged(listing.Id, now);
            db.AuditAs("listing.relisted", $"after listed trade {old.Id:N}");
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            listingOutbox.Notify();
        }
        var opened = await open.RunAsync(new OpenListedTradeCommand(old.ListingId, organizationId, userId, old.TradeMode, old.Price, old.PeriodWorkingDays, old.Conditions), ct).ConfigureAwait(false);
        if (!opened.Succeeded) return opened;
        old.RelistedAsId = opened.Value!.Id;
        db.AuditAs("listed_trade.relisted", $"as {opened.Value.Id:N}");
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return opened;
    }
}
