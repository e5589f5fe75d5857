namespace TechMarket.Infrastructure.Audit;

/// <summary>One row of the append-only audit log: who, when (server UTC), what, which entity, before and after.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? UserId { get; set; }
    public Guid? OrganizationId { get; set; }
    /// <summary>What happened, e.g. organization.approved, or Added / Modified / Deleted when no name was given.</summary>
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    /// <summary>JSON of the changed properties before the change (null for an addition).</summary>
    public string? Before { get; set; }
    /// <summary>JSON of the changed properties after the change (null for a deletion).</summary>
    public string? After { get; set; }
    public string? Reason { get; set; }
}

/// <summary>Who is acting in the current unit of work; set by the web layer from the signed-in person.</summary>
public interface ICurrentActor
{
    Guid? UserId { get; }
    Guid? OrganizationId { get; }
}

public sealed class SystemActor : ICurrentActor
{
    public Guid? UserId => null;
    public Guid? OrganizationId => null;
}
