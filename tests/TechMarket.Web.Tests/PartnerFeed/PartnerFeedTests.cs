using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TechMarket.Domain.Catalogue;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.PartnerFeed;
using TechMarket.Web.Tests.Infrastructure;

namespace TechMarket.Web.Tests.PartnerFeed;

/// <summary>
/// The partner feed (issue 10) over HTTP with real tokens: scope enforcement, stable cursor paging, tombstones,
/// concurrent writers while a reader pages, and webhooks to a real listener (signature, retry, give-up, delivery log).
/// </summary>
public abstract class PartnerFeedTests(PartnerFeedSite site)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Uri Feed(string? cursor = null, int? limit = null) => new("/api/v1/feed/listings?" +
        (cursor is null ? "" : "since=" + Uri.EscapeDataString(cursor) + "&") + (limit is null ? "" : "limit=" + limit), UriKind.Relative);

    /// <summary>Reads pages from the cursor until hasMore is false; returns the items in order and the last cursor.</summary>
    private static async Task<(List<JsonElement> Items, string Cursor, int Pages)> DrainAsync(HttpClient client, string? cursor, int limit = 100)
    {
        var items = new List<JsonElement>();
        var pages = 0;
        while (true)
        {
            var page = await FeedJson.ReadAsync(await client.GetAsync(Feed(cursor, limit), Ct));
            pages++;
            items.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString()!;
            if (!page.GetProperty("hasMore").GetBoolean()) return (items, cursor, pages);
        }
    }

    [Fact]
    public async Task Feed_needs_a_partner_token_with_catalogue_read()
    {
        site.SkipUnlessAvailable();
        using var anonymous = site.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Feed(), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/v1/webhooks", UriKind.Relative), Ct)).StatusCode);

        using var garbage = site.ClientWithToken("not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await garbage.GetAsync(Feed(), Ct)).StatusCode);

        // A real token of a real client, but for bidding only: authenticated, not allowed.
        using var bidder = site.ClientWithToken(await site.TokenAsync("feed-test-bidder", "bidder-secret-1234", "auctions.bid", "auctions.bid"));
        Assert.Equal(HttpStatusCode.Forbidden, (await bidder.GetAsync(Feed(), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await FeedJson.RegisterAsync(bidder, "http://127.0.0.1:9/hook")).StatusCode);

        // A person signed in on the site is not a partner system.
        var person = await Accounts.SignedInAsync(site, Accounts.Company);
        Assert.Equal(HttpStatusCode.Unauthorized, (await person.GetAsync(Feed(), Ct)).StatusCode);

        using var partner = site.ClientWithToken(await site.TokenAsync());
        var page = await FeedJson.ReadAsync(await partner.GetAsync(Feed(limit: 5), Ct));
        Assert.Equal(5, page.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task OpenApi_documents_the_feed_and_the_webhooks()
    {
        site.SkipUnlessAvailable();
        using var anonymous = site.CreateClient();
        using var document = JsonDocument.Parse(await anonymous.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct));
        var paths = document.RootElement.GetProperty("paths");
        var feed = paths.GetProperty("/api/v1/feed/listings").GetProperty("get");
        Assert.Contains("tombstone", feed.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains(feed.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "since");
        Assert.Contains("TechMarket-Signature", paths.GetProperty("/api/v1/webhooks").GetProperty("post").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(paths.TryGetProperty("/api/v1/webhooks/{id}/deliveries", out _));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.TryGetProperty("FeedResponse", out _));
        Assert.True(schemas.TryGetProperty("FeedItem", out _));
        Assert.True(schemas.TryGetProperty("WebhookCreatedResponse", out _));
    }

    [Fact]
    public async Task First_call_pages_through_every_published_listing_in_a_stable_order()
    {
        site.SkipUnlessAvailable();
        using var partner = site.ClientWithToken(await site.TokenAsync());
        var (first, _, pages) = await DrainAsync(partner, null, limit: 37);
        Assert.True(pages > 1, "the seeded catalogue spans several pages");
        var (second, _, _) = await DrainAsync(partner, null, limit: 37);
        // Same order, same items, when nothing changed in between (sequences strictly increasing, no repeats).
        var sequences = first.Select(i => i.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(sequences.Count, sequences.Distinct().Count());

        // What the feed says is live equals what the database has published.
        var live = Latest(first).Where(kv => !kv.Value.GetProperty("deleted").GetBoolean()).Select(kv => kv.Key).ToHashSet();
        var published = site.WithDb(db => db.Listings.Where(l => l.Status == ListingStatus.Published).Select(l => l.Id).ToList()).ToHashSet();
        Assert.Equal(published.Order(), live.Order());
        Assert.Equal(Latest(first).Keys.Order(), Latest(second).Keys.Order());

        var item = first.First(i => !i.GetProperty("deleted").GetBoolean());
        Assert.Equal("published", item.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(item.GetProperty("listing").GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Bad_cursor_or_limit_is_a_400_naming_the_field_and_limit_is_capped()
    {
        site.SkipUnlessAvailable();
        using var partner = site.ClientWithToken(await site.TokenAsync());
        foreach (var (query, field) in new[]
        {
            ("since=not-a-cursor", "since"), ("since=" + FeedCursor.Encode(long.MaxValue / 2), "since"), ("since=%F0%9F%98%80", "since"),
            ("limit=0", "limit"), ("limit=-3", "limit"), ("limit=ten", "limit"),
        })
        {
            var response = await partner.GetAsync(new Uri("/api/v1/feed/listings?" + query, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"{query}: {problem.RootElement}");
        }
        var capped = await FeedJson.ReadAsync(await partner.GetAsync(Feed(limit: 100_000), Ct));
        var total = site.WithDb(db => db.ListingFeedLog.Count());
        Assert.Equal(Math.Min(total, ReadListingFeed.MaxLimit), capped.GetProperty("items").GetArrayLength() + DuplicatesWithin(capped));
    }

    [Fact]
    public async Task Listings_leaving_the_market_come_as_tombstones_and_return_as_items()
    {
        site.SkipUnlessAvailable();
        using var partner = site.ClientWithToken(await site.TokenAsync());
        var (_, cursor, _) = await DrainAsync(partner, null, 500);
        var ids = await site.PublishListingsAsync(5);
        var now = DateTimeOffset.UtcNow;
        await site.ChangeAsync(ids[0], l => l.Withdraw(now));
        await site.ChangeAsync(ids[1], l => l.Expire(now));
        await site.ChangeAsync(ids[2], l => l.PutUnderOffer());
        await site.ChangeAsync(ids[3], l => l.MarkSold(now));

        var (items, next, _) = await DrainAsync(partner, cursor);
        var latest = Latest(items);
        Assert.Equal(5, latest.Count);
        foreach (var (id, status) in new[] { (ids[0], "withdrawn"), (ids[1], "expired"), (ids[2], "under_offer"), (ids[3], "sold") })
        {
            Assert.True(latest[id].GetProperty("deleted").GetBoolean());
            Assert.Equal(status, latest[id].GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, latest[id].GetProperty("listing").ValueKind);
        }
        Assert.False(latest[ids[4]].GetProperty("deleted").GetBoolean());
        Assert.Equal(ids[4], latest[ids[4]].GetProperty("listing").GetProperty("id").GetGuid());

        // Nothing changed: an empty page and the same cursor.
        var idle = await FeedJson.ReadAsync(await partner.GetAsync(Feed(next), Ct));
        Assert.Equal(0, idle.GetProperty("items").GetArrayLength());
        Assert.Equal(next, idle.GetProperty("nextCursor").GetString());

        // Back on the market after the offer fell through: a live item again; a draft never appears.
        await site.ChangeAsync(ids[2], l => l.ReturnToMarket());
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TechMarketDbContext>();
            db.Listings.Add(new Listing(Guid.NewGuid(), db.CatalogueRecords.Select(r => r.Id).First(), db.Organizations.Select(o => o.Id).First(),
                TradeModes.Assignment, null, Industry.Biomedicine, null, isDemo: false, createdAt: now));
            await db.SaveChangesAsync(Ct);
        }
        var (back, _, _) = await DrainAsync(partner, next);
        var only = Assert.Single(back);
        Assert.Equal(ids[2], only.GetProperty("id").GetGuid());
        Assert.False(only.GetProperty("deleted").GetBoolean());
    }

    [Fact]
    public async Task Concurrent_writers_while_a_reader_pages_nothing_is_skipped_and_the_final_state_is_the_database()
    {
        site.SkipUnlessAvailable();
        using var partner = site.ClientWithToken(await site.TokenAsync());
        var (_, cursor, _) = await DrainAsync(partner, null, 500);
        var ids = await site.PublishListingsAsync(12);
        var seenSequence = new Dictionary<Guid, long>();
        var state = new Dictionary<Guid, bool>(); // listing → live in the partner's copy
        var writersDone = false;

        // Four writers toggle their listings on and off the market; each holds its transaction open a random while
        // after writing, so transactions commit in another order than they wrote their change-log rows.
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            for (var round = 0; round < 12; round++)
            {
                var id = ids[w * 3 + round % 3];
                await using var scope = site.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TechMarketDbContext>();
                // SQLite has one writer: its SaveChanges is the whole transaction (holding it open would only block the others).
                await using var tx = site.Provider == "Postgres" ? await db.Database.BeginTransactionAsync(Ct) : null;
                var listing = await db.Listings.SingleAsync(l => l.Id == id, Ct);
                Assert.True((listing.Status == ListingStatus.Published ? listing.PutUnderOffer() : listing.ReturnToMarket()).Succeeded);
                await db.SaveChangesAsync(Ct);
                await Task.Delay(random.Next(0, 25), Ct);
                if (tx is not null) await tx.CommitAsync(Ct);
            }
        }, Ct)).ToList();
        var reader = Task.Run(async () =>
        {
            while (true)
            {
                var last = Volatile.Read(ref writersDone);
                var page = await FeedJson.ReadAsync(await partner.GetAsync(Feed(cursor, 5), Ct));
                foreach (var item in page.GetProperty("items").EnumerateArray())
                {
                    var id = item.GetProperty("id").GetGuid();
                    var sequence = item.GetProperty("sequence").GetInt64();
                    Assert.True(!seenSequence.TryGetValue(id, out var before) || before < sequence, "items of one listing arrive in sequence order");
                    seenSequence[id] = sequence;
                    state[id] = !item.GetProperty("deleted").GetBoolean();
                }
                cursor = page.GetProperty("nextCursor").GetString()!;
                if (last && !page.GetProperty("hasMore").GetBoolean()) return;
                if (!page.GetProperty("hasMore").GetBoolean()) await Task.Delay(10, Ct);
            }
        }, Ct);
        await Task.WhenAll(writers);
        Volatile.Write(ref writersDone, true);
        await reader;

        // Every change-log row of these listings was delivered, or superseded by a later state of the same listing.
        var log = site.WithDb(db => db.ListingFeedLog.Where(e => ids.Contains(e.ListingId)).Select(e => new { e.ListingId, e.Sequence }).ToList());
        Assert.Equal(ids.Count + 4 * 12, log.Count);
        Assert.All(log, row => Assert.True(seenSequence.TryGetValue(row.ListingId, out var seen) && seen >= row.Sequence,
            $"change {row.Sequence} of {row.ListingId} was skipped"));
        var database = site.WithDb(db => db.Listings.Where(l => ids.Contains(l.Id)).ToDictionary(l => l.Id, l => l.Status == ListingStatus.Published));
        Assert.Equal(database.OrderBy(kv => kv.Key), state.OrderBy(kv => kv.Key));
    }

    [Fact]
    public async Task Webhook_is_signed_retried_after_a_500_on_a_fake_clock_and_logged_for_its_owner_only()
    {
        site.SkipUnlessAvailable();
        await using var receiver = await WebhookReceiver.StartAsync();
        using var partner = site.ClientWithToken(await site.TokenAsync());
        var created = await FeedJson.ReadAsync(await FeedJson.RegisterAsync(partner, receiver.Url));
        var subscription = created.GetProperty("id").GetGuid();
        var secret = created.GetProperty("secret").GetString()!;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        // The secret is shown once: never in a later read.
        var again = await (await partner.GetAsync(new Uri($"/api/v1/webhooks/{subscription}", UriKind.Relative), Ct)).Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain(secret, again, StringComparison.Ordinal);
        try
        {
            var ids = await site.PublishListingsAsync(1);
            await EnqueueAsync();
            var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddSeconds(1));
            receiver.Answers.Enqueue(500);

            await DeliverAsync(clock);
            Assert.Single(receiver.Requests);
            var pending = Delivery(subscription, ids[0]);
            Assert.Equal(WebhookDeliveryStatus.Pending, pending.Status);
            Assert.Equal(1, pending.Attempts);
            Assert.InRange(pending.NextAttemptAt - clock.GetUtcNow(), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30)); // 30 s, half of it jitter

            await DeliverAsync(clock); // not due yet
            Assert.Single(receiver.Requests);
            clock.Advance(TimeSpan.FromSeconds(30));
            await DeliverAsync(clock);
            Assert.Equal(2, receiver.Requests.Count);
            Assert.Equal(WebhookDeliveryStatus.Delivered, Delivery(subscription, ids[0]).Status);

            var requests = receiver.Requests.ToArray();
            Assert.Equal(requests[0].Body, requests[1].Body); // the same event, byte for byte, for dedupe
            Assert.Equal(requests[0].EventId, requests[1].EventId);
            foreach (var r in requests) Assert.True(VerifyLikeAPartner(secret, r.Signature!, r.Body), r.Signature);
            Assert.False(VerifyLikeAPartner(secret, requests[1].Signature!, requests[1].Body.Replace("listing", "Listing", StringComparison.Ordinal)));
            Assert.False(VerifyLikeAPartner("whsec_wrong", requests[1].Signature!, requests[1].Body));
            Assert.True(WebhookSignature.Verify(secret, requests[1].Signature, requests[1].Body, clock.GetUtcNow(), WebhookSignature.DefaultTolerance));
            Assert.False(WebhookSignature.Verify(secret, requests[1].Signature, requests[1].Body, clock.GetUtcNow().AddMinutes(10), WebhookSignature.DefaultTolerance));
            using var body = JsonDocument.Parse(requests[0].Body);
            Assert.Equal("listing.published", body.RootElement.GetProperty("type").GetString());
            Assert.Equal(requests[0].EventId, body.RootElement.GetProperty("id").GetString());
            Assert.Equal(ids[0], body.RootElement.GetProperty("data").GetProperty("id").GetGuid());

            var log = await FeedJson.ReadAsync(await partner.GetAsync(new Uri($"/api/v1/webhooks/{subscription}/deliveries", UriKind.Relative), Ct));
            var rows = log.GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(2, rows.Count);
            Assert.Equal([200, 500], rows.Select(r => r.GetProperty("statusCode").GetInt32()));
            Assert.Equal([2, 1], rows.Select(r => r.GetProperty("attempt").GetInt32()));
            Assert.Equal("HTTP 500", rows[1].GetProperty("error").GetString());

            // Another partner sees none of it.
            using var other = site.ClientWithToken(await site.TokenAsync("other-partner", "other-partner-secret", "catalogue.read", "catalogue.read"));
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/api/v1/webhooks/{subscription}/deliveries", UriKind.Relative), Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/api/v1/webhooks/{subscription}", UriKind.Relative), Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync(new Uri($"/api/v1/webhooks/{subscription}", UriKind.Relative), Ct)).StatusCode);
            Assert.Equal(0, (await FeedJson.ReadAsync(await other.GetAsync(new Uri("/api/v1/webhooks", UriKind.Relative), Ct))).GetArrayLength());

            // The center sees the log on its page.
            var center = await Accounts.SignedInAsync(site, Accounts.Center);
            var page = await (await center.GetAsync(new Uri($"/center/partner-feed/{subscription}", UriKind.Relative), Ct)).Content.ReadAsStringAsync(Ct);
            Assert.Contains(requests[0].EventId!, page, StringComparison.Ordinal);
            Assert.Contains("HTTP 500", page, StringComparison.Ordinal);
        }
        finally
        {
            await partner.DeleteAsync(new Uri($"/api/v1/webhooks/{subscription}", UriKind.Relative), Ct);
        }
    }

    [Fact]
    public async Task Webhook_gives_up_after_the_last_attempt_marks_the_subscription_failing_and_resumes_when_reactivated()
    {
        site.SkipUnlessAvailable();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.AlwaysAnswer = 503;
        using var partner = site.ClientWithToken(await site.TokenAsync());
        var subscription = (await FeedJson.ReadAsync(await FeedJson.RegisterAsync(partner, receiver.Url))).GetProperty("id").GetGuid();
        try
        {
            var ids = await site.PublishListingsAsync(1);
            await site.ChangeAsync(ids[0], l => l.Withdraw(DateTimeOffset.UtcNow));
            await EnqueueAsync();
            var delivery = Delivery(subscription, ids[0]);
            Assert.Equal("listing.removed", delivery.EventType); // published and withdrawn before fan-out: its state now
            var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddSeconds(1));
            for (var attempt = 1; attempt <= PartnerFeedSite.MaxAttempts; attempt++)
            {
                await DeliverAsync(clock);
                clock.Advance(TimeSpan.FromHours(6));
            }
            Assert.Equal(PartnerFeedSite.MaxAttempts, receiver.Requests.Count);
            Assert.Equal(WebhookDeliveryStatus.Failed, Delivery(subscription, ids[0]).Status);
            var state = await FeedJson.ReadAsync(await partner.GetAsync(new Uri($"/api/v1/webhooks/{subscription}", UriKind.Relative), Ct));
            Assert.Equal("failing", state.GetProperty("status").GetString());
            Assert.Equal(1, site.WithDb(db => db.AuditLog.Count(a => a.Action == "webhook.failing" && a.EntityId == subscription.ToString())));

            // Failing: nothing more is sent, however long we wait.
            await site.ChangeAsync((await site.PublishListingsAsync(1))[0], l => l.PutUnderOffer());
            await EnqueueAsync();
            clock.Advance(TimeSpan.FromDays(1));
            await DeliverAsync(clock);
            Assert.Equal(PartnerFeedSite.MaxAttempts, receiver.Requests.Count);

            receiver.AlwaysAnswer = 204;
            var reactivated = await partner.PostAsync(new Uri($"/api/v1/webhooks/{subscription}/reactivate", UriKind.Relative), null, Ct);
            Assert.Equal("active", (await FeedJson.ReadAsync(reactivated)).GetProperty("status").GetString());
            await EnqueueAsync();
            await DeliverAsync(new FakeTimeProvider(DateTimeOffset.UtcNow.AddSeconds(1)));
            Assert.Equal(WebhookDeliveryStatus.Delivered, Delivery(subscription, ids[0]).Status);
            Assert.All(site.WithDb(db => db.WebhookDeliveries.Where(d => d.SubscriptionId == subscription).ToList()), d => Assert.Equal(WebhookDeliveryStatus.Delivered, d.Status));
        }
        finally
        {
            await partner.DeleteAsync(new Uri($"/api/v1/webhooks/{subscription}", UriKind.Relative), Ct);
        }
    }

    [Fact]
    public async Task Two_fan_outs_racing_enqueue_each_event_once()
    {
        site.SkipUnlessAvailable();
        using var partner = site.ClientWithToken(await site.TokenAsync());
        var subscription = (await FeedJson.ReadAsync(await FeedJson.RegisterAsync(partner, "http://127.0.0.1:9/never"))).GetProperty("id").GetGuid();
        try
        {
            var ids = await site.PublishListingsAsync(6);
            await Task.WhenAll(EnqueueAsync(), EnqueueAsync(), EnqueueAsync());
            await EnqueueAsync();
            var deliveries = site.WithDb(db => db.WebhookDeliveries.Where(d => d.SubscriptionId == subscription).Select(d => d.ListingId).ToList());
            Assert.Equal(ids.Order(), deliveries.Order());
        }
        finally
        {
            await partner.DeleteAsync(new Uri($"/api/v1/webhooks/{subscription}", UriKind.Relative), Ct);
        }
    }

    [Fact]
    public async Task Registration_refuses_bad_urls_naming_the_field()
    {
        site.SkipUnlessAvailable();
        using var partner = site.ClientWithToken(await site.TokenAsync());
        foreach (var url in new[] { "", "not a url", "ftp://example.com/x", "http://example.com/hook", "https://user:pw@example.com/hook" })
        {
            var response = await FeedJson.RegisterAsync(partner, url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("url", out _), url);
        }
        var form = await partner.PostAsync(new Uri("/api/v1/webhooks", UriKind.Relative), new FormUrlEncodedContent([new("url", "https://partner.example.cn/hook")]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        using var notJson = JsonDocument.Parse(await form.Content.ReadAsStringAsync(Ct));
        Assert.True(notJson.RootElement.GetProperty("errors").TryGetProperty("body", out _));
    }

    private static bool VerifyLikeAPartner(string secret, string header, string body)
    {
        // What the README tells partners to do, written independently of WebhookSignature.
        var parts = header.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(parts["t"] + "." + body)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parts["v1"]));
    }

    private async Task EnqueueAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EnqueueWebhookEvents>().RunAsync(Ct);
    }

    private async Task DeliverAsync(TimeProvider clock)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await new DeliverWebhooks(sp.GetRequiredService<TechMarketDbContext>(), sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<WebhookSecrets>(),
            sp.GetRequiredService<WebhookOptions>(), clock, NullLogger<DeliverWebhooks>.Instance).RunAsync(Ct);
    }

    private WebhookDelivery Delivery(Guid subscription, Guid listing) =>
        site.WithDb(db => db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == subscription && d.ListingId == listing).OrderBy(d => d.CreatedAt).First());

    private static Dictionary<Guid, JsonElement> Latest(IEnumerable<JsonElement> items)
    {
        var latest = new Dictionary<Guid, JsonElement>();
        foreach (var item in items) latest[item.GetProperty("id").GetGuid()] = item;
        return latest;
    }

    /// <summary>Log rows of one page that were folded into a later row of the same listing.</summary>
    private int DuplicatesWithin(JsonElement page)
    {
        var last = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sequence").GetInt64()).DefaultIfEmpty(0).Max();
        var rows = site.WithDb(db => db.ListingFeedLog.Where(e => e.Sequence <= last).Select(e => e.ListingId).ToList());
        return rows.Count - rows.Distinct().Count();
    }
}

[Collection(PartnerFeedSqliteCollection.Name)]
public sealed class SqlitePartnerFeedTests(PartnerFeedSqliteSite site) : PartnerFeedTests(site);

[Collection(PartnerFeedPostgresCollection.Name)]
public sealed class PostgresPartnerFeedTests(PartnerFeedPostgresSite site) : PartnerFeedTests(site);
