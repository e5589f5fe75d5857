using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Mail;

namespace TechMarket.Web.Catalogue;

/// <summary>
/// 需求匹配日报 (issue 8): each member of an organisation with new demand matches gets one mail a day listing them,
/// with the same unsubscribe link as the saved-search digest (the subscription is a <see cref="SavedSearch"/> of kind
/// <see cref="SavedSearchKind.DemandMatches"/>, created with the first mail). A match is mailed once; an organisation
/// already mailed today (China time) waits for tomorrow's run, so a second run on the same day sends nothing.
/// </summary>
public sealed class SendDemandMatchDigests(TechMarketDbContext db, IMailSender mail, TimeProvider clock, IConfiguration configuration)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = ChinaTime.Today(now);
        var baseUrl = (configuration["TechMarket:PublicBaseUrl"] ?? "http://localhost:5000").TrimEnd('/');
        var pending = await db.DemandMatches.Where(m => m.NotifiedAt == null)
            .Join(db.Demands, m => m.DemandId, d => d.Id, (m, d) => new { Match = m, d.OwnerOrganizationId, DemandTitle = d.Title })
            .Join(db.Listings, x => x.Match.ListingId, l => l.Id, (x, l) => new { x.Match, x.OwnerOrganizationId, x.DemandTitle, ListingTitle = l.Record!.Title })
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var org in pending.GroupBy(p => p.OwnerOrganizationId))
        {
            var members = await db.Users.AsNoTracking().Where(u => u.OrganizationId == org.Key && u.Email != null).Select(u => new { u.Id, Email = u.Email! }).ToListAsync(cancellationToken);
            var memberIds = members.Select(m => m.Id).ToList();
            var subscriptions = await db.SavedSearches.Where(s => s.Kind == SavedSearchKind.DemandMatches && memberIds.Contains(s.UserId)).ToListAsync(cancellationToken);
            if (subscriptions.Any(s => ChinaTime.Today(s.LastNotifiedAt) == today)) continue;
            var items = org.OrderBy(p => p.DemandTitle, StringComparer.Ordinal).ThenBy(p => p.Match.MatchedAt)
                .Select(p => ($"{p.DemandTitle} ← {p.ListingTitle}", $"{baseUrl}/listings/{p.Match.ListingId}")).ToList();
            foreach (var member in members)
            {
                var subscription = subscriptions.FirstOrDefault(s => s.UserId == member.Id);
                if (subscription is { IsActive: false }) continue;
                if (subscription is null)
                {
                    subscription = SavedSearch.ForDemandMatches(member.Id, member.Email, UnsubscribeTokens.Hash(UnsubscribeTokens.NewToken()), now);
                    db.SavedSearches.Add(subscription);
                }
                var body = DigestMail.Compose(subscription, baseUrl,
                    $"贵机构的技术需求有 {items.Count} 项匹配的成果 / {items.Count} listings match your organisation's demands:",
                    $"贵机构的技术需求有 {items.Count} 项匹配的成果 / {items.Count} listings match your organisation's demands.", items);
                await mail.SendAsync(new MailMessage(member.Email, "匹配的成果 / Matched listings for your demands", body.Html, body.Text), cancellationToken);
                subscription.Notified(now);
                sent++;
            }
            foreach (var p in org) p.Match.Notified(now);
            await db.SaveChangesAsync(cancellationToken);
        }
        return sent;
    }
}
