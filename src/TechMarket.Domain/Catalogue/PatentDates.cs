using System.Diagnostics.CodeAnalysis;
using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Catalogue;

/// <summary>Filing and grant dates of a patent, with the term that follows from its kind (Patent Law Art. 42).</summary>
public sealed record PatentDates
{
    /// <summary>The Patent Law took effect on 1985-04-01; no CN application is older.</summary>
    public static readonly DateOnly PatentLawInForce = new(1985, 4, 1);
    /// <summary>Patent Law 2020 in force: design term 15 years for applications filed from this day (before: 10).</summary>
    public static readonly DateOnly DesignTermFifteenYearsFrom = new(2021, 6, 1);

    private PatentDates(AssetKind kind, DateOnly filing, DateOnly? grant) { Kind = kind; Filing = filing; Grant = grant; }

    public AssetKind Kind { get; }
    public DateOnly Filing { get; }
    public DateOnly? Grant { get; }

    /// <summary>Term in years counted from the filing date, or null for an asset without a patent term.</summary>
    public int? TermYears => TermYearsFor(Kind, Filing);

    /// <summary>
    /// The last day the right can be in force: the day before the filing date's anniversary (the term runs
    /// "from the filing date", so a utility model filed 1999-09-06 runs to 2009-09-05). Null for applications
    /// and non-patent assets. Term compensation (Art. 42 ¶2-3) is not modelled.
    /// </summary>
    public DateOnly? LastDayInForce => TermYears is { } years ? Filing.AddYears(years).AddDays(-1) : null;

    public bool HasExpiredOn(DateOnly day) => LastDayInForce is { } last && day > last;

    public static int? TermYearsFor(AssetKind kind, DateOnly filing) => kind switch
    {
        // Patent Law Art. 42: invention 20 years, utility model 10, design 15 (10 for designs filed before 2021-06-01).
        AssetKind.InventionPatent => 20,
        AssetKind.UtilityModel => 10,
        AssetKind.Design => filing >= DesignTermFifteenYearsFrom ? 15 : 10,
        AssetKind.PatentApplication or AssetKind.ResearchResult or AssetKind.Demand => null,
    };

    public static bool TryCreate(AssetKind kind, DateOnly filing, DateOnly? grant, DateOnly today,
        [NotNullWhen(true)] out PatentDates? dates, out PatentDateError error)
    {
        dates = null;
        if (filing < PatentLawInForce) error = PatentDateError.FilingBeforePatentLaw;
        else if (filing > today) error = PatentDateError.FilingInFuture;
        else if (grant is { } g && g <= filing) error = PatentDateError.GrantNotAfterFiling;
        else if (grant is { } g2 && g2 > today) error = PatentDateError.GrantInFuture;
        else if (grant is null && kind is AssetKind.InventionPatent or AssetKind.UtilityModel or AssetKind.Design) error = PatentDateError.GrantMissing;
        else if (grant is { } g3 && TermYearsFor(kind, filing) is { } years && g3 > filing.AddYears(years).AddDays(-1)) error = PatentDateError.GrantAfterExpiry;
        else
        {
            dates = new PatentDates(kind, filing, grant);
            error = PatentDateError.None;
            return true;
        }
        return false;
    }
}

public enum PatentDateError
{
    None,
    FilingBeforePatentLaw,
    FilingInFuture,
    GrantNotAfterFiling,
    GrantInFuture,
    GrantMissing,
    GrantAfterExpiry,
}

public static class PatentDateErrors
{
    public static BilingualText Message(this PatentDateError error) => error switch
    {
        PatentDateError.None => new("", ""),
        PatentDateError.FilingBeforePatentLaw => new("申请日早于 1985 年 4 月 1 日（专利法施行日）", "The filing date is before 1985-04-01, when the Patent Law took effect"),
        PatentDateError.FilingInFuture => new("申请日不能晚于今天", "The filing date cannot be in the future"),
        PatentDateError.GrantNotAfterFiling => new("授权公告日必须晚于申请日", "The grant date must be after the filing date"),
        PatentDateError.GrantInFuture => new("授权公告日不能晚于今天", "The grant date cannot be in the future"),
        PatentDateError.GrantMissing => new("已授权专利须填写授权公告日", "A granted patent needs its grant date"),
        PatentDateError.GrantAfterExpiry => new("授权公告日晚于专利期限届满日", "The grant date is after the end of the patent term"),
    };
}
