using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Web.Pages;

[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class IndexModel(TechMarketDbContext db, TechMarket.Web.Articles.ArticleCatalog articles, TimeProvider clock) : PageModel
{
    public IReadOnlyList<TechMarket.Web.Articles.Article> LatestArticles { get; private set; } = [];
    public IReadOnlyList<TechMarket.Domain.Events.PromotionEvent> UpcomingEvents { get; private set; } = [];
    public IReadOnlyList<(AssetKind Kind, int Count)> Counts { get; private set; } = [];
    public int OrganizationCount { get; private set; }
    public IReadOnlyList<ListingCard> Latest { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var published = db.Listings.AsNoTracking().Where(l => l.Status == ListingStatus.Published);
        Counts = [.. (await published.GroupBy(l => l.Record!.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .OrderBy(c => c.Key).Select(c => (c.Key, c.Count))];
        OrganizationCount = await db.Organizations.CountAsync(cancellationToken);
        LatestArticles = [.. (await articles.AllAsync(cancellationToken)).Take(3)];
        var now = clock.GetUtcNow();
        UpcomingEvents = await db.PromotionEvents.AsNoTracking().Where(e => !e.IsCancelled && e.EndsAt > now).OrderBy(e => e.StartsAt).Take(3).ToListAsync(cancellationToken);
        Latest = await ListingCard.Query(db, published.OrderByDescending(l => l.PublishedAt).Take(8)).ToListAsync(cancellationToken);
    }
}

/// <summary>What a list of listings shows for each one.</summary>
public sealed record ListingCard(Guid Id, string RecordId, string Title, AssetKind Kind, TradeModes TradeModes, long? PriceFen, string Organization, bool IsDemo, DateTimeOffset? PublishedAt)
{
    public static IQueryable<ListingCard> Query(TechMarketDbContext db, IQueryable<Listing> listings)
    {
        ArgumentNullException.ThrowIfNull(db);
        return listings.Select(l => new ListingCard(l.Id, l.Record!.RecordId, l.Record.Title, l.Record.Kind, l.TradeModes, l.PriceFen,
            db.Organizations.Where(o => o.Id == l.OrganizationId).Select(o => o.Name).First(), l.IsDemo, l.PublishedAt));
    }
}
