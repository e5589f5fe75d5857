using TechMarket.Domain.Auctions;
using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Tests.Auctions;

public sealed class AuctionEligibilityAndReauctionTests
{
    private static readonly DateTimeOffset ClosedAt = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Organiser_and_its_staff_may_not_bid_Auction_Law_Art_22() =>
        Assert.Equal(BidderRefusal.Organiser, BidderEligibility.Decide(new BidderFacts(true, false, true, true, true)));

    [Fact]
    public void Seller_may_not_bid_on_its_own_lot_Auction_Law_Art_30() =>
        Assert.Equal(BidderRefusal.Seller, BidderEligibility.Decide(new BidderFacts(false, true, true, true, true)));

    [Fact]
    public void Unregistered_and_unqualified_bidders_may_not_bid()
    {
        Assert.Equal(BidderRefusal.NotRegistered, BidderEligibility.Decide(new BidderFacts(false, false, false, false, false)));
        Assert.Equal(BidderRefusal.NotQualified, BidderEligibility.Decide(new BidderFacts(false, false, true, false, true)));
    }

    [Fact]
    public void No_deposit_no_bid_SPC_2016_Art_17()
    {
        Assert.Equal(BidderRefusal.NoDeposit, BidderEligibility.Decide(new BidderFacts(false, false, true, true, false)));
        Assert.Null(BidderEligibility.Decide(new BidderFacts(false, false, true, true, true)));
    }

    [Fact]
    public void Reauction_start_may_be_cut_by_at_most_20_percent_SPC_2016_Art_26()
    {
        Assert.Equal(new Money(800_000), Reauction.LowestStart(new Money(1_000_000)));
        Assert.Equal(new Money(80), Reauction.LowestStart(new Money(99))); // 79.2 rounds up: never more than 20 % off
        Assert.Null(Reauction.Check(new Money(1_000_000), ClosedAt, new Money(800_000), ClosedAt.AddDays(10)));
        Assert.Equal("StartPrice", Reauction.Check(new Money(1_000_000), ClosedAt, new Money(799_999), ClosedAt.AddDays(10))?.Field);
    }

    [Fact]
    public void Reauction_opens_within_30_days_of_the_close_SPC_2016_Art_26()
    {
        Assert.Null(Reauction.Check(new Money(1_000_000), ClosedAt, new Money(900_000), ClosedAt.AddDays(30)));
        Assert.Equal("OpensAt", Reauction.Check(new Money(1_000_000), ClosedAt, new Money(900_000), ClosedAt.AddDays(30).AddSeconds(1))?.Field);
    }

    [Fact]
    public void Lots_of_a_session_close_in_sequence()
    {
        var first = ClosedAt;
        Assert.Equal(first, SessionSchedule.EndOfLot(first, TimeSpan.FromMinutes(5), 1));
        Assert.Equal(first.AddMinutes(10), SessionSchedule.EndOfLot(first, TimeSpan.FromMinutes(5), 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => SessionSchedule.EndOfLot(first, TimeSpan.FromMinutes(5), 0));
    }
}

public sealed class AuctionResumeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(true, 1)]
    [InlineData(true, 2)]
    [InlineData(false, 3)]
    [InlineData(true, 4)]
    public void Resuming_from_a_snapshot_after_every_bid_answers_exactly_as_the_replay_of_the_whole_log(bool proxy, int seed)
    {
        // SPC 2016 Art. 29: the log is the reference; the snapshot is an optimisation that must never disagree with it.
        var rules = new AuctionRules(new Money(1_000), new Money(1_600), BidIncrement.Fixed(new Money(50)), T0, T0.AddHours(1), proxy,
            [new PriorityBidder(new BidderCode("P"), 1)]);
        var random = new Random(seed);
        var codes = new[] { "A", "B", "C", "P" };
        var reference = new AuctionEngine(rules);
        var snapshot = new AuctionEngine(rules).Snapshot();
        for (var i = 0; i < 300; i++)
        {
            var bidder = new BidderCode(codes[random.Next(codes.Length)]);
            var amount = new Money(900 + random.Next(0, 60) * 25 + i * 20); // rising, so both modes keep accepting bids
            var at = T0.AddSeconds(i * 12 + random.Next(0, 12));
            var expected = reference.PlaceBid(bidder, amount, at);
            var resumed = AuctionEngine.Resume(rules, snapshot);
            Assert.Equal(expected, resumed.PlaceBid(bidder, amount, at));
            snapshot = resumed.Snapshot();
            Assert.Equal(reference.Snapshot(), snapshot);
        }
        Assert.True(reference.AcceptedBids > 5);
    }
}
