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
/// 2016 Art. 20), writes their bid rows (each with its Idempotency-Key), one audit entry and the outbox messages, updates
/// the auction once, and commits. Only then is any of them answered: an acknowledged bid is always durably committed, and a failed
/// commit fails every bid in the batch (none was acknowledged). Other nodes queue on the same database lock, so ordering
/// holds with several web nodes. One commit (one WAL flush) is shared by all bids that arrived while the previous one ran.
/// </summary>
public sealed class BidGroupCommit(IServiceScopeFactory scopes, TimeProvider clock, OutboxSignal outbox)
{
    /// <summary>Bounds one transaction: a storm becomes several commits rather than one ever-growing one.</summary>
    internal const int MaxBatch = 256;

    /// <summary>Bidder codes named in a batch's audit entry: 40 codes of at most 32 characters fit its 2,000.</summary>
    private const int AuditedCodes = 40;

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

    /// <summary>How many bids for the auction wait for its next batch (none once a drain has taken them).</summary>
    internal int Queued(Guid auctionId)
    {
        lock (lanes) return lanes.TryGetValue(auctionId, out var lane) ? lane.Waiting.Count : 0;
    }

    private async Task DrainAsync(Guid auctionId, Lane lane)
    {
        var answered = BidPathProfile.Start();
        // One context and open connection for the whole drain: a storm's batches reuse it instead of renting a
        // connection per commit. A failed batch drops it, so the next batch starts on a fresh one.
        Connection? connection = null;
        try
        {
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
                    connection ??= await Connection.OpenAsync(scopes);
                    BidPathProfile.Lap(BidPhase.Scope, taken);
                    // Not the callers' tokens: once queued, a bid is decided and answered even if its request went away
                    // (a retry with the same Idempotency-Key then gets that answer).
                    PlaceBidResult[] answers;
                    try
                    {
                        answers = await CommitAsync(connection.Db, auctionId, batch, lookUpKeys: false, CancellationToken.None);
                    }
                    catch (DbException conflict) when (IsUniqueViolation(conflict) && batch.Any(b => b.IdempotencyKey is not null))
                    {
                        // A key was used before (a retry): nothing was committed; run the batch again, looking the keys up under the lock.
                        answers = await CommitAsync(connection.Db, auctionId, batch, lookUpKeys: true, CancellationToken.None);
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
                    if (connection is { } failed)
                    {
                        connection = null;
#pragma warning disable CA1031 // A broken connection may fail to close; it is dropped either way and the drain goes on.
                        try { await failed.DisposeAsync(); } catch (Exception) { }
#pragma warning restore CA1031
                    }
                    answered = BidPathProfile.Start();
                }
            }
        }
        finally
        {
#pragma warning disable CA1031 // The lane is already released; a connection that fails to close is dropped either way.
            if (connection is { } open) try { await open.DisposeAsync(); } catch (Exception) { }
#pragma warning restore CA1031
        }
    }

    /// <summary>
    /// Runs one batch in one transaction. Idempotency-Keys are new in the common case, so the first attempt does not look
    /// them up: the unique index (registration, key) refuses a reused one, the transaction rolls back, and the caller
    /// runs the batch again with <paramref name="lookUpKeys"/> so the retried bid gets its first answer.
    /// </summary>
    private async Task<PlaceBidResult[]> CommitAsync(TechMarketDbContext db, Guid auctionId, List<QueuedBid> batch, bool lookUpKeys, CancellationToken cancellationToken)
    {
        var lap = BidPathProfile.Start();
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
        var before = Summary(engine, sequence);
        List<AuctionBid> bids = [];
        HashSet<BidderActor> placedBy = [];
        List<AuctionUpdate> updates = [];
        HashSet<Guid> outbid = [];
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
            var leaderBefore = engine.Leader;
            // SPC 2016 Art. 20: the bid's time is the server's time of receipt, read under the lock so the log's times never go
            // backwards; in whole microseconds, as PostgreSQL stores it, so the answer rebuilt from the stored row is the same.
            var now = clock.GetUtcNow();
            now = now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerMicrosecond));
            var outcome = engine.PlaceBid(code, new Money(bid.AmountFen), now);
            if (outcome.IsAccepted) sequence++;

            var row = new AuctionBid
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
                Extended = outcome.Extended,
                PlacedByUserId = bid.Actor.UserId,
                IdempotencyKey = bid.IdempotencyKey,
            };
            bids.Add(row);
            placedBy.Add(bid.Actor);
            answers[i] = PlaceBid.Answer(row);
            // The same key twice in one batch: the second gets the first answer.
            if (bid.IdempotencyKey is { } newKey) stored[(registration.Id, newKey)] = answers[i];
            if (outcome.IsAccepted)
            {
                auction.Sequence = sequence; // the update carries the auction's id and sequence, the engine's state
                updates.Add(AuctionUpdate.Of(auction, engine, outcome.Extended));
                if (leaderBefore is { } previous && previous != engine.Leader)
                    outbid.Add(registrations.Single(b => b.BidderCode == previous.Value).OrganizationId);
            }
        }

        Apply(auction, engine);
        auction.Sequence = sequence;
        lap = BidPathProfile.Lap(BidPhase.Decide, lap);
        // One round trip: the bids (each with its Idempotency-Key: the stored answer), one outbox message with the
        // batch's live updates in sequence order, one with the bidders it outbid, one audit entry for the auction's
        // change, and the auction's new state. Rows per bid are the cost of a commit, so a batch adds one row per bid.
        var write = new RawWrite(db);
        write.Insert(bids);
        if (bids.Count > 0)
        {
            var at = bids[^1].ReceivedAt;
            List<OutboxMessage> messages = [];
            if (updates.Count > 0) messages.Add(PlaceBid.Message(OutboxTypes.AuctionUpdates, updates, at));
            // Nobody is told they were outbid who leads again by the end of the commit.
            if (engine.Leader is { } leader) outbid.Remove(registrations.Single(b => b.BidderCode == leader.Value).OrganizationId);
            if (outbid.Count > 0) messages.Add(PlaceBid.Message(OutboxTypes.Outbid, new OutbidNotices(auctionId, auction.Title, engine.Price!.Value.Fen, [.. outbid]), at));
            write.Insert(messages);
            write.Insert([Audit(auctionId, placedBy, bids, before, Summary(engine, sequence))]);
            write.Update(auctionId, auction, nameof(Auction.PriceFen), nameof(Auction.LeaderCode), nameof(Auction.LeaderMaxFen), nameof(Auction.EndsAt),
                nameof(Auction.AcceptedBids), nameof(Auction.RejectedBids), nameof(Auction.Sequence));
        }
        lap = BidPathProfile.Lap(BidPhase.Build, lap);
        await write.ExecuteAndCommitAsync(transaction, cancellationToken);
        BidPathProfile.Lap(BidPhase.Write, lap);
        return answers;
    }

    /// <summary>
    /// The auction's change by one commit, audited in it (who, when, before, after). Each bid's own record (who placed
    /// it, when, the answer) is its row in the append-only bid log, which this entry points to by ordinal.
    /// </summary>
    private static AuditEntry Audit(Guid auctionId, HashSet<BidderActor> placedBy, List<AuctionBid> bids, string before, string after)
    {
        var actors = placedBy.ToList();
        var accepted = bids.Count(b => b.Accepted);
        return new AuditEntry
        {
            At = bids[^1].ReceivedAt,
            // One bidder in the commit (the quiet case) is named; several are in the bid rows.
            UserId = actors.Count == 1 ? actors[0].UserId : null,
            OrganizationId = actors.Count == 1 ? actors[0].OrganizationId : null,
            Action = accepted > 0 ? "auction.bids_accepted" : "auction.bids_rejected",
            EntityType = nameof(Auction),
            EntityId = auctionId.ToString(),
            Before = before,
            After = after,
            Reason = string.Create(CultureInfo.InvariantCulture,
                $"bids {bids[0].Ordinal}–{bids[^1].Ordinal}: {accepted} accepted, {bids.Count - accepted} rejected; bidders {Codes(bids)}"),
        };
    }

    /// <summary>The batch's bidder codes for its audit entry, at most <see cref="AuditedCodes"/> of them (the reason's column is bounded).</summary>
    private static string Codes(List<AuctionBid> bids)
    {
        var codes = bids.Select(b => b.BidderCode).Distinct().ToList();
        var named = string.Join(", ", codes.Take(AuditedCodes));
        return codes.Count > AuditedCodes ? string.Create(CultureInfo.InvariantCulture, $"{named} and {codes.Count - AuditedCodes} more") : named;
    }

    /// <summary>First answers already stored for the batch's Idempotency-Keys: their bid rows (one query, under the lock).</summary>
    private static async Task<Dictionary<(Guid, string), PlaceBidResult>> StoredAnswersAsync(TechMarketDbContext db, List<QueuedBid> batch,
        BidderRow?[] bidders, CancellationToken cancellationToken)
    {
        var keyed = batch.Select((b, i) => (b.IdempotencyKey, Registration: bidders[i])).Where(b => b.IdempotencyKey is not null && b.Registration is not null).ToList();
        if (keyed.Count == 0) return [];
        var registrations = keyed.Select(b => b.Registration!.Id).Distinct().ToList();
        var keys = keyed.Select(b => b.IdempotencyKey).Distinct().ToList();
        var rows = await db.AuctionBids.AsNoTracking().Where(b => registrations.Contains(b.RegistrationId) && keys.Contains(b.IdempotencyKey))
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => (r.RegistrationId, r.IdempotencyKey!), PlaceBid.Answer);
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

    /// <summary>A drain's database context with its connection held open between transactions.</summary>
    private sealed class Connection : IAsyncDisposable
    {
        private readonly AsyncServiceScope scope;

        private Connection(AsyncServiceScope scope)
        {
            this.scope = scope;
            Db = scope.ServiceProvider.GetRequiredService<TechMarketDbContext>();
        }

        public TechMarketDbContext Db { get; }

        public static async Task<Connection> OpenAsync(IServiceScopeFactory scopes)
        {
            var connection = new Connection(scopes.CreateAsyncScope());
            try
            {
                await connection.Db.Database.OpenConnectionAsync();
                return connection;
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }

    private sealed class Lane
    {
        public List<QueuedBid> Waiting { get; } = [];
        public bool Draining { get; set; }
    }
}
