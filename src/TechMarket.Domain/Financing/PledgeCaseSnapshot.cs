namespace TechMarket.Domain.Financing;

/// <summary>Everything a case holds, for storage. <see cref="PledgeCase.Restore"/> gives back the same case.</summary>
public sealed record PledgeCaseSnapshot(
    Guid Id, Guid ApplicantId, IReadOnlyList<Guid> Pledgors, IReadOnlyList<string> PatentNumbers, DateTimeOffset CreatedAt,
    PledgeState State, Guid? EvaluatorId, Guid? LenderId, Valuation? Valuation, LenderDecision? Decision, string? RejectionReason,
    PledgeContract? Contract, IReadOnlyList<ContractSignature> Signatures, FilingPackage? Filing, PledgeRegistration? Registration,
    Disbursement? Disbursement, IReadOnlyList<Repayment> Repayments, string? DefaultReason, Realisation? Realisation,
    PledgeRelease? Release, IReadOnlyList<PledgeAuditEntry> Audit, IReadOnlyList<RealisationProceeds>? RealisationLots = null);

public sealed partial class PledgeCase
{
    private PledgeCase(PledgeCaseSnapshot s)
    {
        Id = s.Id;
        ApplicantId = s.ApplicantId;
        CreatedAt = s.CreatedAt;
        pledgors.AddRange(s.Pledgors);
        patentNumbers.AddRange(s.PatentNumbers);
        State = s.State;
        EvaluatorId = s.EvaluatorId;
        LenderId = s.LenderId;
        Valuation = s.Valuation;
        Decision = s.Decision;
        RejectionReason = s.RejectionReason;
        Contract = s.Contract;
        signatures.AddRange(s.Signatures);
        Filing = s.Filing;
        Registration = s.Registration;
        Disbursement = s.Disbursement;
        repayments.AddRange(s.Repayments);
        DefaultReason = s.DefaultReason;
        Realisation = s.Realisation;
        Release = s.Release;
        audit.AddRange(s.Audit);
        realisationLots.AddRange(s.RealisationLots ?? []);
    }

    /// <summary>Brings a stored case back exactly as it was saved (no transition is fired or audited).</summary>
    public static PledgeCase Restore(PledgeCaseSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Pledgors.Count == 0 || snapshot.PatentNumbers.Count == 0) throw new ArgumentException("A stored case has pledgors and patents.", nameof(snapshot));
        return new PledgeCase(snapshot);
    }

    public PledgeCaseSnapshot ToSnapshot() => new(Id, ApplicantId, [.. pledgors], [.. patentNumbers], CreatedAt, State, EvaluatorId, LenderId,
        Valuation, Decision, RejectionReason, Contract, [.. signatures], Filing, Registration, Disbursement, [.. repayments], DefaultReason,
        Realisation, Release, [.. audit], [.. realisationLots]);
}
