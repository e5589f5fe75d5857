using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Auctions;
using TechMarket.Domain.Auctions.Replay;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Payments;

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
/// 出价: the one use case behind the room page, the API and (later) the hub. One transaction: lock the auction, replay its
/// bid log into the engine, apply the bid at the server's time of receipt (SPC 2016 Art. 20), append the bid, update
/// the auction, write audit and outbox rows, commit. A retry with the same Idempotency-Key gets the first answer.
/// </summary>
public sealed class PlaceBid(TechMarketDbContext db, IDepositGate deposits, TimeProvider clock, OutboxSignal outbox)
{
    public const int MaxKeyLength = 100;

    public async Task<PlaceBidResult> RunAsync(Guid auctionId, BidderActor actor, long amountFen, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (amountFen <= 0 || amountFen > AuctionRules.MaxAmount.Fen) throw new ArgumentOutOfRangeException(nameof(amountFen), "Validate amounts at the edge.");
        if (idempotencyKey is { Length: 0 or > MaxKeyLength }) throw new ArgumentException("Validate the key at the edge.", nameof(idempotencyKey));

        // Who may bid, and the rules, never change through a bid: read them before taking the lock, so the lock is held
        // for the bid alone (and SQLite's single writer is free for others meanwhile).
        var shell = await db.Auctions.AsNoTracking().FirstOrDefaultAsync(a => a.Id == auctionId, cancellationToken);
        if (shell is null) return PlaceBidResult.NotFound;
        var registration = await db.AuctionRegistrations.AsNoTracking().FirstOrDefaultAsync(r => r.AuctionId == auctionId && r.OrganizationId == actor.OrganizationId, cancellationToken);
        var qualified = registration is { Status: RegistrationStatus.Qualified, BidderCode: not null };
        var refusal = BidderEligibility.Decide(new BidderFacts(
            IsOrganiser: actor.OrganizationId == shell.OrganizerOrganizationId || actor.IsCenterStaff,
            IsSeller: actor.OrganizationId == shell.SellerOrganizationId,
            IsRegistered: registration is not null,
            IsQualified: qualified,
            DepositHeld: qualified && await deposits.IsHeldAsync(actor.OrganizationId, DepositSubjectKind.Auction, auctionId, cancellationToken)));
        if (refusal is { } refused)
        {
            return new PlaceBidResult(PlaceBidStatus.Refused, refused.Code(), refused.Message(), null, shell.PriceFen, shell.LeaderCode,
                registration?.BidderCode, shell.EndsAt, shell.Sequence, false);
        }
        var rules = await AuctionState.RulesAsync(db, shell, cancellationToken);
        var bidder = new BidderCode(registration!.BidderCode!);

        await using var transaction = await AuctionLock.TakeAsync(db, auctionId, cancellationToken);
        if (idempotencyKey is not null)
        {
            var stored = await db.BidIdempotencyKeys.AsNoTracking().FirstOrDefaultAsync(k => k.RegistrationId == registration.Id && k.Key == idempotencyKey, cancellationToken);
            if (stored is not null) return JsonSerializer.Deserialize<PlaceBidResult>(stored.Response, OutboxTypes.Json)! with { Replayed = true };
        }
        var auction = await db.Auctions.FirstAsync(a => a.Id == auctionId, cancellationToken);
        if (auction.Status == AuctionStatus.Closed)
        {
            // After the close nothing more enters the log.
            return new PlaceBidResult(PlaceBidStatus.Rejected, AuctionLogJson.ReasonCode(BidRejection.NotOpen), Explain(BidRejection.NotOpen, null),
                null, auction.PriceFen, auction.LeaderCode, bidder.Value, auction.EndsAt, auction.Sequence, false);
        }

        // Resume from the snapshot stored with the last bid rather than replaying the whole log: same answers (the
        // domain tests compare the two bid by bid), O(1) per bid. The close replays the full log and checks the snapshot.
        var engine = AuctionEngine.Resume(rules, auction.Snapshot());
        var leaderBefore = engine.Leader;
        // SPC 2016 Art. 20: the bid's time is the server's time of receipt, read under the lock so the log's times never go backwards.
        var now = clock.GetUtcNow();
        var outcome = engine.PlaceBid(bidder, new Money(amountFen), now);

        auction.PriceFen = engine.Price?.Fen;
        auction.LeaderCode = engine.Leader?.Value;
        auction.LeaderMaxFen = engine.Snapshot().LeaderMax?.Fen;
        auction.EndsAt = engine.EndsAt;
        auction.AcceptedBids = engine.AcceptedBids;
        auction.RejectedBids = engine.RejectedBids;
        if (outcome.IsAccepted) auction.Sequence++;

        db.AuctionBids.Add(new AuctionBid
        {
            AuctionId = auction.Id,
            Ordinal = engine.AcceptedBids + engine.RejectedBids,
            RegistrationId = registration.Id,
            BidderCode = bidder.Value,
            AmountFen = amountFen,
            ReceivedAt = now,
            Accepted = outcome.IsAccepted,
            Reason = outcome.Rejection is { } r ? AuctionLogJson.ReasonCode(r) : null,
            MinimumFen = outcome.Minimum?.Fen,
            PriceAfterFen = outcome.PriceAfter?.Fen,
            LeaderAfter = outcome.LeaderAfter?.Value,
            EndsAtAfter = outcome.EndsAtAfter,
            SequenceAfter = auction.Sequence,
            PlacedByUserId = actor.UserId,
        });

        if (outcome.IsAccepted)
        {
            db.Outbox.Add(Message(OutboxTypes.AuctionUpdated, AuctionUpdate.Of(auction, engine, outcome.Extended), now));
            if (leaderBefore is { } previous && previous != engine.Leader)
            {
                var outbid = await db.AuctionRegistrations.AsNoTracking().Where(x => x.AuctionId == auction.Id && x.BidderCode == previous.Value)
                    .Select(x => x.OrganizationId).FirstAsync(cancellationToken);
                db.Outbox.Add(Message(OutboxTypes.Outbid, new OutbidNotice(auction.Id, outbid, auction.Title, auction.PriceFen!.Value), now));
            }
        }

        var result = new PlaceBidResult(
            outcome.IsAccepted ? PlaceBidStatus.Accepted : PlaceBidStatus.Rejected,
            outcome.Rejection is { } reason ? AuctionLogJson.ReasonCode(reason) : null,
            outcome.Rejection is { } why ? Explain(why, outcome.Minimum) : outcome.Extended ? "出价成功，竞价时间已延长 / Accepted; the end was extended." : "出价成功 / Accepted.",
            outcome.Minimum?.Fen, outcome.PriceAfter?.Fen, outcome.LeaderAfter?.Value, bidder.Value, outcome.EndsAtAfter, auction.Sequence, outcome.Extended);
        if (idempotencyKey is not null)
        {
            db.BidIdempotencyKeys.Add(new BidIdempotencyKey
            {
                RegistrationId = registration.Id,
                Key = idempotencyKey,
                StatusCode = (int)result.Status,
                Response = JsonSerializer.Serialize(result, OutboxTypes.Json),
                CreatedAt = now,
            });
        }
        db.AuditAs(outcome.IsAccepted ? "auction.bid_accepted" : "auction.bid_rejected", $"bidder {bidder.Value}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Poke();
        return result;
    }

    internal static OutboxMessage Message<T>(string type, T payload, DateTimeOffset at) => new()
    {
        Type = type,
        Payload = JsonSerializer.Serialize(payload, OutboxTypes.Json),
        CreatedAt = at,
    };

    public static string Explain(BidRejection rejection, Money? minimum) => rejection switch
    {
        BidRejection.NotOpen => "竞价未开始或已结束（以服务器收到出价的时间为准）/ The auction is not open at the server's time of receipt.",
        BidRejection.BelowMinimum => $"出价低于最低应价 {minimum} / Below the minimum bid of {minimum}.",
        BidRejection.AlreadyLeading => "您已是当前最高出价人，不能再次出价 / You already lead; you cannot bid against yourself.",
        _ => throw new ArgumentOutOfRangeException(nameof(rejection)),
    };
}
