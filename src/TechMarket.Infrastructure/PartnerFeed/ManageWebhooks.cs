using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.PartnerFeed;

/// <summary>Protects webhook secrets at rest with the site's data-protection key ring (stored in the database, shared by all nodes).</summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("TechMarket.PartnerFeed.WebhookSecret.v1");

    public string Protect(string secret) => protector.Protect(secret);

    public string Unprotect(string protectedSecret) => protector.Unprotect(protectedSecret);
}

public sealed record RegisteredWebhook(WebhookSubscription Subscription, string Secret);

/// <summary>
/// A partner (or the center, for a partner) registers a URL. The secret is returned this once; notifications start
/// with changes after registration (the pull feed covers what came before).
/// </summary>
public sealed class RegisterWebhook(TechMarketDbContext db, FeedSequencer sequencer, WebhookSecrets secrets, WebhookOptions options, TimeProvider clock)
{
    /// <summary>Field name → bilingual message when refused.</summary>
    public async Task<(RegisteredWebhook? Registered, IReadOnlyDictionary<string, string>? Problems)> RunAsync(
        string clientId, string? url, string? description, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        if (WebhookTargets.Problem(url, options.AllowLocalTargets == true, out var target) is { } problem) return (null, new Dictionary<string, string> { ["url"] = problem });
        if (description is { Length: > 200 }) return (null, new Dictionary<string, string> { ["description"] = "说明最长 200 个字符 / The description may be at most 200 characters." });
        var count = await db.WebhookSubscriptions.CountAsync(s => s.ClientId == clientId && s.Status != WebhookStatus.Disabled, cancellationToken);
        if (count >= options.MaxSubscriptionsPerClient)
        {
            return (null, new Dictionary<string, string> { ["url"] = $"每个合作方最多 {options.MaxSubscriptionsPerClient} 个有效的接收地址 / At most {options.MaxSubscriptionsPerClient} active webhooks per partner." });
        }
        var highest = await sequencer.RunAsync(cancellationToken);
        var secret = WebhookSignature.NewSecret();
        var subscription = new WebhookSubscription(Guid.NewGuid(), clientId, target!, string.IsNullOrWhiteSpace(description) ? null : description.Trim(), secrets.Protect(secret), clock.GetUtcNow());
        db.WebhookSubscriptions.Add(subscription);
        db.WebhookFanoutPositions.Add(new WebhookFanoutPosition(subscription.Id, highest));
        db.AuditAs("webhook.registered", $"{clientId} {subscription.Url}");
        await db.SaveChangesAsync(cancellationToken);
        return (new RegisteredWebhook(subscription, secret), null);
    }
}

/// <summary>Switches a subscription off, or back on after it failed (its pending and failed deliveries are then sent again).</summary>
public sealed class ChangeWebhookStatus(TechMarketDbContext db, TimeProvider clock)
{
    /// <param name="clientId">The owning partner; null when the center acts (any subscription).</param>
    public async Task<WebhookSubscription?> RunAsync(Guid id, string? clientId, bool active, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == id && (clientId == null || s.ClientId == clientId), cancellationToken);
        if (subscription is null) return null;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (active && subscription.Status != WebhookStatus.Active)
        {
            subscription.Reactivate();
            // Deliveries that failed with the subscription are tried once more, now; their attempt numbers continue (the
            // log keeps every attempt), so one more failure marks the subscription failing again at once.
            var now = clock.GetUtcNow();
            await db.WebhookDeliveries.Where(d => d.SubscriptionId == id && d.Status == WebhookDeliveryStatus.Failed)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, WebhookDeliveryStatus.Pending).SetProperty(d => d.NextAttemptAt, now), cancellationToken);
            db.AuditAs("webhook.reactivated", clientId is null ? "center" : "partner");
        }
        else if (!active && subscription.Status != WebhookStatus.Disabled)
        {
            subscription.Disable();
            db.AuditAs("webhook.disabled", clientId is null ? "center" : "partner");
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return subscription;
    }
}

public sealed record WebhookAttemptRow(Guid DeliveryId, string EventId, string EventType, Guid ListingId, string DeliveryStatus,
    int Attempt, DateTimeOffset At, int? StatusCode, long DurationMs, string? Error);

/// <summary>The delivery log, newest first, one row per attempt (and one per delivery not yet attempted).</summary>
public sealed class WebhookDeliveryLog(TechMarketDbContext db)
{
    public async Task<(IReadOnlyList<WebhookAttemptRow> Rows, int Total)> PageAsync(Guid subscriptionId, int page, int size, CancellationToken cancellationToken)
    {
        var attempts = from a in db.WebhookDeliveryAttempts
                       join d in db.WebhookDeliveries on a.DeliveryId equals d.Id
                       where d.SubscriptionId == subscriptionId
                       select new { d.Id, d.EventId, d.EventType, d.ListingId, d.Status, a.Attempt, a.At, a.StatusCode, a.DurationMs, a.Error };
        var total = await attempts.CountAsync(cancellationToken);
        var rows = await attempts.OrderByDescending(x => x.At).ThenByDescending(x => x.Attempt).Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        return ([.. rows.Select(x => new WebhookAttemptRow(x.Id, x.EventId, x.EventType, x.ListingId, x.Status.ToString().ToLowerInvariant(), x.Attempt, x.At, x.StatusCode, x.DurationMs, x.Error))], total);
    }
}
