using TechMarket.Domain.Payments;
using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Tests.Payments;

public sealed class SettlementTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Auction_commission_above_five_percent_per_side_is_refused_Auction_Law_Art_56()
    {
        Assert.False(CommissionRates.TryForAuction(new Rate(501), Rate.Zero, out _, out var refusal));
        Assert.Equal(CommissionRefusal.AuctionRateAboveFivePercent, refusal);
        Assert.False(CommissionRates.TryForAuction(Rate.Zero, new Rate(501), out _, out _));
        Assert.True(CommissionRates.TryForAuction(Rate.Percent(5), Rate.Percent(5), out _, out _));
    }

    [Fact]
    public void Buyer_owes_price_plus_commission_minus_applied_deposit_and_seller_receives_price_minus_commission()
    {
        CommissionRates.TryForAuction(Rate.Percent(3), Rate.Percent(2), out var rates, out _);
        var settlement = new DealSettlement(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Money.FromYuan(1_200_000), rates!, Money.FromYuan(100_000));
        Assert.Equal(Money.FromYuan(1_200_000 + 36_000 - 100_000), settlement.BuyerOwes);
        Assert.Equal(Money.FromYuan(1_200_000 - 24_000), settlement.SellerReceives);
        Assert.Equal(Money.FromYuan(60_000), settlement.PlatformCommission);
    }

    [Fact]
    public void A_concluded_then_paid_deal_leaves_the_platform_only_its_commission()
    {
        var buyer = Guid.NewGuid();
        var seller = Guid.NewGuid();
        var ledger = new Ledger();
        var deposit = Deposit.Require(Guid.NewGuid(), buyer, new DepositSubject(DepositVenue.ListedTrade, Guid.NewGuid()), Money.FromYuan(50_000));
        ledger.Post(deposit.RecordPayment(Money.FromYuan(50_000), PaymentChannel.BankTransfer, "到账", T0).Entry!);
        var settlement = new DealSettlement(Guid.NewGuid(), buyer, seller, Money.FromYuan(500_000),
            CommissionRates.ForListedTrade(Rate.Percent(1), Rate.Percent(1)), deposit.Required);

        ledger.Post(settlement.Conclude(T0));
        ledger.Post(deposit.ApplyToPrice("协议成交，保证金抵作价款", T0).Entry!);
        ledger.Post(settlement.BuyerPaid(Guid.NewGuid(), settlement.BuyerOwes, PaymentChannel.BankTransfer, T0));
        ledger.Post(settlement.SellerPaidOut(Guid.NewGuid(), settlement.SellerReceives, T0));

        Assert.Equal(Money.Zero, ledger.Total);
        Assert.Equal(Money.Zero, ledger.Balance(LedgerAccountKind.DueFromBuyers));
        Assert.Equal(Money.Zero, ledger.Balance(LedgerAccountKind.PayableToSellers));
        Assert.Equal(Money.Zero, ledger.Balance(LedgerAccountKind.DepositsHeld));
        Assert.Equal(Money.FromYuan(10_000), ledger.Balance(LedgerAccount.CashAtBank));
        Assert.Equal(Money.FromYuan(-10_000), ledger.Balance(LedgerAccount.CommissionIncome));
    }

    [Fact]
    public void Rescinding_a_deal_reverses_what_concluding_it_posted()
    {
        var settlement = new DealSettlement(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Money.FromYuan(80_000),
            CommissionRates.ForListedTrade(Rate.Percent(2), Rate.Zero), Money.Zero);
        var ledger = new Ledger();
        ledger.Post(settlement.Conclude(T0));
        ledger.Post(settlement.Rescind("买受人未付款 悔拍", T0.AddDays(6)));
        Assert.All(ledger.Balances.Values, b => Assert.Equal(Money.Zero, b));
    }
}

public sealed class MilestoneEscrowTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Milestone_funds_are_escrowed_before_work_and_owed_to_the_developer_on_acceptance_until_paid_out()
    {
        var milestone = Guid.NewGuid();
        var ledger = new Ledger();
        ledger.Post(MilestoneEscrow.Fund(milestone, Money.FromYuan(300_000), PaymentChannel.BankTransfer, T0));
        Assert.Equal(Money.FromYuan(-300_000), ledger.Balance(LedgerAccount.MilestoneEscrow(milestone)));

        ledger.Post(MilestoneEscrow.ReleaseToDeveloper(milestone, Money.FromYuan(300_000), "验收通过", T0.AddDays(60)));
        Assert.Equal(Money.Zero, ledger.Balance(LedgerAccount.MilestoneEscrow(milestone)));
        Assert.Equal(Money.FromYuan(-300_000), ledger.Balance(LedgerAccount.PayableToDeveloper(milestone)));

        ledger.Post(MilestoneEscrow.PayDeveloper(milestone, Guid.NewGuid(), Money.FromYuan(300_000), T0.AddDays(61)));
        Assert.Equal(Money.Zero, ledger.Balance(LedgerAccount.PayableToDeveloper(milestone)));
        Assert.Equal(Money.Zero, ledger.Balance(LedgerAccount.CashAtBank));
        Assert.Equal(Money.Zero, ledger.Total);
    }

    [Fact]
    public void A_partial_release_splits_the_escrow_and_each_side_is_paid_its_part()
    {
        var milestone = Guid.NewGuid();
        var ledger = new Ledger();
        ledger.Post(MilestoneEscrow.Fund(milestone, Money.FromYuan(200_000), PaymentChannel.Card, T0));
        ledger.Post(MilestoneEscrow.ReleaseToDeveloper(milestone, Money.FromYuan(50_000), "部分支付", T0.AddDays(1)));
        ledger.Post(MilestoneEscrow.RefundToClient(milestone, Money.FromYuan(150_000), "部分退还", T0.AddDays(1)));
        Assert.Equal(Money.Zero, ledger.Balance(LedgerAccount.MilestoneEscrow(milestone)));
        Assert.Equal(Money.FromYuan(-50_000), ledger.Balance(LedgerAccount.PayableToDeveloper(milestone)));
        Assert.Equal(Money.FromYuan(-150_000), ledger.Balance(LedgerAccount.RefundPayableToClient(milestone)));
        // The same release again is a retry, not a second payment.
        Assert.Equal(PostingResult.AlreadyPosted, ledger.Post(MilestoneEscrow.ReleaseToDeveloper(milestone, Money.FromYuan(50_000), "部分支付", T0.AddDays(2))));
        Assert.Equal(PostingResult.KeyConflict, ledger.Post(MilestoneEscrow.Fund(milestone, Money.FromYuan(200_000), PaymentChannel.BankTransfer, T0)));
        ledger.Post(MilestoneEscrow.ReturnToClient(milestone, Guid.NewGuid(), Money.FromYuan(150_000), T0.AddDays(3)));
        Assert.Equal(Money.Zero, ledger.Balance(LedgerAccount.RefundPayableToClient(milestone)));
        Assert.Equal(Money.Zero, ledger.Total);
    }
}
