using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using TechMarket.Domain.Catalogue;
using TechMarket.Tests.Shared;
using TechMarket.Web.Tests.Infrastructure;

namespace TechMarket.Web.Tests;

/// <summary>
/// The market dashboards (issue 10) over HTTP: for a year of activity built through the platform's use cases, each
/// figure is worked out here from the scenario's own list of what it did — not by running the dashboard's queries —
/// and compared with the JSON, the page and the CSV. Each test builds its scenario in a future year of its own: the
/// period filter isolates it from the demo data (published within the last twelve months) and from other tests, and
/// the auction-closing job (real clock) never finds its lots due, so the scenario closes them at its own instants.
/// </summary>
public abstract class MarketDashboardTests(TechMarketSite site)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [Fact]
    public async Task Center_figures_equal_what_the_listings_deals_auctions_ledger_and_pledges_say()
    {
        site.SkipUnlessAvailable();
        var s = await MarketScenario.BuildAsync(site.Services, 2031);
        var center = await Accounts.SignedInAsync(site, Accounts.Center);
        using var json = await JsonAsync(center, "/center/dashboard?handler=Json&from=2031-01&to=2031-12");
        var r = json.RootElement;

        // Listings and deals by month: twelve months, each counted from the scenario's own times.
        var activity = r.GetProperty("activity").EnumerateArray().ToList();
        Assert.Equal(12, activity.Count);
        for (var m = 1; m <= 12; m++)
        {
            var row = activity[m - 1];
            Assert.Equal($"2031-{m:00}", row.GetProperty("month").GetString());
            Assert.Equal(s.Listings.Count(l => MonthOf(l.PublishedAt) == m), row.GetProperty("listingsPublished").GetInt32());
            Assert.Equal(s.Deals.Count(d => MonthOf(d.At) == m), row.GetProperty("deals").GetInt32());
            Assert.Equal(s.Deals.Where(d => MonthOf(d.At) == m).Sum(d => d.PriceFen), row.GetProperty("dealValueFen").GetInt64());
        }
        Assert.Equal(3, activity.Sum(a => a.GetProperty("deals").GetInt32())); // the scenario's three deals, nothing else

        // Deal value by industry (all four 3+X industries shown) and by trade mode.
        var byIndustry = r.GetProperty("dealsByIndustry").EnumerateArray().ToDictionary(x => x.GetProperty("industry").GetString()!);
        Assert.Equal(["newEnergyVehicles", "biomedicine", "nextGenIt", "futureIndustries"], byIndustry.Keys);
        foreach (var industry in new[] { Industry.NewEnergyVehicles, Industry.Biomedicine, Industry.NextGenIt, Industry.FutureIndustries })
        {
            var row = byIndustry[JsonNamingPolicy.CamelCase.ConvertName(industry.ToString())];
            Assert.Equal(s.Deals.Count(d => d.Industry == industry), row.GetProperty("deals").GetInt32());
            Assert.Equal(s.Deals.Where(d => d.Industry == industry).Sum(d => d.PriceFen), row.GetProperty("valueFen").GetInt64());
        }
        var byMode = r.GetProperty("dealsByTradeMode").EnumerateArray().ToDictionary(x => x.GetProperty("tradeMode").GetString()!, x => x.GetProperty("valueFen").GetInt64());
        Assert.Equal(new Dictionary<string, long>
        {
            ["assignment"] = s.Deals.Where(d => d.Mode == TradeModes.Assignment).Sum(d => d.PriceFen),
            ["ordinaryLicence"] = s.Deals.Where(d => d.Mode == TradeModes.OrdinaryLicence).Sum(d => d.PriceFen),
        }, byMode);

        // Sell-through: sold lots / closed lots, by the month each lot closed.
        var auctions = r.GetProperty("auctions").EnumerateArray().ToList();
        Assert.Equal(s.Auctions.Count, auctions.Sum(a => a.GetProperty("closedLots").GetInt32()));
        var april = auctions[3];
        Assert.Equal(2, april.GetProperty("closedLots").GetInt32());
        Assert.Equal(1, april.GetProperty("soldLots").GetInt32());
        Assert.Equal(0.5, april.GetProperty("sellThroughRate").GetDouble());
        Assert.Equal(JsonValueKind.Null, auctions[0].GetProperty("sellThroughRate").ValueKind); // no lot closed in January

        // Time from publication to deal.
        var days = s.Deals.Select(d => (d.At - d.PublishedAt).TotalDays).Order().ToList();
        var ttd = r.GetProperty("timeToDeal");
        Assert.Equal(days.Count, ttd.GetProperty("deals").GetInt32());
        Assert.Equal(Math.Round(days[1], 1), ttd.GetProperty("medianDays").GetDouble());
        Assert.Equal(Math.Round(days.Average(), 1), ttd.GetProperty("meanDays").GetDouble());
        var bands = ttd.GetProperty("bands").EnumerateArray().Select(b => b.GetProperty("deals").GetInt32()).ToList();
        Assert.Equal([days.Count(d => d < 31), days.Count(d => d >= 31 && d < 91), 0, 0, 0], bands);

        // Top institutions: listings published (public) and deals as seller (center).
        var top = r.GetProperty("topByListings").EnumerateArray().Select(x => (x.GetProperty("name").GetString(), x.GetProperty("listings").GetInt32())).ToList();
        Assert.Equal([(s.InstitutionAName, s.Listings.Count(l => l.Seller == s.InstitutionA)), (s.InstitutionBName, s.Listings.Count(l => l.Seller == s.InstitutionB))], top);
        var topDeals = r.GetProperty("topByDeals").EnumerateArray().Select(x => (x.GetProperty("name").GetString(), x.GetProperty("deals").GetInt32(), x.GetProperty("valueFen").GetInt64())).ToList();
        Assert.Equal([
            (s.InstitutionAName, s.Deals.Count(d => d.Seller == s.InstitutionA), s.Deals.Where(d => d.Seller == s.InstitutionA).Sum(d => d.PriceFen)),
            (s.InstitutionBName, s.Deals.Count(d => d.Seller == s.InstitutionB), s.Deals.Where(d => d.Seller == s.InstitutionB).Sum(d => d.PriceFen)),
        ], topDeals);

        // Demand vs supply by industry.
        foreach (var row in r.GetProperty("demandSupply").EnumerateArray())
        {
            var industry = Enum.Parse<Industry>(row.GetProperty("industry").GetString()!, ignoreCase: true);
            Assert.Equal(s.Demands.Count(d => d.Industry == industry), row.GetProperty("demands").GetInt32());
            Assert.Equal(s.Listings.Count(l => l.Industry == industry), row.GetProperty("listings").GetInt32());
        }

        // Pledge loans: by registration month, industry and lender.
        var loan = Assert.Single(s.Loans);
        var pledgeMonths = r.GetProperty("pledgesByMonth").EnumerateArray().ToList();
        Assert.Equal(1, pledgeMonths[loan.RegisteredOn.Month - 1].GetProperty("loans").GetInt32());
        Assert.Equal(loan.AmountFen, pledgeMonths[loan.RegisteredOn.Month - 1].GetProperty("amountFen").GetInt64());
        Assert.Equal(1, pledgeMonths.Sum(p => p.GetProperty("loans").GetInt32()));
        var nev = r.GetProperty("pledgesByIndustry").EnumerateArray().Single(p => p.GetProperty("industry").GetString() == "newEnergyVehicles");
        Assert.Equal(loan.AmountFen, nev.GetProperty("amountFen").GetInt64());
        var lender = Assert.Single(r.GetProperty("pledgesByLender").EnumerateArray());
        Assert.Equal(MarketScenario.DemoLender, lender.GetProperty("lenderId").GetGuid());
        Assert.Equal(loan.AmountFen, lender.GetProperty("amountFen").GetInt64());

        // Settlements and commission income from the ledger: price × (buyer 2 % + seller 3 %).
        var settlement = Assert.Single(s.Settlements);
        var settled = r.GetProperty("settlements").EnumerateArray().ToList()[MonthOf(settlement.At) - 1];
        Assert.Equal(1, settled.GetProperty("settlements").GetInt32());
        Assert.Equal(settlement.PriceFen, settled.GetProperty("concludedFen").GetInt64());
        Assert.Equal(settlement.PriceFen * (MarketScenario.BuyerRateBasisPoints + MarketScenario.SellerRateBasisPoints) / 10_000, settled.GetProperty("commissionFen").GetInt64());
        Assert.Equal(0, r.GetProperty("settlements").EnumerateArray().Where((_, i) => i != MonthOf(settlement.At) - 1).Sum(x => x.GetProperty("commissionFen").GetInt64()));
        Assert.Equal(0, r.GetProperty("demoListings").GetInt32());

        // The page draws every chart from its JSON island and offers each table as CSV.
        var page = await Html.ParseAsync(await center.GetAsync(new Uri("/center/dashboard?from=2031-01&to=2031-12", UriKind.Relative), Ct));
        var ids = page.QuerySelectorAll("#dashboard-charts section").Select(e => e.GetAttribute("data-chart-id")).ToList();
        Assert.Equal(["activity", "deals-by-industry", "deals-by-trade-mode", "auction-sell-through", "time-to-deal", "top-listings", "top-deals",
            "demand-supply", "pledges-by-month", "pledges-by-industry", "pledges-by-lender", "settlements"], ids);
        Assert.All(ids, id => Assert.NotNull(page.QuerySelector($"#chart-{id}")));
        Assert.All(ids, id => Assert.NotNull(page.QuerySelector($"#table-{id} table caption")));
        using var island = JsonDocument.Parse(page.QuerySelector("#dashboard-data")!.TextContent);
        Assert.Equal(ids, island.RootElement.GetProperty("charts").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Contains("50.0%", page.QuerySelector("#table-auction-sell-through")!.TextContent, StringComparison.Ordinal);

        // CSV: UTF-8 with BOM; the comma and quotes of A's name quoted and doubled; B's leading "=" defused.
        var csv = await center.GetAsync(new Uri(page.QuerySelector("#csv-top-listings")!.GetAttribute("href")!, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("机构,发布挂牌数", lines[0]);
        Assert.Equal("\"" + s.InstitutionAName.Replace("\"", "\"\"", StringComparison.Ordinal) + "\",3", lines[1]);
        Assert.Equal("'" + s.InstitutionBName + ",2", lines[2]);
        Assert.Equal("", lines[3]);
        var settlementsCsv = Encoding.UTF8.GetString(await center.GetByteArrayAsync(new Uri("/center/dashboard?handler=Csv&chart=settlements&from=2031-04&to=2031-04", UriKind.Relative), Ct)).TrimStart('\uFEFF');
        Assert.Equal(["月份,成交价款 (元),买方已付 (元),佣金收入 (元),结算笔数", "2031-04,26000.00,0.00,1300.00,1", ""], settlementsCsv.Split("\r\n"));
    }

    [Fact]
    public async Task Period_and_industry_filters_narrow_every_figure()
    {
        site.SkipUnlessAvailable();
        var s = await MarketScenario.BuildAsync(site.Services, 2032);
        var center = await Accounts.SignedInAsync(site, Accounts.Center);

        using var bio = await JsonAsync(center, "/center/dashboard?handler=Json&from=2032-01&to=2032-12&industry=biomedicine");
        var r = bio.RootElement;
        Assert.Equal("biomedicine", r.GetProperty("filter").GetProperty("industry").GetString());
        Assert.Equal(s.Listings.Count(l => l.Industry == Industry.Biomedicine), r.GetProperty("activity").EnumerateArray().Sum(a => a.GetProperty("listingsPublished").GetInt32()));
        Assert.Equal(s.Deals.Where(d => d.Industry == Industry.Biomedicine).Sum(d => d.PriceFen), r.GetProperty("activity").EnumerateArray().Sum(a => a.GetProperty("dealValueFen").GetInt64()));
        Assert.Equal(["biomedicine"], r.GetProperty("dealsByIndustry").EnumerateArray().Select(x => x.GetProperty("industry").GetString()));
        Assert.Equal(s.Auctions.Count(a => a.Industry == Industry.Biomedicine), r.GetProperty("auctions").EnumerateArray().Sum(a => a.GetProperty("closedLots").GetInt32()));
        Assert.Equal(1.0, r.GetProperty("auctions").EnumerateArray().ToList()[3].GetProperty("sellThroughRate").GetDouble());
        Assert.Equal(s.Demands.Count(d => d.Industry == Industry.Biomedicine), Assert.Single(r.GetProperty("demandSupply").EnumerateArray()).GetProperty("demands").GetInt32());
        Assert.Equal(0, r.GetProperty("pledgesByMonth").EnumerateArray().Sum(p => p.GetProperty("loans").GetInt32())); // the loan is new-energy
        // The settlement follows its deal to the listing's industry (biomedicine): it stays; under new-energy it goes.
        Assert.Equal(s.Settlements.Single().CommissionFen, r.GetProperty("settlements").EnumerateArray().Sum(x => x.GetProperty("commissionFen").GetInt64()));
        using var nev = await JsonAsync(center, "/center/dashboard?handler=Json&from=2032-01&to=2032-12&industry=new_energy_vehicles");
        Assert.Equal(0, nev.RootElement.GetProperty("settlements").EnumerateArray().Sum(x => x.GetProperty("commissionFen").GetInt64()));
        Assert.Equal(s.Loans.Single().AmountFen, nev.RootElement.GetProperty("pledgesByMonth").EnumerateArray().Sum(p => p.GetProperty("amountFen").GetInt64()));
        Assert.Equal(0.0, nev.RootElement.GetProperty("auctions").EnumerateArray().ToList()[3].GetProperty("sellThroughRate").GetDouble());

        // March only: the two listings published then and the two deals opened then.
        using var march = await JsonAsync(center, "/center/dashboard?handler=Json&from=2032-03&to=2032-03");
        var only = Assert.Single(march.RootElement.GetProperty("activity").EnumerateArray());
        Assert.Equal(s.Listings.Count(l => MonthOf(l.PublishedAt) == 3), only.GetProperty("listingsPublished").GetInt32());
        Assert.Equal(s.Deals.Where(d => MonthOf(d.At) == 3).Sum(d => d.PriceFen), only.GetProperty("dealValueFen").GetInt64());
        Assert.Equal(0, march.RootElement.GetProperty("auctions").EnumerateArray().Sum(a => a.GetProperty("closedLots").GetInt32()));

        // The filter stays in the page's form and in its links.
        var page = await Html.ParseAsync(await center.GetAsync(new Uri("/center/dashboard?from=2032-03&to=2032-05&industry=biomedicine", UriKind.Relative), Ct));
        Assert.Equal("2032-03", page.QuerySelector("#filter-from")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("#filter-industry option[value=biomedicine][selected]"));
        Assert.EndsWith("from=2032-03&to=2032-05&industry=biomedicine", page.QuerySelector("#csv-activity")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Public_summary_shows_aggregates_only()
    {
        site.SkipUnlessAvailable();
        var s = await MarketScenario.BuildAsync(site.Services, 2033);
        var anonymous = Accounts.NewClient(site);
        using var json = await JsonAsync(anonymous, "/market?handler=Json&from=2033-01&to=2033-12");
        var r = json.RootElement;
        Assert.Equal("public", r.GetProperty("audience").GetString());
        Assert.Equal(JsonValueKind.Null, r.GetProperty("topByDeals").ValueKind);
        Assert.Equal(JsonValueKind.Null, r.GetProperty("pledgesByLender").ValueKind);
        Assert.Equal(JsonValueKind.Null, r.GetProperty("settlements").ValueKind);
        // Aggregates are public, and so are the institutions' listing counts (their listings are public pages).
        Assert.Equal(s.Deals.Sum(d => d.PriceFen), r.GetProperty("activity").EnumerateArray().Sum(a => a.GetProperty("dealValueFen").GetInt64()));
        Assert.Equal(s.Listings.Count(l => l.Seller == s.InstitutionA), r.GetProperty("topByListings")[0].GetProperty("listings").GetInt32());

        var page = await Html.ParseAsync(await anonymous.GetAsync(new Uri("/market?from=2033-01&to=2033-12", UriKind.Relative), Ct));
        var ids = page.QuerySelectorAll("#dashboard-charts section").Select(e => e.GetAttribute("data-chart-id")).ToList();
        Assert.Equal(["activity", "deals-by-industry", "deals-by-trade-mode", "auction-sell-through", "time-to-deal", "top-listings",
            "demand-supply", "pledges-by-month", "pledges-by-industry"], ids);
        Assert.DoesNotContain("示例银行", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("佣金", page.Body!.TextContent, StringComparison.Ordinal);
        foreach (var hidden in new[] { "top-deals", "pledges-by-lender", "settlements" })
        {
            var csv = await anonymous.GetAsync(new Uri($"/market?handler=Csv&chart={hidden}&from=2033-01&to=2033-12", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.NotFound, csv.StatusCode);
        }

        // Not center staff: the center's dashboard refuses (a company, even signed in).
        var company = await Accounts.SignedInAsync(site, Accounts.Company);
        var refused = await company.GetAsync(new Uri("/center/dashboard?handler=Json&from=2033-01&to=2033-12", UriKind.Relative), Ct);
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, refused.StatusCode.ToString());
        Assert.Contains("AccessDenied", refused.Headers.Location?.ToString() ?? "AccessDenied", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_period_without_activity_shows_the_empty_state()
    {
        site.SkipUnlessAvailable();
        var page = await Html.ParseAsync(await Accounts.NewClient(site).GetAsync(new Uri("/market?from=2019-01&to=2019-03", UriKind.Relative), Ct));
        Assert.NotNull(page.QuerySelector("#dashboard-empty"));
        Assert.Empty(page.QuerySelectorAll(".dashboard-chart"));
        Assert.Equal(9, page.QuerySelectorAll(".chart-empty").Length);
        using var island = JsonDocument.Parse(page.QuerySelector("#dashboard-data")!.TextContent);
        Assert.Equal(0, island.RootElement.GetProperty("charts").GetArrayLength());
    }

    [Fact]
    public async Task Bad_filters_get_a_message_per_field_and_never_a_500()
    {
        site.SkipUnlessAvailable();
        var client = Accounts.NewClient(site);
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/market?from=2024-13&to=2033-01&industry=steel", UriKind.Relative), Ct));
        Assert.Contains("开始月份格式应为 YYYY-MM", page.QuerySelector("#filter-from-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("未知的产业 'steel'", page.QuerySelector("#filter-industry-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2024-13", page.QuerySelector("#filter-from")!.GetAttribute("value")); // kept as typed
        Assert.NotNull(page.QuerySelector("#filter-errors"));

        var reversed = await client.GetAsync(new Uri("/market?handler=Json&from=2024-05&to=2024-01", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.Contains("开始月份不能晚于结束月份", await reversed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var tooLong = await client.GetAsync(new Uri("/market?handler=Csv&chart=activity&from=2010-01&to=2024-01", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var unknownChart = await client.GetAsync(new Uri("/market?handler=Csv&chart=nope", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknownChart.StatusCode);
    }

    private static int MonthOf(DateTimeOffset at) => at.ToOffset(China).Month;

    private static async Task<JsonDocument> JsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body);
    }
}

// Own sites: the scenario publishes listings and opens deals, which the foundation suite's seed counts must not see.
[CollectionDefinition(Name)]
public sealed class DashboardSqliteCollection : ICollectionFixture<SqliteSite>
{
    public const string Name = "dashboard sqlite site";
}

[CollectionDefinition(Name)]
public sealed class DashboardPostgresCollection : ICollectionFixture<PostgresSite>
{
    public const string Name = "dashboard postgres site";
}

[Collection(DashboardSqliteCollection.Name)]
public sealed class SqliteMarketDashboardTests(SqliteSite site) : MarketDashboardTests(site);

[Collection(DashboardPostgresCollection.Name)]
public sealed class PostgresMarketDashboardTests(PostgresSite site) : MarketDashboardTests(site);
