using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TechMarket.Domain.Brokerage;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Mail;

namespace TechMarket.Infrastructure.Brokerage;

/// <summary>
/// E-mails the assigned broker on the due date (China calendar) of a case's next action — once per case and date, on
/// any number of nodes: the reminder is claimed by inserting its unique (case, date) row before the mail goes out; a
/// node that loses the insert skips it, and a failed send gives the claim back for the next round.
/// </summary>
public sealed class SendBrokerageReminders(TechMarketDbContext db, IMailSender mail, ILogger<SendBrokerageReminders> logger)
{
    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        var today = ChinaTime.Today(now);
        var due = await db.BrokerageCases.AsNoTracking()
            .Where(c => c.DueOn != null && c.DueOn <= today && c.BrokerUserId != null && c.Stage != BrokerageStage.Closed && c.Stage != BrokerageStage.Dropped)
            .Where(c => !db.BrokerageRemindersSent.Any(r => r.CaseId == c.Id && r.DueOn == c.DueOn))
            .Select(c => new { c.Id, c.Title, c.NextAction, DueOn = c.DueOn!.Value, Email = db.Users.Where(u => u.Id == c.BrokerUserId).Select(u => u.Email).FirstOrDefault() })
            .ToListAsync(ct).ConfigureAwait(false);
        var sent = 0;
        foreach (var c in due.Where(c => !string.IsNullOrEmpty(c.Email)))
        {
            var text = $"经纪事项到期 / Brokerage action due {c.DueOn:yyyy-MM-dd}\n{c.Title}\n下一步 / Next action：{c.NextAction}\n/center/brokerage/{c.Id}";
            if (await Claims.DoOnceAsync(db, new BrokerageReminderSent { CaseId = c.Id, DueOn = c.DueOn, SentAt = now },
                () => mail.SendAsync(new MailMessage(c.Email!, $"经纪事项到期 / Brokerage action due：{c.Title}",
                    "<pre>" + System.Net.WebUtility.HtmlEncode(text) + "</pre>", text), ct),
                ex => logger.LogWarning(ex, "Brokerage reminder for {Case} not sent; released for the next round", c.Id), ct).ConfigureAwait(false))
            {
                sent++;
            }
        }
        return sent;
    }
}
