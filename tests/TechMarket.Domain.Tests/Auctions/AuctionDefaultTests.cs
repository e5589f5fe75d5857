using TechMarket.Domain.Auctions;
using TechMarket.Domain.Payments;
using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Tests.Auctions;

/// <summary>悔拍 (SPC 2016 Art. 24) and the runner-up option (DOMAIN.md), as pure rules.</summary>
public sealed class AuctionDefaultTests
{
    private static readonly DateTimeOffset DueBy = new(2026, 12, 8, 10, 0, 0, TimeSpan.Zero);
    private static readonly BidderCode A = new("BAAAAA"), B = new("BBBBBB"), C = new("BCCCCC");

    [Fact]
    public void Non_payment_default_is_refused_until_the_balance_due_date_has_passed_SPC_2016_Art_24()
    {
        var early = DefaultRules.CanDeclare(DefaultGround.NotPaid, DueBy, DueBy);
        Assert.NotNull(early);
        Assert.Contains("2026-12-08 18:00", early, StringComparison.Ordinal); // the due date, in Beijing time
        Assert.Null(DefaultRules.CanDeclare(DefaultGround.NotPaid, DueBy, DueBy.AddSeconds(1)));
    }

    [Fact]
    public void Refusal_to_sign_may_be_declared_before_the_due_date_and_without_a_settlement()
    {
        Assert.Null(DefaultRules.CanDeclare(DefaultGround.RefusedToSign, DueBy, DueBy.AddDays(-4)));
        Assert.Null(DefaultRules.CanDeclare(DefaultGround.RefusedToSign, null, DueBy));
        Assert.NotNull(DefaultRules.CanDeclare(DefaultGround.NotPaid, null, DueBy));
    }

    [Fact]
    public void The_transfers_a_default_leaves_are_balanced_and_keyed_by_the_default_so_each_posts_once()
    {
        Guid defaultId = Guid.NewGuid(), seller = Guid.NewGuid(), defaulter = Guid.NewGuid();
        var shortfall = DefaultTransfers.ShortfallToSeller(defaultId, seller, new Money(100_000), DueBy);
        var back = DefaultTransfers.PaymentsToDefaulter(defaultId, defaulter, new Money(500_000), DueBy);
        Assert.Equal(0, shortfall.Postings.Sum(p => p.Amount.Fen));
        Assert.Equal(0, back.Postings.Sum(p => p.Amount.Fen));
        // The seller's payable is discharged by money leaving the bank; the defaulter's credit likewise.
        Assert.Equal(100_000, shortfall.Postings.Single(p => p.Account == LedgerAccount.PayableToSeller(seller)).Amount.Fen);
        Assert.Equal(-100_000, shortfall.Postings.Single(p => p.Account == LedgerAccount.CashAtBank).Amount.Fen);
        Assert.Equal(500_000, back.Postings.Single(p => p.Account == LedgerAccount.DueFromBuyer(defaulter)).Amount.Fen);
        Assert.Equal(-500_000, back.Postings.Single(p => p.Account == LedgerAccount.CashAtBank).Amount.Fen);
        // One key per default and transfer, whatever the time or amount of a retry; the two transfers never share one.
        Assert.Equal(shortfall.Key, DefaultTransfers.ShortfallToSeller(defaultId, seller, new Money(100_000), DueBy.AddHours(1)).Key);
        Assert.NotEqual(shortfall.Key, back.Key);
        Assert.Throws<ArgumentOutOfRangeException>(() => DefaultTransfers.ShortfallToSeller(defaultId, seller, Money.Zero, DueBy));
    }

    [Fact]
    public void A_defaulter_is_barred_from_the_re_auction_SPC_2016_Art_24()
    {
        var refusal = Assert.NotNull(BidderEligibility.Decide(new BidderFacts(false, false, true, true, true, IsBarredDefaulter: true)));
        Assert.Equal(BidderRefusal.BarredDefaulter, refusal);
        Assert.Equal("barred_defaulter", refusal.Code());
        Assert.Contains("第二十四条", refusal.Message(), StringComparison.Ordinal);
        Assert.Null(BidderEligibility.Decide(new BidderFacts(false, false, true, true, true, IsBarredDefaulter: false)));
    }

    [Fact]
    public void Runner_up_is_the_other_bidder_with_the_highest_accepted_bid_at_that_bid()
    {
        LoggedBid[] log =
        [
            new(1, A, Money.FromYuan(100_000), true),
            new(2, B, Money.FromYuan(120_000), true),
            new(3, C, Money.FromYuan(150_000), false), // rejected: bound nobody
            new(4, A, Money.FromYuan(130_000), true),  // A raised its own maximum: its last (highest) bid counts
            new(5, C, Money.FromYuan(125_000), true),
            new(6, B, Money.FromYuan(140_000), true),  // the winner
        ];
        var runnerUp = RunnerUp.Select(log, defaulter: B);
        Assert.Equal(new RunnerUpBid(A, Money.FromYuan(130_000), 4), runnerUp);
    }

    [Fact]
    public void Equal_runner_up_bids_go_to_the_earlier_one_and_a_log_of_the_winner_alone_has_none()
    {
        LoggedBid[] tie = [new(1, A, Money.FromYuan(90_000), true), new(2, C, Money.FromYuan(90_000), true), new(3, B, Money.FromYuan(95_000), true)];
        Assert.Equal(A, RunnerUp.Select(tie, B)!.Bidder);
        Assert.Null(RunnerUp.Select([new(1, B, Money.FromYuan(95_000), true), new(2, A, Money.FromYuan(10), false)], B));
    }

    [Fact]
    public void Shortfall_is_the_gap_to_the_defaulted_price_capped_by_what_the_deposit_holds_after_costs()
    {
        var held = Money.FromYuan(20_000);
        Assert.Equal(Money.FromYuan(15_000), DefaultRules.Shortfall(Money.FromYuan(200_000), Money.FromYuan(185_000), held));
        Assert.Equal(held, DefaultRules.Shortfall(Money.FromYuan(200_000), Money.FromYuan(150_000), held));
        Assert.Equal(Money.Zero, DefaultRules.Shortfall(Money.FromYuan(200_000), Money.FromYuan(210_000), held));
        Assert.Equal(Money.Zero, DefaultRules.Shortfall(Money.FromYuan(200_000), null, held)); // unsold or no re-auction
    }

    [Fact]
    public void Unapplying_a_defaulters_deposit_reverses_its_application_so_it_can_be_forfeited_and_the_ledger_balances()
    {
        var (buyer, seller) = (Guid.NewGuid(), Guid.NewGuid());
        var deposit = Deposit.Require(Guid.NewGuid(), buyer, new DepositSubject(DepositVenue.Auction, Guid.NewGuid()), Money.FromYuan(10_000));
        var ledger = new Ledger();
        ledger.Post(deposit.RecordPayment(Money.FromYuan(10_000), PaymentChannel.BankTransfer, "到账", DueBy).Entry!);
        var settlement = new DealSettlement(Guid.NewGuid(), buyer, seller, Money.FromYuan(100_000), CommissionRates.None, Money.FromYuan(10_000));
        ledger.Post(settlement.Conclude(DueBy));
        ledger.Post(deposit.ApplyToPrice("抵作价款", DueBy).Entry!);

        ledger.Post(settlement.Rescind("悔拍", DueBy.AddDays(1)));
        ledger.Post(deposit.Unapply("悔拍", DueBy.AddDays(1)).Entry!);
        Assert.Equal(DepositState.Held, deposit.State);
        ledger.Post(deposit.Forfeit(new ForfeitureClaims(Money.FromYuan(3_000), Money.Zero, seller), "悔拍", DueBy.AddDays(1)).Entry!);

        Assert.Equal(Money.Zero, ledger.Total);
        Assert.Equal(Money.Zero, ledger.Balance(LedgerAccount.DueFromBuyer(buyer)));
        Assert.Equal(Money.Zero, ledger.Balance(LedgerAccount.DepositsHeld(buyer)));
        Assert.Equal(Money.FromYuan(-3_000), ledger.Balance(LedgerAccount.CostsRecovered));
        Assert.Equal(Money.FromYuan(-7_000), ledger.Balance(LedgerAccount.ForfeitedDeposits));
        Assert.Equal(DepositRefusal.NotHeld, deposit.Unapply("again", DueBy.AddDays(2)).Refusal);
    }
}
