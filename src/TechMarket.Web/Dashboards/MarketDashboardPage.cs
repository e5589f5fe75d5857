using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TechMarket.Infrastructure.Dashboards;

namespace TechMarket.Web.Dashboards;

/// <summary>
/// The market dashboard as a page, its figures as JSON (<c>?handler=Json</c>) and each chart's table as CSV
/// (<c>?handler=Csv&amp;chart=…</c>), all for the filter in the URL. The public summary and the center's dashboard differ
/// only in <see cref="Audience"/>: MarketFigures leaves the center-only figures out of the public report.
/// </summary>
public abstract class MarketDashboardPage(MarketFigures figures, IStringLocalizer<SharedResource> t, TimeProvider clock) : PageModel
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    protected abstract MarketAudience Audience { get; }

    public MarketReport Report { get; private set; } = null!;
    public IReadOnlyList<Chart> Charts { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();
    public DashboardQuery Query { get; private set; } = new(null, null, null);

    /// <summary>The filter's query string, for the CSV and JSON links.</summary>
    public string FilterQuery => DashboardQuery.QueryString(Report.Filter);

    /// <summary>Chart data for the page's script (a JSON island, not inline script).</summary>
    public string ChartJson => JsonSerializer.Serialize(new
    {
        units = new { money = t["万元"].Value, percent = "%" },
        charts = Charts.Where(c => !c.IsEmpty),
    }, Json);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Query = DashboardQuery.Parse(Request.Query);
        (var filter, Errors) = Query.Resolve(clock.GetUtcNow());
        await LoadAsync(filter, ct);
    }

    public async Task<IActionResult> OnGetJsonAsync(CancellationToken ct)
    {
        var (filter, errors) = DashboardQuery.Parse(Request.Query).Resolve(clock.GetUtcNow());
        if (errors.Count > 0) return BadRequestFor(errors);
        return new JsonResult(await figures.BuildAsync(filter, Audience, ct), Json);
    }

    /// <summary>CSV of one chart's table: UTF-8 with BOM, named after the chart and the period.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? chart, CancellationToken ct)
    {
        var (filter, errors) = DashboardQuery.Parse(Request.Query).Resolve(clock.GetUtcNow());
        if (errors.Count > 0) return BadRequestFor(errors);
        await LoadAsync(filter, ct);
        var found = Charts.FirstOrDefault(c => c.Id == chart);
        if (found is null) return NotFound();
        return File(DashboardCsv.Build(found), "text/csv; charset=utf-8", $"techmarket-{found.Id}-{filter.From}-{filter.To}.csv");
    }

    private async Task LoadAsync(MarketFilter filter, CancellationToken ct)
    {
        Report = await figures.BuildAsync(filter, Audience, ct);
        Charts = DashboardCharts.Build(Report, t);
    }

    private BadRequestObjectResult BadRequestFor(IReadOnlyDictionary<string, string> errors) =>
        BadRequest(new ValidationProblemDetails(errors.ToDictionary(e => e.Key, e => new[] { e.Value }))
        {
            Title = "筛选条件有误 / The filter is not valid.",
        });
}
