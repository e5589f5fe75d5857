using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Demands;
using TechMarket.Domain.Organizations;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Outbox;
using TechMarket.Search;

namespace TechMarket.Infrastructure.RdContracts;

public static class DemandDocuments
{
    /// <summary>What the catalogue index holds for an open demand: the public summary only, never the confidential part.</summary>
    public static CatalogDocument From(Demand demand, string organization)
    {
        ArgumentNullException.ThrowIfNull(demand);
        return new CatalogDocument
        {
            ListingId = demand.Id,
            RecordId = "DEMAND-" + demand.Id.ToString("N")[..8].ToUpperInvariant(),
            Type = AssetKind.Demand.Code(),
            Title = demand.Title,
            Abstract = demand.PublicSummary,
            Language = "zh",
            PriceFen = demand.BudgetMaxFen,
            Organization = organization,
            PublishedAt = demand.CreatedAt,
        };
    }
}

/// <summary>
/// A verified company posts a demand; it is indexed in the catalogue as type demand, and an outbox row written with it
/// has the outbox dispatcher match it to organisations whose listings fit (demand alerts, off the request path).
/// </summary>
public sealed class PostDemand(TechMarketDbContext db, ICatalogIndexer indexer, OutboxSignal outbox, TimeProvider clock)
{
    public async Task<(Demand? Demand, IReadOnlyList<(string Field, BilingualText Error)> Errors)> RunAsync(Guid organizationId, DemandDraft draft, CancellationToken cancellationToken)
    {
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId, cancellationToken);
        if (org is not { Type: OrganizationType.Company, Verification: VerificationStatus.Verified })
            return (null, [("", new BilingualText("只有已认证的企业可以发布技术需求", "Only verified companies post demands"))]);
        var now = clock.GetUtcNow();
        var (demand, errors) = Demand.Post(Guid.NewGuid(), organizationId, draft, RdClock.Today(now), now);
        if (demand is null) return (null, errors);
        db.Demands.Add(demand);
        db.DemandOpened(demand.Id, now);
        db.AuditAs("demand.posted");
        await db.SaveChangesAsync(cancellationToken);
        outbox.Notify();
        await indexer.IndexAsync([DemandDocuments.From(demand, org.Name)], cancellationToken);
        await indexer.CommitAsync(cancellationToken);
        return (demand, errors);
    }
}

/// <summary>The owner withdraws a demand; it leaves the catalogue index.</summary>
public sealed class CloseDemand(TechMarketDbContext db, ICatalogIndexer indexer, TimeProvider clock)
{
    public async Task<bool> RunAsync(Guid demandId, Guid organizationId, CancellationToken cancellationToken)
    {
        var demand = await db.Demands.FirstOrDefaultAsync(d => d.Id == demandId && d.OwnerOrganizationId == organizationId, cancellationToken);
        if (demand is null || !demand.Close(clock.GetUtcNow())) return false;
        db.AuditAs("demand.closed");
        await db.SaveChangesAsync(cancellationToken);
        await indexer.DeleteAsync([demand.Id], cancellationToken);
        await indexer.CommitAsync(cancellationToken);
        return true;
    }
}

/// <summary>保密承诺: the viewer accepts the non-disclosure undertaking; recorded with who and when (idempotent).</summary>
public sealed class AcceptNda(TechMarketDbContext db, TimeProvider clock)
{
    public async Task<BilingualText?> RunAsync(Guid demandId, Guid userId, Guid? organizationId, string typedName, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(typedName)) return new BilingualText("请输入您的姓名以确认保密承诺", "Type your name to accept the undertaking");
        if (!await db.Demands.AnyAsync(d => d.Id == demandId, cancellationToken)) return new BilingualText("需求不存在", "No such demand");
        if (await db.NdaAcceptances.AnyAsync(n => n.DemandId == demandId && n.UserId == userId, cancellationToken)) return null;
        db.NdaAcceptances.Add(new NdaAcceptance(demandId, userId, organizationId, typedName, clock.GetUtcNow()));
        db.AuditAs("demand.nda-accepted");
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}

/// <summary>Dates the users see are Beijing dates (UTC+8).</summary>
public static class RdClock
{
    public static readonly TimeSpan Offset = ChinaTime.Offset;

    public static DateOnly Today(DateTimeOffset now) => ChinaTime.Today(now);

    public static string Show(DateTimeOffset at) => at.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " (UTC+8)";

    public static string Show(DateTimeOffset? at) => at is { } a ? Show(a) : "—";
}
