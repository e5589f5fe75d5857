namespace TechMarket.Domain.Shared;

/// <summary>
/// Marks an entity whose every state change goes to the append-only audit log, written in the same
/// transaction as the change (ARCHITECTURE.md "Audit").
/// </summary>
#pragma warning disable CA1040 // A marker interface is the point: persistence finds audited entities by it.
public interface IAudited;
#pragma warning restore CA1040
