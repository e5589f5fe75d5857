using System.Text.Json;
using TechMarket.Domain.Auctions;

namespace TechMarket.Infrastructure.Auctions;

/// <summary>
/// A live update as every watcher receives it: public fields only (no reserve, no maximum, no identity), with the
/// auction's sequence so a client that sees a gap resynchronises from GET /api/v1/auctions/{id}.
/// </summary>
public sealed record AuctionUpdate(
    Guid AuctionId,
    long Sequence,
    string Status,
    long? PriceFen,
    string? Leader,
    long NextMinimumFen,
    DateTimeOffset EndsAt,
    int AcceptedBids,
    bool Extended,
    AuctionUpdateBid? LastBid,
    string? Outcome,
    string? Winner)
{
    public static AuctionUpdate Of(Auction auction, AuctionEngine engine, bool extended)
    {
        ArgumentNullException.ThrowIfNull(auction);
        ArgumentNullException.ThrowIfNull(engine);
        var state = engine.PublicState();
        var last = state.History.Count > 0 ? state.History[^1] : null;
        return new AuctionUpdate(auction.Id, auction.Sequence, auction.Status == AuctionStatus.Closed ? "closed" : "open",
            state.Price?.Fen, state.Leader?.Value, state.NextMinimum.Fen, state.EndsAt, state.AcceptedBids, extended,
            last is null ? null : new AuctionUpdateBid(last.Bidder.Value, last.At, last.PriceAfter.Fen, last.LeaderAfter.Value),
            auction.Sold is { } sold ? (sold ? "sold" : "unsold") : null,
            auction.WinnerCode);
    }
}

public sealed record AuctionUpdateBid(string Bidder, DateTimeOffset At, long PriceAfterFen, string LeaderAfter);

/// <summary>
/// The bidders outbid by one commit, to tell (in-app and by e-mail), and only them: one notice each per commit at the
/// price after it, however often a bidder was overtaken in it, and none to a bidder who leads again by its end.
/// </summary>
public sealed record OutbidNotices(Guid AuctionId, string Title, long PriceFen, IReadOnlyList<Guid> OrganizationIds);

/// <summary>Deposits to release after the close (SPC 2016 Art. 23), for the payments slice to act on.</summary>
/// <summary>站内信 + e-mail to the members of one organisation, sent once after the change that caused it is committed.</summary>
public sealed record OrganizationNotice(Guid OrganizationId, string Title, string Body, string Link);

public sealed record DepositReleaseNotice(Guid AuctionId, IReadOnlyList<Guid> LoserOrganizationIds, Guid? WinnerOrganizationId);

public static class OutboxTypes
{
    /// <summary>The live updates of one commit, in sequence order (a JSON array of <see cref="AuctionUpdate"/>).</summary>
    public const string AuctionUpdates = "auction.updates";
    /// <summary>The bidders one commit outbid (<see cref="OutbidNotices"/>).</summary>
    public const string Outbid = "auction.outbid";
    public const string DepositRelease = "auction.deposit_release";
    /// <summary>An in-app message and e-mail to one organisation (any feature: listed trades use it).</summary>
    public const string OrganizationNotice = "notice.organization";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}

/// <summary>Pushes committed updates to watchers (SignalR in the web host).</summary>
public interface IAuctionUpdatePublisher
{
    Task PublishAsync(AuctionUpdate update, CancellationToken cancellationToken);
}

/// <summary>The outbox dispatcher's two lanes: live updates to watchers, and everything else (notices, e-mail).</summary>
public enum OutboxLane
{
    Live,
    Notices,
}

/// <summary>Wakes both lanes of the outbox dispatcher after a commit on this node; other nodes' rows are found by polling.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim live = new(0, 1);
    private readonly SemaphoreSlim notices = new(0, 1);

    public void Poke()
    {
        Release(live);
        Release(notices);
    }

    public Task<bool> WaitAsync(OutboxLane lane, TimeSpan timeout, CancellationToken cancellationToken) =>
        (lane == OutboxLane.Live ? live : notices).WaitAsync(timeout, cancellationToken);

    public void Dispose()
    {
        live.Dispose();
        notices.Dispose();
    }

    private static void Release(SemaphoreSlim lane)
    {
        if (lane.CurrentCount == 0)
        {
            try { lane.Release(); } catch (SemaphoreFullException) { /* already poked */ }
        }
    }
}
