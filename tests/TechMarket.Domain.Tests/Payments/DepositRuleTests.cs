using TechMarket.Domain.Payments;
using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Tests.Payments;

public sealed class DepositRuleTests
{
    // 2026-11-27 is a Friday; 10:00 UTC is 18:00 in Beijing.
    private static readonly DateTimeOffset Friday = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Org = Guid.NewGuid();
    private static readonly Guid Seller = Guid.NewGuid();

    [Theory]
    [InlineData(500, 50_000_00L)]
    [InlineData(2000, 200_000_00L)]
    [InlineData(1000, 100_000_00L)]
    public void Auction_deposit_is_five_to_twenty_percent_of_start_price_SPC_2016_Art_17(int basisPoints, long expectedFen)
    {
        Assert.True(DepositRules.TryForAuction(Money.FromYuan(1_000_000), new Rate(basisPoints), out var required, out _));
        Assert.Equal(new Money(expectedFen), required);
    }

    [Theory]
    [InlineData(499)]
    [InlineData(2001)]
    public void Auction_deposit_outside_five_to_twenty_percent_is_refused_SPC_2016_Art_17(int basisPoints)
    {
        Assert.False(DepositRules.TryForAuction(Money.FromYuan(1_000_000), new Rate(basisPoints), out _, out var error));
        Assert.Equal(DepositRuleError.AuctionRateOutsideFiveToTwentyPercent, error);
    }

    [Fact]
    public void Listed_trade_deposit_defaults_to_ten_percent_of_listing_price_exchange_practice()
    {
        Assert.True(DepositRules.TryForListedTrade(Money.FromWanYuan(35.5m), out var required, out _));
        Assert.Equal(Money.FromYuan(35_500), required);
    }

    [Fact]
    public void Deposit_rounds_half_up_to_the_fen()
    {
        // 5 % of 0.30 yuan = 1.5 fen → 2 fen.
        Assert.True(DepositRules.TryForAuction(new Money(30), Rate.Percent(5), out var required, out _));
        Assert.Equal(new Money(2), required);
    }

    [Fact]
    public void Auction_deposit_release_is_due_24_hours_after_close_SPC_2016_Art_23()
    {
        var deposit = HeldDeposit(DepositVenue.Auction);
        Assert.Equal(Friday.AddHours(24), deposit.ReleaseDueBy(closedAt: Friday));
        Assert.False(deposit.IsReleaseOverdue(Friday, now: Friday.AddHours(24)));
        Assert.True(deposit.IsReleaseOverdue(Friday, now: Friday.AddHours(24).AddSeconds(1)));
    }

    [Fact]
    public void Listed_trade_release_is_due_within_three_working_days_skipping_the_weekend()
    {
        var deposit = HeldDeposit(DepositVenue.ListedTrade);
        // Friday → Mon, Tue, Wed.
        Assert.Equal(Friday.AddDays(5), deposit.ReleaseDueBy(closedAt: Friday));
    }

    [Fact]
    public void Listed_trade_release_uses_the_given_holiday_calendar()
    {
        var deposit = HeldDeposit(DepositVenue.ListedTrade);
        var monday = new DateOnly(2026, 11, 30);
        bool NoWorkOnMonday(DateOnly d) => WorkingDays.MondayToFriday(d) && d != monday;
        Assert.Equal(Friday.AddDays(6), deposit.ReleaseDueBy(Friday, NoWorkOnMonday));
    }

    [Fact]
    public void A_released_deposit_is_no_longer_overdue()
    {
        var deposit = HeldDeposit(DepositVenue.Auction);
        deposit.Release("未成交，退还保证金", Friday.AddHours(1));
        Assert.False(deposit.IsReleaseOverdue(Friday, Friday.AddDays(3)));
    }

    [Fact]
    public void Paying_moves_money_into_deposits_held_and_allows_bidding()
    {
        var deposit = Deposit.Require(Guid.NewGuid(), Org, new DepositSubject(DepositVenue.Auction, Guid.NewGuid()), Money.FromYuan(50_000));
        Assert.False(deposit.AllowsBidding);
        var outcome = deposit.RecordPayment(Money.FromYuan(50_000), PaymentChannel.BankTransfer, "银行回单 BR-001", Friday);
        Assert.True(outcome.IsAccepted);
        Assert.True(deposit.AllowsBidding);
        Assert.Contains(outcome.Entry!.Postings, p => p.Account == LedgerAccount.DepositsHeld(Org) && p.Amount == Money.FromYuan(-50_000));
    }

    [Fact]
    public void A_receipt_of_the_wrong_amount_is_refused_for_the_center_to_review()
    {
        var deposit = Deposit.Require(Guid.NewGuid(), Org, new DepositSubject(DepositVenue.Auction, Guid.NewGuid()), Money.FromYuan(50_000));
        var outcome = deposit.RecordPayment(Money.FromYuan(5_000), PaymentChannel.BankTransfer, "银行回单", Friday);
        Assert.Equal(DepositRefusal.WrongAmount, outcome.Refusal);
        Assert.Equal(DepositState.AwaitingPayment, deposit.State);
    }

    [Fact]
    public void Each_transition_is_recorded_with_its_reason()
    {
        var deposit = HeldDeposit(DepositVenue.Auction);
        deposit.ApplyToPrice("竞得，保证金抵作价款", Friday.AddHours(1));
        Assert.Equal(
            [(DepositState.AwaitingPayment, DepositState.Held), (DepositState.Held, DepositState.Applied)],
            deposit.History.Select(t => (t.From, t.To)));
        Assert.Equal("竞得，保证金抵作价款", deposit.History[^1].Reason);
    }

    [Fact]
    public void A_closed_deposit_refuses_a_second_transition()
    {
        var deposit = HeldDeposit(DepositVenue.Auction);
        Assert.True(deposit.Release("未成交", Friday).IsAccepted);
        Assert.Equal(DepositRefusal.AlreadyClosed, deposit.Release("未成交", Friday).Refusal);
        Assert.Equal(DepositRefusal.AlreadyClosed, deposit.Forfeit(ForfeitureClaims.None(Seller), "悔拍", Friday).Refusal);
    }

    [Fact]
    public void Forfeiture_pays_costs_then_reauction_shortfall_then_remainder_SPC_2016_Art_24()
    {
        var deposit = HeldDeposit(DepositVenue.Auction, Money.FromYuan(100_000));
        var outcome = deposit.Forfeit(new ForfeitureClaims(Money.FromYuan(8_000), Money.FromYuan(30_000), Seller), "悔拍", Friday);
        Assert.Equal(new ForfeitureAllocation(Money.FromYuan(8_000), Money.FromYuan(30_000), Money.FromYuan(62_000)), deposit.Forfeiture);
        Assert.Contains(outcome.Entry!.Postings, p => p.Account == LedgerAccount.PayableToSeller(Seller) && p.Amount == Money.FromYuan(-30_000));
    }

    [Fact]
    public void Forfeiture_smaller_than_claims_covers_costs_first()
    {
        var allocation = DepositRules.AllocateForfeiture(Money.FromYuan(10_000),
            new ForfeitureClaims(Money.FromYuan(6_000), Money.FromYuan(50_000), Seller));
        Assert.Equal(new ForfeitureAllocation(Money.FromYuan(6_000), Money.FromYuan(4_000), Money.Zero), allocation);
    }

    private static Deposit HeldDeposit(DepositVenue venue, Money? amount = null)
    {
        var required = amount ?? Money.FromYuan(50_000);
        var deposit = Deposit.Require(Guid.NewGuid(), Org, new DepositSubject(venue, Guid.NewGuid()), required);
        deposit.RecordPayment(required, PaymentChannel.BankTransfer, "到账", Friday.AddDays(-3));
        return deposit;
    }
}
