using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechMarket.Domain.Auctions;
using TechMarket.Domain.Auctions.Replay;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Audit;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.Auctions;

/// <summary>A bid as received, waiting for its auction's next commit.</summary>
internal sealed record QueuedBid(BidderActor Actor, long AmountFen, string? IdempotencyKey)
{
    public TaskCompletionSource<PlaceBidResult> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// Group commit for one hot auction. Bids for an auction queue on this node; one drain at a time takes the auction's
/// lock, decides who may bid (organiser, seller, registration, qualification, deposit: one read each for the whole
/// batch, under the lock, so a registration or deposit committed before a bid is always seen), applies every queued
/// bid in arrival order (each at its own server time of receipt, read under the lock: SPC
/// 2016 Art. 20), writes their bid rows, audit entries, idempotency answers and outbox messages, updates the auction
/// once, and commits. Only then is any of them answered: an acknowledged bid is always durably committed, and a failed
/// commit fails every bid in the batch (none was acknowledged). Other nodes queue on the same database lock, so ordering
/// holds with several web nodes. One commit (one WAL flush) is shared by all bids that arrived while the previous one ran.
/// </summary>
public sealed class BidGroupCommit(IServiceScopeFactory scopes, TimeProvider clock, OutboxSignal outbox)
{
    /// <summary>Bounds one transaction: a storm becomes several commits rather than one ever-growing one.</summary>
    internal const int MaxBatch = 256;

    private readonly Dictionary<Guid, Lane> lanes = [];

    internal Task<PlaceBidResult> SubmitAsync(Guid auctionId, QueuedBid bid)
    {
        Lane lane;
        bool start;
        lock (lanes)
        {
            if (!lanes.TryGetValue(auctionId, out lane!)) lanes[auctionId] = lane = new Lane();
            lane.Waiting.Add(bid);
            start = !lane.Draining;
            lane.Draining = true;
        }
        if (start) _ = Task.Run(() => DrainAsync(auctionId, lane));
        return bid.Answer.Task;
    }

    private async Task DrainAsync(Guid auctionId, Lane lane)
    {
        var answered = BidPathProfile.Start();
        while (true)
        {
            // Let the bidders just answered queue their next bids first: fuller batches, fewer commits.
            await Task.Yield();
            List<QueuedBid> batch;
            lock (lanes)
            {
                if (lane.Waiting.Count == 0)
                {
                    lane.Draining = false;
                    lanes.Remove(auctionId);
                    return;
                }
                batch = [.. lane.Waiting.Take(MaxBatch)];
                lane.Waiting.RemoveRange(0, batch.Count);
            }
            var taken = BidPathProfile.Lap(BidPhase.Gap, answered);
            BidPathProfile.Batch(batch.Count);
            try
            {
                // Not the callers' tokens: once queued, a bid is decided and answered even if its request went away
                // (a retry with the same Idempotency-Key then gets that answer).
                PlaceBidResult[] answers;
                try
                {
                    answers = await CommitAsync(auctionId, batch, lookUpKeys: false, CancellationToken.None);
                }
                catch (DbException conflict) when (IsUniqueViolation(conflict) && batch.Any(b => b.IdempotencyKey is not null))
                {
                    // A key was used before (a retry): nothing was committed; run the batch again, looking the keys up under the lock.
                    answers = await CommitAsync(auctionId, batch, lookUpKeys: true, CancellationToken.None);
                }
                var committed = BidPathProfile.Lap(BidPhase.Call, taken);
                outbox.Poke();
                for (var i = 0; i < batch.Count; i++) batch[i].Answer.SetResult(answers[i]);
                answered = BidPathProfile.Lap(BidPhase.Answer, committed);
            }
#pragma warning disable CA1031 // Whatever failed the transaction fails every bid in it; none was stored or acknowledged.
            catch (Exception failure)
#pragma warning restore CA1031
            {
                foreach (var bid in batch) bid.Answer.TrySetException(failure);
                answered = BidPathProfile.Start();
            }
        }
    }

    /// <summary>
    /// Runs one batch in one transaction. Idempotency-Keys are new in the common case, so the first attempt does not look
    /// them up: the unique index (registration, key) refuses a reused one, the transaction rolls back, and the caller
    /// runs the batch again with <paramref name="lookUpKeys"/> so the retried bid gets its first answer.
    /// </summary>
    private async Task<PlaceBidResult[]> CommitAsync(Guid auctionId, List<QueuedBid> batch, bool lookUpKeys, CancellationToken cancellationToken)
    {
        var lap = BidPathProfile.Start();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TechMarketDbContext>();
        lap = BidPathProfile.Lap(BidPhase.Scope, lap);
        await using var transaction = await RowLock.BeginLockedByCallerAsync(db, cancellationToken);
        lap = BidPathProfile.Lap(BidPhase.Begin, lap);
        // The lock and everything the batch decides on, in one round trip: who may bid, with which code and priority rank,
        // whose deposit is held and who is barred for an earlier default (SPC 2016 Art. 24). None of it changes through a
        // bid, so it is read once per batch, after the lock is granted.
        var (auction, registrations, holders, barred) = await LockedBidRead.ReadAsync(db, auctionId, cancellationToken);
        lap = BidPathProfile.Lap(BidPhase.LockAndFacts, lap);
        var answers = new PlaceBidResult[batch.Count];
        if (auction is null)
        {
            Array.Fill(answers, PlaceBidResult.NotFound);
            return answers;
        }

        var bidders = new BidderRow?[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var actor = batch[i].Actor;
            var registration = registrations.FirstOrDefault(r => r.OrganizationId == actor.OrganizationId);
            var qualified = registration is { Status: RegistrationStatus.Qualified, BidderCode: not null };
            var refusal = BidderEligibility.Decide(new BidderFacts(
                IsOrganiser: actor.OrganizationId == auction.OrganizerOrganizationId || actor.IsCenterStaff,
                IsSeller: actor.OrganizationId == auction.SellerOrganizationId,
                IsRegistered: registration is not null,
                IsQualified: qualified,
                // An auction that asks no deposit (DepositFen 0, e.g. a realisation lot the center set so) has nothing to hold.
                DepositHeld: qualified && (auction.DepositFen == 0 || holders.Contains(actor.OrganizationId)),
                IsBarredDefaulter: barred.Contains(actor.OrganizationId)));
            if (refusal is { } refused)
            {
                // Refused bidders' bids never enter the log.
                answers[i] = new PlaceBidResult(PlaceBidStatus.Refused, refused.Code(), refused.Message(), null, auction.PriceFen, auction.LeaderCode,
                    registration?.BidderCode, auction.EndsAt, auction.Sequence, false);
            }
            else
            {
                bidders[i] = registration;
            }
        }

        var stored = lookUpKeys || auction.Status == AuctionStatus.Closed ? await StoredAnswersAsync(db, batch, bidders, cancellationToken) : [];
        if (auction.Status == AuctionStatus.Closed)
        {
            // After the close nothing more enters the log.
            for (var i = 0; i < batch.Count; i++)
            {
                if (bidders[i] is not { } closedTo) continue;
                answers[i] = stored.TryGetValue((closedTo.Id, batch[i].IdempotencyKey ?? ""), out var first) ? first with { Replayed = true }
                    : new PlaceBidResult(PlaceBidStatus.Rejected, AuctionLogJson.ReasonCode(BidRejection.NotOpen), PlaceBid.Explain(BidRejection.NotOpen, null),
                        null, auction.PriceFen, auction.LeaderCode, closedTo.BidderCode, auction.EndsAt, auction.Sequence, false);
            }
            return answers;
        }

        var rules = auction.Rules(registrations.Where(b => b.PriorityRank != null && b.BidderCode != null).OrderBy(b => b.BidderCode, StringComparer.Ordinal)
            .Select(b => new PriorityBidder(new BidderCode(b.BidderCode!), b.PriorityRank!.Value)));
        // Resume from the snapshot stored with the last bid rather than replaying the whole log: same answers (the
        // domain tests compare the two bid by bid), O(1) per bid. The close replays the full log and checks the snapshot.
        var engine = AuctionEngine.Resume(rules, auction.Snapshot());
        var sequence = auction.Sequence;
        List<AuctionBid> bids = [];
        List<OutboxMessage> messages = [];
        List<BidIdempotencyKey> keys = [];
        List<AuditEntry> audit = [];
        for (var i = 0; i < batch.Count; i++)
        {
            var bid = batch[i];
            if (bidders[i] is not { } registration) continue;
            var code = new BidderCode(registration.BidderCode!);
            if (bid.IdempotencyKey is { } key && stored.TryGetValue((registration.Id, key), out var first))
            {
                answers[i] = first with { Replayed = true };
                continue;
            }
            var before = Summary(engine, sequence);
            var leaderBefore = engine.Leader;
            // SPC 2016 Art. 20: the bid's time is the server's time of receipt, read under the lock so the log's times never go backwards.
            var now = clock.GetUtcNow();
            var outcome = engine.PlaceBid(code, new Money(bid.AmountFen), now);
            if (outcome.IsAccepted) sequence++;

            bids.Add(new AuctionBid
            {
                AuctionId = auctionId,
                Ordinal = engine.AcceptedBids + engine.RejectedBids,
                RegistrationId = registration.Id,
                BidderCode = code.Value,
                AmountFen = bid.AmountFen,
                ReceivedAt = now,
                Accepted = outcome.IsAccepted,
                Reason = outcome.Rejection is { } r ? AuctionLogJson.ReasonCode(r) : null,
                MinimumFen = outcome.Minimum?.Fen,
                PriceAfterFen = outcome.PriceAfter?.Fen,
                LeaderAfter = outcome.LeaderAfter?.Value,
                EndsAtAfter = outcome.EndsAtAfter,
                SequenceAfter = sequence,
                PlacedByUserId = bid.Actor.UserId,
            });
            if (outcome.IsAccepted)
            {
                auction.Sequence = sequence;
                Apply(auction, engine);
                messages.Add(PlaceBid.Message(OutboxTypes.AuctionUpdated, AuctionUpdate.Of(auction, engine, outcome.Extended), now));
                if (leaderBefore is { } previous && previous != engine.Leader)
                {
                    var outbid = registrations.Single(b => b.BidderCode == previous.Value).OrganizationId;
                    messages.Add(PlaceBid.Message(OutboxTypes.Outbid, new OutbidNotice(auctionId, outbid, auction.Title, engine.Price!.Value.Fen), now));
                }
            }

            var answer = new PlaceBidResult(
                outcome.IsAccepted ? PlaceBidStatus.Accepted : PlaceBidStatus.Rejected,
                outcome.Rejection is { } reason ? AuctionLogJson.ReasonCode(reason) : null,
                outcome.Rejection is { } why ? PlaceBid.Explain(why, outcome.Minimum) : outcome.Extended ? "出价成功，竞价时间已延长 / Accepted; the end was extended." : "出价成功 / Accepted.",
                outcome.Minimum?.Fen, outcome.PriceAfter?.Fen, outcome.LeaderAfter?.Value, code.Value, outcome.EndsAtAfter, sequence, outcome.Extended);
            answers[i] = answer;
            if (bid.IdempotencyKey is { } newKey)
            {
                keys.Add(new BidIdempotencyKey
                {
                    RegistrationId = registration.Id,
                    Key = newKey,
                    StatusCode = (int)answer.Status,
                    Response = JsonSerializer.Serialize(answer, OutboxTypes.Json),
                    CreatedAt = now,
                });
                stored[(registration.Id, newKey)] = answer; // the same key twice in one batch: the second gets the first answer
            }
            // Every bid is audited as a change of the auction's live state (who, when, before, after), in this transaction.
            audit.Add(new AuditEntry
            {
                At = now,
                UserId = bid.Actor.UserId,
                OrganizationId = bid.Actor.OrganizationId,
                Action = outcome.IsAccepted ? "auction.bid_accepted" : "auction.bid_rejected",
                EntityType = nameof(Auction),
                EntityId = auctionId.ToString(),
                Before = before,
                After = Summary(engine, sequence),
                Reason = $"bidder {code.Value}",
            });
        }

        Apply(auction, engine);
        auction.Sequence = sequence;
        lap = BidPathProfile.Lap(BidPhase.Decide, lap);
        // One round trip: the bids, their outbox messages, idempotency answers and audit entries, and the auction's new state.
        var write = new RawWrite(db);
        write.Insert(bids);
        write.Insert(messages);
        write.Insert(keys);
        write.Insert(audit);
        if (bids.Count > 0)
        {
            write.Update(auctionId, auction, nameof(Auction.PriceFen), nameof(Auction.LeaderCode), nameof(Auction.LeaderMaxFen), nameof(Auction.EndsAt),
                nameof(Auction.AcceptedBids), nameof(Auction.RejectedBids), nameof(Auction.Sequence));
        }
        lap = BidPathProfile.Lap(BidPhase.Build, lap);
        await write.ExecuteAndCommitAsync(transaction, cancellationToken);
        BidPathProfile.Lap(BidPhase.Write, lap);
        return answers;
    }

    /// <summary>First answers already stored for the batch's Idempotency-Keys (one query, under the lock).</summary>
    private static async Task<Dictionary<(Guid, string), PlaceBidResult>> StoredAnswersAsync(TechMarketDbContext db, List<QueuedBid> batch,
        BidderRow?[] bidders, CancellationToken cancellationToken)
    {
        var keyed = batch.Select((b, i) => (b.IdempotencyKey, Registration: bidders[i])).Where(b => b.IdempotencyKey is not null && b.Registration is not null).ToList();
        if (keyed.Count == 0) return [];
        var registrations = keyed.Select(b => b.Registration!.Id).Distinct().ToList();
        var keys = keyed.Select(b => b.IdempotencyKey!).Distinct().ToList();
        var rows = await db.BidIdempotencyKeys.Where(k => registrations.Contains(k.RegistrationId) && keys.Contains(k.Key))
            .Select(k => new { k.RegistrationId, k.Key, k.Response }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => (r.RegistrationId, r.Key), r => JsonSerializer.Deserialize<PlaceBidResult>(r.Response, OutboxTypes.Json)!);
    }

    private static void Apply(Auction auction, AuctionEngine engine)
    {
        var snapshot = engine.Snapshot();
        auction.PriceFen = snapshot.Price?.Fen;
        auction.LeaderCode = snapshot.Leader?.Value;
        auction.LeaderMaxFen = snapshot.LeaderMax?.Fen;
        auction.EndsAt = snapshot.EndsAt;
        auction.AcceptedBids = snapshot.AcceptedBids;
        auction.RejectedBids = snapshot.RejectedBids;
    }

    /// <summary>The public part of the live state for the audit log (never the leader's maximum).</summary>
    private static string Summary(AuctionEngine engine, long sequence) => string.Create(CultureInfo.InvariantCulture,
        $"{{\"PriceFen\":{(engine.Price is { } p ? p.Fen.ToString(CultureInfo.InvariantCulture) : "null")},\"LeaderCode\":{JsonSerializer.Serialize(engine.Leader?.Value)},\"EndsAt\":\"{engine.EndsAt:O}\",\"AcceptedBids\":{engine.AcceptedBids},\"RejectedBids\":{engine.RejectedBids},\"Sequence\":{sequence}}}");

    private static bool IsUniqueViolation(DbException exception) =>
        exception is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation }
        || exception is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 }; // SQLITE_CONSTRAINT

    private sealed class Lane
    {
        public List<QueuedBid> Waiting { get; } = [];
        public bool Draining { get; set; }
    }
}
