using TechMarket.Infrastructure.Payments;

namespace TechMarket.Payments.Tests;

public sealed class DepositHoldPlannerTests
{
    // Friday 2026-11-27, 10:00 UTC.
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_deposit_paid_two_days_before_an_auction_closes_is_only_authorised()
    {
        // Decided within 24 h of the close (SPC 2016 Art. 23): 3 days of hold.
        Assert.Equal(DepositHoldMethod.AuthoriseThenCapture, DepositHoldPlanner.ForAuction(paidAt: T0, closesAt: T0.AddDays(2)));
    }

    [Fact]
    public void A_deposit_paid_ten_days_before_the_close_is_captured_and_refunded_on_release()
    {
        Assert.Equal(DepositHoldMethod.CaptureThenRefund, DepositHoldPlanner.ForAuction(paidAt: T0, closesAt: T0.AddDays(10)));
    }

    [Fact]
    public void The_hold_may_last_six_days_leaving_a_day_of_the_seven_day_authorisation_in_hand()
    {
        Assert.Equal(DepositHoldMethod.AuthoriseThenCapture, DepositHoldPlanner.Choose(T0, T0.AddDays(6)));
        Assert.Equal(DepositHoldMethod.CaptureThenRefund, DepositHoldPlanner.Choose(T0, T0.AddDays(6).AddSeconds(1)));
    }

    [Fact]
    public void A_listed_trade_counts_three_working_days_after_the_disclosure_period()
    {
        // Disclosure ends Friday; refunds are due by Wednesday (3 working days): a 5-day hold from Friday fits ...
        Assert.Equal(DepositHoldMethod.AuthoriseThenCapture, DepositHoldPlanner.ForListedTrade(paidAt: T0, disclosureEndsAt: T0));
        // ... but paid on Tuesday before, the hold would run 8 days.
        Assert.Equal(DepositHoldMethod.CaptureThenRefund, DepositHoldPlanner.ForListedTrade(paidAt: T0.AddDays(-3), disclosureEndsAt: T0));
    }
}
