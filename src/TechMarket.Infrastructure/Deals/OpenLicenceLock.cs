using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Rights;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.Deals;

/// <summary>
/// Patent Law Art. 51 on the catalogue side: while an open-licence declaration stands on a record, no exclusive or sole
/// licence of it may be listed or granted. Listing submission and publication and <see cref="OpenDeal"/> ask it; the
/// register's <see cref="EncumbrancePolicy"/> applies the same rule to patents on the register.
/// </summary>
public sealed class OpenLicenceLock(TechMarketDbContext db)
{
    /// <returns>The refusal with its bilingual message, or null when no declaration stands on the record.</returns>
    public async Task<DealingRefusal?> RefusalAsync(Guid catalogueRecordId, CancellationToken cancellationToken)
    {
        var standing = await db.OpenLicenceDeclarations.AsNoTracking()
            .Where(d => d.StandingKey == catalogueRecordId).Select(d => d.RecordNumber).FirstOrDefaultAsync(cancellationToken);
        return standing is null ? null : EncumbrancePolicy.OpenLicenceBlocksExclusive(standing);
    }
}
