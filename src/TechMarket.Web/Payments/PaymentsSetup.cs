using TechMarket.Infrastructure.Payments;

namespace TechMarket.Web.Payments;

/// <summary>Payments in the site: services (one call in WebSetup) and the Stripe webhook (one call in the pipeline).</summary>
internal static class PaymentsSetup
{
    public static void AddPayments(this WebApplicationBuilder builder) =>
        builder.Services.AddTechMarketPayments(builder.Configuration);

    public static void MapPayments(this WebApplication app)
    {
        // Anonymous (Stripe signs instead of signing in) and outside antiforgery: a minimal API endpoint reading the raw body.
        app.MapPost("/webhooks/stripe", StripeWebhookEndpoint.HandleAsync).AllowAnonymous().ExcludeFromDescription();
    }
}
