using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Financing;
using TechMarket.Domain.Rights;
using TechMarket.Domain.Shared;

namespace TechMarket.Infrastructure.Financing;

/// <summary>
/// A row of the patent register (专利登记簿) as the platform knows it: the shared <c>patent_rights</c> table the
/// catalogue will use too. <see cref="PatentRegister"/> turns it, with pledges and consents, into a <see cref="PatentRight"/>.
/// </summary>
public sealed class PatentRightRow : IAudited
{
    public string Number { get; set; } = "";
    public string Title { get; set; } = "";
    public AssetKind Kind { get; set; }
    public DateOnly FiledOn { get; set; }
    public DateOnly? GrantedOn { get; set; }
    public DateOnly ExpiresOn { get; set; }
    public PatentLegalStatus Status { get; set; }
    /// <summary>Fee arrears, pending invalidation, dispute suspension, court preservation.</summary>
    public PatentProceedings Proceedings { get; set; }
    public DateOnly? NextAnnualFeeDueOn { get; set; }
    public Industry Industry { get; set; }
    /// <summary>The catalogue record it was drawn from, if any (e.g. CN113914863A).</summary>
    public string? SourceRecordId { get; set; }
    public bool IsDemo { get; set; }
    public List<PatenteeRow> Patentees { get; set; } = [];
}

/// <summary>专利权人 of a register entry; a co-owned patent has several.</summary>
public sealed class PatenteeRow
{
    public long Id { get; set; }
    public string PatentNumber { get; set; } = "";
    public Guid OrganizationId { get; set; }
    public string Name { get; set; } = "";
}

/// <summary>A pledge CNIPA registered on a patent (written when a case records its registration notice).</summary>
public sealed class PatentPledgeRow : IAudited
{
    public Guid Id { get; set; }
    public string PatentNumber { get; set; } = "";
    public Guid PledgeCaseId { get; set; }
    public Guid LenderId { get; set; }
    public string LenderName { get; set; } = "";
    public string NoticeNumber { get; set; } = "";
    public DateOnly RegisteredOn { get; set; }
    public DateOnly? ReleasedOn { get; set; }
}

/// <summary>The lender's consent to a dealing with a pledged patent (Civil Code Art. 444): scope and date.</summary>
public sealed class LenderConsentRow : IAudited
{
    public Guid Id { get; set; }
    public string PatentNumber { get; set; } = "";
    public Guid PledgeCaseId { get; set; }
    public Guid LenderId { get; set; }
    public PatentDealing Scope { get; set; }
    public DateOnly GivenOn { get; set; }
    public DateOnly? ValidUntil { get; set; }
    public ProceedsApplication Proceeds { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>
/// A stored pledge case: the columns the workspaces filter and count on, and the whole domain case as JSON
/// (<see cref="Snapshot"/>), restored with <see cref="PledgeCase.Restore"/>.
/// </summary>
public sealed class PledgeCaseRow : IAudited
{
    public Guid Id { get; set; }
    public Guid ApplicantId { get; set; }
    /// <summary>A pledgor other than the applicant (third-party pledge), if any.</summary>
    public Guid? ThirdPartyPledgorId { get; set; }
    public Guid? EvaluatorId { get; set; }
    public Guid? LenderId { get; set; }
    public PledgeState State { get; set; }
    public long RequestedAmountFen { get; set; }
    public int RequestedTermMonths { get; set; }
    public long? ApprovedAmountFen { get; set; }
    public Industry Industry { get; set; }
    public string? Purpose { get; set; }
    public string? ValuationReportFile { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Changes on every save: two people acting at once cannot both move the case.</summary>
    public Guid ConcurrencyStamp { get; set; }
    public string Snapshot { get; set; } = "";
    public List<PledgeCasePatentRow> Patents { get; set; } = [];

    public Money RequestedAmount => new(RequestedAmountFen);
}

public sealed class PledgeCasePatentRow
{
    public Guid PledgeCaseId { get; set; }
    public string PatentNumber { get; set; } = "";
}

/// <summary>
/// The lender's request to realise the pledge by auction with itself as consignor (委托人). The center answers it with
/// one realisation auction per pledged patent (<see cref="RealisationLotRow"/>).
/// </summary>
public sealed class RealisationRequestRow : IAudited
{
    public Guid Id { get; set; }
    public Guid PledgeCaseId { get; set; }
    public Guid ConsignorId { get; set; }
    public string PatentNumbers { get; set; } = "";
    public long OutstandingPrincipalFen { get; set; }
    public string Method { get; set; } = "";
    public string? Note { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
}

/// <summary>
/// One pledged patent put up at a realisation auction: the listing made for it (the pledgor is the seller of record),
/// the auction (the lender is consignor), its settlement, and how the net proceeds were applied (Civil Code Arts 436, 438).
/// </summary>
public sealed class RealisationLotRow : IAudited
{
    public Guid Id { get; set; }
    public Guid PledgeCaseId { get; set; }
    public string PatentNumber { get; set; } = "";
    /// <summary>The patentee (出质人) whose patent is sold.</summary>
    public Guid PledgorId { get; set; }
    public Guid LenderId { get; set; }
    public Guid ListingId { get; set; }
    public Guid AuctionId { get; set; }
    public Guid? SettlementId { get; set; }
    public long? NetProceedsFen { get; set; }
    public long? ToLenderFen { get; set; }
    public long? SurplusFen { get; set; }
    /// <summary>The bank reference of the transfer to the lender.</summary>
    public string? LenderTransferReference { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? AppliedAt { get; set; }
}
