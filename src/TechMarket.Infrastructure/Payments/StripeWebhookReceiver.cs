using System.Globalization;
using Stripe;

namespace TechMarket.Infrastructure.Payments;

public enum WebhookVerdict
{
    /// <summary>New and in order: hand it to the outbox for processing.</summary>
    Accepted,
    /// <summary>Seen before (Stripe retries for up to 3 days): answer 2xx, do nothing.</summary>
    Duplicate,
    /// <summary>Older news about a PaymentIntent than what was already processed: answer 2xx, do nothing.</summary>
    OutOfOrder,
    /// <summary>Signature missing or wrong: answer 400.</summary>
    InvalidSignature,
    /// <summary>Signed more than the tolerance ago (a replay): answer 400.</summary>
    Stale,
}

public sealed record WebhookOutcome(WebhookVerdict Verdict, Event? Event = null)
{
    /// <summary>Duplicates and stale news are still answered 2xx so Stripe stops retrying.</summary>
    public bool Acknowledge => Verdict is WebhookVerdict.Accepted or WebhookVerdict.Duplicate or WebhookVerdict.OutOfOrder;
}

/// <summary>
/// Verifies, deduplicates and orders Stripe webhook deliveries. Accepted events go to the outbox; the endpoint
/// answers at once and processing happens there.
/// </summary>
public sealed class StripeWebhookReceiver(string webhookSecret, IStripeWebhookEventStore store, TimeProvider time)
{
    /// <summary>Stripe's recommended tolerance between signing and receipt, in seconds.</summary>
    public const long ToleranceSeconds = 300;

    public async Task<WebhookOutcome> ReceiveAsync(string json, string? signatureHeader, CancellationToken ct)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        Event stripeEvent;
        try
        {
            // The endpoint's API version is pinned in the Stripe dashboard; the fields read here (ids, type, status)
            // are stable across versions, so a version mismatch is not a reason to refuse money news.
            stripeEvent = EventUtility.ConstructEvent(json, signatureHeader ?? "", webhookSecret, ToleranceSeconds, now, throwOnApiVersionMismatch: false);
        }
        catch (StripeException)
        {
            return new WebhookOutcome(IsOutsideTolerance(signatureHeader, now) ? WebhookVerdict.Stale : WebhookVerdict.InvalidSignature);
        }

        var (objectId, stage) = Progress(stripeEvent);
        var recorded = await store.TryRecordAsync(stripeEvent.Id, objectId, stage, ct).ConfigureAwait(false);
        return recorded switch
        {
            WebhookRecordResult.New => new WebhookOutcome(WebhookVerdict.Accepted, stripeEvent),
            WebhookRecordResult.AlreadySeen => new WebhookOutcome(WebhookVerdict.Duplicate, stripeEvent),
            WebhookRecordResult.Superseded => new WebhookOutcome(WebhookVerdict.OutOfOrder, stripeEvent),
        };
    }

    /// <summary>
    /// A PaymentIntent only moves forward: created → processing / requires action / failed → capturable → succeeded or
    /// canceled. An event for an earlier stage arriving after a later one is stale news.
    /// </summary>
    internal static (string? ObjectId, int Stage) Progress(Event stripeEvent)
    {
        if (stripeEvent.Data?.Object is not PaymentIntent intent) return (null, 0);
        var stage = stripeEvent.Type switch
        {
            EventTypes.PaymentIntentCreated => 0,
            EventTypes.PaymentIntentProcessing or EventTypes.PaymentIntentRequiresAction
                or EventTypes.PaymentIntentPaymentFailed or EventTypes.PaymentIntentPartiallyFunded => 1,
            EventTypes.PaymentIntentAmountCapturableUpdated => 2,
            EventTypes.PaymentIntentSucceeded or EventTypes.PaymentIntentCanceled => 3,
            _ => 0,
        };
        return (intent.Id, stage);
    }

    private static bool IsOutsideTolerance(string? header, long now)
    {
        foreach (var part in (header ?? "").Split(','))
        {
            var kv = part.Split('=', 2);
            if (kv.Length == 2 && kv[0].Trim() == "t" && long.TryParse(kv[1], NumberStyles.None, CultureInfo.InvariantCulture, out var t))
                return Math.Abs(now - t) > ToleranceSeconds;
        }
        return false;
    }
}
