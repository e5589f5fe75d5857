using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Payments;

namespace TechMarket.Infrastructure.Auctions;

/// <summary>
/// A deposit the center has marked received on an auction registration. One half of <see cref="DepositGate"/>.
/// </summary>
public sealed class RegistrationDepositGate(TechMarketDbContext db) : IDepositGate
{
    public Task<bool> IsHeldAsync(Guid organizationId, DepositSubjectKind kind, Guid subjectId, CancellationToken cancellationToken) =>
        kind != DepositSubjectKind.Auction
            ? Task.FromResult(false)
            : db.AuctionRegistrations.AnyAsync(r => r.AuctionId == subjectId && r.OrganizationId == organizationId && r.DepositReceived, cancellationToken);

    public async Task<IReadOnlySet<Guid>> HoldersAsync(DepositSubjectKind kind, Guid subjectId, CancellationToken cancellationToken) =>
        kind != DepositSubjectKind.Auction
            ? new HashSet<Guid>()
            : (await db.AuctionRegistrations.AsNoTracking().Where(r => r.AuctionId == subjectId && r.DepositReceived)
                .Select(r => r.OrganizationId).ToListAsync(cancellationToken)).ToHashSet();
}
