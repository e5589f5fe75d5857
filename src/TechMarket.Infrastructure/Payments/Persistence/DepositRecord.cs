using TechMarket.Domain.Payments;
using TechMarket.Domain.Shared;

namespace TechMarket.Infrastructure.Payments.Persistence;

/// <summary>
/// 保证金 as stored: one per (organisation, auction or listed trade). The subject belongs to another feature's table,
/// so it is referenced by kind and id without a foreign key. State changes go through <see cref="Deposit"/>.
/// </summary>
public sealed class DepositRecord : IAudited
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public DepositSubjectKind SubjectKind { get; set; }
    public Guid SubjectId { get; set; }
    /// <summary>Shown to the payer, e.g. "竞价专场 2026-12 第 3 号标的".</summary>
    public string SubjectTitle { get; set; } = "";
    public long RequiredFen { get; set; }
    public DepositState State { get; set; }
    public PaymentChannel? Channel { get; set; }
    public string PaymentReference { get; set; } = "";
    /// <summary>The reason of the last transition (the whole history is in the audit log).</summary>
    public string Reason { get; set; } = "";
    /// <summary>Pay by: bidding and intention registration close then (auction rules; 3 working days for a listed trade).</summary>
    public DateTimeOffset PayBy { get; set; }
    /// <summary>When the auction closed or the listed trade was decided; set by <see cref="CloseDepositSubject"/>.</summary>
    public DateTimeOffset? SubjectClosedAt { get; set; }
    /// <summary>SPC 2016 Art. 23: 24 h after an auction's close; 3 working days for a listed trade.</summary>
    public DateTimeOffset? ReleaseDueBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? StripePaymentIntentId { get; set; }
    public DepositHoldMethod? StripeHoldMethod { get; set; }

    public Money Required => new(RequiredFen);

    public DepositSubject Subject => new(SubjectKind switch
    {
        DepositSubjectKind.Auction => DepositVenue.Auction,
        DepositSubjectKind.ListedTrade => DepositVenue.ListedTrade,
        _ => throw new InvalidOperationException($"Unknown subject kind {SubjectKind}."),
    }, SubjectId);

    public Deposit ToDomain() => Deposit.Restore(Id, OrganizationId, Subject, Required, State, Channel);

    /// <summary>Copies the result of a domain transition back.</summary>
    public void Apply(Deposit deposit, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(deposit);
        State = deposit.State;
        Channel = deposit.Channel;
        Reason = deposit.History.Count > 0 ? deposit.History[^1].Reason : Reason;
        UpdatedAt = now;
    }
}
