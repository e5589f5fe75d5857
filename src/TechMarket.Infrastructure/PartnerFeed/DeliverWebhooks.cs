using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.PartnerFeed;

/// <summary>
/// Sends due deliveries: claims each with a conditional update (its next-attempt time moves one lease ahead, so only
/// one node sends it), POSTs the fixed body with a fresh signature, and records the attempt in the delivery log. A 2xx
/// answer is delivered; anything else is retried with exponential backoff and jitter on the persisted schedule, until
/// <see cref="WebhookOptions.MaxAttempts"/>, when the delivery fails and its subscription is marked failing. A crash
/// after sending and before recording means the lease runs out and the event is sent again: delivery is at least once,
/// and receivers dedupe on the event id.
/// </summary>
public sealed class DeliverWebhooks(TechMarketDbContext db, IHttpClientFactory http, WebhookSecrets secrets, WebhookOptions options,
    TimeProvider clock, ILogger<DeliverWebhooks> logger)
{
    public const string HttpClientName = "TechMarket.Webhooks";
    private const int BatchSize = 20;

    /// <summary>Returns how many attempts it made.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await (from d in db.WebhookDeliveries
                         join s in db.WebhookSubscriptions on d.SubscriptionId equals s.Id
                         where d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now && s.Status == WebhookStatus.Active
                         orderby d.NextAttemptAt
                         select new { d.Id, d.NextAttemptAt }).Take(BatchSize).ToListAsync(cancellationToken);
        var attempted = 0;
        foreach (var candidate in due)
        {
            var lease = now + options.Lease;
            var claimed = await db.WebhookDeliveries
                .Where(d => d.Id == candidate.Id && d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt == candidate.NextAttemptAt)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, lease), cancellationToken);
            if (claimed == 0) continue; // another node has it
            await AttemptAsync(candidate.Id, cancellationToken);
            attempted++;
        }
        return attempted;
    }

    private async Task AttemptAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var delivery = await db.WebhookDeliveries.SingleAsync(d => d.Id == deliveryId, cancellationToken);
        var subscription = await db.WebhookSubscriptions.SingleAsync(s => s.Id == delivery.SubscriptionId, cancellationToken);
        var started = clock.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        int? status = null;
        string? error = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
            {
                Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(secrets.Unprotect(subscription.ProtectedSecret), started, delivery.Payload));
            request.Headers.Add(WebhookSignature.EventIdHeader, delivery.EventId);
            request.Headers.Add(WebhookSignature.EventTypeHeader, delivery.EventType);
            using var client = http.CreateClient(HttpClientName);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Timeout);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode) error = $"HTTP {status}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = $"超时 / Timed out after {options.Timeout.TotalSeconds:0} s";
        }
        catch (HttpRequestException e)
        {
            error = e.Message;
        }
        stopwatch.Stop();
        var attempt = delivery.Attempts + 1;
        var finished = clock.GetUtcNow();
        if (error is null)
        {
            delivery.Delivered(finished, status!.Value);
        }
        else if (attempt >= options.MaxAttempts) // also after a reactivation: one more try each
        {
            delivery.AttemptFailed(status, error, retryAt: null);
            subscription.MarkFailing(finished, $"{delivery.EventId}: {error}");
            db.AuditAs("webhook.failing", $"{attempt} attempts; last: {error}");
            logger.LogWarning("Webhook {Subscription} gave up on {Event} after {Attempts} attempts: {Error}", subscription.Id, delivery.EventId, attempt, error);
        }
        else
        {
            delivery.AttemptFailed(status, error, finished + WebhookBackoff.Delay(attempt, options, Random.Shared.NextDouble()));
        }
        db.WebhookDeliveryAttempts.Add(new WebhookDeliveryAttempt(delivery.Id, attempt, started, status, stopwatch.ElapsedMilliseconds, error));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            // The lease ran out and another node recorded this attempt number first; its record stands.
            logger.LogInformation(e, "Recording webhook attempt {Attempt} of {Delivery} lost a race", attempt, delivery.Id);
        }
        db.ChangeTracker.Clear();
    }
}
