using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Demands;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Mail;

namespace TechMarket.Web.Catalogue;

/// <summary>
/// 新的匹配需求 (issue 8): each member of a university or institute with newly matched open demands gets, in the daily
/// digest run, one mail with the section "新的匹配需求" listing each demand once — its title, the organisation's listings
/// that matched and a link to the demand (public summary only; the details stay behind the demand's NDA). The
/// subscription and its one-click unsubscribe link are a <see cref="SavedSearch"/> of kind
/// <see cref="SavedSearchKind.MatchedDemands"/>, created with the first mail, as for the demand owners' digest. A demand
/// is mailed once (<see cref="DemandOrganisationMatch.NotifiedAt"/>); an organisation with a match already mailed today
/// (China time) waits for tomorrow's run. Members turn the mail off and on at <c>/seller/demand-matches</c> too.
/// </summary>
public sealed class SendMatchedDemandDigests(TechMarketDbContext db, IMailSender mail, TimeProvider clock, IConfiguration configuration)
{
    public const string Subject = "新的匹配需求 / New demands matching your listings";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var startOfToday = new DateTimeOffset(ChinaTime.Today(now).ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();
        var baseUrl = (configuration["TechMarket:PublicBaseUrl"] ?? "http://localhost:5000").TrimEnd('/');
        var today = ChinaTime.Today(now);
        var pending = await db.DemandOrganisationMatches.Where(m => m.NotifiedAt == null)
            .Join(db.Demands.Where(d => d.Status == DemandStatus.Open && d.Deadline >= today), m => m.DemandId, d => d.Id, (m, d) => new { Match = m, d.Title })
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var org in pending.GroupBy(p => p.Match.OrganizationId))
        {
            if (await db.DemandOrganisationMatches.AnyAsync(m => m.OrganizationId == org.Key && m.NotifiedAt >= startOfToday, cancellationToken)) continue;
            var members = await db.Users.AsNoTracking().Where(u => u.OrganizationId == org.Key && u.Email != null).Select(u => new { u.Id, Email = u.Email! }).ToListAsync(cancellationToken);
            var memberIds = members.Select(m => m.Id).ToList();
            var subscriptions = await db.SavedSearches.Where(s => s.Kind == SavedSearchKind.MatchedDemands && memberIds.Contains(s.UserId)).ToListAsync(cancellationToken);
            var listingIds = org.SelectMany(p => p.Match.ListingIds).Distinct().ToList();
            var listingTitles = await db.Listings.AsNoTracking().Where(l => listingIds.Contains(l.Id) && l.OrganizationId == org.Key)
                .Select(l => new { l.Id, l.Record!.Title }).ToDictionaryAsync(l => l.Id, l => l.Title, cancellationToken);
            var items = org.OrderByDescending(p => p.Match.MatchedAt).ThenBy(p => p.Title, StringComparer.Ordinal)
                .Select(p => (Line(p.Title, p.Match.ListingIds.Where(listingTitles.ContainsKey).Select(id => listingTitles[id])), $"{baseUrl}/demands/{p.Match.DemandId}"))
                .ToList();
            foreach (var member in members)
            {
                var subscription = subscriptions.FirstOrDefault(s => s.UserId == member.Id);
                if (subscription is { IsActive: false }) continue;
                if (subscription is null)
                {
                    subscription = SavedSearch.ForMatchedDemands(member.Id, member.Email, UnsubscribeTokens.Hash(UnsubscribeTokens.NewToken()), now);
                    db.SavedSearches.Add(subscription);
                }
                var body = DigestMail.Compose(subscription, baseUrl,
                    $"新的匹配需求 / New matching demands — {items.Count} 项技术需求与贵单位的成果匹配 / {items.Count} demands match your organisation's listings:",
                    $"新的匹配需求 / New matching demands — {items.Count} 项技术需求与贵单位的成果匹配 / {items.Count} demands match your organisation's listings.", items);
                await mail.SendAsync(new MailMessage(member.Email, Subject, body.Html, body.Text), cancellationToken);
                subscription.Notified(now);
                sent++;
            }
            foreach (var p in org) p.Match.Notified(now);
            await db.SaveChangesAsync(cancellationToken);
        }
        return sent;
    }

    private static string Line(string demandTitle, IEnumerable<string> listingTitles)
    {
        var matched = string.Join("、", listingTitles);
        return matched.Length == 0 ? demandTitle : $"{demandTitle}（匹配成果 / matched: {matched}）";
    }
}
