using TechMarket.Domain.Auctions;
using TechMarket.Domain.Shared;
using static TechMarket.Domain.Tests.Auctions.AnAuction;

namespace TechMarket.Domain.Tests.Auctions;

/// <summary>Issue 5, "The rule engine", rules 1-6: one test (or a few) per rule, each citing its source.</summary>
public sealed class AuctionRuleTests
{
    // Rule 1 — SPC 2016 Art. 20: a bid's time is the server's receipt time; t < opensAt or t ≥ the current endsAt is not_open.
    [Fact]
    public void Rule1_bid_before_opening_or_at_the_current_end_is_not_open()
    {
        var auction = WithProxyBidding().Open(at: T0).EndingAt(T0.AddHours(1)).Build();

        var early = auction.PlaceBid(Bidder.A, Yuan(20_000), T0.AddSeconds(-1));
        var atEnd = auction.PlaceBid(Bidder.A, Yuan(20_000), T0.AddHours(1));
        var justBefore = auction.PlaceBid(Bidder.A, Yuan(20_000), T0.AddHours(1).AddSeconds(-1));

        Assert.Equal(BidRejection.NotOpen, early.Rejection);
        Assert.Equal(BidRejection.NotOpen, atEnd.Rejection);
        Assert.True(justBefore.IsAccepted);
        // "the current endsAt": the soft close moved the end, so a bid at the announced end is now on time.
        Assert.True(auction.PlaceBid(Bidder.B, Yuan(21_000), T0.AddHours(1).AddSeconds(10)).IsAccepted);
    }

    // Rule 2 — exchange practice (eBay proxy semantics): with no leader, max ≥ start leads at the start price.
    [Fact]
    public void Rule2_first_proxy_bid_needs_the_start_price_and_leads_at_the_start_price()
    {
        var auction = WithProxyBidding().StartingAt(Yuan(10_000)).Build();

        var low = auction.PlaceBid(Bidder.A, Yuan(9_999), T0.AddMinutes(1));
        var first = auction.PlaceBid(Bidder.A, Yuan(12_000), T0.AddMinutes(2));

        Assert.Equal(BidRejection.BelowMinimum, low.Rejection);
        Assert.Equal(Yuan(10_000), low.Minimum);
        Assert.True(first.IsAccepted);
        Assert.Equal(Yuan(10_000), auction.Price);
        Assert.Equal(Bidder.A, auction.Leader);
        Assert.Equal(Yuan(12_000), auction.LeaderMax);
    }

    // Rule 2 — exchange practice (eBay): price = min(higher max, other max + step), the earlier bid wins equal maxima.
    [Fact]
    public void Rule2_higher_maximum_leads_at_one_step_above_the_other_maximum_and_equal_maxima_favour_the_earlier_bid()
    {
        var auction = WithProxyBidding().StartingAt(Yuan(10_000)).WithStep(Yuan(500)).Build();
        auction.PlaceBid(Bidder.A, Yuan(12_000), T0.AddMinutes(1));

        auction.PlaceBid(Bidder.B, Yuan(15_000), T0.AddMinutes(2));
        Assert.Equal((Bidder.B, Yuan(12_500)), (auction.Leader!.Value, auction.Price!.Value));

        // The leader keeps the lead: price = min(leader max, challenger max + step(challenger max)).
        auction.PlaceBid(Bidder.C, Yuan(13_000), T0.AddMinutes(3));
        Assert.Equal((Bidder.B, Yuan(13_500)), (auction.Leader!.Value, auction.Price!.Value));

        // Equal maxima: the earlier bid (B) keeps the lead at that maximum.
        auction.PlaceBid(Bidder.A, Yuan(15_000), T0.AddMinutes(4));
        Assert.Equal((Bidder.B, Yuan(15_000)), (auction.Leader!.Value, auction.Price!.Value));
    }

    // Rule 2 — a challenger needs max ≥ price + step(price); the refusal states the minimum.
    [Fact]
    public void Rule2_challenger_below_price_plus_step_is_below_minimum_with_the_minimum_stated()
    {
        var auction = WithProxyBidding().StartingAt(Yuan(10_000)).WithStep(Yuan(500)).Build();
        auction.PlaceBid(Bidder.A, Yuan(12_000), T0.AddMinutes(1));

        var outcome = auction.PlaceBid(Bidder.B, Yuan(10_499), T0.AddMinutes(2));

        Assert.Equal(BidRejection.BelowMinimum, outcome.Rejection);
        Assert.Equal(Yuan(10_500), outcome.Minimum);
        Assert.Equal(Yuan(10_500), auction.MinimumNextBid(Bidder.B));
        Assert.Equal(Yuan(10_000), auction.Price);
    }

    // Rule 2 — the leader may raise its own maximum (it must exceed the current one); the price does not move.
    [Fact]
    public void Rule2_leader_raising_its_own_maximum_leaves_the_price()
    {
        var auction = WithProxyBidding().StartingAt(Yuan(10_000)).Build();
        auction.PlaceBid(Bidder.A, Yuan(12_000), T0.AddMinutes(1));

        var same = auction.PlaceBid(Bidder.A, Yuan(12_000), T0.AddMinutes(2));
        var raise = auction.PlaceBid(Bidder.A, Yuan(20_000), T0.AddMinutes(3));

        Assert.Equal(BidRejection.BelowMinimum, same.Rejection);
        Assert.Equal(Yuan(12_000) + new Money(1), same.Minimum);
        Assert.True(raise.IsAccepted);
        Assert.Equal(Yuan(10_000), auction.Price);
        Assert.Equal(Yuan(20_000), auction.LeaderMax);
    }

    // Rule 2 — SPC 2016 Arts 19, 21: a priority bidder may bid the current price and wins equal maxima against a
    // non-priority leader or a lower-ranked holder; not against a holder of the same or higher rank.
    [Fact]
    public void Rule2_priority_bidder_may_match_and_wins_equal_maxima_unless_the_leader_ranks_as_high()
    {
        var auction = WithProxyBidding().StartingAt(Yuan(10_000)).WithStep(Yuan(500))
            .WithPriorityBidder(Bidder.P, rank: 1).WithPriorityBidder(Bidder.Q, rank: 2).Build();
        auction.PlaceBid(Bidder.A, Yuan(12_000), T0.AddMinutes(1));
        auction.PlaceBid(Bidder.B, Yuan(11_000), T0.AddMinutes(2)); // A leads at 11,500

        // Q matches the price 11,500: below A's maximum, so A keeps the lead and the price rises to min(12,000, 11,500 + 500).
        Assert.Equal(Yuan(11_500), auction.MinimumNextBid(Bidder.Q));
        Assert.True(auction.PlaceBid(Bidder.Q, Yuan(11_500), T0.AddMinutes(3)).IsAccepted);
        Assert.Equal((Bidder.A, Yuan(12_000)), (auction.Leader!.Value, auction.Price!.Value));

        // Q's maximum equals A's: the priority bidder takes the lead at that maximum.
        auction.PlaceBid(Bidder.Q, Yuan(12_000), T0.AddMinutes(4));
        Assert.Equal((Bidder.Q, Yuan(12_000)), (auction.Leader!.Value, auction.Price!.Value));

        // P (rank 1) outranks Q (rank 2) and may match; Q may not match P back.
        auction.PlaceBid(Bidder.P, Yuan(12_000), T0.AddMinutes(5));
        Assert.Equal(Bidder.P, auction.Leader);
        var back = auction.PlaceBid(Bidder.Q, Yuan(12_000), T0.AddMinutes(6));
        Assert.Equal(BidRejection.BelowMinimum, back.Rejection);
        Assert.Equal(Yuan(12_500), back.Minimum);
    }

    // Rule 2 — issue 5: step(price) is the table row with the largest fromFen ≤ price.
    [Fact]
    public void Rule2_increment_table_step_is_the_row_with_the_largest_from_not_above_the_price()
    {
        var auction = WithProxyBidding().StartingAt(new Money(9_000))
            .WithIncrementTable((0, 100), (10_000, 1_000), (50_000, 5_000)).Build();
        auction.PlaceBid(Bidder.A, new Money(20_000), T0.AddMinutes(1));
        Assert.Equal(new Money(9_100), auction.MinimumNextBid(Bidder.B));

        auction.PlaceBid(Bidder.B, new Money(9_950), T0.AddMinutes(2)); // A keeps the lead at min(20,000, 9,950 + 100)
        Assert.Equal(new Money(10_050), auction.Price);
        Assert.Equal(new Money(11_050), auction.MinimumNextBid(Bidder.B)); // 10,050 is in the 10,000 row
    }

    // Rule 3 — manual mode (exchange practice; bids binding, Auction Law Art. 36): exact amounts; first ≥ start,
    // later ≥ price + step(price), leading at the amount; the leader may not bid again.
    [Fact]
    public void Rule3_manual_bids_are_exact_amounts_and_the_leader_may_not_bid_again()
    {
        var auction = WithManualBidding().StartingAt(Yuan(10_000)).WithStep(Yuan(500)).Build();

        Assert.Equal(BidRejection.BelowMinimum, auction.PlaceBid(Bidder.A, Yuan(9_000), T0.AddMinutes(1)).Rejection);
        Assert.True(auction.PlaceBid(Bidder.A, Yuan(11_000), T0.AddMinutes(2)).IsAccepted);
        Assert.Equal(Yuan(11_000), auction.Price);

        Assert.Equal(BidRejection.AlreadyLeading, auction.PlaceBid(Bidder.A, Yuan(12_000), T0.AddMinutes(3)).Rejection);
        Assert.Null(auction.MinimumNextBid(Bidder.A));

        var low = auction.PlaceBid(Bidder.B, Yuan(11_400), T0.AddMinutes(4));
        Assert.Equal((BidRejection.BelowMinimum, Yuan(11_500)), (low.Rejection!.Value, low.Minimum!.Value));
        Assert.True(auction.PlaceBid(Bidder.B, Yuan(13_000), T0.AddMinutes(5)).IsAccepted);
        Assert.Equal((Bidder.B, Yuan(13_000)), (auction.Leader!.Value, auction.Price!.Value));
    }

    // Rule 3 — SPC 2016 Arts 19, 21: in manual mode a priority bidder may bid exactly the current price and takes the
    // lead, unless the leader is a priority bidder of the same or higher rank.
    [Fact]
    public void Rule3_manual_priority_bidder_takes_the_lead_at_the_same_price_unless_the_leader_ranks_as_high()
    {
        var auction = WithManualBidding().StartingAt(Yuan(10_000)).WithStep(Yuan(500))
            .WithPriorityBidder(Bidder.P, rank: 1).WithPriorityBidder(Bidder.Q, rank: 1).Build();
        auction.PlaceBid(Bidder.A, Yuan(10_000), T0.AddMinutes(1));

        Assert.True(auction.PlaceBid(Bidder.P, Yuan(10_000), T0.AddMinutes(2)).IsAccepted);
        Assert.Equal((Bidder.P, Yuan(10_000)), (auction.Leader!.Value, auction.Price!.Value));

        // Q has the same rank: the earlier bid (P) keeps the tie, so Q must bid price + step.
        var tie = auction.PlaceBid(Bidder.Q, Yuan(10_000), T0.AddMinutes(3));
        Assert.Equal((BidRejection.BelowMinimum, Yuan(10_500)), (tie.Rejection!.Value, tie.Minimum!.Value));
        // Between the price and price + step is no bid at all: only the exact price is a match.
        Assert.Equal(BidRejection.BelowMinimum, auction.PlaceBid(Bidder.A, Yuan(10_200), T0.AddMinutes(4)).Rejection);
    }

    // Rule 4 — Auction Law Art. 50: in proxy mode, after each accepted bid a price below the reserve is raised to
    // min(leader max, reserve), by more than one step if needed; SPC 2016 Art. 10: no reserve means the start price.
    [Fact]
    public void Rule4_proxy_price_below_the_reserve_is_raised_to_the_reserve_or_the_leader_max()
    {
        var auction = WithProxyBidding().StartingAt(Yuan(10_000)).WithStep(Yuan(500)).WithReserve(Yuan(20_000)).Build();

        auction.PlaceBid(Bidder.A, Yuan(15_000), T0.AddMinutes(1));
        Assert.Equal(Yuan(15_000), auction.Price); // capped by the leader's maximum

        auction.PlaceBid(Bidder.A, Yuan(30_000), T0.AddMinutes(2)); // the leader's own raise is an accepted bid too
        Assert.Equal(Yuan(20_000), auction.Price);

        auction.PlaceBid(Bidder.B, Yuan(21_000), T0.AddMinutes(3));
        Assert.Equal((Bidder.A, Yuan(21_500)), (auction.Leader!.Value, auction.Price!.Value)); // above the reserve, rule 2 alone

        var manual = WithManualBidding().StartingAt(Yuan(10_000)).WithReserve(Yuan(20_000)).Build();
        manual.PlaceBid(Bidder.A, Yuan(15_000), T0.AddMinutes(1));
        Assert.Equal(Yuan(15_000), manual.Price); // rule 4 is for proxy mode only
    }

    // Rule 5 — SPC 2016 Art. 20: an accepted bid with endsAt − t ≤ window moves endsAt to t + extension; repeats.
    [Fact]
    public void Rule5_bid_in_last_five_minutes_extends_close_to_five_minutes_after_bid()
    {
        var auction = WithProxyBidding().Open(at: T0).EndingAt(T0.AddHours(1)).Build();

        auction.PlaceBid(Bidder.A, Yuan(10_000), T0.AddMinutes(54)); // six minutes before the end: no change
        Assert.Equal(T0.AddHours(1), auction.EndsAt);

        var late = auction.PlaceBid(Bidder.B, Yuan(11_000), T0.AddMinutes(57));
        Assert.True(late.Extended);
        Assert.Equal(T0.AddMinutes(62), auction.EndsAt);

        // It repeats, and the leader raising its own maximum is an accepted bid too.
        auction.PlaceBid(Bidder.B, Yuan(15_000), T0.AddMinutes(61));
        Assert.Equal(T0.AddMinutes(66), auction.EndsAt);
        Assert.Equal(BidRejection.NotOpen, auction.PlaceBid(Bidder.C, Yuan(20_000), T0.AddMinutes(66)).Rejection);
    }

    // Rule 5 — SPC 2016 Art. 20: rejected bids never extend; the window's edge (endsAt − t = window) counts; a
    // configured window and extension replace the five-minute defaults.
    [Fact]
    public void Rule5_rejected_bids_never_extend_and_window_and_extension_are_configurable()
    {
        var auction = WithProxyBidding().EndingAt(T0.AddHours(1))
            .WithSoftClose(softCloseWindow: TimeSpan.FromMinutes(10), extensionAfterBid: TimeSpan.FromMinutes(15)).Build();
        auction.PlaceBid(Bidder.A, Yuan(12_000), T0.AddMinutes(40));

        var refused = auction.PlaceBid(Bidder.B, Yuan(10_100), T0.AddMinutes(59));
        Assert.False(refused.IsAccepted);
        Assert.False(refused.Extended);
        Assert.Equal(T0.AddHours(1), auction.EndsAt);

        auction.PlaceBid(Bidder.B, Yuan(11_000), T0.AddMinutes(50));
        Assert.Equal(T0.AddMinutes(65), auction.EndsAt);
    }

    // Rule 6 — SPC 2016 Art. 22, Auction Law Arts 50, 52: sold to the leader at the price if price ≥ reserve.
    [Fact]
    public void Rule6_close_sells_to_the_leader_when_the_price_meets_the_reserve()
    {
        var auction = WithManualBidding().StartingAt(Yuan(10_000)).WithReserve(Yuan(12_000)).EndingAt(T0.AddHours(1)).Build();
        auction.PlaceBid(Bidder.A, Yuan(11_000), T0.AddMinutes(1));
        auction.PlaceBid(Bidder.B, Yuan(12_000), T0.AddMinutes(2));
        auction.PlaceBid(Bidder.C, Yuan(11_000), T0.AddMinutes(3));

        Assert.Throws<InvalidOperationException>(() => auction.Close(T0.AddMinutes(59)));
        var outcome = auction.Close(T0.AddHours(1));

        Assert.Equal(new AuctionOutcome(AuctionOutcomeStatus.Sold, Bidder.B, Yuan(12_000), T0.AddHours(1), 2, 1), outcome);
        Assert.Equal(BidRejection.NotOpen, auction.PlaceBid(Bidder.C, Yuan(50_000), T0.AddMinutes(30)).Rejection);
    }

    // Rule 6 — Auction Law Art. 50; SPC 2016 Art. 26 (流拍): reserve not met, or no accepted bid, is unsold.
    [Fact]
    public void Rule6_close_is_unsold_when_the_reserve_is_not_met_or_no_bid_was_accepted()
    {
        var belowReserve = WithManualBidding().StartingAt(Yuan(10_000)).WithReserve(Yuan(12_000)).EndingAt(T0.AddHours(1)).Build();
        belowReserve.PlaceBid(Bidder.A, Yuan(11_000), T0.AddMinutes(1));
        var unsold = belowReserve.Close(T0.AddHours(2));
        Assert.Equal(new AuctionOutcome(AuctionOutcomeStatus.Unsold, null, Yuan(11_000), T0.AddHours(1), 1, 0), unsold);

        var empty = WithProxyBidding().EndingAt(T0.AddHours(1)).Build();
        empty.PlaceBid(Bidder.A, Yuan(1), T0.AddMinutes(1));
        Assert.Equal(new AuctionOutcome(AuctionOutcomeStatus.Unsold, null, null, T0.AddHours(1), 0, 1), empty.Close(T0.AddHours(1)));
    }
}
