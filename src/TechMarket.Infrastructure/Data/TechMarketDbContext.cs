using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Organizations;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Audit;
using TechMarket.Infrastructure.Identity;

namespace TechMarket.Infrastructure.Data;

/// <summary>
/// The platform's database: Identity, OpenIddict stores, data-protection keys, the audit log and the domain.
/// The model is shared; each provider has its own subclass so that SQLite and PostgreSQL keep their own
/// migration sets (Data/Migrations/Sqlite, Data/Migrations/Postgres).
/// </summary>
public abstract partial class TechMarketDbContext(DbContextOptions options, ICurrentActor actor, TimeProvider clock)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<CatalogueRecord> CatalogueRecords => Set<CatalogueRecord>();
    public DbSet<Listing> Listings => Set<Listing>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Names the next save's audit entries (e.g. organization.approved) and gives the reason.</summary>
    public void AuditAs(string action, string? reason = null)
    {
        pendingAction = action;
        pendingReason = reason;
    }

    private string? pendingAction;
    private string? pendingReason;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.UseOpenIddict<Guid>();
        builder.ApplyConfigurationsFromAssembly(typeof(TechMarketDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        AppendAuditEntries();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AppendAuditEntries();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Every change to an <see cref="IAudited"/> entity is logged in the same SaveChanges, hence the same transaction.</summary>
    private void AppendAuditEntries()
    {
        var entries = ChangeTracker.Entries().Where(e => e.Entity is IAudited && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        var now = clock.GetUtcNow();
        foreach (var entry in entries)
        {
            var changed = entry.Properties.Where(p => entry.State != EntityState.Modified || p.IsModified).ToList();
            if (changed.Count == 0) continue;
            AuditLog.Add(new AuditEntry
            {
                At = now,
                UserId = actor.UserId,
                OrganizationId = actor.OrganizationId,
                Action = pendingAction ?? entry.State.ToString(),
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString())),
                Before = entry.State == EntityState.Added ? null : Json(changed, p => p.OriginalValue),
                After = entry.State == EntityState.Deleted ? null : Json(changed, p => p.CurrentValue),
                Reason = pendingReason,
            });
        }
        pendingAction = null;
        pendingReason = null;
    }

    private static readonly JsonSerializerOptions AuditJson = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static string Json(IEnumerable<PropertyEntry> properties, Func<PropertyEntry, object?> value) =>
        JsonSerializer.Serialize(properties.ToDictionary(p => p.Metadata.Name, value), AuditJson);
}

public sealed class SqliteTechMarketDbContext(DbContextOptions<SqliteTechMarketDbContext> options, ICurrentActor actor, TimeProvider clock)
    : TechMarketDbContext(options, actor, clock)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // SQLite has no date type and cannot order or compare DateTimeOffset text; store UTC ticks instead.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }
}

public sealed class PostgresTechMarketDbContext(DbContextOptions<PostgresTechMarketDbContext> options, ICurrentActor actor, TimeProvider clock)
    : TechMarketDbContext(options, actor, clock);
