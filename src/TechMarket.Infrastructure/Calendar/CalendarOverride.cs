using TechMarket.Domain.Shared;

namespace TechMarket.Infrastructure.Calendar;

/// <summary>What the center says a date is, over the calendar file.</summary>
public enum CalendarDayKind
{
    /// <summary>放假: no working day.</summary>
    Holiday = 1,
    /// <summary>调休上班: a working day, also on a Saturday or Sunday.</summary>
    WorkingDay = 2,
    /// <summary>As Monday to Friday would have it (undoes a file entry).</summary>
    Ordinary = 3,
}

/// <summary>
/// The center's correction of one date of the working-day calendar (a new State Council notice, a local arrangement).
/// Takes precedence over the data file; every change is audited.
/// </summary>
public sealed class CalendarOverride : IAudited
{
    public DateOnly Date { get; set; }
    public CalendarDayKind Kind { get; set; }
    /// <summary>Shown beside the date, e.g. "春节" or "国庆节调休上班"; the reason of the change is in the audit log.</summary>
    public string Name { get; set; } = "";
    public Guid? UpdatedByUserId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public CalendarDay ToDay() => new(Date, Kind switch
    {
        CalendarDayKind.Holiday => false,
        CalendarDayKind.WorkingDay => true,
        CalendarDayKind.Ordinary => Domain.Payments.WorkingDays.MondayToFriday(Date),
        _ => throw new InvalidOperationException($"Unknown calendar day kind {Kind}."),
    }, Name, Official: true);
}
