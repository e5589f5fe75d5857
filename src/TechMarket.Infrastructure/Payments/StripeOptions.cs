namespace TechMarket.Infrastructure.Payments;

/// <summary>Stripe is used only when keys are configured; offline bank transfer is the default way to pay.</summary>
public sealed class StripeOptions
{
    public const string SectionName = "Stripe";

    public string? SecretKey { get; set; }
    public string? WebhookSecret { get; set; }

    /// <summary>pk_…: lets the page load Stripe.js and mount the Payment Element; without it card payments fall back to bank transfer.</summary>
    public string? PublishableKey { get; set; }

    /// <summary>Stripe's API base; tests point it at an in-process fake.</summary>
    public Uri? ApiBase { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(SecretKey) && !string.IsNullOrWhiteSpace(WebhookSecret);
}
