using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Tests.Shared;

public sealed class WorkingDayCalendarTests
{
    // A week as the State Council might arrange it: Thursday 1 and Friday 2 October are holidays, Saturday 3 is a
    // make-up working day (调休上班). 2026-10-01 is a Thursday.
    private static readonly WorkingDayCalendar Calendar = new([
        new CalendarDay(new DateOnly(2026, 10, 1), false, "国庆节", true),
        new CalendarDay(new DateOnly(2026, 10, 2), false, "国庆节", true),
        new CalendarDay(new DateOnly(2026, 10, 3), true, "国庆节调休上班", true),
    ]);

    // Wednesday 30 September, 10:00 in Beijing.
    private static readonly DateTimeOffset WednesdayTenBeijing = new(2026, 9, 30, 10, 0, 0, ChinaTime.Offset);

    [Fact]
    public void One_working_day_after_the_eve_of_a_holiday_is_the_adjusted_Saturday()
    {
        Assert.Equal(new DateTimeOffset(2026, 10, 3, 10, 0, 0, ChinaTime.Offset), Calendar.AddWorkingDays(WednesdayTenBeijing, 1));
    }

    [Fact]
    public void Holidays_and_the_following_Sunday_are_skipped_the_adjusted_Saturday_counts()
    {
        // Sat 3 (adjusted) is the first, Mon 5 the second: Thu 1, Fri 2 (holidays) and Sun 4 do not count.
        Assert.Equal(new DateTimeOffset(2026, 10, 5, 10, 0, 0, ChinaTime.Offset), Calendar.AddWorkingDays(WednesdayTenBeijing, 2));
        // Monday to Friday alone would have said Thursday 1 and Friday 2.
        Assert.Equal(new DateTimeOffset(2026, 10, 2, 10, 0, 0, ChinaTime.Offset), WorkingDayCalendar.MondayToFriday.AddWorkingDays(WednesdayTenBeijing, 2));
    }

    [Fact]
    public void Days_are_Beijing_dates_not_UTC_dates()
    {
        // 2026-09-30 20:00 UTC is already Thursday 1 October 04:00 in Beijing: the next working day is Saturday 3.
        var lateUtc = new DateTimeOffset(2026, 9, 30, 20, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 10, 2, 20, 0, 0, TimeSpan.Zero), Calendar.AddWorkingDays(lateUtc, 1));
    }

    [Fact]
    public void An_override_replaces_the_entry_for_its_date()
    {
        var corrected = Calendar.With([new CalendarDay(new DateOnly(2026, 10, 3), false, "调整为放假", true)]);
        Assert.False(corrected.IsWorkingDay(new DateOnly(2026, 10, 3)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 10, 3)));
        Assert.Equal(new DateTimeOffset(2026, 10, 5, 10, 0, 0, ChinaTime.Offset), corrected.AddWorkingDays(WednesdayTenBeijing, 1));
    }
}
