using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Stripe;
using TechMarket.Infrastructure.Payments;

namespace TechMarket.Payments.Tests;

public sealed class StripeWebhookReceiverTests
{
    private const string Secret = "whsec_test_secret";
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Now);
    private readonly StripeWebhookReceiver receiver;

    public StripeWebhookReceiverTests() => receiver = new StripeWebhookReceiver(Secret, new InMemoryStripeWebhookEventStore(), time);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_correctly_signed_event_is_accepted()
    {
        var json = EventJson("evt_1", EventTypes.PaymentIntentAmountCapturableUpdated, "pi_1", "requires_capture");
        var outcome = await receiver.ReceiveAsync(json, Sign(json, Secret, Now), Ct);
        Assert.Equal(WebhookVerdict.Accepted, outcome.Verdict);
        Assert.Equal("pi_1", Assert.IsType<PaymentIntent>(outcome.Event!.Data.Object).Id);
        Assert.True(outcome.Acknowledge);
    }

    [Fact]
    public void The_signature_is_hmac_sha256_of_timestamp_dot_payload_as_stripe_net_computes_it()
    {
        var json = EventJson("evt_1", EventTypes.PaymentIntentSucceeded, "pi_1", "succeeded");
        var t = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        Assert.Equal($"t={t},v1={EventUtility.ComputeSignature(Secret, t, json)}", Sign(json, Secret, Now));
    }

    [Fact]
    public async Task An_event_signed_with_another_secret_is_refused()
    {
        var json = EventJson("evt_1", EventTypes.PaymentIntentSucceeded, "pi_1", "succeeded");
        var outcome = await receiver.ReceiveAsync(json, Sign(json, "whsec_forger", Now), Ct);
        Assert.Equal(WebhookVerdict.InvalidSignature, outcome.Verdict);
        Assert.False(outcome.Acknowledge);
    }

    [Fact]
    public async Task A_payload_changed_after_signing_is_refused()
    {
        var json = EventJson("evt_1", EventTypes.PaymentIntentSucceeded, "pi_1", "succeeded");
        var header = Sign(json, Secret, Now);
        var tampered = json.Replace("\"amount\":5000000", "\"amount\":5", StringComparison.Ordinal);
        Assert.NotEqual(json, tampered);
        Assert.Equal(WebhookVerdict.InvalidSignature, (await receiver.ReceiveAsync(tampered, header, Ct)).Verdict);
    }

    [Fact]
    public async Task A_missing_signature_is_refused()
    {
        var json = EventJson("evt_1", EventTypes.PaymentIntentSucceeded, "pi_1", "succeeded");
        Assert.Equal(WebhookVerdict.InvalidSignature, (await receiver.ReceiveAsync(json, null, Ct)).Verdict);
    }

    [Fact]
    public async Task An_event_signed_more_than_five_minutes_ago_is_refused_as_stale()
    {
        var json = EventJson("evt_1", EventTypes.PaymentIntentSucceeded, "pi_1", "succeeded");
        var outcome = await receiver.ReceiveAsync(json, Sign(json, Secret, Now.AddSeconds(-301)), Ct);
        Assert.Equal(WebhookVerdict.Stale, outcome.Verdict);
    }

    [Fact]
    public async Task An_event_signed_just_under_five_minutes_ago_is_accepted()
    {
        var json = EventJson("evt_1", EventTypes.PaymentIntentSucceeded, "pi_1", "succeeded");
        var outcome = await receiver.ReceiveAsync(json, Sign(json, Secret, Now.AddSeconds(-299)), Ct);
        Assert.Equal(WebhookVerdict.Accepted, outcome.Verdict);
    }

    [Fact]
    public async Task A_redelivered_event_is_acknowledged_but_not_processed_again()
    {
        var json = EventJson("evt_1", EventTypes.PaymentIntentSucceeded, "pi_1", "succeeded");
        Assert.Equal(WebhookVerdict.Accepted, (await receiver.ReceiveAsync(json, Sign(json, Secret, Now), Ct)).Verdict);
        // Stripe retries with a fresh signature; the event id is what identifies it.
        time.Advance(TimeSpan.FromHours(1));
        var again = await receiver.ReceiveAsync(json, Sign(json, Secret, time.GetUtcNow()), Ct);
        Assert.Equal(WebhookVerdict.Duplicate, again.Verdict);
        Assert.True(again.Acknowledge);
    }

    [Fact]
    public async Task A_capturable_update_arriving_after_succeeded_is_ignored_as_out_of_order()
    {
        var succeeded = EventJson("evt_2", EventTypes.PaymentIntentSucceeded, "pi_1", "succeeded");
        var capturable = EventJson("evt_1", EventTypes.PaymentIntentAmountCapturableUpdated, "pi_1", "requires_capture");
        Assert.Equal(WebhookVerdict.Accepted, (await receiver.ReceiveAsync(succeeded, Sign(succeeded, Secret, Now), Ct)).Verdict);
        var late = await receiver.ReceiveAsync(capturable, Sign(capturable, Secret, Now), Ct);
        Assert.Equal(WebhookVerdict.OutOfOrder, late.Verdict);
        Assert.True(late.Acknowledge);
    }

    [Fact]
    public async Task Events_in_order_and_for_other_intents_are_all_accepted()
    {
        var capturable = EventJson("evt_1", EventTypes.PaymentIntentAmountCapturableUpdated, "pi_1", "requires_capture");
        var succeeded = EventJson("evt_2", EventTypes.PaymentIntentSucceeded, "pi_1", "succeeded");
        var otherIntent = EventJson("evt_3", EventTypes.PaymentIntentAmountCapturableUpdated, "pi_2", "requires_capture");
        foreach (var json in new[] { capturable, succeeded, otherIntent })
            Assert.Equal(WebhookVerdict.Accepted, (await receiver.ReceiveAsync(json, Sign(json, Secret, Now), Ct)).Verdict);
    }

    /// <summary>Stripe-Signature: t={unix seconds},v1={hex HMAC-SHA256 of "{t}.{payload}" keyed with the endpoint secret}.</summary>
    private static string Sign(string payload, string secret, DateTimeOffset at)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{payload}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    private static string EventJson(string eventId, string type, string paymentIntentId, string status) =>
        """
        {"id":"EVENT","object":"event","api_version":"VERSION","created":CREATED,"livemode":false,"pending_webhooks":1,"request":{"id":null,"idempotency_key":null},"type":"TYPE","data":{"object":{"id":"INTENT","object":"payment_intent","amount":5000000,"currency":"cny","capture_method":"manual","status":"STATUS","metadata":{"deposit_id":"d0000000000000000000000000000001"}}}}
        """
        .Replace("EVENT", eventId, StringComparison.Ordinal)
        .Replace("VERSION", StripeConfiguration.ApiVersion, StringComparison.Ordinal)
        .Replace("CREATED", Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("TYPE", type, StringComparison.Ordinal)
        .Replace("INTENT", paymentIntentId, StringComparison.Ordinal)
        .Replace("STATUS", status, StringComparison.Ordinal);
}
