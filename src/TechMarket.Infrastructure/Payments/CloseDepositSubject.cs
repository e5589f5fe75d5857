using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Payments;
using TechMarket.Infrastructure.Calendar;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.Payments;

/// <summary>
/// The auction closed or the listed trade was decided: every deposit for it gets its release deadline
/// (SPC 2016 Art. 23: 24 h after an auction's close; exchange practice: 3 working days for a listed trade).
/// </summary>
public sealed class CloseDepositSubject(TechMarketDbContext db, WorkingCalendar calendar, DeadlineOptions deadlines)
{
    public async Task<int> RunAsync(DepositSubjectKind kind, Guid subjectId, DateTimeOffset closedAt, CancellationToken ct)
    {
        var deposits = await db.Deposits.Where(d => d.SubjectKind == kind && d.SubjectId == subjectId && d.SubjectClosedAt == null)
            .ToListAsync(ct).ConfigureAwait(false);
        var days = await calendar.CurrentAsync(ct).ConfigureAwait(false);
        foreach (var d in deposits)
        {
            d.SubjectClosedAt = closedAt;
            d.ReleaseDueBy = DepositRules.ReleaseDueBy(d.Subject.Venue, closedAt, days.IsWorkingDay, deadlines.ListedTradeReleaseWorkingDays);
            d.UpdatedAt = closedAt;
        }
        if (deposits.Count == 0) return 0;
        db.AuditAs("deposit.subject_closed");
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return deposits.Count;
    }
}
