using TechMarket.Infrastructure.Payments;

namespace TechMarket.Web.Payments;

/// <summary>
/// POST /webhooks/stripe. 400 for a bad or stale signature (Stripe shows it in the dashboard); 200 for everything
/// verified, including duplicates and late news, so Stripe stops retrying; 404 when Stripe is not configured here.
/// The work is done from payment_outbox after the answer.
/// </summary>
internal static class StripeWebhookEndpoint
{
    // Stripe's events are a few KB; refuse anything absurd before verifying it.
    private const int MaxBodyBytes = 512 * 1024;

    public static async Task<IResult> HandleAsync(HttpContext context, IServiceProvider services, PaymentOutboxSignal signal, CancellationToken ct)
    {
        var receive = services.GetService<ReceiveStripeWebhook>();
        if (receive is null) return Results.NotFound();
        if (context.Request.ContentLength > MaxBodyBytes) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        using var reader = new StreamReader(context.Request.Body);
        var json = await reader.ReadToEndAsync(ct);
        if (json.Length > MaxBodyBytes) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        var outcome = await receive.RunAsync(json, context.Request.Headers["Stripe-Signature"].FirstOrDefault(), ct);
        if (outcome.Verdict == WebhookVerdict.Accepted) signal.Notify();
        return outcome.Acknowledge
            ? Results.Ok(new { received = true, verdict = outcome.Verdict.ToString() })
            : Results.BadRequest(new { received = false, verdict = outcome.Verdict.ToString() });
    }
}
