using System.Collections.Specialized;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Web;

namespace TechMarket.Tests.Shared;

/// <summary>
/// An in-process fake of the Stripe endpoints the deposit adapter uses, linked into TechMarket.Payments.Tests and
/// TechMarket.Web.Tests (test projects are executables and do not reference each other). Like Stripe, it stores each response by
/// idempotency key and replays it for a retry with the same key and parameters; a reuse with other parameters is
/// an idempotency_error.
/// </summary>
public sealed class FakeStripeApi : HttpMessageHandler
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, (string Fingerprint, HttpStatusCode Status, string Body)> byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Intent> intents = new(StringComparer.Ordinal);
    private readonly List<Refund> refunds = [];

    public sealed record RecordedRequest(HttpMethod Method, string Path, string? IdempotencyKey, string? Authorization, NameValueCollection Form);

    public sealed class Intent
    {
        public required string Id { get; init; }
        public required long Amount { get; init; }
        public required string Currency { get; init; }
        public required string CaptureMethod { get; init; }
        public required Dictionary<string, string> Metadata { get; init; }
        public string Status { get; set; } = "requires_payment_method";
    }

    public sealed record Refund(string Id, string PaymentIntent, long Amount);

    public List<RecordedRequest> Requests { get; } = [];
    public IReadOnlyCollection<Intent> Intents { get { lock (gate) return [.. intents.Values]; } }
    public IReadOnlyList<Refund> Refunds { get { lock (gate) return [.. refunds]; } }

    /// <summary>Answer this many requests with 503 and Stripe-Should-Retry: true before serving.</summary>
    public int TransientFailures { get; set; }

    public HttpClient CreateClient() => new(this, disposeHandler: false);

    /// <summary>What the customer's card confirmation (Payment Element) does: the money is authorised or taken.</summary>
    public void ConfirmCard(string paymentIntentId)
    {
        lock (gate)
        {
            var intent = intents[paymentIntentId];
            intent.Status = intent.CaptureMethod == "manual" ? "requires_capture" : "succeeded";
        }
    }

    /// <summary>A Stripe event about a PaymentIntent as it stands now, the way Stripe would send it to the webhook.</summary>
    public string EventFor(string eventId, string type, string paymentIntentId, DateTimeOffset at)
    {
        string intentJson;
        lock (gate) intentJson = IntentJson(intents[paymentIntentId]);
        var created = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return "{\"id\":\"" + eventId + "\",\"object\":\"event\",\"api_version\":\"" + Stripe.StripeConfiguration.ApiVersion + "\",\"created\":" + created
            + ",\"livemode\":false,\"pending_webhooks\":1,\"request\":{\"id\":null,\"idempotency_key\":null},\"type\":\"" + type + "\",\"data\":{\"object\":" + intentJson + "}}";
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var form = HttpUtility.ParseQueryString(body);
        var key = request.Headers.TryGetValues("Idempotency-Key", out var keys) ? keys.Single() : null;
        var path = request.RequestUri!.AbsolutePath;
        lock (gate)
        {
            Requests.Add(new RecordedRequest(request.Method, path, key, request.Headers.Authorization?.ToString(), form));
            if (TransientFailures > 0)
            {
                TransientFailures--;
                var failure = Json(HttpStatusCode.ServiceUnavailable, Error("api_error", "Try again."));
                failure.Headers.Add("Stripe-Should-Retry", "true");
                return failure;
            }
            var fingerprint = $"{request.Method} {path} {body}";
            if (key is not null && byKey.TryGetValue(key, out var stored))
            {
                if (stored.Fingerprint != fingerprint)
                    return Json(HttpStatusCode.BadRequest, Error("idempotency_error", "Keys for idempotent requests can only be used with the same parameters they were first used with."));
                var replay = Json(stored.Status, stored.Body);
                replay.Headers.Add("Idempotent-Replayed", "true");
                return replay;
            }
            var (status, json) = Route(request.Method, path, form);
            if (key is not null) byKey[key] = (fingerprint, status, json);
            return Json(status, json);
        }
    }

    private (HttpStatusCode, string) Route(HttpMethod method, string path, NameValueCollection form)
    {
        var segments = path.Trim('/').Split('/');
        if (method != HttpMethod.Post) return NotFound(path);
        switch (segments)
        {
            case ["v1", "payment_intents"]:
                var intent = new Intent
                {
                    Id = $"pi_fake{intents.Count + 1}",
                    Amount = long.Parse(form["amount"]!, CultureInfo.InvariantCulture),
                    Currency = form["currency"]!,
                    CaptureMethod = form["capture_method"] ?? "automatic",
                    Metadata = form.AllKeys.Where(k => k!.StartsWith("metadata[", StringComparison.Ordinal))
                        .ToDictionary(k => k!["metadata[".Length..^1], k => form[k]!),
                };
                intents.Add(intent.Id, intent);
                return (HttpStatusCode.OK, IntentJson(intent));
            case ["v1", "payment_intents", var id, "capture"] when intents.TryGetValue(id, out var toCapture):
                if (toCapture.Status != "requires_capture") return InvalidState(toCapture);
                toCapture.Status = "succeeded";
                return (HttpStatusCode.OK, IntentJson(toCapture));
            case ["v1", "payment_intents", var id, "cancel"] when intents.TryGetValue(id, out var toCancel):
                if (toCancel.Status is "succeeded" or "canceled") return InvalidState(toCancel);
                toCancel.Status = "canceled";
                return (HttpStatusCode.OK, IntentJson(toCancel));
            case ["v1", "refunds"] when intents.TryGetValue(form["payment_intent"] ?? "", out var refunded):
                var amount = form["amount"] is { } a ? long.Parse(a, CultureInfo.InvariantCulture) : refunded.Amount;
                if (refunded.Status != "succeeded" || amount > refunded.Amount - refunds.Where(r => r.PaymentIntent == refunded.Id).Sum(r => r.Amount))
                    return InvalidState(refunded);
                var refund = new Refund($"re_fake{refunds.Count + 1}", refunded.Id, amount);
                refunds.Add(refund);
                return (HttpStatusCode.OK, JsonSerializer.Serialize(new
                {
                    id = refund.Id, @object = "refund", amount, currency = refunded.Currency,
                    payment_intent = refunded.Id, status = "succeeded",
                }));
            default:
                return NotFound(path);
        }
    }

    private static string IntentJson(Intent intent) => JsonSerializer.Serialize(new
    {
        id = intent.Id,
        @object = "payment_intent",
        amount = intent.Amount,
        amount_capturable = intent.Status == "requires_capture" ? intent.Amount : 0,
        amount_received = intent.Status == "succeeded" ? intent.Amount : 0,
        currency = intent.Currency,
        capture_method = intent.CaptureMethod,
        client_secret = intent.Id + "_secret_fake",
        livemode = false,
        metadata = intent.Metadata,
        status = intent.Status,
    });

    private static (HttpStatusCode, string) InvalidState(Intent intent) =>
        (HttpStatusCode.BadRequest, Error("invalid_request_error", $"PaymentIntent {intent.Id} has status {intent.Status}."));

    private static (HttpStatusCode, string) NotFound(string path) =>
        (HttpStatusCode.NotFound, Error("invalid_request_error", $"Unrecognized request URL (POST: {path})."));

    private static string Error(string type, string message) => JsonSerializer.Serialize(new { error = new { type, message } });

    private static HttpResponseMessage Json(HttpStatusCode status, string json) => new(status)
    {
        Content = new StringContent(json, Encoding.UTF8, "application/json"),
        Headers = { { "Request-Id", "req_fake" } },
    };
}
