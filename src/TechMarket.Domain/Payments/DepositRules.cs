using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Payments;

public enum DepositVenue
{
    /// <summary>网上竞价 / 拍卖.</summary>
    Auction,
    /// <summary>挂牌交易.</summary>
    ListedTrade,
}

/// <summary>What a deposit secures: one auction lot or one listed trade.</summary>
public readonly record struct DepositSubject(DepositVenue Venue, Guid Id);

public enum DepositRuleError
{
    None,
    /// <summary>SPC 2016 Art. 17: an auction deposit is 5 % to 20 % of the start price.</summary>
    AuctionRateOutsideFiveToTwentyPercent,
    NonPositivePrice,
    ZeroRate,
}

public static class DepositRules
{
    public static Rate AuctionMinimum { get; } = Rate.Percent(5);
    public static Rate AuctionMaximum { get; } = Rate.Percent(20);

    /// <summary>Exchange practice: a listed-trade deposit defaults to 10 % of the listing price.</summary>
    public static Rate ListedTradeDefault { get; } = Rate.Percent(10);

    /// <summary>SPC 2016 Art. 23: deposits not applied to the price are released within 24 hours of the close.</summary>
    public static TimeSpan AuctionReleaseWindow { get; } = TimeSpan.FromHours(24);

    /// <summary>Exchange practice: unsuccessful listed-trade buyers are refunded within 3 working days.</summary>
    public const int ListedTradeReleaseWorkingDays = 3;

    /// <summary>SPC 2016 Art. 17: the deposit is set between 5 % and 20 % of the start price.</summary>
    public static bool TryForAuction(Money startPrice, Rate rate, out Money required, out DepositRuleError error)
    {
        required = Money.Zero;
        if (startPrice <= Money.Zero) { error = DepositRuleError.NonPositivePrice; return false; }
        if (rate < AuctionMinimum || rate > AuctionMaximum) { error = DepositRuleError.AuctionRateOutsideFiveToTwentyPercent; return false; }
        required = rate.Of(startPrice);
        error = DepositRuleError.None;
        return true;
    }

    /// <summary>Exchange practice: 10 % of the listing price unless the listing sets another rate.</summary>
    public static bool TryForListedTrade(Money listingPrice, out Money required, out DepositRuleError error, Rate? rate = null)
    {
        required = Money.Zero;
        var effective = rate ?? ListedTradeDefault;
        if (listingPrice <= Money.Zero) { error = DepositRuleError.NonPositivePrice; return false; }
        if (effective == Rate.Zero) { error = DepositRuleError.ZeroRate; return false; }
        required = effective.Of(listingPrice);
        error = DepositRuleError.None;
        return true;
    }

    /// <summary>
    /// When a deposit that is not applied must be back with its payer, counted from the close (auction) or from the
    /// decision at the end of the disclosure period (listed trade).
    /// </summary>
    public static DateTimeOffset ReleaseDueBy(DepositVenue venue, DateTimeOffset closedAt, Func<DateOnly, bool>? isWorkingDay = null,
        int listedTradeWorkingDays = ListedTradeReleaseWorkingDays) => venue switch
    {
        // SPC 2016 Art. 23: within 24 h of the auction's close.
        DepositVenue.Auction => closedAt + AuctionReleaseWindow,
        // Exchange practice: within 3 working days for a listed trade (configurable).
        DepositVenue.ListedTrade => WorkingDays.Add(closedAt, listedTradeWorkingDays, isWorkingDay),
    };

    /// <summary>SPC 2016 Art. 24: a forfeited deposit pays costs first, then the re-auction shortfall; the rest is kept.</summary>
    public static ForfeitureAllocation AllocateForfeiture(Money deposit, ForfeitureClaims claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var toCosts = Min(deposit, claims.Costs);
        var toShortfall = Min(deposit - toCosts, claims.ReAuctionShortfall);
        return new ForfeitureAllocation(toCosts, toShortfall, deposit - toCosts - toShortfall);
    }

    private static Money Min(Money a, Money b) => a <= b ? a : b;
}

/// <summary>What a defaulter's deposit must cover (SPC 2016 Art. 24); the shortfall goes to the seller.</summary>
public sealed record ForfeitureClaims
{
    public ForfeitureClaims(Money costs, Money reAuctionShortfall, Guid sellerId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(costs.Fen, nameof(costs));
        ArgumentOutOfRangeException.ThrowIfNegative(reAuctionShortfall.Fen, nameof(reAuctionShortfall));
        Costs = costs;
        ReAuctionShortfall = reAuctionShortfall;
        SellerId = sellerId;
    }

    public Money Costs { get; }
    public Money ReAuctionShortfall { get; }
    public Guid SellerId { get; }

    public static ForfeitureClaims None(Guid sellerId) => new(Money.Zero, Money.Zero, sellerId);
}

public sealed record ForfeitureAllocation(Money ToCosts, Money ToReAuctionShortfall, Money Remainder)
{
    public Money Total => ToCosts + ToReAuctionShortfall + Remainder;
}

/// <summary>How a deposit reached the platform; a release goes back the same way.</summary>
public enum PaymentChannel
{
    /// <summary>线下转账: the default for Chinese institutions.</summary>
    BankTransfer,
    /// <summary>Card payment through a processor (Stripe).</summary>
    Card,
}

internal static class PaymentChannelAccounts
{
    public static LedgerAccount CashAccount(this PaymentChannel channel) => channel switch
    {
        PaymentChannel.BankTransfer => LedgerAccount.CashAtBank,
        PaymentChannel.Card => LedgerAccount.PaymentClearing,
    };
}
