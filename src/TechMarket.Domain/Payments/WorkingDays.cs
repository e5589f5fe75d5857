using TechMarket.Domain.Shared;
namespace TechMarket.Domain.Payments;

/// <summary>
/// Working-day arithmetic in China Standard Time. The calendar is a parameter because the State Council
/// publishes holidays and make-up working days (调休) each year; Monday to Friday is only the default.
/// </summary>
public static class WorkingDays
{
    private static readonly TimeSpan ChinaStandardTime = ChinaTime.Offset;

    public static bool MondayToFriday(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The same local time <paramref name="days"/> working days after <paramref name="start"/> (Beijing date).</summary>
    public static DateTimeOffset Add(DateTimeOffset start, int days, Func<DateOnly, bool>? isWorkingDay = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        isWorkingDay ??= MondayToFriday;
        var local = start.ToOffset(ChinaStandardTime);
        var counted = 0;
        var guard = 0;
        while (counted < days)
        {
            local = local.AddDays(1);
            if (isWorkingDay(DateOnly.FromDateTime(local.DateTime))) counted++;
            // A calendar without working days would loop forever; a year of holidays is a broken calendar.
            if (++guard > 366 + days) throw new InvalidOperationException("The working-day calendar has no working days.");
        }
        return local.ToOffset(start.Offset);
    }
}
