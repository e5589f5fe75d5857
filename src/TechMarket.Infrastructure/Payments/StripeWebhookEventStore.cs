namespace TechMarket.Infrastructure.Payments;

public enum WebhookRecordResult
{
    New,
    AlreadySeen,
    /// <summary>Recorded as seen, but a later stage of the same object was already processed.</summary>
    Superseded,
}

/// <summary>
/// Remembers processed Stripe event ids and how far each PaymentIntent has got. One atomic call, so a database
/// implementation can do it in one transaction behind a unique index on the event id.
/// </summary>
public interface IStripeWebhookEventStore
{
    Task<WebhookRecordResult> TryRecordAsync(string eventId, string? objectId, int stage, CancellationToken ct);
}

public sealed class InMemoryStripeWebhookEventStore : IStripeWebhookEventStore
{
    private readonly Lock gate = new();
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> stages = new(StringComparer.Ordinal);

    public Task<WebhookRecordResult> TryRecordAsync(string eventId, string? objectId, int stage, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        lock (gate)
        {
            if (!seen.Add(eventId)) return Task.FromResult(WebhookRecordResult.AlreadySeen);
            if (objectId is null) return Task.FromResult(WebhookRecordResult.New);
            if (stages.TryGetValue(objectId, out var current) && stage < current) return Task.FromResult(WebhookRecordResult.Superseded);
            stages[objectId] = stage;
            return Task.FromResult(WebhookRecordResult.New);
        }
    }
}
