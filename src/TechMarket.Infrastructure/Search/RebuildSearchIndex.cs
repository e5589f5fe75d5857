using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Demands;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.RdContracts;
using TechMarket.Search;

namespace TechMarket.Infrastructure.Search;

/// <summary>
/// Makes the search index hold exactly the published listings. Runs at start when the index is missing,
/// was built by an older mapping (<see cref="IndexVersion"/>) or disagrees with the database on the count;
/// the CLI's reindex command forces it.
/// </summary>
public sealed class RebuildSearchIndex(TechMarketDbContext db, ICatalogIndexer indexer, ILogger<RebuildSearchIndex> logger)
{
    /// <summary>Bump when the document mapping or analysis changes: a different version triggers a rebuild.</summary>
    public const string IndexVersion = "catalogue-v3";
    private const int BatchSize = 1000;

    public async Task<bool> IsCurrentAsync(CancellationToken cancellationToken)
    {
        var published = await PublishedListings().CountAsync(cancellationToken);
        published += await OpenDemands().CountAsync(cancellationToken);
        return indexer.BuiltFingerprint == IndexVersion && indexer.DocumentCount == published;
    }

    public async Task<int> RunAsync(IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        var total = await PublishedListings().CountAsync(cancellationToken);
        await indexer.ResetAsync(IndexVersion, cancellationToken);
        var done = 0;
        Guid? after = null;
        while (true)
        {
            // Keyset pagination on the id keeps memory flat however large the catalogue is.
            var query = PublishedListings();
            if (after is { } last) query = query.Where(l => l.Id.CompareTo(last) > 0);
            var batch = await query.OrderBy(l => l.Id).Take(BatchSize)
                .Select(l => new { Listing = l, l.Record, OrgName = db.Organizations.Where(o => o.Id == l.OrganizationId).Select(o => o.Name).First() })
                .ToListAsync(cancellationToken);
            if (batch.Count == 0) break;
            await indexer.IndexAsync([.. batch.Select(b => CatalogDocuments.From(b.Listing, b.Record!, b.OrgName))], cancellationToken);
            done += batch.Count;
            after = batch[^1].Listing.Id;
            progress?.Report((done, total));
        }
        // Directed R&D (issue 8): open demands are catalogue documents of type "demand" (public summary only).
        var demands = await OpenDemands()
            .Select(d => new { Demand = d, OrgName = db.Organizations.Where(o => o.Id == d.OwnerOrganizationId).Select(o => o.Name).First() })
            .ToListAsync(cancellationToken);
        if (demands.Count > 0) await indexer.IndexAsync([.. demands.Select(d => DemandDocuments.From(d.Demand, d.OrgName))], cancellationToken);
        done += demands.Count;
        await indexer.CommitAsync(cancellationToken);
        logger.LogInformation("Search index rebuilt with {Count} listings", done);
        return done;
    }

    private IQueryable<Demand> OpenDemands() => db.Demands.AsNoTracking().Where(d => d.Status == DemandStatus.Open);

    private IQueryable<Listing> PublishedListings() => db.Listings.AsNoTracking().Where(l => l.Status == ListingStatus.Published);
}

public static class CatalogDocuments
{
    public static CatalogDocument From(Listing listing, CatalogueRecord record, string organization)
    {
        ArgumentNullException.ThrowIfNull(listing);
        ArgumentNullException.ThrowIfNull(record);
        return new CatalogDocument
        {
            ListingId = listing.Id,
            RecordId = record.RecordId,
            Type = record.Kind.Code(),
            Title = record.Title,
            Abstract = record.Abstract,
            Claims = record.Claims,
            Language = record.Language,
            TradeModes = listing.TradeModes.ToCodes(),
            PriceFen = listing.PriceFen,
            Organization = organization,
            PublishedAt = listing.PublishedAt ?? listing.CreatedAt,
            Industry = IndustryCode(listing.Industry),
            IpcCodes = record.IpcCodes.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            LegalStatus = LegalStatus(record.Kind),
            Trl = listing.Trl,
        };
    }

    /// <summary>Stable codes of the 3+X industries for URLs, the API and the search facet.</summary>
    public static string? IndustryCode(Industry industry) => industry switch
    {
        Industry.Unspecified => null,
        Industry.NewEnergyVehicles => "new_energy_vehicles",
        Industry.Biomedicine => "biomedicine",
        Industry.NextGenIt => "next_gen_it",
        Industry.FutureIndustries => "future_industries",
    };

    /// <summary>The record kind implies the legal status until the catalogue tracks it per record (granted, pending; none for results and demands).</summary>
    private static string? LegalStatus(AssetKind kind) => kind switch
    {
        AssetKind.InventionPatent or AssetKind.UtilityModel or AssetKind.Design => "granted",
        AssetKind.PatentApplication => "pending",
        AssetKind.ResearchResult or AssetKind.Demand => null,
    };
}
