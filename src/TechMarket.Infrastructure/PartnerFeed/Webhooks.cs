using TechMarket.Domain.Shared;

namespace TechMarket.Infrastructure.PartnerFeed;

public enum WebhookStatus
{
    Active = 0,
    /// <summary>A delivery used up its attempts; nothing is sent until the partner or the center reactivates it.</summary>
    Failing = 1,
    /// <summary>Switched off by the partner or the center; kept for its delivery log.</summary>
    Disabled = 2,
}

/// <summary>
/// A partner client's webhook: where notifications of new, changed and removed listings go, signed with a secret only
/// the partner and the platform know (shown once at registration; stored encrypted with the data-protection key ring).
/// </summary>
public sealed class WebhookSubscription : IAudited
{
    private WebhookSubscription() { ClientId = Url = ProtectedSecret = ""; }

    public WebhookSubscription(Guid id, string clientId, Uri url, string? description, string protectedSecret, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(url);
        Id = id;
        ClientId = clientId;
        Url = url.AbsoluteUri;
        Description = description;
        ProtectedSecret = protectedSecret;
        CreatedAt = createdAt;
        Status = WebhookStatus.Active;
    }

    public Guid Id { get; private set; }
    /// <summary>The OpenIddict client id of the partner that owns it; only that client sees it through the API.</summary>
    public string ClientId { get; private set; }
    public string Url { get; private set; }
    public string? Description { get; private set; }
    public string ProtectedSecret { get; private set; }
    public WebhookStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? FailingSince { get; private set; }
    public string? FailureReason { get; private set; }

    public void MarkFailing(DateTimeOffset now, string reason)
    {
        if (Status != WebhookStatus.Active) return;
        Status = WebhookStatus.Failing;
        FailingSince = now;
        FailureReason = reason.Length > 500 ? reason[..500] : reason;
    }

    public void Reactivate()
    {
        Status = WebhookStatus.Active;
        FailingSince = null;
        FailureReason = null;
    }

    public void Disable() => Status = WebhookStatus.Disabled;
}

/// <summary>
/// How far the change log has been turned into deliveries for one subscription. Kept apart from the (audited)
/// subscription because it moves with every change; <see cref="LastSequence"/> is a concurrency token, so two nodes
/// that read the same position cannot both enqueue from it (one SaveChanges fails and is dropped).
/// </summary>
public sealed class WebhookFanoutPosition
{
    private WebhookFanoutPosition() { }

    public WebhookFanoutPosition(Guid subscriptionId, long lastSequence)
    {
        SubscriptionId = subscriptionId;
        LastSequence = lastSequence;
    }

    public Guid SubscriptionId { get; private set; }
    public long LastSequence { get; private set; }

    internal void Advance(long sequence) => LastSequence = Math.Max(LastSequence, sequence);
}

public enum WebhookDeliveryStatus
{
    Pending = 0,
    Delivered = 1,
    /// <summary>Gave up after the last attempt.</summary>
    Failed = 2,
}

/// <summary>
/// One event for one subscription (unique per subscription and event id, so an event is enqueued exactly once). The body
/// is fixed at enqueue time so every retry sends the same bytes; <see cref="NextAttemptAt"/> is the persisted retry
/// schedule (and, while an attempt runs, its lease), so a restart picks up where the last node left off.
/// </summary>
public sealed class WebhookDelivery
{
    private WebhookDelivery() { EventId = EventType = Payload = ""; }

    public WebhookDelivery(Guid id, Guid subscriptionId, string eventId, string eventType, Guid listingId, string payload, DateTimeOffset createdAt)
    {
        Id = id;
        SubscriptionId = subscriptionId;
        EventId = eventId;
        EventType = eventType;
        ListingId = listingId;
        Payload = payload;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
        Status = WebhookDeliveryStatus.Pending;
    }

    public Guid Id { get; private set; }
    public Guid SubscriptionId { get; private set; }
    /// <summary>evt_{sequence}: the same for every subscriber, stable across retries; partners dedupe on it.</summary>
    public string EventId { get; private set; }
    /// <summary>listing.published, listing.updated or listing.removed.</summary>
    public string EventType { get; private set; }
    public Guid ListingId { get; private set; }
    public string Payload { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public WebhookDeliveryStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public int? LastStatusCode { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }

    internal void Delivered(DateTimeOffset now, int statusCode)
    {
        Attempts++;
        Status = WebhookDeliveryStatus.Delivered;
        LastStatusCode = statusCode;
        LastError = null;
        DeliveredAt = now;
    }

    /// <summary>Records a failed attempt; <paramref name="retryAt"/> null means no attempts are left.</summary>
    internal void AttemptFailed(int? statusCode, string error, DateTimeOffset? retryAt)
    {
        Attempts++;
        LastStatusCode = statusCode;
        LastError = error.Length > 500 ? error[..500] : error;
        if (retryAt is { } at) NextAttemptAt = at;
        else Status = WebhookDeliveryStatus.Failed;
    }
}

/// <summary>The delivery log: one row per attempt, for the partner (API) and the center (page).</summary>
public sealed class WebhookDeliveryAttempt
{
    private WebhookDeliveryAttempt() { }

    public WebhookDeliveryAttempt(Guid deliveryId, int attempt, DateTimeOffset at, int? statusCode, long durationMs, string? error)
    {
        DeliveryId = deliveryId;
        Attempt = attempt;
        At = at;
        StatusCode = statusCode;
        DurationMs = durationMs;
        Error = error is { Length: > 500 } ? error[..500] : error;
    }

    public long Id { get; private set; }
    public Guid DeliveryId { get; private set; }
    public int Attempt { get; private set; }
    public DateTimeOffset At { get; private set; }
    /// <summary>The receiver's HTTP status; null when no response came (refused, timed out, blocked address).</summary>
    public int? StatusCode { get; private set; }
    public long DurationMs { get; private set; }
    public string? Error { get; private set; }
}
