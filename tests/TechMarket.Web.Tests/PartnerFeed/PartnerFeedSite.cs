using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;
using TechMarket.Web.Tests.Infrastructure;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace TechMarket.Web.Tests.PartnerFeed;

/// <summary>
/// The site with the webhook loop switched off (tests drive fan-out and delivery themselves, on a fake clock), local
/// receivers allowed (as in Development), and three attempts before a delivery gives up.
/// </summary>
public abstract class PartnerFeedSite : TechMarketSite
{
    public const int MaxAttempts = 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Webhooks:RunInBackground", "false");
        builder.UseSetting("Webhooks:AllowLocalTargets", "true");
        builder.UseSetting("Webhooks:MaxAttempts", MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>An access token for a client-credentials client (created with the given scopes when it does not exist yet).</summary>
    public async Task<string> TokenAsync(string clientId = "demo-partner", string secret = "demo-partner-secret", string scope = "catalogue.read", params string[] permittedScopes)
    {
        if (clientId != "demo-partner")
        {
            await using var scopeServices = Services.CreateAsyncScope();
            var applications = scopeServices.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            if (await applications.FindByClientIdAsync(clientId) is null)
            {
                var descriptor = new OpenIddictApplicationDescriptor
                {
                    ClientId = clientId, ClientSecret = secret, ClientType = ClientTypes.Confidential, DisplayName = clientId,
                    Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
                };
                foreach (var s in permittedScopes) descriptor.Permissions.Add(Permissions.Prefixes.Scope + s);
                await applications.CreateAsync(descriptor);
            }
        }
        using var client = CreateClient();
        var response = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = scope,
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    public HttpClient ClientWithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>New demo listings, published, on existing records (each SaveChanges goes through the feed's interceptor).</summary>
    public async Task<List<Guid>> PublishListingsAsync(int count)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TechMarketDbContext>();
        var record = db.CatalogueRecords.Select(r => r.Id).First();
        var org = db.Organizations.Select(o => o.Id).First();
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var listing = new Listing(Guid.NewGuid(), record, org, TradeModes.Assignment, new Money(100_000), Industry.NewEnergyVehicles, 5, isDemo: true, createdAt: DateTimeOffset.UtcNow);
            listing.PublishDemo(DateTimeOffset.UtcNow);
            db.Listings.Add(listing);
            ids.Add(listing.Id);
        }
        await db.SaveChangesAsync();
        return ids;
    }

    /// <summary>Applies a domain transition to a listing and saves it, as the workflow's use cases do.</summary>
    public async Task ChangeAsync(Guid listingId, Func<Listing, ListingOutcome> transition)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TechMarketDbContext>();
        var listing = db.Listings.Single(l => l.Id == listingId);
        Assert.True(transition(listing).Succeeded);
        await db.SaveChangesAsync();
    }
}

public sealed class PartnerFeedSqliteSite : PartnerFeedSite
{
    public override string Provider => "Sqlite";
    public override string? ConnectionString => null;
}

public sealed class PartnerFeedPostgresSite : PartnerFeedSite
{
    private readonly string? connectionString = ScratchPostgres.NewDatabase();

    public override string Provider => "Postgres";
    public override string? ConnectionString => connectionString;
}

[CollectionDefinition(Name)]
public sealed class PartnerFeedSqliteCollection : ICollectionFixture<PartnerFeedSqliteSite>
{
    public const string Name = "partner feed sqlite site";
}

[CollectionDefinition(Name)]
public sealed class PartnerFeedPostgresCollection : ICollectionFixture<PartnerFeedPostgresSite>
{
    public const string Name = "partner feed postgres site";
}

/// <summary>A partner's webhook endpoint: a real Kestrel listener on 127.0.0.1 that records what arrives and answers the queued status codes (then 200).</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;

    public sealed record Received(string Body, string? Signature, string? EventId, string? EventType);

    public ConcurrentQueue<int> Answers { get; } = new();
    public ConcurrentQueue<Received> Requests { get; } = new();
    public int AlwaysAnswer { get; set; } = 200;
    public string Url { get; }

    private WebhookReceiver(WebApplication app)
    {
        this.app = app;
        Url = app.Urls.First(u => u.StartsWith("http://127.0.0.1", StringComparison.Ordinal)) + "/hook";
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.MapPost("/hook", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            receiver!.Requests.Enqueue(new Received(body, context.Request.Headers["TechMarket-Signature"], context.Request.Headers["TechMarket-Event-Id"], context.Request.Headers["TechMarket-Event-Type"]));
            context.Response.StatusCode = receiver.Answers.TryDequeue(out var status) ? status : receiver.AlwaysAnswer;
        });
        await app.StartAsync();
        receiver = new WebhookReceiver(app);
        return receiver;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

internal static class FeedJson
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> RegisterAsync(HttpClient client, string url) =>
        client.PostAsJsonAsync(new Uri("/api/v1/webhooks", UriKind.Relative), new { url, description = "测试接收端" });

    public static HttpStatusCode Status(HttpResponseMessage r) => r.StatusCode;
}
