using TechMarket.Domain.Catalogue;

namespace TechMarket.Infrastructure.Dashboards;

/// <summary>Who reads the figures: everyone sees aggregates; the center also sees organisations' deal and loan figures and the ledger.</summary>
public enum MarketAudience
{
    Public = 1,
    Center = 2,
}

/// <summary>The period (whole months, China time, both ends included) and optionally one industry.</summary>
public sealed record MarketFilter(MarketMonth From, MarketMonth To, Industry? Industry)
{
    /// <summary>Five years at most: the month series stays readable and the queries bounded.</summary>
    public const int MaxMonths = 60;

    public IReadOnlyList<MarketMonth> Months => [.. Enumerable.Range(0, To.MonthsSince(From) + 1).Select(From.AddMonths)];

    public DateTimeOffset Start => From.Start;

    /// <summary>The first instant after the period.</summary>
    public DateTimeOffset End => To.AddMonths(1).Start;
}

/// <summary>Listings published and deals opened (not cancelled) in a month, with the deals' total price.</summary>
public sealed record MonthActivity(MarketMonth Month, int ListingsPublished, int Deals, long DealValueFen);

public sealed record IndustryDeals(Industry Industry, int Deals, long ValueFen);

public sealed record TradeModeDeals(TradeModes TradeMode, int Deals, long ValueFen);

/// <summary>Lots closed in a month and how many of them sold; the rest are 流拍.</summary>
public sealed record AuctionMonth(MarketMonth Month, int ClosedLots, int SoldLots)
{
    /// <summary>Sold lots / closed lots; null when no lot closed.</summary>
    public double? SellThroughRate => ClosedLots == 0 ? null : (double)SoldLots / ClosedLots;
}

/// <summary>Deals whose listing had been published for <see cref="FromDays"/> to <see cref="ToDays"/> days (null: no upper bound).</summary>
public sealed record TimeToDealBand(int FromDays, int? ToDays, int Deals);

/// <summary>Days from a listing's publication to its deal, over the deals of the period whose listing was published.</summary>
public sealed record TimeToDeal(int Deals, double? MedianDays, double? MeanDays, IReadOnlyList<TimeToDealBand> Bands);

/// <summary>An institution's published listings in the period (public: what its listing pages show anyway).</summary>
public sealed record InstitutionListings(Guid OrganizationId, string Name, int Listings);

/// <summary>An institution's deals as seller in the period (center only).</summary>
public sealed record InstitutionDeals(Guid OrganizationId, string Name, int Deals, long ValueFen);

/// <summary>技术需求 posted vs listings published, per industry.</summary>
public sealed record IndustryDemandSupply(Industry Industry, int Demands, int Listings);

/// <summary>Pledge loans by the month CNIPA registered the pledge (the pledge exists from registration, Civil Code Art. 444).</summary>
public sealed record PledgeMonth(MarketMonth Month, int Loans, long AmountFen);

public sealed record PledgeIndustry(Industry Industry, int Loans, long AmountFen);

public sealed record PledgeLender(Guid LenderId, string Name, int Loans, long AmountFen);

/// <summary>
/// Settlements concluded in a month (price, what buyers have paid so far) and the commission income the journal booked
/// in that month (credits to 佣金收入, net of rescissions).
/// </summary>
public sealed record SettlementMonth(MarketMonth Month, int Settlements, long ConcludedFen, long BuyerPaidFen, long CommissionFen);

/// <summary>
/// Every figure of the market dashboards for one filter. The center-only parts are null in the public report, so they
/// cannot leak through a page, the JSON or a CSV.
/// </summary>
public sealed record MarketReport(
    MarketFilter Filter,
    MarketAudience Audience,
    IReadOnlyList<MonthActivity> Activity,
    IReadOnlyList<IndustryDeals> DealsByIndustry,
    IReadOnlyList<TradeModeDeals> DealsByTradeMode,
    IReadOnlyList<AuctionMonth> Auctions,
    TimeToDeal TimeToDeal,
    IReadOnlyList<InstitutionListings> TopByListings,
    IReadOnlyList<InstitutionDeals>? TopByDeals,
    IReadOnlyList<IndustryDemandSupply> DemandSupply,
    IReadOnlyList<PledgeMonth> PledgesByMonth,
    IReadOnlyList<PledgeIndustry> PledgesByIndustry,
    IReadOnlyList<PledgeLender>? PledgesByLender,
    IReadOnlyList<SettlementMonth>? Settlements,
    int DemoListings)
{
    public bool IsEmpty =>
        Activity.All(a => a.ListingsPublished == 0 && a.Deals == 0) && Auctions.All(a => a.ClosedLots == 0)
        && DemandSupply.All(d => d.Demands == 0 && d.Listings == 0) && PledgesByMonth.All(p => p.Loans == 0)
        && (Settlements ?? []).All(s => s.Settlements == 0 && s.CommissionFen == 0);
}
