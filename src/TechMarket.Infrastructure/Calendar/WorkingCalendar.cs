using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.Calendar;

/// <summary>The calendar data file, read once from {ContentPath}/calendar/cn-working-days.json.</summary>
public sealed class CalendarSource(TechMarketPaths paths)
{
    public const string RelativePath = "calendar/cn-working-days.json";

    private readonly Lazy<CalendarFile> file = new(() =>
    {
        var path = Path.Combine(paths.Content, RelativePath);
        if (!System.IO.File.Exists(path)) throw new InvalidOperationException($"The working-day calendar {path} is missing. 缺少工作日历数据文件。");
        return CalendarFile.Load(path);
    });

    public CalendarFile File => file.Value;
}

/// <summary>
/// The working-day calendar in force: the data file with the center's overrides laid over it, read from the database
/// on each use (a few rows) so that a correction made on one node counts on every node at once.
/// </summary>
public sealed class WorkingCalendar(TechMarketDbContext db, CalendarSource source)
{
    private WorkingDayCalendar? current;

    public CalendarFile File => source.File;

    public async Task<WorkingDayCalendar> CurrentAsync(CancellationToken ct)
    {
        if (current is not null) return current;
        var overrides = await db.CalendarOverrides.AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        current = source.File.Calendar.With(overrides.Select(o => o.ToDay()));
        return current;
    }

    /// <summary>The same Beijing time <paramref name="days"/> working days after <paramref name="start"/>.</summary>
    public async Task<DateTimeOffset> AddWorkingDaysAsync(DateTimeOffset start, int days, CancellationToken ct) =>
        (await CurrentAsync(ct).ConfigureAwait(false)).AddWorkingDays(start, days);

    /// <summary>Forget the cached calendar of this scope (after an override was changed in it).</summary>
    internal void Invalidate() => current = null;
}
