using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Calendar;
using TechMarket.Infrastructure.Tests.Imports;

namespace TechMarket.Infrastructure.Tests.Calendar;

/// <summary>The shipped content/calendar/cn-working-days.json, read as the site reads it.</summary>
public sealed class CalendarFileTests
{
    private static readonly CalendarFile File = CalendarFile.Load(Path.Combine(JsonlCatalogueImporterTests.RepoRoot(), "content", CalendarSource.RelativePath));

    private static DateTimeOffset Beijing(int year, int month, int day, int hour = 10) => new(year, month, day, hour, 0, 0, ChinaTime.Offset);

    [Fact]
    public void National_Day_2026_one_working_day_after_30_September_is_8_October()
    {
        // 国办发明电〔2025〕7号: 1-7 October off.
        Assert.Equal(Beijing(2026, 10, 8), File.Calendar.AddWorkingDays(Beijing(2026, 9, 30), 1));
    }

    [Fact]
    public void The_adjusted_Saturday_10_October_2026_and_Sunday_20_September_2026_are_working_days()
    {
        Assert.Equal(Beijing(2026, 10, 10), File.Calendar.AddWorkingDays(Beijing(2026, 10, 9), 1));
        Assert.Equal(Beijing(2026, 9, 20), File.Calendar.AddWorkingDays(Beijing(2026, 9, 18), 1));
    }

    [Fact]
    public void Spring_Festival_2026_twenty_working_days_from_2_February()
    {
        // Feb: 3-6 (4), 9-13 (9), Sat 14 调休 (10), 15-23 off, 24-27 (14), Sat 28 调休 (15); Mar: 2-6 (20).
        Assert.Equal(Beijing(2026, 3, 6), File.Calendar.AddWorkingDays(Beijing(2026, 2, 2), 20));
    }

    [Fact]
    public void Years_say_whether_they_are_official_and_every_adjusted_day_is_a_weekend_day()
    {
        Assert.Equal([2025, 2026, 2027], File.Years.Select(y => y.Year));
        Assert.True(File.Years.Single(y => y.Year == 2026).Official);
        Assert.False(File.Years.Single(y => y.Year == 2027).Official);
        Assert.All(File.Calendar.SpecialDays.Where(d => d.IsWorkingDay), d => Assert.True(d.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, d.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(File.Calendar.SpecialDays.Where(d => d.Date.Year == 2027), d => Assert.False(d.Official));
    }

    [Fact]
    public void A_malformed_file_is_refused_with_its_name()
    {
        using var json = new MemoryStream("""{"note":"","years":[{"year":2026,"official":true,"source":"x","holidays":[{"name":"x","from":"2025-10-01","to":"2025-10-02"}],"workingDays":[]}]}"""u8.ToArray());
        var error = Assert.Throws<InvalidDataException>(() => CalendarFile.Parse(json, "bad.json"));
        Assert.Contains("bad.json", error.Message, StringComparison.Ordinal);
    }
}
