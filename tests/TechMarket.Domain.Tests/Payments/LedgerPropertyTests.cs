using CsCheck;
using TechMarket.Domain.Payments;
using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Tests.Payments;

/// <summary>
/// Random interleavings of several auctions and listed trades: deposits paid (or never paid), bids, closes,
/// winners who pay or default, releases and forfeitures, every entry possibly posted twice (a retried request).
/// </summary>
public sealed class LedgerPropertyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);

    private sealed record BidderPlan(bool Pays, bool ByCard);
    private sealed record LotPlan(
        bool IsAuction, long StartFen, int DepositBp, int BuyerBp, int SellerBp,
        BidderPlan[] Bidders, (int Bidder, long Raise)[] Bids, bool WinnerDefaults, long CostsFen, long ShortfallFen, int BalanceReceipts);
    private sealed record Scenario(LotPlan[] Lots, int[] Schedule, bool PostTwice);

    private static readonly Gen<LotPlan> GenLot =
        from isAuction in Gen.Bool
        from start in Gen.Long[1_00, 1_000_000_000]
        from depositBp in Gen.Int[500, 2000]
        from buyerBp in Gen.Int[0, 500]
        from sellerBp in Gen.Int[0, 500]
        from bidders in Gen.Select(Gen.Bool, Gen.Bool, (pays, card) => new BidderPlan(pays, card)).Array[1, 5]
        from bids in Gen.Select(Gen.Int[0, 10], Gen.Long[0, 5_000_000]).Array[0, 8]
        from defaults in Gen.Bool
        from costs in Gen.Long[0, 50_000_000]
        from shortfall in Gen.Long[0, 200_000_000]
        from receipts in Gen.Int[1, 3]
        select new LotPlan(isAuction, start, depositBp, buyerBp, sellerBp, bidders, bids, defaults, costs, shortfall, receipts);

    private static readonly Gen<Scenario> GenScenario =
        from lots in GenLot.Array[1, 4]
        from schedule in Gen.Int[0, 1000].Array[0, 120]
        from twice in Gen.Bool
        select new Scenario(lots, schedule, twice);

    [Fact]
    public void Money_is_never_created_or_lost_and_every_deposit_closes() =>
        GenScenario.Sample(Run, iter: 400);

    private static void Run(Scenario scenario)
    {
        var world = new World(scenario.PostTwice);
        var queues = scenario.Lots.Select((lot, i) => new Queue<Action>(Steps(lot, i, world))).ToList();
        // Interleave the lots' steps as the schedule says, then drain what is left.
        foreach (var pick in scenario.Schedule)
        {
            var open = queues.Where(q => q.Count > 0).ToList();
            if (open.Count == 0) break;
            open[pick % open.Count].Dequeue()();
        }
        foreach (var queue in queues)
            while (queue.Count > 0) queue.Dequeue()();

        var ledger = world.Ledger;
        Assert.Equal(Money.Zero, ledger.Total);
        Assert.All(world.Deposits, d => Assert.True(d.IsClosed, $"deposit {d.Id} ended {d.State}"));
        Assert.Equal(Money.Zero, ledger.Balance(LedgerAccountKind.DepositsHeld));
        Assert.Equal(Money.Zero, ledger.Balance(LedgerAccountKind.DueFromBuyers));
        Assert.Equal(Money.Zero, ledger.Balance(LedgerAccountKind.PayableToSellers));
        // Cash the platform still has = what came in − what went out, counted outside the ledger ...
        var cash = ledger.Balance(LedgerAccountKind.CashAtBank) + ledger.Balance(LedgerAccountKind.PaymentClearing);
        Assert.Equal(world.CashIn - world.CashOut, cash);
        // ... and is exactly the platform's own: commissions, recovered costs and forfeited remainders.
        var income = ledger.Balance(LedgerAccountKind.CommissionIncome)
            + ledger.Balance(LedgerAccountKind.CostsRecovered) + ledger.Balance(LedgerAccountKind.ForfeitedDeposits);
        Assert.Equal(world.ExpectedIncome.Fen, -income.Fen);
        Assert.Equal(world.DistinctKeys.Count, ledger.Entries.Count);
    }

    private sealed class World(bool postTwice)
    {
        public Ledger Ledger { get; } = new();
        public List<Deposit> Deposits { get; } = [];
        public HashSet<IdempotencyKey> DistinctKeys { get; } = [];
        public Money CashIn { get; set; }
        public Money CashOut { get; set; }
        public Money ExpectedIncome { get; set; }

        public void Post(JournalEntry? entry)
        {
            if (entry is null) return;
            Assert.Equal(PostingResult.Posted, Ledger.Post(entry));
            if (postTwice) Assert.Equal(PostingResult.AlreadyPosted, Ledger.Post(entry));
            DistinctKeys.Add(entry.Key);
            Assert.Equal(Money.Zero, Ledger.Total);
        }

        public void Post(DepositOutcome outcome)
        {
            Assert.True(outcome.IsAccepted, $"refused: {outcome.Refusal}");
            Post(outcome.Entry);
        }
    }

    private static IEnumerable<Action> Steps(LotPlan lot, int index, World world)
    {
        var seller = Guid.NewGuid();
        var subject = new DepositSubject(lot.IsAuction ? DepositVenue.Auction : DepositVenue.ListedTrade, Guid.NewGuid());
        var start = new Money(lot.StartFen);
        Money required;
        if (lot.IsAuction) Assert.True(DepositRules.TryForAuction(start, new Rate(lot.DepositBp), out required, out _));
        else Assert.True(DepositRules.TryForListedTrade(start, out required, out _));
        var rates = lot.IsAuction
            ? (CommissionRates.TryForAuction(new Rate(lot.BuyerBp), new Rate(lot.SellerBp), out var r, out _) ? r : throw new InvalidOperationException())
            : CommissionRates.ForListedTrade(new Rate(lot.BuyerBp), new Rate(lot.SellerBp));
        var deposits = lot.Bidders.Select(_ => Deposit.Require(Guid.NewGuid(), Guid.NewGuid(), subject, required)).ToList();
        world.Deposits.AddRange(deposits);
        var closeAt = T0.AddDays(index + 7);

        for (var i = 0; i < deposits.Count; i++)
        {
            var (deposit, plan) = (deposits[i], lot.Bidders[i]);
            if (!plan.Pays) continue;
            yield return () =>
            {
                world.Post(deposit.RecordPayment(required, plan.ByCard ? PaymentChannel.Card : PaymentChannel.BankTransfer, "保证金到账", T0));
                world.CashIn += required;
            };
        }

        // Bids: only organisations with a held deposit may bid; prices only go up.
        var price = Money.Zero;
        Deposit? leader = null;
        foreach (var (bidder, raise) in lot.Bids)
        {
            var deposit = deposits[bidder % deposits.Count];
            if (!lot.Bidders[bidder % deposits.Count].Pays) continue;
            yield return () =>
            {
                Assert.True(deposit.AllowsBidding);
                var bid = leader is null ? start : price + new Money(raise + 1);
                (price, leader) = (bid, deposit);
            };
        }

        yield return () =>
        {
            // Close: everybody but the leader is released within the service level (SPC 2016 Art. 23).
            foreach (var other in deposits.Where(d => d != leader))
            {
                var wasHeld = other.State == DepositState.Held;
                world.Post(other.Release("未竞得，退还保证金", closeAt));
                if (wasHeld) world.CashOut += required;
                Assert.False(other.IsReleaseOverdue(closeAt, closeAt));
            }
            if (leader is null) return;

            var settlement = new DealSettlement(Guid.NewGuid(), leader.OrganizationId, seller, price, rates, required);
            world.Post(settlement.Conclude(closeAt));
            if (lot.WinnerDefaults)
            {
                world.Post(settlement.Rescind("悔拍", closeAt.AddDays(6)));
                world.Post(leader.Forfeit(new ForfeitureClaims(new Money(lot.CostsFen), new Money(lot.ShortfallFen), seller), "悔拍，保证金不予退还", closeAt.AddDays(6)));
                var allocation = leader.Forfeiture!;
                world.ExpectedIncome += allocation.ToCosts + allocation.Remainder;
                if (allocation.ToReAuctionShortfall > Money.Zero)
                {
                    world.Post(settlement.SellerPaidOut(Guid.NewGuid(), allocation.ToReAuctionShortfall, closeAt.AddDays(30)));
                    world.CashOut += allocation.ToReAuctionShortfall;
                }
                return;
            }

            world.Post(leader.ApplyToPrice("竞得，保证金抵作价款", closeAt));
            // The balance may arrive in several receipts.
            var owed = settlement.BuyerOwes;
            for (var k = lot.BalanceReceipts; k >= 1 && owed > Money.Zero; k--)
            {
                var part = k == 1 ? owed : new Money(owed.Fen / 2);
                if (part == Money.Zero) continue;
                world.Post(settlement.BuyerPaid(Guid.NewGuid(), part, PaymentChannel.BankTransfer, closeAt.AddDays(1)));
                world.CashIn += part;
                owed -= part;
            }
            world.Post(settlement.SellerPaidOut(Guid.NewGuid(), settlement.SellerReceives, closeAt.AddDays(2)));
            world.CashOut += settlement.SellerReceives;
            world.ExpectedIncome += settlement.PlatformCommission;
        };
    }
}
