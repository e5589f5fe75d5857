using TechMarket.Domain.Shared;
using TechMarket.Domain.Trading;

namespace TechMarket.Domain.Tests.Trading;

public sealed class ListedTradeRulesTests
{
    private static IntentionAtExpiry Buyer(IntentionStatus status, bool paid) => new(Guid.NewGuid(), Guid.NewGuid(), status, paid, Money.FromYuan(100_000));

    [Fact]
    public void Only_qualified_buyers_with_a_held_deposit_count_at_expiry()
    {
        var decision = ListedTradeRules.Decide([
            Buyer(IntentionStatus.Qualified, paid: true),
            Buyer(IntentionStatus.Qualified, paid: false),
            Buyer(IntentionStatus.Registered, paid: false),
            Buyer(IntentionStatus.Withdrawn, paid: true),
            Buyer(IntentionStatus.Declined, paid: false),
        ]);
        Assert.Equal(ListedTradeDecisionKind.AgreementDeal, decision.Kind);
        Assert.Single(decision.Buyers);
    }

    [Fact]
    public void Two_paid_buyers_go_to_auction_none_ends_unsold()
    {
        Assert.Equal(ListedTradeDecisionKind.Auction, ListedTradeRules.Decide([Buyer(IntentionStatus.Qualified, true), Buyer(IntentionStatus.Qualified, true)]).Kind);
        Assert.Equal(ListedTradeDecisionKind.Unsold, ListedTradeRules.Decide([Buyer(IntentionStatus.Qualified, false)]).Kind);
        Assert.Equal(ListedTradeDecisionKind.Unsold, ListedTradeRules.Decide([]).Kind);
    }

    [Fact]
    public void An_intention_accepts_the_conditions_at_no_less_than_the_listing_price()
    {
        var price = Money.FromYuan(100_000);
        Assert.Equal(ListedTradeProblem.OfferBelowListingPrice, ListedTradeRules.CheckIntention(price, price - new Money(1), acceptsConditions: true));
        Assert.Equal(ListedTradeProblem.ConditionsNotAccepted, ListedTradeRules.CheckIntention(price, price, acceptsConditions: false));
        Assert.Equal(ListedTradeProblem.None, ListedTradeRules.CheckIntention(price, price, acceptsConditions: true));
    }

    [Fact]
    public void The_deposit_is_due_three_working_days_after_qualification_but_never_after_the_period()
    {
        var calendar = new WorkingDayCalendar([new CalendarDay(new DateOnly(2026, 12, 2), false, "假日", true)]);
        var qualified = new DateTimeOffset(2026, 11, 30, 10, 0, 0, ChinaTime.Offset); // Monday
        var periodEnd = new DateTimeOffset(2026, 12, 31, 10, 0, 0, ChinaTime.Offset);
        // Tue 1, (Wed 2 holiday), Thu 3, Fri 4.
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 10, 0, 0, ChinaTime.Offset), ListedTradeRules.DepositDueBy(calendar, qualified, 3, periodEnd));
        var soonEnd = new DateTimeOffset(2026, 12, 1, 17, 0, 0, ChinaTime.Offset);
        Assert.Equal(soonEnd, ListedTradeRules.DepositDueBy(calendar, qualified, 3, soonEnd));
    }

    [Theory]
    [InlineData(100_000_00L, 50_000L)]   // ¥100,000 → 0.5 % = ¥500
    [InlineData(1_234_567_89L, 617_300L)] // ¥1,234,567.89 → ¥6,172.84 rounded up to whole yuan ¥6,173
    [InlineData(1_000_00L, 10_000L)]     // at least ¥100
    public void Auction_step_is_half_a_percent_in_whole_yuan_at_least_100(long startFen, long stepFen) =>
        Assert.Equal(new Money(stepFen), ListedTradeRules.AuctionStep(new Money(startFen)));

    [Fact]
    public void The_period_is_one_to_sixty_working_days_at_a_positive_price()
    {
        Assert.Equal(ListedTradeProblem.None, ListedTradeRules.CheckOpening(Money.FromYuan(1), ListedTradeRules.DefaultPeriodWorkingDays));
        Assert.Equal(ListedTradeProblem.PeriodOutOfRange, ListedTradeRules.CheckOpening(Money.FromYuan(1), 0));
        Assert.Equal(ListedTradeProblem.PeriodOutOfRange, ListedTradeRules.CheckOpening(Money.FromYuan(1), 61));
        Assert.Equal(ListedTradeProblem.NonPositivePrice, ListedTradeRules.CheckOpening(Money.Zero, 20));
    }
}
