using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Financing;

/// <summary>Someone acting on a case: a person for an organisation. Roles come from the case, not from the caller.</summary>
public sealed record PledgeActor(Guid OrganizationId, Guid PersonId, bool IsCenter = false);

/// <summary>One audited transition: who, when (server UTC), from, to, trigger.</summary>
public sealed record PledgeAuditEntry(Guid OrganizationId, Guid PersonId, PledgeRole ActingAs, DateTimeOffset At,
    PledgeState From, PledgeState To, PledgeTrigger Trigger, string? Note);

public enum ValuationMethod
{
    /// <summary>成本法</summary>
    Cost = 1,
    /// <summary>市场法</summary>
    Market = 2,
    /// <summary>收益法</summary>
    Income = 3,
}

/// <summary>资产评估报告 summary.</summary>
public sealed record Valuation(string FirmName, ValuationMethod Method, Money Value, DateOnly ValuedOn, string ReportNumber);

/// <summary>The lender's approval: amount, annual rate in basis points, term, and its conditions.</summary>
public sealed record LenderDecision(Money LoanAmount, int AnnualRateBasisPoints, int TermMonths, IReadOnlyList<string> Conditions);

/// <summary>
/// The pledge contract as signed (Measures on contract contents): secured debt, debt term, scope, patents.
/// <paramref name="TransfersPatentOnDefault"/> marks a 流质 clause, void under Civil Code Art. 428 and refused by CNIPA.
/// </summary>
public sealed record PledgeContract(Money SecuredDebt, DateOnly DebtStartsOn, DateOnly DebtMaturesOn, string SecuredScope,
    IReadOnlyList<string> PatentNumbers, bool TransfersPatentOnDefault)
{
    public bool Equals(PledgeContract? other) =>
        other is not null && SecuredDebt == other.SecuredDebt && DebtStartsOn == other.DebtStartsOn &&
        DebtMaturesOn == other.DebtMaturesOn && SecuredScope == other.SecuredScope &&
        PatentNumbers.SequenceEqual(other.PatentNumbers) && TransfersPatentOnDefault == other.TransfersPatentOnDefault;

    public override int GetHashCode() => HashCode.Combine(SecuredDebt, DebtStartsOn, DebtMaturesOn, SecuredScope, TransfersPatentOnDefault);
}

/// <summary>A party's signature of the contract in the platform.</summary>
public sealed record ContractSignature(PledgeRole Side, Guid OrganizationId, Guid PersonId, DateTimeOffset At);

/// <summary>
/// What goes to CNIPA (Measures Art. 7): the application form signed by both, identity documents,
/// a power of attorney if an agent files, and the valuation report if the patents were valued.
/// </summary>
public sealed record FilingPackage(bool FormSignedByPledgor, bool FormSignedByLender, bool IdentityDocuments,
    string? AgentName, bool PowerOfAttorney, bool ValuationReportAttached, bool ContinueDespiteInvalidation = false);

/// <summary>CNIPA's 专利权质押登记通知书.</summary>
public sealed record PledgeRegistration(string NoticeNumber, DateOnly RegisteredOn);

public sealed record RepaymentInstalment(DateOnly DueOn, Money Principal, Money Interest);

public sealed record Disbursement(Money Amount, DateOnly DisbursedOn, IReadOnlyList<RepaymentInstalment> Schedule);

public sealed record Repayment(DateOnly PaidOn, Money Principal, Money Interest);

/// <summary>The five grounds for cancelling a pledge registration (Pledge Measures Art. 18).</summary>
public enum ReleaseGround
{
    /// <summary>(一) the debt was performed on time or repaid early.</summary>
    DebtPerformed = 1,
    /// <summary>(二) the pledge has been realised.</summary>
    PledgeRealised = 2,
    /// <summary>(三) the lender waived the pledge.</summary>
    LenderWaived = 3,
    /// <summary>(四) the main contract is void or revoked, so the pledge contract is too.</summary>
    ContractVoid = 4,
    /// <summary>(五) another statutory ground ends the pledge.</summary>
    OtherStatutory = 5,
}

public sealed record PledgeRelease(ReleaseGround Ground, DateOnly ReleasedOn, string? Evidence);

/// <summary>
/// How realisation proceeds were applied. Civil Code Art. 438: a surplus goes back to the pledgor; a shortfall stays owed by the debtor.
/// </summary>
public sealed record Realisation(string Method, Money Proceeds, Money AppliedToDebt, Money SurplusToPledgor, Money Shortfall, DateOnly On);

/// <summary>
/// One realisation sale's net proceeds (price less the seller's commission, a cost of realisation) and where they went:
/// interest due, then principal (Civil Code Art. 561), the rest back to the pledgor (Art. 438).
/// </summary>
public sealed record RealisationProceeds(Guid LotId, string PatentNumber, Money NetProceeds, Money ToInterest, Money ToPrincipal, Money Surplus, DateOnly On)
{
    public Money ToLender => ToInterest + ToPrincipal;
}

public enum PledgeRefusalCode
{
    /// <summary>The trigger is not allowed in the current state.</summary>
    NotAllowedNow = 1,
    /// <summary>The actor does not play a role allowed to fire the trigger.</summary>
    WrongRole = 2,
    InvalidInput = 3,
    /// <summary>One or more CNIPA pre-filing checks fail.</summary>
    FilingChecksFailed = 4,
    FilingPackageIncomplete = 5,
    AlreadySigned = 6,
    ContractMismatch = 7,
}

public sealed record PledgeRefusal(PledgeRefusalCode Code, string MessageZh, string MessageEn, IReadOnlyList<FilingCheckFailure> FailedChecks)
{
    public PledgeRefusal(PledgeRefusalCode code, string messageZh, string messageEn) : this(code, messageZh, messageEn, []) { }
}

/// <summary>The result of asking a case to do something: done (with the state it is now in) or refused with a reason.</summary>
public sealed record PledgeOutcome
{
    private PledgeOutcome(PledgeState state, PledgeRefusal? refusal) { State = state; Refusal = refusal; }

    public PledgeState State { get; }
    public PledgeRefusal? Refusal { get; }
    public bool IsDone => Refusal is null;

    public static PledgeOutcome Done(PledgeState state) => new(state, null);
    public static PledgeOutcome Refused(PledgeState state, PledgeRefusal refusal) => new(state, refusal);
}
