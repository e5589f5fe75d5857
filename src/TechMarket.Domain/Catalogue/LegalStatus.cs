using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Catalogue;

/// <summary>Legal status of a patent or application as CNIPA records it (法律状态).</summary>
public enum LegalStatus
{
    /// <summary>有效: granted and in force.</summary>
    Valid = 1,
    /// <summary>审中: application under examination.</summary>
    Pending = 2,
    /// <summary>终止: lapsed (term expired, fees unpaid past the grace period, or surrendered).</summary>
    Terminated = 3,
    /// <summary>无效: declared invalid.</summary>
    Invalidated = 4,
    /// <summary>年费滞纳期: annual fee overdue, within the six-month grace period.</summary>
    FeeArrears = 5,
    /// <summary>无效宣告中: an invalidation request is pending.</summary>
    InvalidationPending = 6,
    /// <summary>保全: court preservation (财产保全).</summary>
    Preserved = 7,
    /// <summary>中止: procedure suspended over an ownership dispute.</summary>
    Suspended = 8,
}

public static class LegalStatuses
{
    private static readonly (LegalStatus Status, string Zh, string Code)[] Names =
    [
        (LegalStatus.Valid, "有效", "valid"),
        (LegalStatus.Pending, "审中", "pending"),
        (LegalStatus.Terminated, "终止", "terminated"),
        (LegalStatus.Invalidated, "无效", "invalidated"),
        (LegalStatus.FeeArrears, "年费滞纳期", "fee_arrears"),
        (LegalStatus.InvalidationPending, "无效宣告中", "invalidation_pending"),
        (LegalStatus.Preserved, "保全", "preserved"),
        (LegalStatus.Suspended, "中止", "suspended"),
    ];

    public static string DisplayName(this LegalStatus status) => Names.First(n => n.Status == status).Zh;

    /// <summary>Stable lower-case code used in URLs, the API and the search index.</summary>
    public static string Code(this LegalStatus status) => Names.First(n => n.Status == status).Code;

    /// <summary>Accepts the Chinese name (有效) or the code (valid), case-insensitive.</summary>
    public static bool TryParse(string? text, out LegalStatus status)
    {
        var t = text?.Trim() ?? "";
        foreach (var (s, zh, code) in Names)
        {
            if (t == zh || string.Equals(t, code, StringComparison.OrdinalIgnoreCase)) { status = s; return true; }
        }
        status = default;
        return false;
    }
}

/// <summary>What the listing gate needs to know about a patent on the day it checks.</summary>
public sealed record LegalStanding(LegalStatus Status, bool IsPledged = false, bool PledgeeConsented = false, DateOnly? LastDayInForce = null);

public enum ListingRefusal
{
    /// <summary>终止, or the term has run out even if the status was not yet updated.</summary>
    Lapsed,
    Invalidated,
    FeeArrears,
    InvalidationPending,
    Preserved,
    Suspended,
    /// <summary>A granted-patent listing over an application still under examination.</summary>
    NotGranted,
    /// <summary>Civil Code Art. 444: a pledged patent may not be assigned or licensed without the pledgee's consent.</summary>
    PledgedWithoutConsent,
}

/// <summary>
/// DOMAIN.md "Assets and listings": legal status must be valid at listing, at deposit and again at the hammer —
/// not lapsed, no fee arrears, no pending invalidation, not preserved or suspended, not pledged without consent.
/// </summary>
public static class ListingGate
{
    public static IReadOnlyList<ListingRefusal> Check(AssetKind kind, LegalStanding standing, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(standing);
        if (kind is AssetKind.ResearchResult or AssetKind.Demand) return [];
        var refusals = new List<ListingRefusal>();
        switch (standing.Status)
        {
            case LegalStatus.Valid:
                break;
            case LegalStatus.Pending:
                // An application may be offered as such (专利申请权转让); a patent listing needs a granted right.
                if (kind != AssetKind.PatentApplication) refusals.Add(ListingRefusal.NotGranted);
                break;
            case LegalStatus.Terminated: refusals.Add(ListingRefusal.Lapsed); break;
            case LegalStatus.Invalidated: refusals.Add(ListingRefusal.Invalidated); break;
            case LegalStatus.FeeArrears: refusals.Add(ListingRefusal.FeeArrears); break;
            case LegalStatus.InvalidationPending: refusals.Add(ListingRefusal.InvalidationPending); break;
            case LegalStatus.Preserved: refusals.Add(ListingRefusal.Preserved); break;
            case LegalStatus.Suspended: refusals.Add(ListingRefusal.Suspended); break;
        }
        if (standing.LastDayInForce is { } last && today > last && !refusals.Contains(ListingRefusal.Lapsed)) refusals.Add(ListingRefusal.Lapsed);
        if (standing.IsPledged && !standing.PledgeeConsented) refusals.Add(ListingRefusal.PledgedWithoutConsent);
        return refusals;
    }

    public static BilingualText Message(this ListingRefusal refusal) => refusal switch
    {
        ListingRefusal.Lapsed => new("专利权已终止或期限届满，不能挂牌", "The patent has lapsed or its term has ended"),
        ListingRefusal.Invalidated => new("专利权已被宣告无效，不能挂牌", "The patent has been declared invalid"),
        ListingRefusal.FeeArrears => new("专利年费处于滞纳期，请先缴清年费", "Annual fees are overdue: pay them first"),
        ListingRefusal.InvalidationPending => new("专利正处于无效宣告程序中，不能挂牌", "An invalidation request is pending"),
        ListingRefusal.Preserved => new("专利权被法院保全，不能挂牌", "The patent is under court preservation"),
        ListingRefusal.Suspended => new("专利程序因权属纠纷中止，不能挂牌", "Proceedings are suspended over an ownership dispute"),
        ListingRefusal.NotGranted => new("专利尚未授权，请按专利申请挂牌", "The patent is not granted yet: list it as a patent application"),
        ListingRefusal.PledgedWithoutConsent => new("专利已质押，须经质权人同意后方可挂牌（民法典第 444 条）", "The patent is pledged: the pledgee must consent first (Civil Code Art. 444)"),
    };
}
