using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Rights;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.Financing;

/// <summary>
/// Civil Code Art. 444 on the selling paths: a patent whose pledge is registered on the platform may not be listed or put
/// up for auction unless its lender has consented in the platform. Asks <see cref="EncumbranceGuard"/> (the one place
/// that decides) for the catalogue record's register entry and keeps only the pledge refusal: the other grounds
/// (legal status, co-owners) are judged from the listing's own data by the listing gate.
/// </summary>
public sealed class PledgeLock(TechMarketDbContext db, EncumbranceGuard guard)
{
    /// <returns>The refusal (naming the lender), or null when the record is not pledged or the lender consented.</returns>
    /// <param name="realising">The lender's realisation of its own pledge (auction only): that pledge then does not lock.</param>
    public async Task<DealingRefusal?> RefusalAsync(string recordId, bool auction, CancellationToken cancellationToken, PledgeRealisationMandate? realising = null)
    {
        var entry = await db.PatentRights.AsNoTracking()
            .Where(p => p.Number == recordId || p.SourceRecordId == recordId)
            .Select(p => new { p.Number, Patentees = p.Patentees.Select(x => x.OrganizationId).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        if (entry is null) return null;
        var owners = entry.Patentees;
        var decision = auction && realising is not null
            ? await guard.CanRealiseByAuctionAsync(entry.Number, owners, realising, cancellationToken)
            : auction
            ? await guard.CanAuctionAsync(entry.Number, owners, cancellationToken)
            : await guard.CanListAsync(entry.Number, owners, assigns: true, exclusiveOrSole: false, cancellationToken);
        return decision.Refusals.FirstOrDefault(r => r.Code == DealingRefusalCode.PledgedWithoutLenderConsent);
    }
}
