using System.Text.Json.Serialization;
using Microsoft.Extensions.Localization;
using TechMarket.Infrastructure.Dashboards;
using TechMarket.Web.Pages;

namespace TechMarket.Web.Dashboards;

/// <summary>How a cell is shown: money is kept in fen (charts show 万元, tables ¥, CSV 元), rates as 0-1.</summary>
public enum CellFormat
{
    Text,
    Count,
    Money,
    Percent,
    Days,
}

/// <summary>
/// A column of a chart's table. <see cref="Series"/> columns are drawn: as bars or a line (<see cref="Draw"/>), on the
/// left axis or the right one (<see cref="RightAxis"/>); the first column names the categories.
/// </summary>
public sealed record ChartColumn(string Label, CellFormat Format, bool Series = false, string Draw = "bar", bool RightAxis = false)
{
    [JsonIgnore]
    public string CsvHeader => Format switch
    {
        CellFormat.Money => Label + " (元)",
        CellFormat.Percent => Label + " (%)",
        _ => Label,
    };
}

/// <summary>
/// One chart of a dashboard and its data as a table: the same rows feed the ECharts picture, the table view and the CSV.
/// <see cref="Kind"/> is <c>bar</c> (categories across), <c>hbar</c> (ranked names down) or <c>pie</c> (first series).
/// </summary>
public sealed record Chart(string Id, string Title, string Kind, IReadOnlyList<ChartColumn> Columns, IReadOnlyList<object?[]> Rows, string? Note = null)
{
    /// <summary>No figure to draw: every series cell is zero or missing.</summary>
    public bool IsEmpty => Rows.Count == 0 || Rows.All(r => Columns.Select((c, i) => (c, i)).Where(x => x.c.Series)
        .All(x => r[x.i] is null or 0 or 0L or 0d));
}

/// <summary>Turns the figures into the dashboards' charts, in the reader's language.</summary>
public static class DashboardCharts
{
    /// <summary>Charts that only the center sees (organisations' deal and loan figures, the ledger).</summary>
    public static readonly IReadOnlySet<string> CenterOnly = new HashSet<string>(StringComparer.Ordinal) { "top-deals", "pledges-by-lender", "settlements" };

    public static IReadOnlyList<Chart> Build(MarketReport report, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(t);
        var month = new ChartColumn(t["月份"], CellFormat.Text);
        var industry = new ChartColumn(t["产业"], CellFormat.Text);
        var charts = new List<Chart>
        {
            new("activity", t["挂牌与成交（按月）"], "bar",
                [month, new(t["发布挂牌数"], CellFormat.Count, true), new(t["成交笔数"], CellFormat.Count, true), new(t["成交金额"], CellFormat.Money, true, "line", true)],
                [.. report.Activity.Select(a => new object?[] { a.Month.ToString(), a.ListingsPublished, a.Deals, a.DealValueFen })]),
            new("deals-by-industry", t["成交金额（按产业）"], "pie",
                [industry, new(t["成交金额"], CellFormat.Money, true), new(t["成交笔数"], CellFormat.Count)],
                [.. report.DealsByIndustry.Select(d => new object?[] { CatalogueLabels.Industry(t, d.Industry), d.ValueFen, d.Deals })]),
            new("deals-by-trade-mode", t["成交金额（按交易方式）"], "pie",
                [new(t["交易方式"], CellFormat.Text), new(t["成交金额"], CellFormat.Money, true), new(t["成交笔数"], CellFormat.Count)],
                [.. report.DealsByTradeMode.Select(d => new object?[] { Labels.TradeMode(t, d.TradeMode), d.ValueFen, d.Deals })]),
            new("auction-sell-through", t["竞价成交率（成交场次 / 结束场次）"], "bar",
                [month, new(t["结束场次"], CellFormat.Count, true), new(t["成交场次"], CellFormat.Count, true), new(t["成交率"], CellFormat.Percent, true, "line", true)],
                [.. report.Auctions.Select(a => new object?[] { a.Month.ToString(), a.ClosedLots, a.SoldLots, a.SellThroughRate })],
                SellThroughNote(report, t)),
            new("time-to-deal", t["从挂牌发布到成交的天数"], "bar",
                [new(t["天数"], CellFormat.Text), new(t["成交笔数"], CellFormat.Count, true)],
                [.. report.TimeToDeal.Bands.Select(b => new object?[] { b.ToDays is { } to ? $"{b.FromDays}–{to}" : $"> {b.FromDays - 1}", b.Deals })],
                report.TimeToDeal.MedianDays is { } median
                    ? string.Format(System.Globalization.CultureInfo.CurrentCulture, t["中位数 {0} 天，平均 {1} 天（{2} 笔）"], median, report.TimeToDeal.MeanDays, report.TimeToDeal.Deals)
                    : null),
            new("top-listings", t["挂牌数最多的机构"], "hbar",
                [new(t["机构"], CellFormat.Text), new(t["发布挂牌数"], CellFormat.Count, true)],
                [.. report.TopByListings.Select(i => new object?[] { i.Name, i.Listings })]),
        };
        if (report.TopByDeals is { } topDeals)
        {
            charts.Add(new("top-deals", t["成交金额最多的机构（卖方）"], "hbar",
                [new(t["机构"], CellFormat.Text), new(t["成交金额"], CellFormat.Money, true), new(t["成交笔数"], CellFormat.Count)],
                [.. topDeals.Select(i => new object?[] { i.Name, i.ValueFen, i.Deals })]));
        }
        charts.Add(new("demand-supply", t["需求与供给（按产业）"], "bar",
            [industry, new(t["技术需求数"], CellFormat.Count, true), new(t["发布挂牌数"], CellFormat.Count, true)],
            [.. report.DemandSupply.Select(d => new object?[] { CatalogueLabels.Industry(t, d.Industry), d.Demands, d.Listings })]));
        charts.Add(new("pledges-by-month", t["知识产权质押融资（按登记月份）"], "bar",
            [month, new(t["贷款笔数"], CellFormat.Count, true), new(t["贷款金额"], CellFormat.Money, true, "line", true)],
            [.. report.PledgesByMonth.Select(p => new object?[] { p.Month.ToString(), p.Loans, p.AmountFen })]));
        charts.Add(new("pledges-by-industry", t["知识产权质押融资（按产业）"], "bar",
            [industry, new(t["贷款金额"], CellFormat.Money, true), new(t["贷款笔数"], CellFormat.Count)],
            [.. report.PledgesByIndustry.Select(p => new object?[] { CatalogueLabels.Industry(t, p.Industry), p.AmountFen, p.Loans })]));
        if (report.PledgesByLender is { } lenders)
        {
            charts.Add(new("pledges-by-lender", t["知识产权质押融资（按贷款机构）"], "hbar",
                [new(t["贷款机构"], CellFormat.Text), new(t["贷款金额"], CellFormat.Money, true), new(t["贷款笔数"], CellFormat.Count)],
                [.. lenders.Select(p => new object?[] { p.Name, p.AmountFen, p.Loans })]));
        }
        if (report.Settlements is { } settlements)
        {
            charts.Add(new("settlements", t["结算与佣金收入（按月，来自账簿）"], "bar",
                [month, new(t["成交价款"], CellFormat.Money, true), new(t["买方已付"], CellFormat.Money, true), new(t["佣金收入"], CellFormat.Money, true),
                 new(t["结算笔数"], CellFormat.Count)],
                [.. settlements.Select(s => new object?[] { s.Month.ToString(), s.ConcludedFen, s.BuyerPaidFen, s.CommissionFen, s.Settlements })]));
        }
        return charts;
    }

    private static string? SellThroughNote(MarketReport report, IStringLocalizer t)
    {
        var closed = report.Auctions.Sum(a => a.ClosedLots);
        if (closed == 0) return null;
        var sold = report.Auctions.Sum(a => a.SoldLots);
        return string.Format(System.Globalization.CultureInfo.CurrentCulture, t["期间合计：结束 {0} 场，成交 {1} 场，成交率 {2:P1}"], closed, sold, (double)sold / closed);
    }
}
