using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Demands;
using TechMarket.Infrastructure.Outbox;

namespace TechMarket.Infrastructure.Data;

/// <summary>Demand alerts (issue 8): listings matched to open demands, and organisations matched to newly opened demands.</summary>
public abstract partial class TechMarketDbContext
{
    public DbSet<DemandMatch> DemandMatches => Set<DemandMatch>();
    public DbSet<DemandOrganisationMatch> DemandOrganisationMatches => Set<DemandOrganisationMatch>();

    /// <summary>Queues the matching of a newly opened demand to organisations, in the same SaveChanges as the demand.</summary>
    public void DemandOpened(Guid demandId, DateTimeOffset now) =>
        ListingOutbox.Add(new OutboxMessage(Guid.NewGuid(), OutboxTypes.DemandOpened, JsonSerializer.Serialize(new DemandOpenedPayload(demandId)), now));
}

public sealed record DemandOpenedPayload(Guid DemandId);
