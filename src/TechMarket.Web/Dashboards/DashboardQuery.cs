using Microsoft.AspNetCore.Http;
using TechMarket.Domain.Catalogue;
using TechMarket.Infrastructure.Dashboards;
using TechMarket.Infrastructure.Search;

namespace TechMarket.Web.Dashboards;

/// <summary>
/// The dashboards' filter as it travels in the URL: <c>?from=2026-01&amp;to=2026-06&amp;industry=biomedicine</c>. Parsed and
/// checked once here; a wrong value gets a message per field (中文 / English) and the page falls back to the default
/// period (the last twelve months) rather than failing.
/// </summary>
public sealed record DashboardQuery(string? From, string? To, string? Industry)
{
    public static readonly IReadOnlyList<Industry> Industries = [.. Enum.GetValues<Industry>().Where(i => CatalogDocuments.IndustryCode(i) is not null)];

    public static DashboardQuery Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        static string? V(IQueryCollection q, string key) => q.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;
        return new DashboardQuery(V(query, "from"), V(query, "to"), V(query, "industry"));
    }

    /// <summary>The filter to run, and the problems found (field → message); with problems, the default filter.</summary>
    public (MarketFilter Filter, IReadOnlyDictionary<string, string> Errors) Resolve(DateTimeOffset now)
    {
        var errors = new Dictionary<string, string>();
        var thisMonth = MarketMonth.Of(now);
        var to = thisMonth;
        if (To is not null && !MarketMonth.TryParse(To, out to)) errors["to"] = "结束月份格式应为 YYYY-MM / The end month must look like YYYY-MM.";
        var from = to.AddMonths(-11);
        if (From is not null && !MarketMonth.TryParse(From, out from)) errors["from"] = "开始月份格式应为 YYYY-MM / The start month must look like YYYY-MM.";
        if (errors.Count == 0 && from > to) errors["from"] = "开始月份不能晚于结束月份 / The start month must not be after the end month.";
        if (errors.Count == 0 && to.MonthsSince(from) >= MarketFilter.MaxMonths)
            errors["from"] = $"统计期间最长 {MarketFilter.MaxMonths} 个月 / The period is at most {MarketFilter.MaxMonths} months.";
        Industry? industry = null;
        if (Industry is not null)
        {
            industry = Industries.FirstOrDefault(i => string.Equals(CatalogDocuments.IndustryCode(i), Industry, StringComparison.OrdinalIgnoreCase));
            if (industry == Domain.Catalogue.Industry.Unspecified)
            {
                industry = null;
                errors["industry"] = $"未知的产业 '{Industry}' / Unknown industry. Use one of: {string.Join(", ", Industries.Select(CatalogDocuments.IndustryCode))}.";
            }
        }
        if (errors.Count > 0) return (new MarketFilter(thisMonth.AddMonths(-11), thisMonth, null), errors);
        return (new MarketFilter(from, to, industry), errors);
    }

    /// <summary>The query string of a filter, for links (CSV, JSON) that keep it.</summary>
    public static string QueryString(MarketFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var industry = filter.Industry is { } i ? "&industry=" + CatalogDocuments.IndustryCode(i) : "";
        return $"from={filter.From}&to={filter.To}{industry}";
    }
}
