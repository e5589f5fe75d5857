using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Deals;
using TechMarket.Domain.Payments;
using TechMarket.Infrastructure.Auctions;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Deals;
using TechMarket.Infrastructure.Financing;
using TechMarket.Infrastructure.Payments;

namespace TechMarket.Infrastructure.Dashboards;

/// <summary>
/// The market dashboards' figures (issue 10), read from the rows the platform runs on — listings (published
/// timestamps), deals, auctions, demands, pledge cases and their CNIPA registrations, settlements and the journal — never
/// from numbers kept by hand. Counting and summing run in the database (GROUP BY, month buckets by
/// <see cref="MonthBuckets"/>); only the time-to-deal distribution is computed from the period's deal rows, as
/// differences of stored ticks cannot be taken portably in SQL.
/// </summary>
public sealed class MarketFigures(TechMarketDbContext db)
{
    public const int TopInstitutions = 10;

    /// <summary>Bands of the time-to-deal chart, in days since publication: ≤ 30, 31-90, 91-180, 181-365, more.</summary>
    public static readonly IReadOnlyList<(int From, int? To)> TimeToDealBands = [(0, 30), (31, 90), (91, 180), (181, 365), (366, null)];

    /// <summary>The 3+X industries are always shown, with zeros; unclassified records appear only when there are some.</summary>
    private static readonly Industry[] ThreePlusX = [Industry.NewEnergyVehicles, Industry.Biomedicine, Industry.NextGenIt, Industry.FutureIndustries];

    public async Task<MarketReport> BuildAsync(MarketFilter filter, MarketAudience audience, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.To < filter.From || filter.To.MonthsSince(filter.From) >= MarketFilter.MaxMonths)
            throw new ArgumentException("Validate the period at the edge.", nameof(filter));
        var center = audience == MarketAudience.Center;
        var starts = filter.Months.Select(m => m.Start).ToList();

        var listings = PublishedListings(filter);
        var deals = Deals(filter);

        var listingsByMonth = await CountByMonthAsync(listings, MonthBuckets.Index<Listing, DateTimeOffset?>(l => l.PublishedAt, [.. starts.Select(s => (DateTimeOffset?)s)]), ct).ConfigureAwait(false);
        var dealsByMonth = (await deals.GroupBy(MonthBuckets.Index<DealFact, DateTimeOffset>(d => d.CreatedAt, starts))
            .Select(g => new { g.Key, Count = g.Count(), Value = g.Sum(d => d.PriceFen) }).ToListAsync(ct).ConfigureAwait(false))
            .ToDictionary(x => x.Key);
        var activity = filter.Months.Select((m, i) => new MonthActivity(m, listingsByMonth.GetValueOrDefault(i),
            dealsByMonth.TryGetValue(i, out var d) ? d.Count : 0, dealsByMonth.TryGetValue(i, out var v) ? v.Value : 0)).ToList();

        var byIndustry = (await deals.GroupBy(d => d.Industry).Select(g => new { g.Key, Count = g.Count(), Value = g.Sum(d => d.PriceFen) })
            .ToListAsync(ct).ConfigureAwait(false)).ToDictionary(x => x.Key);
        var dealsByIndustry = Industries(filter, byIndustry.Keys)
            .Select(i => byIndustry.TryGetValue(i, out var x) ? new IndustryDeals(i, x.Count, x.Value) : new IndustryDeals(i, 0, 0)).ToList();

        var dealsByTradeMode = (await deals.GroupBy(d => d.TradeMode).Select(g => new { g.Key, Count = g.Count(), Value = g.Sum(d => d.PriceFen) })
            .ToListAsync(ct).ConfigureAwait(false))
            .OrderBy(x => x.Key).Select(x => new TradeModeDeals(x.Key, x.Count, x.Value)).ToList();

        var auctions = await AuctionsAsync(filter, starts, ct).ConfigureAwait(false);
        var timeToDeal = await TimeToDealAsync(deals, ct).ConfigureAwait(false);

        var topListings = await listings.GroupBy(l => l.OrganizationId).Select(g => new { g.Key, Count = g.Count() })
            .OrderByDescending(x => x.Count).ThenBy(x => x.Key).Take(TopInstitutions).ToListAsync(ct).ConfigureAwait(false);
        var topDeals = center
            ? await deals.GroupBy(d => d.SellerId).Select(g => new { g.Key, Count = g.Count(), Value = g.Sum(d => d.PriceFen) })
                .OrderByDescending(x => x.Value).ThenByDescending(x => x.Count).ThenBy(x => x.Key).Take(TopInstitutions).ToListAsync(ct).ConfigureAwait(false)
            : [];

        var demandSupply = await DemandSupplyAsync(filter, listings, ct).ConfigureAwait(false);

        var loans = Loans(filter);
        var loansByMonth = (await loans.GroupBy(MonthBuckets.Index<LoanFact, DateOnly>(l => l.RegisteredOn, [.. filter.Months.Select(m => m.FirstDay)]))
            .Select(g => new { g.Key, Count = g.Count(), Amount = g.Sum(l => l.AmountFen) }).ToListAsync(ct).ConfigureAwait(false)).ToDictionary(x => x.Key);
        var pledgesByMonth = filter.Months.Select((m, i) => loansByMonth.TryGetValue(i, out var x) ? new PledgeMonth(m, x.Count, x.Amount) : new PledgeMonth(m, 0, 0)).ToList();
        var loansByIndustry = (await loans.GroupBy(l => l.Industry).Select(g => new { g.Key, Count = g.Count(), Amount = g.Sum(l => l.AmountFen) })
            .ToListAsync(ct).ConfigureAwait(false)).ToDictionary(x => x.Key);
        var pledgesByIndustry = Industries(filter, loansByIndustry.Keys)
            .Select(i => loansByIndustry.TryGetValue(i, out var x) ? new PledgeIndustry(i, x.Count, x.Amount) : new PledgeIndustry(i, 0, 0)).ToList();
        var loansByLender = center
            ? await loans.GroupBy(l => l.LenderId).Select(g => new { g.Key, Count = g.Count(), Amount = g.Sum(l => l.AmountFen) })
                .OrderByDescending(x => x.Amount).ThenBy(x => x.Key).ToListAsync(ct).ConfigureAwait(false)
            : [];

        var settlements = center ? await SettlementsAsync(filter, starts, ct).ConfigureAwait(false) : null;
        var demo = await listings.CountAsync(l => l.IsDemo, ct).ConfigureAwait(false);

        var ids = topListings.Select(x => x.Key).Concat(topDeals.Select(x => x.Key)).Concat(loansByLender.Select(x => x.Key)).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct).ConfigureAwait(false);
        string Name(Guid id) => names.GetValueOrDefault(id, "—");

        return new MarketReport(filter, audience, activity, dealsByIndustry, dealsByTradeMode, auctions, timeToDeal,
            [.. topListings.Select(x => new InstitutionListings(x.Key, Name(x.Key), x.Count))],
            center ? [.. topDeals.Select(x => new InstitutionDeals(x.Key, Name(x.Key), x.Count, x.Value))] : null,
            demandSupply, pledgesByMonth, pledgesByIndustry,
            center ? [.. loansByLender.Select(x => new PledgeLender(x.Key, Name(x.Key), x.Count, x.Amount))] : null,
            settlements, demo);
    }

    /// <summary>Listings first published in the period (whatever became of them since), in the industry if one is chosen.</summary>
    private IQueryable<Listing> PublishedListings(MarketFilter filter)
    {
        var query = db.Listings.AsNoTracking().Where(l => l.PublishedAt >= filter.Start && l.PublishedAt < filter.End);
        return filter.Industry is { } industry ? query.Where(l => l.Industry == industry) : query;
    }

    /// <summary>Deals opened in the period and not cancelled, with their listing's industry and publication.</summary>
    private IQueryable<DealFact> Deals(MarketFilter filter)
    {
        var query = from d in db.Deals.AsNoTracking()
                    where d.Status != DealStatus.Cancelled && d.CreatedAt >= filter.Start && d.CreatedAt < filter.End
                    join l in db.Listings.AsNoTracking() on d.ListingId equals l.Id
                    select new DealFact
                    {
                        CreatedAt = d.CreatedAt, PriceFen = d.PriceFen, TradeMode = d.TradeMode, SellerId = d.SellerOrganizationId,
                        Industry = l.Industry, PublishedAt = l.PublishedAt,
                    };
        return filter.Industry is { } industry ? query.Where(d => d.Industry == industry) : query;
    }

    /// <summary>Pledge loans (cases CNIPA registered, PledgeStatistics.LoanStates) by the date of their first registration notice.</summary>
    private IQueryable<LoanFact> Loans(MarketFilter filter)
    {
        var firstDay = filter.From.FirstDay;
        var until = filter.To.AddMonths(1).FirstDay;
        var query = from c in db.PledgeCases.AsNoTracking()
                    where PledgeStatistics.LoanStates.Contains(c.State)
                    join r in db.PatentPledges.AsNoTracking().GroupBy(p => p.PledgeCaseId).Select(g => new { CaseId = g.Key, On = g.Min(p => p.RegisteredOn) })
                        on c.Id equals r.CaseId
                    where r.On >= firstDay && r.On < until
                    select new LoanFact { RegisteredOn = r.On, Industry = c.Industry, LenderId = c.LenderId ?? Guid.Empty, AmountFen = c.ApprovedAmountFen ?? 0 };
        return filter.Industry is { } industry ? query.Where(l => l.Industry == industry) : query;
    }

    private async Task<IReadOnlyList<AuctionMonth>> AuctionsAsync(MarketFilter filter, IReadOnlyList<DateTimeOffset> starts, CancellationToken ct)
    {
        var query = from a in db.Auctions.AsNoTracking()
                    where a.Status == AuctionStatus.Closed && a.ClosedAt >= filter.Start && a.ClosedAt < filter.End
                    join l in db.Listings.AsNoTracking() on a.ListingId equals l.Id
                    select new AuctionFact { ClosedAt = a.ClosedAt, Sold = a.Sold == true, Industry = l.Industry };
        if (filter.Industry is { } industry) query = query.Where(a => a.Industry == industry);
        var byMonth = (await query.GroupBy(MonthBuckets.Index<AuctionFact, DateTimeOffset?>(a => a.ClosedAt, [.. starts.Select(s => (DateTimeOffset?)s)]))
            .Select(g => new { g.Key, Closed = g.Count(), Sold = g.Count(a => a.Sold) }).ToListAsync(ct).ConfigureAwait(false)).ToDictionary(x => x.Key);
        return [.. filter.Months.Select((m, i) => byMonth.TryGetValue(i, out var x) ? new AuctionMonth(m, x.Closed, x.Sold) : new AuctionMonth(m, 0, 0))];
    }

    private static async Task<TimeToDeal> TimeToDealAsync(IQueryable<DealFact> deals, CancellationToken ct)
    {
        var pairs = await deals.Where(d => d.PublishedAt != null).Select(d => new { d.CreatedAt, d.PublishedAt }).ToListAsync(ct).ConfigureAwait(false);
        var days = pairs.Where(p => p.PublishedAt <= p.CreatedAt).Select(p => (p.CreatedAt - p.PublishedAt!.Value).TotalDays).Order().ToList();
        var bands = TimeToDealBands.Select(b => new TimeToDealBand(b.From, b.To, days.Count(x => (int)Math.Floor(x) >= b.From && (b.To is not { } to || (int)Math.Floor(x) <= to)))).ToList();
        if (days.Count == 0) return new TimeToDeal(0, null, null, bands);
        var median = days.Count % 2 == 1 ? days[days.Count / 2] : (days[days.Count / 2 - 1] + days[days.Count / 2]) / 2;
        return new TimeToDeal(days.Count, Math.Round(median, 1), Math.Round(days.Average(), 1), bands);
    }

    private async Task<IReadOnlyList<IndustryDemandSupply>> DemandSupplyAsync(MarketFilter filter, IQueryable<Listing> listings, CancellationToken ct)
    {
        var demands = db.Demands.AsNoTracking().Where(d => d.CreatedAt >= filter.Start && d.CreatedAt < filter.End);
        if (filter.Industry is { } industry) demands = demands.Where(d => d.Industry == industry);
        var demandCounts = await demands.GroupBy(d => d.Industry).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct).ConfigureAwait(false);
        var supplyCounts = await listings.GroupBy(l => l.Industry).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct).ConfigureAwait(false);
        return [.. Industries(filter, demandCounts.Keys.Concat(supplyCounts.Keys))
            .Select(i => new IndustryDemandSupply(i, demandCounts.GetValueOrDefault(i), supplyCounts.GetValueOrDefault(i)))];
    }

    /// <summary>
    /// Settlements concluded per month, and the commission income the journal booked per month. With an industry, a
    /// settlement counts through the deal it settles (same origin: auction or listed trade) and that deal's listing.
    /// </summary>
    private async Task<IReadOnlyList<SettlementMonth>> SettlementsAsync(MarketFilter filter, IReadOnlyList<DateTimeOffset> starts, CancellationToken ct)
    {
        var settlements = db.Settlements.AsNoTracking().Where(s => s.ConcludedAt >= filter.Start && s.ConcludedAt < filter.End);
        var allSettlements = db.Settlements.AsNoTracking().AsQueryable();
        if (filter.Industry is { } industry)
        {
            var inIndustry = from d in db.Deals.AsNoTracking()
                             join l in db.Listings.AsNoTracking() on d.ListingId equals l.Id
                             where l.Industry == industry && (d.Origin == DealOrigin.Auction || d.Origin == DealOrigin.ListedTrade)
                             select new { d.OriginId, Kind = d.Origin == DealOrigin.Auction ? DepositSubjectKind.Auction : DepositSubjectKind.ListedTrade };
            settlements = settlements.Where(s => inIndustry.Any(d => d.OriginId == s.SubjectId && d.Kind == s.SubjectKind));
            allSettlements = allSettlements.Where(s => inIndustry.Any(d => d.OriginId == s.SubjectId && d.Kind == s.SubjectKind));
        }
        var concluded = (await settlements.GroupBy(MonthBuckets.Index<Payments.Persistence.SettlementRecord, DateTimeOffset>(s => s.ConcludedAt, starts))
            .Select(g => new { g.Key, Count = g.Count(), Price = g.Sum(s => s.PriceFen), Paid = g.Sum(s => s.BuyerPaidFen) })
            .ToListAsync(ct).ConfigureAwait(false)).ToDictionary(x => x.Key);

        // 佣金收入 is credited (negative postings) when a deal is concluded and debited back if it is rescinded.
        var commission = from p in db.Postings.AsNoTracking()
                         where p.AccountKind == LedgerAccountKind.CommissionIncome
                         join e in db.JournalEntries.AsNoTracking() on p.JournalEntryId equals e.Id
                         where e.PostedAt >= filter.Start && e.PostedAt < filter.End
                         select new CommissionFact { PostedAt = e.PostedAt, AmountFen = p.AmountFen, CauseKind = e.CauseKind, CauseId = e.CauseId };
        if (filter.Industry is not null)
        {
            commission = commission.Where(c => (c.CauseKind == BusinessEventKind.DealConcluded || c.CauseKind == BusinessEventKind.DealRescinded)
                && allSettlements.Any(s => s.Id == c.CauseId));
        }
        var income = (await commission.GroupBy(MonthBuckets.Index<CommissionFact, DateTimeOffset>(c => c.PostedAt, starts))
            .Select(g => new { g.Key, Amount = g.Sum(c => c.AmountFen) }).ToListAsync(ct).ConfigureAwait(false)).ToDictionary(x => x.Key, x => -x.Amount);

        return [.. filter.Months.Select((m, i) => new SettlementMonth(m,
            concluded.TryGetValue(i, out var c) ? c.Count : 0, c?.Price ?? 0, c?.Paid ?? 0, income.GetValueOrDefault(i)))];
    }

    private static async Task<Dictionary<int, int>> CountByMonthAsync<T>(IQueryable<T> query, Expression<Func<T, int>> month, CancellationToken ct) =>
        await query.GroupBy(month).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct).ConfigureAwait(false);

    private static IEnumerable<Industry> Industries(MarketFilter filter, IEnumerable<Industry> present) =>
        filter.Industry is { } only ? [only] : ThreePlusX.Concat(present.Where(i => !ThreePlusX.Contains(i)).Distinct().Order());

    private sealed class DealFact
    {
        public DateTimeOffset CreatedAt { get; init; }
        public long PriceFen { get; init; }
        public TradeModes TradeMode { get; init; }
        public Guid SellerId { get; init; }
        public Industry Industry { get; init; }
        public DateTimeOffset? PublishedAt { get; init; }
    }

    private sealed class AuctionFact
    {
        public DateTimeOffset? ClosedAt { get; init; }
        public bool Sold { get; init; }
        public Industry Industry { get; init; }
    }

    private sealed class LoanFact
    {
        public DateOnly RegisteredOn { get; init; }
        public Industry Industry { get; init; }
        public Guid LenderId { get; init; }
        public long AmountFen { get; init; }
    }

    private sealed class CommissionFact
    {
        public DateTimeOffset PostedAt { get; init; }
        public long AmountFen { get; init; }
        public BusinessEventKind CauseKind { get; init; }
        public Guid CauseId { get; init; }
    }
}
