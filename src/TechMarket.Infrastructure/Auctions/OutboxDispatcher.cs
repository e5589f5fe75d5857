using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Mail;

namespace TechMarket.Infrastructure.Auctions;

/// <summary>
/// Publishes committed outbox rows: live updates to watchers, outbid notices (in-app and e-mail) to the outbid bidder
/// only, and organisation notices of other features (listed trades). A row is claimed with a conditional UPDATE (processed is null), so on several nodes each row is handled once;
/// with the Redis backplane one node's publish reaches every node's watchers.
/// Two lanes run side by side, each woken by <see cref="OutboxSignal"/> after a commit: <see cref="OutboxLane.Live"/>
/// publishes <see cref="OutboxTypes.AuctionUpdates"/> rows in sequence order, <see cref="OutboxLane.Notices"/> everything
/// else. A live update therefore never waits behind a notice's database write and e-mail (in a bidding war nearly every
/// accepted bid also outbids someone, so one lane spent most of its time on mail while the watchers' updates queued).
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, OutboxSignal signal, TimeProvider clock, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    /// <summary>Rows committed on another node have no local signal; each lane looks for them at least this often.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(RunAsync(OutboxLane.Live, stoppingToken), RunAsync(OutboxLane.Notices, stoppingToken));

    private async Task RunAsync(OutboxLane lane, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchBatchAsync(lane, stoppingToken) > 0) { }
                await signal.WaitAsync(lane, PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed round is logged and retried; the dispatcher must keep running.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogError(e, "Outbox dispatch ({Lane}) failed; retrying", lane);
                try { await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken); } catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>Handles up to 100 unprocessed rows of one lane, oldest first; returns how many it read.</summary>
    public async Task<int> DispatchBatchAsync(OutboxLane lane, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TechMarketDbContext>();
        var unprocessed = db.Outbox.AsNoTracking().Where(m => m.ProcessedAt == null);
        unprocessed = lane == OutboxLane.Live
            ? unprocessed.Where(m => m.Type == OutboxTypes.AuctionUpdates)
            : unprocessed.Where(m => m.Type != OutboxTypes.AuctionUpdates);
        var batch = await unprocessed.OrderBy(m => m.Id).Take(100).ToListAsync(cancellationToken);
        var publisher = scope.ServiceProvider.GetRequiredService<IAuctionUpdatePublisher>();
        var mail = scope.ServiceProvider.GetRequiredService<IMailSender>();
        foreach (var message in batch)
        {
            var now = clock.GetUtcNow();
            var claimed = await db.Outbox.Where(m => m.Id == message.Id && m.ProcessedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, now), cancellationToken);
            if (claimed == 0) continue; // another node took it
            switch (message.Type)
            {
                case OutboxTypes.AuctionUpdates:
                    foreach (var update in JsonSerializer.Deserialize<AuctionUpdate[]>(message.Payload, OutboxTypes.Json)!)
                        await publisher.PublishAsync(update, cancellationToken);
                    break;
                case OutboxTypes.Outbid:
                    await NotifyOutbidAsync(db, mail, JsonSerializer.Deserialize<OutbidNotices>(message.Payload, OutboxTypes.Json)!, now, cancellationToken);
                    break;
                case OutboxTypes.OrganizationNotice:
                    await NotifyAsync(db, mail, JsonSerializer.Deserialize<OrganizationNotice>(message.Payload, OutboxTypes.Json)!, now, cancellationToken);
                    break;
                default:
                    break; // e.g. deposit release: for the payments slice
            }
        }
        return batch.Count;
    }

    /// <summary>
    /// Every outbid bidder's in-app message in one save, then each one's e-mail on its own: one failed e-mail (the row is
    /// already claimed) costs that bidder its mail, not the others their notices.
    /// </summary>
    private async Task NotifyOutbidAsync(TechMarketDbContext db, IMailSender mail, OutbidNotices notices, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var price = new Money(notices.PriceFen).ToString();
        var body = $"竞价标的《{notices.Title}》的当前价已升至 {price}，您已不是最高出价人。/ The current price of \"{notices.Title}\" is now {price}; you no longer lead.";
        var told = notices.OrganizationIds.Select(organization =>
            new OrganizationNotice(organization, "您的出价已被超过 / You have been outbid", body, $"/auctions/{notices.AuctionId}")).ToList();
        foreach (var notice in told) Add(db, notice, now);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var notice in told)
        {
            try
            {
                await MailAsync(db, mail, notice, cancellationToken);
            }
#pragma warning disable CA1031 // One organisation's failed e-mail is logged; the others are still sent.
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                logger.LogError(e, "Outbid e-mail to organisation {Organization} failed", notice.OrganizationId);
            }
        }
    }

    private static async Task NotifyAsync(TechMarketDbContext db, IMailSender mail, OrganizationNotice notice, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Add(db, notice, now);
        await db.SaveChangesAsync(cancellationToken);
        await MailAsync(db, mail, notice, cancellationToken);
    }

    private static void Add(TechMarketDbContext db, OrganizationNotice notice, DateTimeOffset now) =>
        db.Notifications.Add(new Notification { OrganizationId = notice.OrganizationId, Title = notice.Title, Body = notice.Body, Link = notice.Link, CreatedAt = now });

    private static async Task MailAsync(TechMarketDbContext db, IMailSender mail, OrganizationNotice notice, CancellationToken cancellationToken)
    {
        var emails = await db.Users.AsNoTracking().Where(u => u.OrganizationId == notice.OrganizationId && u.Email != null && u.EmailConfirmed)
            .Select(u => u.Email!).ToListAsync(cancellationToken);
        foreach (var email in emails)
        {
            var html = $"<p>{System.Net.WebUtility.HtmlEncode(notice.Body)}</p><p><a href=\"{System.Net.WebUtility.HtmlEncode(notice.Link)}\">查看详情 / Open</a></p>";
            await mail.SendAsync(new MailMessage(email, notice.Title, html, notice.Body + "\n" + notice.Link), cancellationToken);
        }
    }
}
