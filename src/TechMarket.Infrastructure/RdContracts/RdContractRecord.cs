using TechMarket.Domain.RdContracts;
using TechMarket.Domain.Shared;

namespace TechMarket.Infrastructure.RdContracts;

/// <summary>
/// The stored form of a <see cref="DevelopmentContract"/>: the drafted terms plus the ordered actions taken on it.
/// The domain object is rebuilt by replaying the actions (<see cref="RdContractStore"/>), so every rule stays in the
/// domain; Status, SignedAt and CompletedAt are projections kept for lists and reminders.
/// </summary>
public sealed class RdContractRecord : IAudited
{
    public Guid Id { get; set; }
    public Guid DemandId { get; set; }
    public Guid ProposalId { get; set; }
    public Guid ClientOrganizationId { get; set; }
    public Guid DeveloperOrganizationId { get; set; }
    public DevelopmentContractType Type { get; set; }
    public string ProjectName { get; set; } = "";
    public string ContentScopeAndRequirements { get; set; } = "";
    public string PlanPlaceAndManner { get; set; } = "";
    public string Confidentiality { get; set; } = "";
    public string AcceptanceStandardAndMethod { get; set; } = "";
    public PaymentForm PaymentForm { get; set; }
    public long FixedAmountFen { get; set; }
    public RoyaltyBase? RoyaltyBase { get; set; }
    public int? RoyaltyBasisPoints { get; set; }
    public DevelopmentContractStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SignedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public List<RdContractMilestonePlan> Plans { get; set; } = [];

    public ContractContents Contents => new(ProjectName, ContentScopeAndRequirements, PlanPlaceAndManner, Confidentiality, AcceptanceStandardAndMethod);
    public PaymentTerms Payment => new(PaymentForm, new Money(FixedAmountFen), RoyaltyBase, RoyaltyBasisPoints);
}

public sealed class RdContractMilestonePlan
{
    public Guid ContractId { get; set; }
    public int Number { get; set; }
    public string Deliverable { get; set; } = "";
    public DateOnly DueOn { get; set; }
    public long AmountFen { get; set; }
}

public static class RdActionKinds
{
    public const string SetTerms = "SetTerms";
    public const string Sign = "Sign";
    public const string Fund = "Fund";
    public const string Submit = "Submit";
    public const string Accept = "Accept";
    public const string Reject = "Reject";
    public const string Dispute = "Dispute";
    public const string Decide = "Decide";
}

/// <summary>One action on a contract, in order (unique per contract and sequence number: concurrent actions cannot both land).</summary>
public sealed class RdContractAction : IAudited
{
    public Guid Id { get; set; }
    public Guid ContractId { get; set; }
    public int Seq { get; set; }
    public string Kind { get; set; } = "";
    public Guid ActorOrganizationId { get; set; }
    public Guid ActorUserId { get; set; }
    public bool ActorIsCenter { get; set; }
    public DateTimeOffset At { get; set; }
    public int? Milestone { get; set; }
    /// <summary>Typed name, notes, reasons.</summary>
    public string? Text { get; set; }
    public long? AmountFen { get; set; }
    public CenterDecisionKind? DecisionKind { get; set; }
    /// <summary>Deliverable file ids, comma separated.</summary>
    public string? Files { get; set; }
    public FilingRightHolder? FilingRight { get; set; }
    public bool? ClientMayUseFree { get; set; }
    public bool? ClientHasFirstRefusal { get; set; }
    public bool? AnyPartnerMayVetoFiling { get; set; }
    public KnowHowTerms? KnowHow { get; set; }
    public string? KnowHowAgreement { get; set; }
    /// <summary>Agreed risk clause (Art. 858); null keeps the statutory default.</summary>
    public string? RiskAgreed { get; set; }
}

/// <summary>A deliverable file, stored under {DataPath}/files/deliverables (outside wwwroot).</summary>
public sealed class RdDeliverableFile : IAudited
{
    public Guid Id { get; set; }
    public Guid ContractId { get; set; }
    public int Milestone { get; set; }
    public string StoredName { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Length { get; set; }
    public Guid UploadedBy { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>A reminder already sent, so each goes out once.</summary>
public sealed class RdReminderSent
{
    public Guid ContractId { get; set; }
    public int Milestone { get; set; }
    /// <summary>"due-soon" or "overdue".</summary>
    public string Kind { get; set; } = "";
    public DateTimeOffset SentAt { get; set; }
}
