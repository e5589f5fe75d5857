using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Trading;

/// <summary>Where a listed trade (挂牌交易) stands.</summary>
public enum ListedTradeStatus
{
    /// <summary>公示期: the listing period runs; companies register intentions.</summary>
    Open = 1,
    /// <summary>Exactly one qualified buyer paid: an agreement deal (协议成交) was opened.</summary>
    Deal = 2,
    /// <summary>Two or more qualified buyers paid: the listing went to auction (转为网上竞价).</summary>
    ConvertedToAuction = 3,
    /// <summary>No qualified buyer paid (or the deal or auction could not be opened): ended unsold; the seller may relist.</summary>
    Unsold = 4,
}

/// <summary>Where one company's intention (受让意向) stands.</summary>
public enum IntentionStatus
{
    /// <summary>Registered, awaiting the center's eligibility check.</summary>
    Registered = 1,
    /// <summary>Qualified by the center: the deposit is due within the payment window.</summary>
    Qualified = 2,
    /// <summary>Declined by the center, with a reason.</summary>
    Declined = 3,
    /// <summary>Qualified but the deposit was not paid in time: the qualification is lost.</summary>
    Lapsed = 4,
    /// <summary>Withdrawn by the company (after paying: the deposit is forfeited).</summary>
    Withdrawn = 5,
    /// <summary>Counted at the end of the period: became the deal's buyer or a bidder of the auction.</summary>
    Carried = 6,
    /// <summary>Not qualified before the period ended.</summary>
    NotQualifiedInTime = 7,
}

/// <summary>What the period's end decides (exchange practice; DOMAIN.md "Listed trade" rule 3).</summary>
public enum ListedTradeDecisionKind
{
    /// <summary>Exactly one qualified buyer with a paid deposit: agreement deal at ≥ the listing price.</summary>
    AgreementDeal,
    /// <summary>Two or more: the listing converts into an auction, the deposits carry over.</summary>
    Auction,
    /// <summary>None: the listing ends unsold; relisting is offered.</summary>
    Unsold,
}

/// <summary>A registered intention as the decision sees it.</summary>
public sealed record IntentionAtExpiry(Guid IntentionId, Guid OrganizationId, IntentionStatus Status, bool DepositHeld, Money OfferedPrice);

public sealed record ListedTradeDecision(ListedTradeDecisionKind Kind, IReadOnlyList<IntentionAtExpiry> Buyers);

public enum ListedTradeProblem
{
    None,
    NonPositivePrice,
    /// <summary>A listing period of 1 to 60 working days.</summary>
    PeriodOutOfRange,
    /// <summary>Paying the deposit means accepting the conditions at ≥ the listing price.</summary>
    OfferBelowListingPrice,
    ConditionsNotAccepted,
}

/// <summary>
/// 挂牌交易 (exchange practice, as in DOMAIN.md "Listed trade"; 促进科技成果转化法 Art. 18 names listing on a technology
/// market as one of the ways a state university prices a result). The seller lists at a price for a disclosure period
/// in working days; companies register intentions; the center qualifies them; each qualified buyer pays a deposit
/// (default 10 % of the listing price) within a few working days, which means accepting the conditions at ≥ the
/// listing price. At the end of the period exactly one paid buyer gets an agreement deal, two or more go to auction
/// with their deposits, none ends the trade unsold.
/// </summary>
public static class ListedTradeRules
{
    /// <summary>Exchange practice: a 20-working-day disclosure period unless the seller sets another.</summary>
    public const int DefaultPeriodWorkingDays = 20;

    public const int MaxPeriodWorkingDays = 60;

    public static ListedTradeProblem CheckOpening(Money price, int periodWorkingDays) =>
        price <= Money.Zero ? ListedTradeProblem.NonPositivePrice
        : periodWorkingDays is < 1 or > MaxPeriodWorkingDays ? ListedTradeProblem.PeriodOutOfRange
        : ListedTradeProblem.None;

    /// <summary>An intention accepts the conditions and offers at least the listing price.</summary>
    public static ListedTradeProblem CheckIntention(Money listingPrice, Money offered, bool acceptsConditions) =>
        !acceptsConditions ? ListedTradeProblem.ConditionsNotAccepted
        : offered < listingPrice ? ListedTradeProblem.OfferBelowListingPrice
        : ListedTradeProblem.None;

    /// <summary>
    /// The deposit is due within <paramref name="workingDays"/> working days of qualification, and never after the
    /// period ends (the decision at the end counts only deposits paid by then).
    /// </summary>
    public static DateTimeOffset DepositDueBy(WorkingDayCalendar calendar, DateTimeOffset qualifiedAt, int workingDays, DateTimeOffset periodEndsAt)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var due = calendar.AddWorkingDays(qualifiedAt, workingDays);
        return due < periodEndsAt ? due : periodEndsAt;
    }

    /// <summary>Rule 3: only qualified intentions with a held deposit count.</summary>
    public static ListedTradeDecision Decide(IEnumerable<IntentionAtExpiry> intentions)
    {
        ArgumentNullException.ThrowIfNull(intentions);
        var buyers = intentions.Where(i => i.Status == IntentionStatus.Qualified && i.DepositHeld).ToList();
        return buyers.Count switch
        {
            0 => new(ListedTradeDecisionKind.Unsold, []),
            1 => new(ListedTradeDecisionKind.AgreementDeal, buyers),
            _ => new(ListedTradeDecisionKind.Auction, buyers),
        };
    }

    /// <summary>Judicial practice: an auction step of about 0.5 % of the start price, in whole yuan, at least ¥100.</summary>
    public static Money AuctionStep(Money startPrice)
    {
        var half = startPrice.Fen / 200;
        var yuan = (half + 99) / 100 * 100;
        return new Money(Math.Max(10_000, yuan));
    }
}
