using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TechMarket.Domain.RdContracts;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Identity;
using TechMarket.Infrastructure.Mail;

namespace TechMarket.Infrastructure.RdContracts;

/// <summary>
/// Reminds both parties' admins of milestones still to be delivered: once when the due date is within
/// <see cref="DueSoonDays"/> days (Beijing date), once when it has passed. Each reminder is sent once (rd_reminders_sent).
/// </summary>
public sealed class SendMilestoneReminders(TechMarketDbContext db, IMailSender mail)
{
    public const int DueSoonDays = 3;

    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = RdClock.Today(now);
        var records = await db.RdContracts.AsNoTracking().Include(c => c.Plans).Where(c => c.Status == DevelopmentContractStatus.InForce).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var record in records)
        {
            var actions = await db.RdContractActions.AsNoTracking().Where(a => a.ContractId == record.Id).OrderBy(a => a.Seq).ToListAsync(cancellationToken);
            var contract = RdContractStore.Replay(record, actions);
            foreach (var m in contract.Milestones.Where(m => m.State is MilestoneState.Unfunded or MilestoneState.Funded or MilestoneState.Rejected))
            {
                var kind = today > m.DueOn ? "overdue" : m.DueOn.DayNumber - today.DayNumber <= DueSoonDays ? "due-soon" : null;
                if (kind is null) continue;
                if (await db.RdRemindersSent.AnyAsync(r => r.ContractId == record.Id && r.Milestone == m.Number && r.Kind == kind, cancellationToken)) continue;
                var to = await db.Users.AsNoTracking()
                    .Where(u => (u.OrganizationId == record.ClientOrganizationId || u.OrganizationId == record.DeveloperOrganizationId)
                        && u.OrganizationRole == OrganizationRole.Admin && u.Email != null)
                    .Select(u => u.Email!).ToListAsync(cancellationToken);
                var subject = kind == "overdue"
                    ? $"里程碑已逾期 / Milestone overdue：{record.ProjectName} 第 {m.Number} 期"
                    : $"里程碑即将到期 / Milestone due soon：{record.ProjectName} 第 {m.Number} 期";
                var text = $"{record.ProjectName}\n里程碑 {m.Number}：{m.Deliverable}\n到期日 / due：{m.DueOn:yyyy-MM-dd}\n金额 / amount：{m.Amount}\n/contracts/{record.Id}";
                foreach (var address in to)
                {
                    await mail.SendAsync(new MailMessage(address, subject, "<pre>" + System.Net.WebUtility.HtmlEncode(text) + "</pre>", text), cancellationToken);
                }
                db.RdRemindersSent.Add(new RdReminderSent { ContractId = record.Id, Milestone = m.Number, Kind = kind, SentAt = now.ToUniversalTime() });
                await db.SaveChangesAsync(cancellationToken);
                sent++;
            }
        }
        return sent;
    }
}

/// <summary>Runs <see cref="SendMilestoneReminders"/> every hour on the injected <see cref="TimeProvider"/>.</summary>
public sealed class MilestoneReminderService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<MilestoneReminderService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sent = await scope.ServiceProvider.GetRequiredService<SendMilestoneReminders>().RunAsync(clock.GetUtcNow(), stoppingToken);
                if (sent > 0) logger.LogInformation("Sent {Count} milestone reminders", sent);
            }
#pragma warning disable CA1031 // A failed round must not stop the service; the next round retries.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "Milestone reminder round failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
