using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Mail;
using TechMarket.Search;
using TechMarket.Domain.Shared;

namespace TechMarket.Web.Catalogue;

public static class UnsubscribeTokens
{
    public static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();

    /// <summary>Only the hash is stored: a leaked table does not unsubscribe anyone.</summary>
    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? ""))).ToLowerInvariant();
}

/// <summary>
/// The daily digest: for each active saved search, listings published since its last digest that match it, in one
/// mail with an unsubscribe link. A search with nothing new gets no mail. Tokens are rotated on each mail so the
/// link in the mail is always valid (only its hash is stored).
/// </summary>
public sealed class SendSavedSearchDigests(TechMarketDbContext db, ICatalogSearch search, IMailSender mail, TimeProvider clock, IConfiguration configuration)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var baseUrl = (configuration["TechMarket:PublicBaseUrl"] ?? "http://localhost:5000").TrimEnd('/');
        var sent = 0;
        foreach (var saved in await db.SavedSearches.Where(s => s.Kind == SavedSearchKind.Listings && s.UnsubscribedAt == null).ToListAsync(cancellationToken))
        {
            var errors = new Dictionary<string, string[]>();
            var query = SearchParameters.Parse(saved.QueryString).ToQuery(errors) with { Page = 1, Size = SearchQuery.MaxSize, Sort = SearchSort.Newest, IncludeFacets = false };
            if (errors.Count > 0) continue;
            var hits = (await search.SearchAsync(query, cancellationToken)).Hits;
            var ids = hits.Select(h => h.ListingId).ToList();
            var since = saved.LastNotifiedAt;
            var fresh = await db.Listings.AsNoTracking()
                .Where(l => ids.Contains(l.Id) && l.Status == ListingStatus.Published && l.PublishedAt > since)
                .Select(l => l.Id).ToListAsync(cancellationToken);
            if (fresh.Count == 0) continue;
            var items = hits.Where(h => fresh.Contains(h.ListingId)).Select(h => (h.Title, $"{baseUrl}/listings/{h.ListingId}")).ToList();
            var body = DigestMail.Compose(saved, baseUrl,
                $"您保存的搜索有 {items.Count} 条新挂牌 / {items.Count} new listings match your saved search ({saved.QueryString}):",
                $"您保存的搜索有 {items.Count} 条新挂牌 / {items.Count} new listings match your saved search.", items);
            await mail.SendAsync(new MailMessage(saved.Email, "新挂牌提醒 / New listings for your saved search", body.Html, body.Text), cancellationToken);
            saved.Notified(now);
            await db.SaveChangesAsync(cancellationToken);
            sent++;
        }
        return sent;
    }
}

/// <summary>
/// The body every digest mail shares: a heading, one linked line per item, and the unsubscribe link. Rotates the
/// subscription's token, since only its hash is stored and the link must carry the token itself.
/// </summary>
public static class DigestMail
{
    public static (string Html, string Text) Compose(SavedSearch subscription, string baseUrl, string textHeading, string htmlHeading, IReadOnlyList<(string Title, string Url)> items)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(items);
        var token = UnsubscribeTokens.NewToken();
        subscription.ReplaceUnsubscribeToken(UnsubscribeTokens.Hash(token));
        var unsubscribe = $"{baseUrl}/saved-searches/unsubscribe?token={token}";
        var text = new StringBuilder(textHeading).Append("\n\n");
        var html = new StringBuilder("<p>").Append(WebUtility.HtmlEncode(htmlHeading)).Append("</p><ul>");
        foreach (var (title, url) in items)
        {
            text.Append(FormattableString.Invariant($"- {title} {url}\n"));
            html.Append(FormattableString.Invariant($"<li><a href=\"{url}\">{WebUtility.HtmlEncode(title)}</a></li>"));
        }
        text.Append(FormattableString.Invariant($"\n退订 / Unsubscribe: {unsubscribe}\n"));
        html.Append(FormattableString.Invariant($"</ul><p><a href=\"{unsubscribe}\">退订 / Unsubscribe</a></p>"));
        return (html.ToString(), text.ToString());
    }
}

/// <summary>
/// Runs the digest once a day at 08:00 China time (UTC+8), on <see cref="TimeProvider"/>; with several web nodes, the one
/// that claims the day (<see cref="TechMarket.Infrastructure.Jobs.DailyJobRun"/>) sends it.
/// </summary>
public sealed class SavedSearchDigestJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SavedSearchDigestJob> logger) : BackgroundService
{
    private static readonly TimeSpan China = ChinaTime.Offset;

    public static DateTimeOffset NextRun(DateTimeOffset now)
    {
        var local = now.ToOffset(China);
        var today8 = new DateTimeOffset(local.Year, local.Month, local.Day, 8, 0, 0, China);
        return today8 > local ? today8 : today8.AddDays(1);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            try
            {
                await Task.Delay(NextRun(now) - now, clock, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                var at = clock.GetUtcNow();
                var db = scope.ServiceProvider.GetRequiredService<TechMarket.Infrastructure.Data.TechMarketDbContext>();
                if (!await TechMarket.Infrastructure.Jobs.DailyJobRun.TryClaimAsync(db, "digest", ChinaTime.Today(at), at, stoppingToken))
                {
                    logger.LogInformation("Daily digest: another node runs today's");
                    continue;
                }
                var sent = await scope.ServiceProvider.GetRequiredService<SendSavedSearchDigests>().RunAsync(stoppingToken);
                var alerts = await scope.ServiceProvider.GetRequiredService<SendDemandMatchDigests>().RunAsync(stoppingToken);
                var matchedDemands = await scope.ServiceProvider.GetRequiredService<SendMatchedDemandDigests>().RunAsync(stoppingToken);
                logger.LogInformation("Daily digest: {Count} saved-search mails, {Alerts} demand-match mails, {Demands} matched-demand mails", sent, alerts, matchedDemands);
            }
            catch (OperationCanceledException) { return; }
#pragma warning disable CA1031 // A failed digest run is logged; tomorrow's run must still happen.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogWarning(e, "Saved-search digest failed");
            }
        }
    }
}
