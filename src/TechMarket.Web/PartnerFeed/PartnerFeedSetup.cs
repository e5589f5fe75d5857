using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using OpenIddict.Validation.AspNetCore;
using TechMarket.Infrastructure.PartnerFeed;
using TechMarket.Web.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace TechMarket.Web.PartnerFeed;

/// <summary>Partner feed (issue 10, 链接全国高新区科技服务集成平台): pull feed of listing changes, signed webhooks, delivery log.</summary>
internal static class PartnerFeedSetup
{
    /// <summary>A partner system: a client-credentials access token (the subject is the client itself) with scope catalogue.read.</summary>
    public const string PartnerPolicy = "PartnerClient";

    public static void AddPartnerFeed(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection(WebhookOptions.Section).Get<WebhookOptions>() ?? new WebhookOptions();
        options.AllowLocalTargets ??= builder.Environment.IsDevelopment();
        services.AddSingleton(options);
        services.AddScoped<FeedSequencer>();
        services.AddScoped<ReadListingFeed>();
        services.AddSingleton<WebhookSecrets>();
        services.AddScoped<RegisterWebhook>();
        services.AddScoped<ChangeWebhookStatus>();
        services.AddScoped<WebhookDeliveryLog>();
        services.AddScoped<EnqueueWebhookEvents>();
        services.AddScoped<DeliverWebhooks>();
        var allowLocal = options.AllowLocalTargets == true;
        services.AddHttpClient(DeliverWebhooks.HttpClientName, c =>
            {
                c.Timeout = Timeout.InfiniteTimeSpan; // DeliverWebhooks applies WebhookOptions.Timeout per attempt
                c.DefaultRequestHeaders.UserAgent.ParseAdd("TechMarket-Webhooks/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // A redirect could lead anywhere, past the address check: receivers answer, they do not redirect.
                AllowAutoRedirect = false,
                UseCookies = false,
                UseProxy = false,
                ConnectCallback = (context, cancellationToken) =>
                    WebhookTargets.ConnectAsync(context.DnsEndPoint.Host, context.DnsEndPoint.Port, allowLocal, cancellationToken),
            });
        if (options.RunInBackground) services.AddHostedService<WebhookWorker>();

        services.AddAuthorizationBuilder().AddPolicy(PartnerPolicy, p => p
            .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .AddRequirements(new ScopeRequirement("catalogue.read"))
            .RequireAssertion(c => PartnerClientId(c.User) is not null));
    }

    public static void MapPartnerFeed(this IEndpointRouteBuilder app) => app.MapPartnerFeedApi();

    /// <summary>The partner's client id when the token was issued to the client itself (client credentials), else null.</summary>
    public static string? PartnerClientId(ClaimsPrincipal user)
    {
        var subject = user.FindFirstValue(Claims.Subject);
        var client = user.FindFirstValue(Claims.ClientId);
        return subject is not null && subject == client ? client : null;
    }
}
