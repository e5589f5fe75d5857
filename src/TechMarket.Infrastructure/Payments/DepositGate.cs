using TechMarket.Infrastructure.Auctions;

namespace TechMarket.Infrastructure.Payments;

/// <summary>
/// The deposit gate bidding and intention registration ask. A deposit is held when the ledger holds it (offline
/// receipt recorded by the center, or a card payment) — or, for an auction, when the center marked it received on
/// the bidder's registration, the auction room's own path that predates the ledger and is not yet posted to it.
/// </summary>
public sealed class DepositGate(LedgerDepositGate ledger, RegistrationDepositGate registrations) : IDepositGate
{
    public async Task<bool> IsHeldAsync(Guid organizationId, DepositSubjectKind kind, Guid subjectId, CancellationToken cancellationToken) =>
        await ledger.IsHeldAsync(organizationId, kind, subjectId, cancellationToken)
        || await registrations.IsHeldAsync(organizationId, kind, subjectId, cancellationToken);

    public async Task<IReadOnlySet<Guid>> HoldersAsync(DepositSubjectKind kind, Guid subjectId, CancellationToken cancellationToken) =>
        (await ledger.HoldersAsync(kind, subjectId, cancellationToken)).Union(await registrations.HoldersAsync(kind, subjectId, cancellationToken)).ToHashSet();
}
