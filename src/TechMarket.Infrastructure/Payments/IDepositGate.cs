namespace TechMarket.Infrastructure.Payments;

/// <summary>What a deposit secures: an auction lot or a listed trade (挂牌交易).</summary>
public enum DepositSubjectKind
{
    Auction = 1,
    ListedTrade = 2,
    /// <summary>A deal settled on its own (an express or open licence bought at the published price): subject = the deal.</summary>
    Deal = 3,
}

/// <summary>
/// "No deposit, no bid" (SPC 2016 Art. 17) and no intention registration without one: the one question bidding and
/// listed trades ask of payments.
/// </summary>
public interface IDepositGate
{
    Task<bool> IsHeldAsync(Guid organizationId, DepositSubjectKind kind, Guid subjectId, CancellationToken cancellationToken);

    /// <summary>Every organisation whose deposit for the subject is held: one question for a whole batch of bids.</summary>
    Task<IReadOnlySet<Guid>> HoldersAsync(DepositSubjectKind kind, Guid subjectId, CancellationToken cancellationToken);
}
