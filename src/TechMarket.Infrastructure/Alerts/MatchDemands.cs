using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Demands;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Search;
using TechMarket.Search;

namespace TechMarket.Infrastructure.Alerts;

/// <summary>
/// Matches newly published listings to open demands (issue 8): same industry, and the catalogue search for the
/// demand's title finds the listing. Runs after the outbox has indexed the listings, so the index is the one users
/// search. Deterministic and idempotent: a demand × listing pair is recorded once (unique index), re-running adds nothing.
/// </summary>
public sealed class MatchDemands(TechMarketDbContext db, ICatalogSearch search, TimeProvider clock)
{
    public async Task<int> RunAsync(IReadOnlyCollection<Guid> publishedListingIds, CancellationToken cancellationToken)
    {
        if (publishedListingIds.Count == 0) return 0;
        var listings = await db.Listings.AsNoTracking().Where(l => publishedListingIds.Contains(l.Id))
            .Select(l => new { l.Id, l.Industry, l.OrganizationId }).ToListAsync(cancellationToken);
        var industries = listings.Select(l => l.Industry).Distinct().ToList();
        var demands = await db.Demands.AsNoTracking()
            .Where(d => d.Status == DemandStatus.Open && industries.Contains(d.Industry))
            .Select(d => new { d.Id, d.Title, d.Industry, d.OwnerOrganizationId }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var demand in demands)
        {
            // A listing of the demand owner's own organisation is no match for it.
            var candidates = listings.Where(l => l.Industry == demand.Industry && l.OrganizationId != demand.OwnerOrganizationId).Select(l => l.Id).ToList();
            if (candidates.Count == 0) continue;
            var query = new SearchQuery
            {
                Text = demand.Title,
                Industry = CatalogDocuments.IndustryCode(demand.Industry),
                Size = SearchQuery.MaxSize,
                IncludeFacets = false,
            };
            var hits = (await search.SearchAsync(query, cancellationToken)).Hits.Select(h => h.ListingId).ToHashSet();
            var matched = candidates.Where(hits.Contains).ToList();
            if (matched.Count == 0) continue;
            var known = await db.DemandMatches.Where(m => m.DemandId == demand.Id && matched.Contains(m.ListingId)).Select(m => m.ListingId).ToListAsync(cancellationToken);
            foreach (var listingId in matched.Except(known))
            {
                db.DemandMatches.Add(new DemandMatch(demand.Id, listingId, now));
                added++;
            }
        }
        if (added > 0) await db.SaveChangesAsync(cancellationToken);
        return added;
    }
}
