using TechMarket.Domain.Catalogue;

namespace TechMarket.Domain.Tests.Catalogue;

public sealed class PatentDatesTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    [Theory]
    [InlineData(AssetKind.InventionPatent, "2010-03-15", 20, "2030-03-14")]
    [InlineData(AssetKind.UtilityModel, "1999-09-06", 10, "2009-09-05")]
    [InlineData(AssetKind.Design, "2021-05-31", 10, "2031-05-30")] // filed before Patent Law 2020 took effect
    [InlineData(AssetKind.Design, "2021-06-01", 15, "2036-05-31")] // filed on the day it took effect
    public void Term_follows_patent_law_article_42(AssetKind kind, string filing, int years, string lastDay)
    {
        Assert.True(PatentDates.TryCreate(kind, DateOnly.Parse(filing, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(filing, System.Globalization.CultureInfo.InvariantCulture).AddMonths(18), Today, out var dates, out var error), error.ToString());
        Assert.Equal(years, dates.TermYears);
        Assert.Equal(DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture), dates.LastDayInForce);
    }

    [Fact]
    public void Patent_is_expired_the_day_after_its_last_day()
    {
        PatentDates.TryCreate(AssetKind.UtilityModel, new DateOnly(2010, 1, 10), new DateOnly(2010, 8, 1), Today, out var dates, out _);
        Assert.False(dates!.HasExpiredOn(new DateOnly(2020, 1, 9)));
        Assert.True(dates.HasExpiredOn(new DateOnly(2020, 1, 10)));
    }

    [Fact]
    public void Application_has_no_term_yet()
    {
        Assert.True(PatentDates.TryCreate(AssetKind.PatentApplication, new DateOnly(2024, 1, 1), null, Today, out var dates, out _));
        Assert.Null(dates.LastDayInForce);
    }

    [Theory]
    [InlineData("2020-05-01", "2020-05-01", PatentDateError.GrantNotAfterFiling)]
    [InlineData("2020-05-01", "2019-05-01", PatentDateError.GrantNotAfterFiling)]
    [InlineData("1984-12-31", "1987-01-01", PatentDateError.FilingBeforePatentLaw)]
    [InlineData("2027-01-01", null, PatentDateError.FilingInFuture)]
    [InlineData("2025-01-01", "2027-01-01", PatentDateError.GrantInFuture)]
    [InlineData("2020-05-01", null, PatentDateError.GrantMissing)]
    public void Inconsistent_dates_are_refused(string filing, string? grant, PatentDateError expected)
    {
        var f = DateOnly.Parse(filing, System.Globalization.CultureInfo.InvariantCulture);
        DateOnly? g = grant is null ? null : DateOnly.Parse(grant, System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(PatentDates.TryCreate(AssetKind.InventionPatent, f, g, Today, out _, out var error));
        Assert.Equal(expected, error);
        Assert.NotEmpty(error.Message().Zh);
    }
}

public sealed class ListingGateTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    [Fact]
    public void Valid_unencumbered_patent_in_term_may_be_listed() =>
        Assert.Empty(ListingGate.Check(AssetKind.InventionPatent, new LegalStanding(LegalStatus.Valid, LastDayInForce: Today.AddYears(5)), Today));

    [Theory]
    [InlineData(LegalStatus.Terminated, ListingRefusal.Lapsed)]
    [InlineData(LegalStatus.Invalidated, ListingRefusal.Invalidated)]
    [InlineData(LegalStatus.FeeArrears, ListingRefusal.FeeArrears)]
    [InlineData(LegalStatus.InvalidationPending, ListingRefusal.InvalidationPending)]
    [InlineData(LegalStatus.Preserved, ListingRefusal.Preserved)]
    [InlineData(LegalStatus.Suspended, ListingRefusal.Suspended)]
    [InlineData(LegalStatus.Pending, ListingRefusal.NotGranted)]
    public void Each_bad_status_is_refused_with_its_reason(LegalStatus status, ListingRefusal expected)
    {
        var refusals = ListingGate.Check(AssetKind.InventionPatent, new LegalStanding(status), Today);
        Assert.Equal([expected], refusals);
        Assert.NotEmpty(expected.Message().Zh);
    }

    [Fact]
    public void Application_under_examination_may_be_listed_as_an_application() =>
        Assert.Empty(ListingGate.Check(AssetKind.PatentApplication, new LegalStanding(LegalStatus.Pending), Today));

    [Fact]
    public void Status_valid_but_term_run_out_is_lapsed() =>
        Assert.Equal([ListingRefusal.Lapsed], ListingGate.Check(AssetKind.UtilityModel, new LegalStanding(LegalStatus.Valid, LastDayInForce: Today.AddDays(-1)), Today));

    [Fact]
    public void Pledged_patent_needs_the_pledgees_consent()
    {
        Assert.Equal([ListingRefusal.PledgedWithoutConsent], ListingGate.Check(AssetKind.InventionPatent, new LegalStanding(LegalStatus.Valid, IsPledged: true), Today));
        Assert.Empty(ListingGate.Check(AssetKind.InventionPatent, new LegalStanding(LegalStatus.Valid, IsPledged: true, PledgeeConsented: true), Today));
    }

    [Fact]
    public void All_reasons_are_reported_together() =>
        Assert.Equal([ListingRefusal.FeeArrears, ListingRefusal.PledgedWithoutConsent],
            ListingGate.Check(AssetKind.InventionPatent, new LegalStanding(LegalStatus.FeeArrears, IsPledged: true), Today));

    [Theory]
    [InlineData("有效", LegalStatus.Valid)]
    [InlineData("年费滞纳期", LegalStatus.FeeArrears)]
    [InlineData("无效宣告中", LegalStatus.InvalidationPending)]
    [InlineData("FEE_ARREARS", LegalStatus.FeeArrears)]
    [InlineData(" 中止 ", LegalStatus.Suspended)]
    public void Status_parses_from_chinese_name_or_code(string text, LegalStatus expected)
    {
        Assert.True(LegalStatuses.TryParse(text, out var status));
        Assert.Equal(expected, status);
    }
}
