using TechMarket.Domain.Payments;
using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Brokerage;

/// <summary>What a brokerage case is about.</summary>
public enum BrokerageSubjectKind
{
    Listing,
    Demand,
    Deal,
    /// <summary>One enquiry thread (a buyer and the seller of a listing).</summary>
    Enquiry,
}

/// <summary>The pipeline stages of 技术经纪 (technology brokerage).</summary>
public enum BrokerageStage
{
    New,
    Contacted,
    Negotiating,
    Deal,
    Closed,
    Dropped,
}

public enum BrokerageRefusal
{
    None,
    /// <summary>Closed and dropped cases do not move any more.</summary>
    Finished,
    /// <summary>Stages move forward one step at a time (or to dropped).</summary>
    NotNextStage,
    /// <summary>A case closes only once the brokerage fee is agreed (zero is a valid, free brokerage).</summary>
    FeeNotAgreed,
    NoBroker,
    NegativeFee,
}

/// <summary>
/// 技术经纪: the center brokers a listing, a demand, a deal or an enquiry, because a party asked it to (居间, Civil Code
/// Arts 961-966: the broker reports the opportunity or mediates the contract, and is paid when the contract is made,
/// Art. 963) or because the center adopted it. The case runs new → contacted → negotiating → deal → closed, or is
/// dropped at any stage. The fee agreed is earned when the case closes after a deal.
/// </summary>
public sealed class BrokerageCase : IAudited
{
    public const int MaxTextLength = 2000;

    private BrokerageCase() { Title = ""; }

    public BrokerageCase(Guid id, BrokerageSubjectKind kind, Guid subjectId, string title, Guid? requestedByOrganizationId,
        Guid clientOrganizationId, Guid? listingId, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Id = id;
        SubjectKind = kind;
        SubjectId = subjectId;
        Title = title.Length > 300 ? title[..300] : title;
        RequestedByOrganizationId = requestedByOrganizationId;
        RequesterKey = requestedByOrganizationId ?? Guid.Empty;
        ClientOrganizationId = clientOrganizationId;
        ListingId = listingId;
        Stage = BrokerageStage.New;
        CreatedAt = UpdatedAt = at;
    }

    public Guid Id { get; private set; }
    public BrokerageSubjectKind SubjectKind { get; private set; }
    public Guid SubjectId { get; private set; }
    /// <summary>The subject's title when the case opened (shown on the board).</summary>
    public string Title { get; private set; }
    /// <summary>The organisation that asked for brokerage; null when the center adopted the subject itself.</summary>
    public Guid? RequestedByOrganizationId { get; private set; }
    /// <summary>The requester, or Guid.Empty for the center's own adoption: one case per subject and key (NULLs would not collide).</summary>
    public Guid RequesterKey { get; private set; }
    /// <summary>Whom the center works for, and who owes the fee: the requester, or the subject's owner when adopted.</summary>
    public Guid ClientOrganizationId { get; private set; }
    /// <summary>The listing whose enquiry threads the broker may read (listing and enquiry cases).</summary>
    public Guid? ListingId { get; private set; }
    public BrokerageStage Stage { get; private set; }
    /// <summary>技术经纪人: a center staff user.</summary>
    public Guid? BrokerUserId { get; private set; }
    public string? NextAction { get; private set; }
    /// <summary>China calendar date on which the broker is reminded of the next action.</summary>
    public DateOnly? DueOn { get; private set; }
    public long? FeeFen { get; private set; }
    /// <summary>The deal (by id) the brokerage led to.</summary>
    public Guid? DealId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    public bool IsFinished => Stage is BrokerageStage.Closed or BrokerageStage.Dropped;
    public bool IsAdopted => RequestedByOrganizationId is null;

    /// <summary>A new request on a dropped case opens it again; on a live case it changes nothing.</summary>
    public bool Reopen(DateTimeOffset at)
    {
        if (Stage != BrokerageStage.Dropped) return false;
        Stage = BrokerageStage.New;
        ClosedAt = null;
        UpdatedAt = at;
        return true;
    }

    public BrokerageRefusal Assign(Guid brokerUserId, DateTimeOffset at)
    {
        if (IsFinished) return BrokerageRefusal.Finished;
        BrokerUserId = brokerUserId;
        UpdatedAt = at;
        return BrokerageRefusal.None;
    }

    public BrokerageRefusal Plan(string? nextAction, DateOnly? dueOn, DateTimeOffset at)
    {
        if (IsFinished) return BrokerageRefusal.Finished;
        NextAction = string.IsNullOrWhiteSpace(nextAction) ? null : nextAction.Trim();
        DueOn = dueOn;
        UpdatedAt = at;
        return BrokerageRefusal.None;
    }

    public BrokerageRefusal AgreeFee(Money fee, DateTimeOffset at)
    {
        if (IsFinished) return BrokerageRefusal.Finished;
        if (fee < Money.Zero) return BrokerageRefusal.NegativeFee;
        FeeFen = fee.Fen;
        UpdatedAt = at;
        return BrokerageRefusal.None;
    }

    public void LinkDeal(Guid dealId) => DealId = dealId;

    /// <summary>Forward one stage, or drop. Leaving "new" needs a broker; closing needs the agreed fee.</summary>
    public BrokerageRefusal MoveTo(BrokerageStage stage, DateTimeOffset at)
    {
        if (IsFinished) return BrokerageRefusal.Finished;
        if (stage != BrokerageStage.Dropped)
        {
            if (stage != Stage + 1) return BrokerageRefusal.NotNextStage;
            if (BrokerUserId is null) return BrokerageRefusal.NoBroker;
            if (stage == BrokerageStage.Closed && FeeFen is null) return BrokerageRefusal.FeeNotAgreed;
        }
        Stage = stage;
        UpdatedAt = at;
        if (IsFinished) ClosedAt = at;
        return BrokerageRefusal.None;
    }

    /// <summary>
    /// The fee earned at the close (Civil Code Art. 963: the broker is paid once the contract is made): the client owes it,
    /// the platform earns it. Null for a free brokerage or a case that did not close after a deal.
    /// </summary>
    public JournalEntry? FeeEntry()
    {
        if (Stage != BrokerageStage.Closed || FeeFen is not > 0) return null;
        var cause = new BusinessEventRef(BusinessEventKind.BrokerageFeeEarned, Id);
        var fee = new Money(FeeFen.Value);
        return new JournalEntry(IdempotencyKey.For(cause), cause, $"经纪服务费 brokerage fee {fee}", ClosedAt!.Value,
            [Posting.Debit(LedgerAccount.BrokerageFeesReceivable(ClientOrganizationId), fee), Posting.Credit(LedgerAccount.BrokerageFeeIncome, fee)]);
    }
}

/// <summary>A note the broker keeps on a case (append-only).</summary>
public sealed class BrokerageNote
{
    private BrokerageNote() { Text = ""; }

    public BrokerageNote(Guid id, Guid caseId, Guid? authorUserId, string text, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        Id = id;
        CaseId = caseId;
        AuthorUserId = authorUserId;
        Text = text.Trim();
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public Guid? AuthorUserId { get; private set; }
    public string Text { get; private set; }
    public DateTimeOffset At { get; private set; }
}
