using System.Globalization;
using TechMarket.Domain.Catalogue;
using TechMarket.Infrastructure.Search;
using TechMarket.Search;

namespace TechMarket.Web.Catalogue;

/// <summary>
/// The search URL's parameters (the API, the search page and saved searches share them), validated at the edge:
/// each bad one gives an error naming the field.
/// </summary>
public sealed record SearchParameters
{
    public string? Q { get; init; }
    public string? Type { get; init; }
    public string? TradeMode { get; init; }
    public string? Industry { get; init; }
    /// <summary>IPC section (H) or class (H01).</summary>
    public string? Ipc { get; init; }
    public string? LegalStatus { get; init; }
    public string? PriceBand { get; init; }
    public string? Organization { get; init; }
    public string? Trl { get; init; }
    public string? Sort { get; init; }
    public string? Page { get; init; }
    public string? Size { get; init; }

    public static readonly string[] IndustryCodes = [.. Enum.GetValues<Industry>().Select(CatalogDocuments.IndustryCode).OfType<string>()];

    public static SearchParameters From(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        string? V(string k) => query.TryGetValue(k, out var v) && !string.IsNullOrEmpty(v.ToString()) ? v.ToString() : null;
        return new SearchParameters
        {
            Q = V("q"), Type = V("type"), TradeMode = V("tradeMode"), Industry = V("industry"), Ipc = V("ipc"),
            LegalStatus = V("legalStatus"), PriceBand = V("priceBand"), Organization = V("org"), Trl = V("trl"),
            Sort = V("sort"), Page = V("page"), Size = V("size"),
        };
    }

    public static SearchParameters Parse(string queryString) =>
        From(new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(queryString)));

    /// <summary>The query string for these parameters (only non-empty ones, in a stable order): shareable and savable.</summary>
    public string ToQueryString(bool withPage = true)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        void Add(string k, string? v) { if (!string.IsNullOrEmpty(v)) pairs.Add(new(k, v)); }
        Add("q", Q); Add("type", Type); Add("tradeMode", TradeMode); Add("industry", Industry); Add("ipc", Ipc);
        Add("legalStatus", LegalStatus); Add("priceBand", PriceBand); Add("org", Organization); Add("trl", Trl); Add("sort", Sort);
        if (withPage) { Add("page", Page); Add("size", Size); }
        return Microsoft.AspNetCore.Http.QueryString.Create(pairs).ToString().TrimStart('?');
    }

    public SearchQuery ToQuery(Dictionary<string, string[]> errors, int defaultSize = 10)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var page = ParseInt(Page, "page", 1, 1, 1000, errors);
        var size = ParseInt(Size, "size", defaultSize, 1, SearchQuery.MaxSize, errors);
        var trl = Trl is null ? (int?)null : ParseInt(Trl, "trl", 0, 1, 9, errors);
        if (Q is { Length: > SearchQuery.MaxTextLength })
            errors["q"] = [$"查询文本最长 {SearchQuery.MaxTextLength} 个字符 / The query may be at most {SearchQuery.MaxTextLength} characters."];
        if (Type is not null && !AssetKinds.TryParseCode(Type, out _))
            errors["type"] = [$"未知的类型 '{Type}' / Unknown type. Use one of: {string.Join(", ", Enum.GetValues<AssetKind>().Select(k => k.Code()))}."];
        if (TradeMode is not null && !TradeModeCodes.TryParseCode(TradeMode, out _))
            errors["tradeMode"] = [$"未知的交易方式 '{TradeMode}' / Unknown trade mode."];
        if (Industry is not null && !IndustryCodes.Contains(Industry, StringComparer.OrdinalIgnoreCase))
            errors["industry"] = [$"未知的产业领域 '{Industry}' / Unknown industry. Use one of: {string.Join(", ", IndustryCodes)}."];
        string? ipcSection = null, ipcClass = null;
        if (Ipc is not null)
        {
            var ipc = Ipc.Trim().ToUpperInvariant();
            if (ipc.Length == 1 && ipc[0] is >= 'A' and <= 'H') ipcSection = ipc;
            else if (ipc.Length == 3 && IpcCodes.Class(ipc) is { } c) ipcClass = c;
            else errors["ipc"] = ["IPC 应为部（如 H）或大类（如 H01） / ipc must be an IPC section (H) or class (H01)."];
        }
        if (LegalStatus is not null && LegalStatus is not ("granted" or "pending"))
            errors["legalStatus"] = ["法律状态只能是 granted 或 pending / legalStatus must be granted or pending."];
        if (PriceBand is not null && !PriceBands.All.Contains(PriceBand))
            errors["priceBand"] = [$"未知的价格区间 / Unknown priceBand. Use one of: {string.Join(", ", PriceBands.All)}."];
        var sort = SearchSort.Relevance;
        if (Sort is not null && !Api.SearchApi.TryParseSort(Sort, out sort))
            errors["sort"] = ["排序只能是 relevance、newest、price_asc、price_desc / sort must be relevance, newest, price_asc or price_desc."];
        return new SearchQuery
        {
            Text = Q,
            Type = Type?.ToLowerInvariant(),
            TradeMode = TradeMode?.ToLowerInvariant(),
            Industry = Industry?.ToLowerInvariant(),
            IpcSection = ipcSection,
            IpcClass = ipcClass,
            LegalStatus = LegalStatus,
            PriceBand = PriceBand,
            Organization = Organization,
            Trl = trl,
            Page = page,
            Size = size,
            Sort = sort,
        };
    }

    private static int ParseInt(string? text, string field, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text)) return fallback;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            errors[field] = [$"{field} 必须是 {min} 到 {max} 之间的整数 / {field} must be a whole number from {min} to {max}."];
            return fallback;
        }
        return value;
    }
}
