using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.Calendar;

public sealed record SetCalendarDayCommand(DateOnly Date, CalendarDayKind? Kind, string? Name, string Reason, Guid? UserId);

public enum SetCalendarDayResult { Saved, Removed, NothingToRemove }

/// <summary>
/// 调整工作日历: the center marks a date as holiday, adjusted working day or ordinary day (overriding the data file),
/// or removes its correction (<see cref="SetCalendarDayCommand.Kind"/> null). Audited with the reason given.
/// </summary>
public sealed class SetCalendarDay(TechMarketDbContext db, WorkingCalendar calendar, TimeProvider clock)
{
    public async Task<SetCalendarDayResult> RunAsync(SetCalendarDayCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentException.ThrowIfNullOrWhiteSpace(command.Reason);
        var existing = await db.CalendarOverrides.FirstOrDefaultAsync(o => o.Date == command.Date, ct).ConfigureAwait(false);
        SetCalendarDayResult result;
        if (command.Kind is not { } kind)
        {
            if (existing is null) return SetCalendarDayResult.NothingToRemove;
            db.CalendarOverrides.Remove(existing);
            db.AuditAs("calendar.override_removed", command.Reason.Trim());
            result = SetCalendarDayResult.Removed;
        }
        else
        {
            if (existing is null)
            {
                existing = new CalendarOverride { Date = command.Date };
                db.CalendarOverrides.Add(existing);
            }
            existing.Kind = kind;
            existing.Name = (command.Name ?? "").Trim();
            existing.UpdatedByUserId = command.UserId;
            existing.UpdatedAt = clock.GetUtcNow();
            db.AuditAs("calendar.day_set", command.Reason.Trim());
            result = SetCalendarDayResult.Saved;
        }
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        calendar.Invalidate();
        return result;
    }
}
