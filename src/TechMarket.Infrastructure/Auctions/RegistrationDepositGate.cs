using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Payments;

namespace TechMarket.Infrastructure.Auctions;

/// <summary>
/// Until the payments slice lands, a deposit is "held" when the center has marked it received on the registration.
/// Payments replaces this registration of <see cref="IDepositGate"/>.
/// </summary>
public sealed class RegistrationDepositGate(TechMarketDbContext db) : IDepositGate
{
    public Task<bool> IsHeldAsync(Guid organizationId, DepositSubjectKind kind, Guid subjectId, CancellationToken cancellationToken) =>
        kind != DepositSubjectKind.Auction
            ? Task.FromResult(false)
            : db.AuctionRegistrations.AnyAsync(r => r.AuctionId == subjectId && r.OrganizationId == organizationId && r.DepositReceived, cancellationToken);
}
