using CsCheck;
using TechMarket.Domain.Auctions;
using TechMarket.Domain.Auctions.Replay;
using TechMarket.Domain.Shared;
using Ref = TechMarket.Domain.Tests.Auctions.ReferenceAuction;

namespace TechMarket.Domain.Tests.Auctions;

/// <summary>
/// Issue 5 tests: the engine against <see cref="ReferenceAuction"/> over random bid sequences — both modes, with and
/// without reserve, fixed steps and tables, priority bidders of several ranks, soft-close windows and extensions.
/// Amounts are multiples of 10 fen over a small range so equal maxima, matches at the price and reserve raises are common.
/// </summary>
public sealed class AuctionEngineModelTests
{
    private static readonly DateTimeOffset Base = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly string[] Codes = ["A", "B", "C", "P", "Q"];
    private const long Duration = 3_600;

    private static readonly Gen<Ref.Terms> TermsGen =
        from start in Gen.Int[10, 100]
        from hasReserve in Gen.Bool
        from reserveAbove in Gen.Int[0, 150]
        from rows in Gen.Int[1, 3]
        from steps in Gen.Int[1, 10].Array[3]
        from bounds in Gen.Int[20, 300].Array[2]
        from window in Gen.Int[0, 600]
        from extension in Gen.Int[0, 600]
        from proxy in Gen.Bool
        from ranks in Gen.Int[0, 2].Array[5]
        select new Ref.Terms(
            Start: start * 10L,
            Reserve: hasReserve ? (start + reserveAbove) * 10L : null,
            Table: new (long From, long Step)[] { (0, steps[0] * 10L), (bounds[0] * 10L, steps[1] * 10L), ((bounds[0] + bounds[1]) * 10L, steps[2] * 10L) }[..rows],
            OpensAt: 0,
            EndsAt: Duration,
            Window: window,
            Extension: extension,
            Proxy: proxy,
            Ranks: Codes.Zip(ranks).Where(p => p.Second > 0).ToDictionary(p => p.First, p => p.Second));

    private static readonly Gen<Ref.Bid[]> BidsGen =
        Gen.Select(Gen.Int[0, Codes.Length - 1], Gen.Int[5, 400], Gen.Int[-60, (int)Duration + 600])
            .Select((who, tens, at) => new Ref.Bid(Codes[who], tens * 10L, at))
            .Array[0, 30]
            .Select(bids => bids.OrderBy(b => b.At).ToArray()); // arrival order follows the server's receipt time

    private static readonly Gen<(Ref.Terms Terms, Ref.Bid[] Bids)> ScenarioGen = Gen.Select(TermsGen, BidsGen);

    [Fact]
    public void Engine_agrees_with_the_reference_model_on_random_bid_sequences()
    {
        var coverage = new Coverage();
        ScenarioGen.Sample((terms, bids) =>
        {
            var engine = new AuctionEngine(ToRules(terms));
            var expected = Ref.Run(terms, bids);
            Money? lastPrice = null;
            for (var i = 0; i < bids.Length; i++)
            {
                var bid = bids[i];
                var endsBefore = engine.EndsAt;
                var leaderBefore = engine.Leader;
                var priceBefore = engine.Price;
                var got = engine.PlaceBid(new BidderCode(bid.Bidder), new Money(bid.Amount), At(bid.At));
                var want = expected.Answers[i];

                Assert.Equal(want.Accepted, got.IsAccepted);
                Assert.Equal(want.Reason, got.Rejection is { } r ? AuctionLogJson.ReasonCode(r) : null);
                Assert.Equal(want.PriceAfter, got.PriceAfter?.Fen);
                Assert.Equal(want.LeaderAfter, got.LeaderAfter?.Value);
                Assert.Equal(At(want.EndsAfter), got.EndsAtAfter);

                // Invariants the issue states outright.
                if (!got.IsAccepted) Assert.Equal(endsBefore, engine.EndsAt); // rule 5: rejected bids never extend
                if (got.IsAccepted)
                {
                    Assert.True(lastPrice is null || engine.Price >= lastPrice, "the price never decreases");
                    Assert.True(engine.Price >= engine.Rules.StartPrice && engine.Price <= engine.LeaderMax);
                    lastPrice = engine.Price;
                    coverage.Note(engine, bid, leaderBefore, priceBefore, got);
                }
            }

            var outcome = engine.Close(engine.EndsAt);
            Assert.Equal(expected.Status, outcome.Status == AuctionOutcomeStatus.Sold ? "sold" : "unsold");
            Assert.Equal(expected.Winner, outcome.Winner?.Value);
            Assert.Equal(expected.Price, outcome.Price?.Fen);
            Assert.Equal(At(expected.EndsAt), outcome.EndsAt);
            coverage.Note(outcome);

            // SPC 2016 Art. 29: the outcome is recomputable from the bid log alone, also through the exported file.
            var replayed = AuctionEngine.Replay(engine.Rules, engine.Log.Select(x => x.Bid));
            Assert.Equal(outcome, replayed.Close(replayed.EndsAt));
            var read = AuctionLogJson.Read(AuctionLogJson.Write(AuctionLog.Of(engine)));
            Assert.True(read.IsValid, read.Message);
            var fromFile = AuctionReplay.Run(read.Log!);
            Assert.Equal(outcome, fromFile.Outcome);
            Assert.Equal(engine.Log.Select(x => x.Outcome), fromFile.Bids);
        }, iter: 3_000, print: s => Describe(s.Item1, s.Item2));

        // The random scenarios must reach the interesting cases, or agreement proves little.
        coverage.AssertEveryCaseSeen();
    }

    private static AuctionRules ToRules(Ref.Terms t) => new(
        new Money(t.Start),
        t.Reserve is { } reserve ? new Money(reserve) : null,
        t.Table.Count == 1
            ? BidIncrement.Fixed(new Money(t.Table[0].Step))
            : BidIncrement.Table(t.Table.Select(r => new IncrementRow(new Money(r.From), new Money(r.Step)))),
        At(t.OpensAt),
        At(t.EndsAt),
        t.Proxy,
        t.Ranks.Select(p => new PriorityBidder(new BidderCode(p.Key), p.Value)),
        TimeSpan.FromSeconds(t.Window),
        TimeSpan.FromSeconds(t.Extension));

    private static string Describe(Ref.Terms terms, Ref.Bid[] bids) =>
        $"{terms} table [{string.Join(", ", terms.Table)}] ranks [{string.Join(", ", terms.Ranks)}] bids: {string.Join(", ", bids.Select(b => $"{b.Bidder} {b.Amount} @{b.At}"))}";

    private static DateTimeOffset At(long seconds) => Base.AddSeconds(seconds);

    private sealed class Coverage
    {
        private int priorityMatches, leaderRaises, reserveRaises, extensions, sold, unsoldBelowReserve, unsoldEmpty, manualBids, proxyTakeovers;

        public void Note(AuctionEngine engine, Ref.Bid bid, BidderCode? leaderBefore, Money? priceBefore, BidOutcome outcome)
        {
            if (outcome.Extended) Interlocked.Increment(ref extensions);
            if (!engine.Rules.ProxyBidding) Interlocked.Increment(ref manualBids);
            if (priceBefore is { } p && leaderBefore?.Value != bid.Bidder && bid.Amount == p.Fen) Interlocked.Increment(ref priorityMatches);
            if (leaderBefore?.Value == bid.Bidder) Interlocked.Increment(ref leaderRaises);
            if (engine.Rules.ProxyBidding && leaderBefore is not null && leaderBefore != engine.Leader) Interlocked.Increment(ref proxyTakeovers);
            if (engine.Rules.ProxyBidding && engine.Price == engine.Rules.Reserve && engine.Rules.ReservePrice is not null) Interlocked.Increment(ref reserveRaises);
        }

        public void Note(AuctionOutcome outcome)
        {
            if (outcome.Status == AuctionOutcomeStatus.Sold) Interlocked.Increment(ref sold);
            else if (outcome.Price is null) Interlocked.Increment(ref unsoldEmpty);
            else Interlocked.Increment(ref unsoldBelowReserve);
        }

        public void AssertEveryCaseSeen()
        {
            var seen = new Dictionary<string, int>
            {
                [nameof(priorityMatches)] = priorityMatches, [nameof(leaderRaises)] = leaderRaises, [nameof(reserveRaises)] = reserveRaises,
                [nameof(extensions)] = extensions, [nameof(sold)] = sold, [nameof(unsoldBelowReserve)] = unsoldBelowReserve,
                [nameof(unsoldEmpty)] = unsoldEmpty, [nameof(manualBids)] = manualBids, [nameof(proxyTakeovers)] = proxyTakeovers,
            };
            Assert.All(seen, pair => Assert.True(pair.Value > 0, $"no scenario reached {pair.Key}"));
        }
    }
}
