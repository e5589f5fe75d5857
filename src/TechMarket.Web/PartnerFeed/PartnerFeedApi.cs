using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.PartnerFeed;

namespace TechMarket.Web.PartnerFeed;

internal static class PartnerFeedApi
{
    public static void MapPartnerFeedApi(this IEndpointRouteBuilder app)
    {
        var feed = app.MapGroup("/api/v1/feed").WithTags("Partner feed").RequireAuthorization(PartnerFeedSetup.PartnerPolicy);
        feed.MapGet("/listings", ReadFeedAsync)
            .WithName("ReadListingFeed")
            .WithSummary("Incremental feed of published listings, with tombstones for listings that left the market.")
            .WithDescription(
                "For partner platforms (链接全国高新区科技服务集成平台) with a client-credentials token carrying scope catalogue.read. " +
                "Call without `since` to page through every listing ever published; then pass the returned `nextCursor` as `since` " +
                "to receive only what changed. Items come in a stable commit order; each is the listing's state now: " +
                "`deleted: false` with the listing, or a tombstone (`deleted: true`, `status` withdrawn, expired, sold, under_offer, in_auction " +
                "or deleted) meaning: remove your copy. A listing may appear again later (e.g. back on the market after an offer fell through). " +
                "Delivery is at least once: applying items in order always ends in the platform's state. Keep calling while `hasMore` is true; " +
                "when it is false you are up to date — poll again later with the same cursor. Cursors never expire.")
            .Produces<FeedResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        var hooks = app.MapGroup("/api/v1").WithTags("Partner feed").RequireAuthorization(PartnerFeedSetup.PartnerPolicy);
        hooks.MapPost("/webhooks", RegisterAsync)
            .WithName("RegisterWebhook")
            .WithSummary("Register a webhook URL ({ \"url\": \"https://…\", \"description\": \"…\" }) for notifications of new, changed and removed listings.")
            .WithDescription(
                "Returns the signing secret (whsec_…) once; store it. Each notification is a POST of JSON " +
                "`{ id, type, created, data }` (type listing.published, listing.updated or listing.removed; data is the feed item) with headers " +
                "`TechMarket-Signature: t={unix seconds},v1={hex HMAC-SHA256(secret, t + \".\" + body)}`, `TechMarket-Event-Id` and `TechMarket-Event-Type`. " +
                "Answer 2xx within 10 s. Failed attempts are retried with exponential backoff and jitter (30 s doubling, up to 6 h) up to 8 attempts; " +
                "then the subscription is marked failing until reactivated. Delivery is at least once: dedupe on the event id. " +
                "Only https URLs to public addresses are accepted. Notifications cover changes after registration; use the feed for earlier ones.")
            .Produces<WebhookCreatedResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        hooks.MapGet("/webhooks", ListAsync).WithName("ListWebhooks").WithSummary("Your webhooks (the calling client's only).")
            .Produces<IReadOnlyList<WebhookResponse>>();
        hooks.MapGet("/webhooks/{id:guid}", GetAsync).WithName("GetWebhook").WithSummary("One of your webhooks.")
            .Produces<WebhookResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        hooks.MapDelete("/webhooks/{id:guid}", DisableAsync).WithName("DisableWebhook")
            .WithSummary("Switch a webhook off (its delivery log stays readable).")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        hooks.MapPost("/webhooks/{id:guid}/reactivate", ReactivateAsync).WithName("ReactivateWebhook")
            .WithSummary("Switch a failing or disabled webhook back on; deliveries that had failed are tried once more, now (failing again marks it failing again).")
            .Produces<WebhookResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        hooks.MapGet("/webhooks/{id:guid}/deliveries", DeliveriesAsync).WithName("WebhookDeliveryLog")
            .WithSummary("Delivery log of one of your webhooks, newest first: one row per attempt with status code, duration and error.")
            .Produces<DeliveryLogResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal static async Task<IResult> ReadFeedAsync(string? since, string? limit, ReadListingFeed feed, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!FeedCursor.TryDecode(since, out var after)) errors["since"] = ["游标无效，请使用上次响应中的 nextCursor / The cursor is not valid; pass the nextCursor of a previous response."];
        var size = ReadListingFeed.DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1))
        {
            errors["limit"] = [$"limit 须为 1 到 {ReadListingFeed.MaxLimit} 的整数 / limit must be a whole number from 1 to {ReadListingFeed.MaxLimit}."];
        }
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "请求参数无效 / Invalid feed parameters");
        var (status, page) = await feed.RunAsync(after, Math.Min(size, ReadListingFeed.MaxLimit), cancellationToken);
        if (status == FeedReadStatus.CursorAhead)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["since"] = ["游标超出本平台的变更记录 / The cursor is ahead of this platform's change log."] },
                title: "请求参数无效 / Invalid feed parameters");
        }
        return TypedResults.Ok(new FeedResponse(page!.Items, FeedCursor.Encode(page.LastSequence), page.HasMore));
    }

    /// <summary>
    /// The body is read here rather than bound, so that authorization answers first whatever the content type (a bound
    /// JSON parameter makes routing turn other content types away before authorization) and bad JSON gets a 400 naming the field.
    /// </summary>
    internal static async Task<IResult> RegisterAsync(HttpRequest request, ClaimsPrincipal user, RegisterWebhook register, CancellationToken cancellationToken)
    {
        WebhookRequest? body = null;
        try
        {
            if (request.HasJsonContentType()) body = await request.ReadFromJsonAsync<WebhookRequest>(cancellationToken);
        }
        catch (System.Text.Json.JsonException)
        {
            body = null;
        }
        if (body is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["请求体须为 JSON：{\"url\": \"https://…\", \"description\": \"…\"} / The body must be JSON: {\"url\": \"https://…\", \"description\": \"…\"}."] },
                title: "无法登记接收地址 / The webhook cannot be registered");
        }
        var (registered, problems) = await register.RunAsync(PartnerFeedSetup.PartnerClientId(user)!, body.Url, body.Description, cancellationToken);
        if (problems is not null) return TypedResults.ValidationProblem(problems.ToDictionary(p => p.Key, p => new[] { p.Value }), title: "无法登记接收地址 / The webhook cannot be registered");
        var s = registered!.Subscription;
        return TypedResults.Created($"/api/v1/webhooks/{s.Id}", new WebhookCreatedResponse(s.Id, s.Url, s.Description, Code(s.Status), s.CreatedAt, registered.Secret));
    }

    internal static async Task<IResult> ListAsync(ClaimsPrincipal user, TechMarketDbContext db, CancellationToken cancellationToken)
    {
        var client = PartnerFeedSetup.PartnerClientId(user);
        var rows = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.ClientId == client).OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(Response).ToList());
    }

    internal static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, TechMarketDbContext db, CancellationToken cancellationToken)
    {
        var client = PartnerFeedSetup.PartnerClientId(user);
        var s = await db.WebhookSubscriptions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.ClientId == client, cancellationToken);
        return s is null ? NotFound() : (IResult)TypedResults.Ok(Response(s));
    }

    internal static async Task<IResult> DisableAsync(Guid id, ClaimsPrincipal user, ChangeWebhookStatus change, CancellationToken cancellationToken) =>
        await change.RunAsync(id, PartnerFeedSetup.PartnerClientId(user), active: false, cancellationToken) is null ? NotFound() : (IResult)TypedResults.NoContent();

    internal static async Task<IResult> ReactivateAsync(Guid id, ClaimsPrincipal user, ChangeWebhookStatus change, CancellationToken cancellationToken) =>
        await change.RunAsync(id, PartnerFeedSetup.PartnerClientId(user), active: true, cancellationToken) is { } s ? TypedResults.Ok(Response(s)) : (IResult)NotFound();

    internal static async Task<IResult> DeliveriesAsync(Guid id, string? page, string? size, ClaimsPrincipal user, TechMarketDbContext db, WebhookDeliveryLog log, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var p = ParsePositive(page, 1, "page", int.MaxValue, errors);
        var n = ParsePositive(size, 50, "size", 200, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "请求参数无效 / Invalid parameters");
        var client = PartnerFeedSetup.PartnerClientId(user);
        // Another client's subscription is as unknown as a missing one.
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == id && s.ClientId == client, cancellationToken)) return NotFound();
        var (rows, total) = await log.PageAsync(id, p, n, cancellationToken);
        return TypedResults.Ok(new DeliveryLogResponse(total, p, n, rows));
    }

    private static int ParsePositive(string? text, int fallback, string field, int max, Dictionary<string, string[]> errors)
    {
        if (text is null) return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= max) return value;
        errors[field] = [$"{field} 须为 1 到 {max} 的整数 / {field} must be a whole number from 1 to {max}."];
        return fallback;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "没有这个接收地址 / No such webhook");

    internal static string Code(WebhookStatus status) => status switch
    {
        WebhookStatus.Active => "active",
        WebhookStatus.Failing => "failing",
        WebhookStatus.Disabled => "disabled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static WebhookResponse Response(WebhookSubscription s) => new(s.Id, s.Url, s.Description, Code(s.Status), s.CreatedAt, s.FailingSince, s.FailureReason);
}

/// <summary>One page of the feed. Pass <see cref="NextCursor"/> as <c>since</c> next time.</summary>
public sealed record FeedResponse(IReadOnlyList<FeedItem> Items, string NextCursor, bool HasMore);

public sealed record WebhookRequest(string? Url, string? Description);

public sealed record WebhookResponse(Guid Id, string Url, string? Description, string Status, DateTimeOffset CreatedAt, DateTimeOffset? FailingSince, string? FailureReason);

/// <summary>As <see cref="WebhookResponse"/>, plus the signing secret, which is never shown again.</summary>
public sealed record WebhookCreatedResponse(Guid Id, string Url, string? Description, string Status, DateTimeOffset CreatedAt, string Secret);

public sealed record DeliveryLogResponse(int Total, int Page, int Size, IReadOnlyList<WebhookAttemptRow> Items);
