using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Payments;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.Payments;

/// <summary>No deposit, no bid (SPC 2016 Art. 17): true only while the organisation's deposit for the subject is held.</summary>
public sealed class LedgerDepositGate(TechMarketDbContext db) : IDepositGate
{
    public Task<bool> IsHeldAsync(Guid organizationId, DepositSubjectKind kind, Guid subjectId, CancellationToken cancellationToken) =>
        db.Deposits.AsNoTracking().AnyAsync(d => d.OrganizationId == organizationId && d.SubjectKind == kind && d.SubjectId == subjectId
            && d.State == DepositState.Held, cancellationToken);

    public async Task<IReadOnlySet<Guid>> HoldersAsync(DepositSubjectKind kind, Guid subjectId, CancellationToken cancellationToken) =>
        (await db.Deposits.AsNoTracking().Where(d => d.SubjectKind == kind && d.SubjectId == subjectId && d.State == DepositState.Held)
            .Select(d => d.OrganizationId).ToListAsync(cancellationToken)).ToHashSet();
}
