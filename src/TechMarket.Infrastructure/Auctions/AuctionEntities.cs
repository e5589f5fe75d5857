using TechMarket.Domain.Auctions;
using TechMarket.Domain.Shared;

namespace TechMarket.Infrastructure.Auctions;

public enum AuctionStatus
{
    /// <summary>Accepting bids between opensAt and the (possibly extended) end; the engine refuses bids outside that window.</summary>
    Open = 1,

    /// <summary>Settled by the closing job, exactly once.</summary>
    Closed = 2,
}

/// <summary>
/// One lot on auction (网上竞价): a published listing, its rules (the reserve among them: secret), the live summary the
/// engine last produced, and after the close the outcome. The bid log (<see cref="AuctionBid"/>) is the truth; the
/// summary columns are a cache the engine's replay of the log must reproduce.
/// </summary>
public sealed class Auction : IAudited
{
    public Guid Id { get; set; }
    public Guid ListingId { get; set; }
    public string Title { get; set; } = "";
    public Guid SellerOrganizationId { get; set; }
    /// <summary>The center or a licensed auction firm (Auction Law Arts 10-16).</summary>
    public Guid OrganizerOrganizationId { get; set; }
    public Guid? SessionId { get; set; }
    public int? LotNumber { get; set; }
    /// <summary>
    /// 委托人 when it is not the seller: a lender realising a pledge has the pledgor's patent sold (Civil Code Art. 436).
    /// Null when the seller consigns its own listing.
    /// </summary>
    public Guid? ConsignorOrganizationId { get; set; }
    /// <summary>流拍 re-auction of this auction (SPC 2016 Art. 26).</summary>
    public Guid? ReauctionOfId { get; set; }

    public long StartPriceFen { get; set; }
    /// <summary>保留价: secret, never in a page, the API or a live message.</summary>
    public long? ReservePriceFen { get; set; }
    public long? IncrementFixedFen { get; set; }
    /// <summary>Increment table as "fromFen:stepFen;fromFen:stepFen" when not fixed.</summary>
    public string? IncrementTable { get; set; }
    public long DepositFen { get; set; }
    public bool ProxyBidding { get; set; }
    public int SoftCloseSeconds { get; set; } = 300;
    public int ExtensionSeconds { get; set; } = 300;
    public DateTimeOffset OpensAt { get; set; }
    /// <summary>The announced end.</summary>
    public DateTimeOffset ScheduledEndsAt { get; set; }

    public AuctionStatus Status { get; set; } = AuctionStatus.Open;
    /// <summary>The current end, moved by soft close; the closing job claims the auction when it has passed.</summary>
    public DateTimeOffset EndsAt { get; set; }
    public long? PriceFen { get; set; }
    public string? LeaderCode { get; set; }
    /// <summary>The leader's maximum (the engine snapshot's secret part): never shown, used to resume the engine for the next bid.</summary>
    public long? LeaderMaxFen { get; set; }
    public int AcceptedBids { get; set; }
    public int RejectedBids { get; set; }
    /// <summary>Public version: +1 on each accepted bid and on the close. Live updates carry it; a gap means resynchronise.</summary>
    public long Sequence { get; set; }

    public bool? Sold { get; set; }
    public string? WinnerCode { get; set; }
    public Guid? WinnerOrganizationId { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>成交确认书 number, set when sold.</summary>
    public string? ConfirmationNumber { get; set; }

    public bool IsDemo { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public BidIncrement Increment() => IncrementFixedFen is { } step
        ? BidIncrement.Fixed(new Money(step))
        : BidIncrement.Table(ParseTable(IncrementTable ?? throw new InvalidOperationException($"Auction {Id} has no increment.")));

    public static IEnumerable<IncrementRow> ParseTable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var row in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = row.Split(':');
            yield return new IncrementRow(new Money(long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture)),
                new Money(long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    public AuctionSnapshot Snapshot() => new(
        PriceFen is { } p ? new Money(p) : null,
        LeaderCode is { } l ? new BidderCode(l) : null,
        LeaderMaxFen is { } m ? new Money(m) : null,
        EndsAt, AcceptedBids, RejectedBids);

    public AuctionRules Rules(IEnumerable<PriorityBidder> priorityBidders) => new(
        new Money(StartPriceFen),
        ReservePriceFen is { } r ? new Money(r) : null,
        Increment(),
        OpensAt,
        ScheduledEndsAt,
        ProxyBidding,
        priorityBidders,
        TimeSpan.FromSeconds(SoftCloseSeconds),
        TimeSpan.FromSeconds(ExtensionSeconds));
}

public enum RegistrationStatus
{
    Applied = 1,
    Qualified = 2,
    Refused = 3,
}

/// <summary>
/// 竞买报名: a verified organisation applies; the center or organiser qualifies it and a bidder code (竞买号) is assigned;
/// until payments lands, the center marks the deposit as received.
/// </summary>
public sealed class AuctionRegistration : IAudited
{
    public Guid Id { get; set; }
    public Guid AuctionId { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid? AppliedByUserId { get; set; }
    public DateTimeOffset AppliedAt { get; set; }
    public RegistrationStatus Status { get; set; } = RegistrationStatus.Applied;
    public string? BidderCode { get; set; }
    /// <summary>优先购买权 rank (1 highest), set at qualification; null for none.</summary>
    public int? PriorityRank { get; set; }
    public DateTimeOffset? QualifiedAt { get; set; }
    public Guid? QualifiedByUserId { get; set; }
    public bool DepositReceived { get; set; }
    public DateTimeOffset? DepositMarkedAt { get; set; }
    public Guid? DepositMarkedByUserId { get; set; }
}

/// <summary>One bid as received and the engine's answer. Append-only: never updated or deleted (SPC 2016 Art. 29).</summary>
public sealed class AuctionBid
{
    public long Id { get; set; }
    public Guid AuctionId { get; set; }
    /// <summary>Position in the auction's log, 1-based; unique per auction.</summary>
    public int Ordinal { get; set; }
    public Guid RegistrationId { get; set; }
    public string BidderCode { get; set; } = "";
    /// <summary>The maximum (proxy mode) or the exact amount (manual mode).</summary>
    public long AmountFen { get; set; }
    /// <summary>The server's time of receipt (SPC 2016 Art. 20).</summary>
    public DateTimeOffset ReceivedAt { get; set; }
    public bool Accepted { get; set; }
    public string? Reason { get; set; }
    public long? MinimumFen { get; set; }
    public long? PriceAfterFen { get; set; }
    public string? LeaderAfter { get; set; }
    public DateTimeOffset EndsAtAfter { get; set; }
    /// <summary>The auction's public sequence after this bid.</summary>
    public long SequenceAfter { get; set; }
    /// <summary>True when this bid moved the end (soft close).</summary>
    public bool Extended { get; set; }
    public Guid? PlacedByUserId { get; set; }
    /// <summary>
    /// The bidder's Idempotency-Key, unique per registration: a retry with the same key is answered from this row
    /// (<see cref="PlaceBid.Answer"/>) and never bids twice.
    /// </summary>
    public string? IdempotencyKey { get; set; }
}

/// <summary>专场: several lots in one event, closing in sequence, optionally with an on-site promotion event (推介会).</summary>
public sealed class AuctionSession : IAudited
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public Guid OrganizerOrganizationId { get; set; }
    public DateTimeOffset OpensAt { get; set; }
    public DateTimeOffset FirstLotEndsAt { get; set; }
    public int IntervalMinutes { get; set; } = 5;
    public string? PromotionEvent { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A change committed with its cause, published after the commit by the dispatcher (never before).</summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public string Type { get; set; } = "";
    public string Payload { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
}

/// <summary>An in-app message (站内信) to one organisation's members.</summary>
public sealed class Notification
{
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public string? Link { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}
