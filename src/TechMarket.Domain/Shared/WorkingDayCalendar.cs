using TechMarket.Domain.Payments;

namespace TechMarket.Domain.Shared;

/// <summary>One day that differs from Monday-to-Friday: a public holiday (放假) or an adjusted working day (调休上班).</summary>
/// <param name="Official">Entered from a State Council notice (or by the center); false for provisional statutory dates.</param>
public sealed record CalendarDay(DateOnly Date, bool IsWorkingDay, string Name, bool Official);

/// <summary>
/// 工作日历: China's working days. Monday to Friday, except the public holidays and the adjusted working days (调休,
/// usually a Saturday or Sunday) the State Council General Office announces each year (国务院办公厅部分节假日安排通知),
/// on dates in China Standard Time. Deadlines "within N working days" (listing periods, deposit and balance payments,
/// refunds) are counted on it.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly Dictionary<DateOnly, CalendarDay> special;

    public WorkingDayCalendar(IEnumerable<CalendarDay> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        special = [];
        // A later entry for the same date wins: that is how overrides replace the file's entries.
        foreach (var day in days) special[day.Date] = day;
    }

    /// <summary>No holidays: Monday to Friday only (the default before a calendar is loaded, and in pure rules).</summary>
    public static WorkingDayCalendar MondayToFriday { get; } = new([]);

    /// <summary>The holidays and adjusted working days, in date order.</summary>
    public IReadOnlyList<CalendarDay> SpecialDays => [.. special.Values.OrderBy(d => d.Date)];

    public CalendarDay? Special(DateOnly date) => special.GetValueOrDefault(date);

    public bool IsWorkingDay(DateOnly date) => special.TryGetValue(date, out var day) ? day.IsWorkingDay : WorkingDays.MondayToFriday(date);

    /// <summary>The same Beijing time <paramref name="days"/> working days after <paramref name="start"/>.</summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int days) => WorkingDays.Add(start, days, IsWorkingDay);

    /// <summary>This calendar with <paramref name="overrides"/> replacing its entries for the same dates.</summary>
    public WorkingDayCalendar With(IEnumerable<CalendarDay> overrides) => new(special.Values.Concat(overrides));
}
