namespace TechMarket.Infrastructure.Calendar;

/// <summary>
/// The "Deadlines" configuration section: every "within N working days" the platform counts on the working-day
/// calendar. The defaults are exchange practice as written in DOMAIN.md.
/// </summary>
public sealed class DeadlineOptions
{
    public const string SectionName = "Deadlines";

    /// <summary>The winner signs and pays the balance within 5 working days of the deal.</summary>
    public int BuyerBalanceWorkingDays { get; set; } = 5;

    /// <summary>The center pays the seller within 3 working days of the buyer's full payment (venue tariff).</summary>
    public int SellerPayoutWorkingDays { get; set; } = 3;

    /// <summary>A qualified listed-trade buyer pays the deposit within 3 working days of qualification.</summary>
    public int ListedTradeDepositWorkingDays { get; set; } = 3;

    /// <summary>Listed-trade deposits not applied are refunded within 3 working days of the decision.</summary>
    public int ListedTradeReleaseWorkingDays { get; set; } = 3;

    /// <summary>The disclosure period a listed trade opens with unless the seller sets another (20 working days).</summary>
    public int ListingPeriodWorkingDays { get; set; } = Domain.Trading.ListedTradeRules.DefaultPeriodWorkingDays;

    /// <summary>A listed trade converted into an auction runs for this many working days from the decision.</summary>
    public int ConvertedAuctionWorkingDays { get; set; } = 3;

    /// <summary>悔拍: the runner-up answers an offer of the lot within 3 working days (the center's practice; configurable).</summary>
    public int RunnerUpOfferWorkingDays { get; set; } = 3;

    public void Validate()
    {
        foreach (var (name, value) in new[]
        {
            (nameof(BuyerBalanceWorkingDays), BuyerBalanceWorkingDays), (nameof(SellerPayoutWorkingDays), SellerPayoutWorkingDays),
            (nameof(ListedTradeDepositWorkingDays), ListedTradeDepositWorkingDays), (nameof(ListedTradeReleaseWorkingDays), ListedTradeReleaseWorkingDays),
            (nameof(ListingPeriodWorkingDays), ListingPeriodWorkingDays), (nameof(ConvertedAuctionWorkingDays), ConvertedAuctionWorkingDays),
            (nameof(RunnerUpOfferWorkingDays), RunnerUpOfferWorkingDays),
        })
        {
            if (value is < 1 or > 60) throw new InvalidOperationException($"{SectionName}:{name} must be 1 to 60 working days, not {value}.");
        }
    }
}
