using Stripe;

namespace TechMarket.Infrastructure.Payments;

public static class StripeClientFactory
{
    /// <summary>
    /// Stripe.net's real client over the given <see cref="HttpClient"/> (from IHttpClientFactory in the site, over an
    /// in-process fake in tests). Network retries resend the same idempotency key, so they are safe for POSTs.
    /// </summary>
    public static IStripeClient Create(StripeOptions options, HttpClient httpClient, int maxNetworkRetries = 2)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.SecretKey);
        return new StripeClient(
            options.SecretKey,
            httpClient: new SystemNetHttpClient(httpClient, maxNetworkRetries: maxNetworkRetries, enableTelemetry: false),
            apiBase: options.ApiBase?.ToString().TrimEnd('/'));
    }
}
