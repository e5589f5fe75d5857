namespace TechMarket.Infrastructure.PartnerFeed;

/// <summary>Section "Webhooks".</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>
    /// Allow http://localhost and 127.0.0.1 targets and private addresses (Development and tests). Off in production:
    /// https only, and the address a host name resolves to must be public (no SSRF into the platform's own network).
    /// Defaults to true in Development, false elsewhere.
    /// </summary>
    public bool? AllowLocalTargets { get; set; }
    /// <summary>Attempts per event before the delivery fails and the subscription is marked failing.</summary>
    public int MaxAttempts { get; set; } = 8;
    /// <summary>Delay before the second attempt; it doubles per attempt (with jitter) up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(6);
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>How long an attempt holds its delivery before another node may try it (a crash mid-send is retried then).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
    public int MaxSubscriptionsPerClient { get; set; } = 5;
    /// <summary>Run the fan-out and delivery loop in the site (tests switch it off and drive it themselves).</summary>
    public bool RunInBackground { get; set; } = true;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>Exponential backoff with jitter: attempt n waits between half and all of BaseDelay·2^(n−1), capped.</summary>
public static class WebhookBackoff
{
    public static TimeSpan Delay(int failedAttempts, WebhookOptions options, double random)
    {
        ArgumentNullException.ThrowIfNull(options);
        var exponent = Math.Min(failedAttempts - 1, 30);
        var full = Math.Min(options.BaseDelay.TotalSeconds * Math.Pow(2, exponent), options.MaxDelay.TotalSeconds);
        // "Equal jitter": spreads retries of many subscribers apart without ever retrying sooner than half the step.
        return TimeSpan.FromSeconds(full / 2 + full / 2 * Math.Clamp(random, 0, 1));
    }
}
