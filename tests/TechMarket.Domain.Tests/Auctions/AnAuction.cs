using TechMarket.Domain.Auctions;
using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Tests.Auctions;

/// <summary>Builds auctions for tests: proxy bidding, start ¥10,000, step ¥500, open 02:00-10:00 UTC, no reserve, no priority bidders.</summary>
internal sealed class AnAuction
{
    public static readonly DateTimeOffset T0 = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    private Money start = Yuan(10_000);
    private Money? reserve;
    private BidIncrement increment = BidIncrement.Fixed(Yuan(500));
    private DateTimeOffset opensAt = T0;
    private DateTimeOffset endsAt = T0.AddHours(8);
    private bool proxy = true;
    private readonly List<PriorityBidder> priority = [];
    private TimeSpan? window;
    private TimeSpan? extension;

    public static AnAuction WithProxyBidding() => new();

    public static AnAuction WithManualBidding() => new() { proxy = false };

    public AnAuction StartingAt(Money price) { start = price; return this; }

    public AnAuction WithReserve(Money price) { reserve = price; return this; }

    public AnAuction WithStep(Money step) { increment = BidIncrement.Fixed(step); return this; }

    public AnAuction WithIncrementTable(params (long FromFen, long StepFen)[] rows)
    {
        increment = BidIncrement.Table(rows.Select(r => new IncrementRow(new Money(r.FromFen), new Money(r.StepFen))));
        return this;
    }

    public AnAuction Open(DateTimeOffset at) { opensAt = at; return this; }

    public AnAuction EndingAt(DateTimeOffset at) { endsAt = at; return this; }

    public AnAuction WithPriorityBidder(BidderCode bidder, int rank) { priority.Add(new PriorityBidder(bidder, rank)); return this; }

    public AnAuction WithSoftClose(TimeSpan softCloseWindow, TimeSpan extensionAfterBid) { window = softCloseWindow; extension = extensionAfterBid; return this; }

    public AuctionRules Rules() => new(start, reserve, increment, opensAt, endsAt, proxy, priority, window, extension);

    public AuctionEngine Build() => new(Rules());

    public static Money Yuan(long yuan) => Money.FromYuan(yuan);
}

internal static class Bidder
{
    public static readonly BidderCode A = new("A");
    public static readonly BidderCode B = new("B");
    public static readonly BidderCode C = new("C");

    /// <summary>Priority bidders in the tests that configure them (优先购买权人).</summary>
    public static readonly BidderCode P = new("P");
    public static readonly BidderCode Q = new("Q");
}
