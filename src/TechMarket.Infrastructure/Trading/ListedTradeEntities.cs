using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Shared;
using TechMarket.Domain.Trading;

namespace TechMarket.Infrastructure.Trading;

/// <summary>
/// 挂牌交易: one listing offered at a price for a disclosure period counted in working days. At most one is open per
/// listing; the expiry job decides it once (deal, auction or unsold) and records what it became.
/// </summary>
public sealed class ListedTrade : IAudited
{
    public Guid Id { get; set; }
    public Guid ListingId { get; set; }
    public Guid SellerOrganizationId { get; set; }
    public string Title { get; set; } = "";
    /// <summary>Exactly one trade mode: what the buyer gets.</summary>
    public TradeModes TradeMode { get; set; }
    /// <summary>挂牌价: the lowest price a buyer may accept.</summary>
    public long PriceFen { get; set; }
    /// <summary>保证金: default 10 % of the listing price.</summary>
    public long DepositFen { get; set; }
    public int PeriodWorkingDays { get; set; }
    /// <summary>挂牌条件: what a buyer accepts by registering and paying (payment terms, delivery, special conditions).</summary>
    public string Conditions { get; set; } = "";
    public DateTimeOffset OpensAt { get; set; }
    /// <summary>公示期满: the same Beijing time <see cref="PeriodWorkingDays"/> working days after the opening.</summary>
    public DateTimeOffset EndsAt { get; set; }
    public ListedTradeStatus Status { get; set; } = ListedTradeStatus.Open;
    public Guid? OpenedByUserId { get; set; }
    /// <summary>True when the center opened it on the seller's behalf.</summary>
    public bool OpenedByCenter { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public Guid? DealId { get; set; }
    public Guid? AuctionId { get; set; }
    /// <summary>What the decision found, in words (e.g. why a deal could not be opened).</summary>
    public string? Outcome { get; set; }
    /// <summary>The trade that relisted this unsold one.</summary>
    public Guid? RelistedAsId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public Money Price => new(PriceFen);
    public Money Deposit => new(DepositFen);
}

/// <summary>受让意向: one organisation's registration on one listed trade; unique per (trade, organisation).</summary>
public sealed class TradeIntention : IAudited
{
    public Guid Id { get; set; }
    public Guid ListedTradeId { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid? RegisteredByUserId { get; set; }
    /// <summary>意向价: at least the listing price.</summary>
    public long OfferedPriceFen { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    /// <summary>When the company accepted the listing conditions (required to register).</summary>
    public DateTimeOffset ConditionsAcceptedAt { get; set; }
    public IntentionStatus Status { get; set; } = IntentionStatus.Registered;
    public string? DeclineReason { get; set; }
    public DateTimeOffset? QualifiedAt { get; set; }
    public Guid? QualifiedByUserId { get; set; }
    /// <summary>The deposit required at qualification (payments' <c>deposits</c> row).</summary>
    public Guid? DepositId { get; set; }
    /// <summary>Pay by: 3 working days after qualification, never after the period ends.</summary>
    public DateTimeOffset? DepositDueBy { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    public Money OfferedPrice => new(OfferedPriceFen);
}
