using TechMarket.Domain.Payments;

namespace TechMarket.Infrastructure.Payments;

public enum DepositHoldMethod
{
    /// <summary>capture_method=manual: authorise now, capture when applied or forfeited, cancel on release.</summary>
    AuthoriseThenCapture,
    /// <summary>Capture at once and refund on release, for holds longer than a card authorisation lasts.</summary>
    CaptureThenRefund,
}

/// <summary>
/// Chooses how to hold a card deposit from the trade's timeline. A card authorisation lapses after about 7 days,
/// after which the money can no longer be captured; a longer hold must take the money and refund it instead.
/// </summary>
public static class DepositHoldPlanner
{
    public static TimeSpan AuthorisationValidity { get; } = TimeSpan.FromDays(7);

    // Soft-close extensions, a late webhook and the capture itself all need time: keep a day in hand.
    public static TimeSpan SafetyMargin { get; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Every card deposit is decided by <paramref name="decidedBy"/>: released, or captured because it will be applied
    /// or forfeited. The winner's deposit is captured at the close, as either outcome takes the money.
    /// </summary>
    public static DepositHoldMethod Choose(DateTimeOffset authorisedAt, DateTimeOffset decidedBy) =>
        decidedBy - authorisedAt <= AuthorisationValidity - SafetyMargin
            ? DepositHoldMethod.AuthoriseThenCapture
            : DepositHoldMethod.CaptureThenRefund;

    /// <summary>SPC 2016 Art. 23: an auction decides every deposit within 24 h of the close.</summary>
    public static DepositHoldMethod ForAuction(DateTimeOffset paidAt, DateTimeOffset closesAt) =>
        Choose(paidAt, DepositRules.ReleaseDueBy(DepositVenue.Auction, closesAt));

    /// <summary>Exchange practice: a listed trade refunds within 3 working days after the disclosure period ends.</summary>
    public static DepositHoldMethod ForListedTrade(DateTimeOffset paidAt, DateTimeOffset disclosureEndsAt, Func<DateOnly, bool>? isWorkingDay = null) =>
        Choose(paidAt, DepositRules.ReleaseDueBy(DepositVenue.ListedTrade, disclosureEndsAt, isWorkingDay));
}
