using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TechMarket.Domain.Events;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Brokerage;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Mail;

namespace TechMarket.Infrastructure.Events;

/// <summary>
/// E-mails every confirmed registrant on the China calendar day before the event (or later that day, up to the start,
/// if the job was down), once per registration: the reminder is claimed by inserting its unique row before the mail
/// goes out, so a second node or round skips it; a failed send gives the claim back.
/// </summary>
public sealed class SendEventReminders(TechMarketDbContext db, IMailSender mail, ILogger<SendEventReminders> logger)
{
    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        var today = ChinaTime.Today(now);
        var upcoming = await db.PromotionEvents.AsNoTracking().Where(e => !e.IsCancelled && e.StartsAt > now && e.StartsAt <= now.AddDays(3)).ToListAsync(ct).ConfigureAwait(false);
        var sent = 0;
        foreach (var e in upcoming.Where(e => today >= e.ReminderDay))
        {
            var due = await db.EventRegistrations.AsNoTracking()
                .Where(r => r.EventId == e.Id && r.Status == EventRegistrationStatus.Confirmed && !db.EventRemindersSent.Any(s => s.RegistrationId == r.Id))
                .ToListAsync(ct).ConfigureAwait(false);
            foreach (var r in due)
            {
                var where = string.Join(" ", new[] { e.Place, e.OnlineUrl }.Where(s => !string.IsNullOrWhiteSpace(s)));
                var text = $"活动提醒 / Reminder：{e.Title}\n时间 / When：{e.StartsAt.ToOffset(ChinaTime.Offset):yyyy-MM-dd HH:mm} (UTC+8)\n地点 / Where：{where}\n/events/{e.Id}\n日历 / Calendar：/events/{e.Id}/ics";
                if (await Claims.DoOnceAsync(db, new EventReminderSent { RegistrationId = r.Id, SentAt = now },
                    () => mail.SendAsync(new MailMessage(r.Email, $"明日活动提醒 / Tomorrow：{e.Title}", "<pre>" + System.Net.WebUtility.HtmlEncode(text) + "</pre>", text), ct),
                    ex => logger.LogWarning(ex, "Event reminder for registration {Registration} not sent; released", r.Id), ct).ConfigureAwait(false))
                {
                    sent++;
                }
            }
        }
        return sent;
    }
}

/// <summary>Runs the center's reminders (brokerage due dates, events tomorrow) every 15 minutes on the injected <see cref="TimeProvider"/>.</summary>
public sealed class CenterReminderService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<CenterReminderService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var now = clock.GetUtcNow();
                var sent = await scope.ServiceProvider.GetRequiredService<SendBrokerageReminders>().RunAsync(now, stoppingToken).ConfigureAwait(false)
                    + await scope.ServiceProvider.GetRequiredService<SendEventReminders>().RunAsync(now, stoppingToken).ConfigureAwait(false);
                if (sent > 0) logger.LogInformation("Sent {Count} center reminders", sent);
            }
#pragma warning disable CA1031 // A failed round must not stop the service; the next round retries.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "Center reminder round failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
