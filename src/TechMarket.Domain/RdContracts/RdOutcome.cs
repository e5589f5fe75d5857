namespace TechMarket.Domain.RdContracts;

/// <summary>Someone acting on a development contract: a person for an organisation.</summary>
public sealed record RdActor(Guid OrganizationId, Guid PersonId, bool IsCenter = false);

[Flags]
public enum RdRole
{
    None = 0,
    /// <summary>委托方 / the company that posted the demand.</summary>
    Client = 1,
    /// <summary>研究开发方 / the university or institute.</summary>
    Developer = 2,
    Center = 4,
}

public enum RdRefusalCode
{
    NotAllowedNow = 1,
    WrongRole = 2,
    InvalidInput = 3,
    WrongAmount = 4,
    /// <summary>Someone else changed the contract or its money at the same moment; nothing was done.</summary>
    Conflict = 5,
}

public sealed record RdRefusal(RdRefusalCode Code, string MessageZh, string MessageEn);

public sealed record RdOutcome(RdRefusal? Refusal)
{
    public static RdOutcome Done { get; } = new((RdRefusal?)null);
    public bool IsDone => Refusal is null;
    public static RdOutcome Refused(RdRefusalCode code, string zh, string en) => new(new RdRefusal(code, zh, en));
}

/// <summary>One audited change of a contract or milestone.</summary>
public sealed record RdAuditEntry(Guid OrganizationId, Guid PersonId, RdRole ActingAs, DateTimeOffset At, int? Milestone, string From, string To, string Action, string? Note);
