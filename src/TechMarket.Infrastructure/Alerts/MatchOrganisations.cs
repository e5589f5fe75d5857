using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Demands;
using TechMarket.Domain.Organizations;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.Alerts;

/// <summary>
/// 需求匹配单位 (issue 8: "demands are matched to new listings and organisations for alerts"): when a demand opens for
/// proposals, the listing index is searched with the demand's public text (<see cref="DemandMatchQuery"/>), the hits above
/// the relative threshold are grouped by seller organisation, and each verified university or institute among them — not
/// the demand's owner — gets one <see cref="DemandOrganisationMatch"/> naming its matched listings, best organisations
/// first, at most <see cref="DemandAlertOptions.MaxOrganisations"/>. Driven by the <c>demands.demand_opened</c> outbox row
/// written with the demand, so it runs off the request path, after a restart, and again on failure; the unique key
/// (demand × organisation) makes a second run, or a second node, store nothing more.
/// </summary>
public sealed class MatchOrganisations(TechMarketDbContext db, MatchingListings matching, IOptions<DemandAlertOptions> options, TimeProvider clock)
{
    public async Task<int> RunAsync(Guid demandId, CancellationToken cancellationToken)
    {
        var demand = await db.Demands.AsNoTracking().Where(d => d.Id == demandId && d.Status == DemandStatus.Open)
            .Select(d => new { d.Id, d.Title, d.PublicSummary, d.Industry, d.OwnerOrganizationId }).FirstOrDefaultAsync(cancellationToken);
        if (demand is null) return 0;
        var hits = await matching.FindAsync(demand.Title, demand.PublicSummary, demand.Industry, cancellationToken);
        if (hits.Count == 0) return 0;
        var scores = hits.GroupBy(h => h.ListingId).ToDictionary(g => g.Key, g => g.Max(h => h.Score));
        var ids = scores.Keys.ToList();
        var sellers = await db.Listings.AsNoTracking()
            .Where(l => ids.Contains(l.Id) && l.Status == ListingStatus.Published && l.OrganizationId != demand.OwnerOrganizationId)
            .Join(db.Organizations.Where(o => o.Type == OrganizationType.University && o.Verification == VerificationStatus.Verified),
                l => l.OrganizationId, o => o.Id, (l, o) => new { ListingId = l.Id, OrganizationId = o.Id })
            .ToListAsync(cancellationToken);
        var settings = options.Value;
        var organisations = sellers.GroupBy(s => s.OrganizationId)
            .Select(g => new
            {
                OrganizationId = g.Key,
                Listings = g.Select(s => s.ListingId).OrderByDescending(id => scores[id]).ThenBy(id => id).Take(settings.MaxListingsPerOrganisation).ToList(),
                Best = g.Max(s => scores[s.ListingId]),
            })
            .OrderByDescending(o => o.Best).ThenBy(o => o.OrganizationId)
            .Take(settings.MaxOrganisations).ToList();
        if (organisations.Count == 0) return 0;
        var candidates = organisations.Select(o => o.OrganizationId).ToList();
        var known = await db.DemandOrganisationMatches.Where(m => m.DemandId == demand.Id && candidates.Contains(m.OrganizationId))
            .Select(m => m.OrganizationId).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var added = organisations.Where(o => !known.Contains(o.OrganizationId))
            .Select(o => new DemandOrganisationMatch(demand.Id, o.OrganizationId, o.Listings, o.Best, now)).ToList();
        if (added.Count == 0) return 0;
        db.DemandOrganisationMatches.AddRange(added);
        await AlertRows.SaveOrDetachAsync(db, added, cancellationToken);
        return added.Count;
    }
}
