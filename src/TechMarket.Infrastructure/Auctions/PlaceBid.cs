using System.Text.Json;
using TechMarket.Domain.Auctions;
using TechMarket.Domain.Auctions.Replay;
using TechMarket.Domain.Shared;

namespace TechMarket.Infrastructure.Auctions;

/// <summary>Who is bidding: the organisation (the bidder), the person, and whether that person is the center's staff.</summary>
public sealed record BidderActor(Guid OrganizationId, Guid? UserId, bool IsCenterStaff);

public enum PlaceBidStatus
{
    Accepted,
    /// <summary>The engine refused the bid (not_open, below_minimum, already_leading); it is in the log.</summary>
    Rejected,
    /// <summary>This bidder may not bid at all (organiser, seller, not registered/qualified, no deposit); nothing is stored.</summary>
    Refused,
    NotFound,
}

/// <summary>The answer to a bid: only what its own bidder may see.</summary>
public sealed record PlaceBidResult(
    PlaceBidStatus Status,
    string? Reason,
    string? Message,
    long? MinimumFen,
    long? PriceFen,
    string? Leader,
    string? BidderCode,
    DateTimeOffset? EndsAt,
    long Sequence,
    bool Extended)
{
    /// <summary>True when this is the stored first answer to an earlier bid with the same Idempotency-Key.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Replayed { get; init; }

    public static PlaceBidResult NotFound { get; } = new(PlaceBidStatus.NotFound, "not_found", "竞价不存在 / No such auction.", null, null, null, null, null, 0, false);
}

/// <summary>
/// 出价: the one use case behind the room page, the API and the hub. Hands the bid to <see cref="BidGroupCommit"/>: one
/// transaction decides who may bid, locks the auction, applies the bid at the server's time of receipt (SPC 2016
/// Art. 20) to the engine resumed from the stored snapshot, appends the bid, updates the auction, writes audit and outbox
/// rows and commits; the answer comes after the commit. A retry with the same Idempotency-Key gets the first answer.
/// </summary>
public sealed class PlaceBid(BidGroupCommit groupCommit)
{
    public const int MaxKeyLength = 100;

    public Task<PlaceBidResult> RunAsync(Guid auctionId, BidderActor actor, long amountFen, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (amountFen <= 0 || amountFen > AuctionRules.MaxAmount.Fen) throw new ArgumentOutOfRangeException(nameof(amountFen), "Validate amounts at the edge.");
        if (idempotencyKey is { Length: 0 or > MaxKeyLength }) throw new ArgumentException("Validate the key at the edge.", nameof(idempotencyKey));
        return groupCommit.SubmitAsync(auctionId, new QueuedBid(actor, amountFen, idempotencyKey)).WaitAsync(cancellationToken);
    }

    internal static OutboxMessage Message<T>(string type, T payload, DateTimeOffset at) => new()
    {
        Type = type,
        Payload = JsonSerializer.Serialize(payload, OutboxTypes.Json),
        CreatedAt = at,
    };

    /// <summary>
    /// The answer to a logged bid, built from its row alone: the first answer and every replay of it (same
    /// Idempotency-Key) come from this one function, so they cannot differ.
    /// </summary>
    internal static PlaceBidResult Answer(AuctionBid bid)
    {
        var rejection = bid.Reason is { } code ? Enum.GetValues<BidRejection>().Single(r => AuctionLogJson.ReasonCode(r) == code) : (BidRejection?)null;
        var minimum = bid.MinimumFen is { } fen ? new Money(fen) : (Money?)null;
        var message = rejection is { } why ? Explain(why, minimum)
            : bid.Extended ? "出价成功，竞价时间已延长 / Accepted; the end was extended." : "出价成功 / Accepted.";
        return new PlaceBidResult(bid.Accepted ? PlaceBidStatus.Accepted : PlaceBidStatus.Rejected, bid.Reason, message, bid.MinimumFen,
            bid.PriceAfterFen, bid.LeaderAfter, bid.BidderCode, bid.EndsAtAfter, bid.SequenceAfter, bid.Extended);
    }

    public static string Explain(BidRejection rejection, Money? minimum) => rejection switch
    {
        BidRejection.NotOpen => "竞价未开始或已结束（以服务器收到出价的时间为准）/ The auction is not open at the server's time of receipt.",
        BidRejection.BelowMinimum => $"出价低于最低应价 {minimum} / Below the minimum bid of {minimum}.",
        BidRejection.AlreadyLeading => "您已是当前最高出价人，不能再次出价 / You already lead; you cannot bid against yourself.",
        _ => throw new ArgumentOutOfRangeException(nameof(rejection)),
    };
}
