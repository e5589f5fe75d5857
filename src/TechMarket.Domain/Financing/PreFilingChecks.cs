using TechMarket.Domain.Rights;

namespace TechMarket.Domain.Financing;

/// <summary>The grounds on which CNIPA refuses a pledge registration (Pledge Measures 2021, 不予登记的情形), checked before filing.</summary>
public enum FilingCheck
{
    /// <summary>The pledgor is not the patentee recorded in the register.</summary>
    PledgorIsRegisteredPatentee = 1,
    /// <summary>Patent Law Art. 14; Measures Art. 4: a co-owned patent needs every co-owner.</summary>
    AllCoOwnersJoined = 2,
    /// <summary>The patent is granted and neither terminated nor invalidated.</summary>
    GrantedAndInForce = 3,
    /// <summary>No annual fee in arrears.</summary>
    AnnualFeesPaid = 4,
    /// <summary>No pending invalidation (unless both parties, informed, declare they continue).</summary>
    NoInvalidationPending = 5,
    /// <summary>No ownership-dispute suspension and no court preservation.</summary>
    NoDisputeOrPreservation = 6,
    /// <summary>The debt term ends no later than the patent's expiry.</summary>
    DebtEndsBeforeExpiry = 7,
    /// <summary>Civil Code Art. 428: no 流质 clause handing the patent to the lender on default.</summary>
    NoForfeitureClause = 8,
    /// <summary>The patent is not already pledged.</summary>
    NotAlreadyPledged = 9,
}

public sealed record FilingCheckFailure(FilingCheck Check, string? PatentNumber, string MessageZh, string MessageEn);

/// <summary>What the checks read from the case.</summary>
public sealed record FilingSubject(Guid PledgeCaseId, IReadOnlyCollection<Guid> Pledgors, PledgeContract Contract, bool ContinueDespiteInvalidation);

/// <summary>Each CNIPA refusal ground as a named, pure check over the pledge and one of its patents.</summary>
public static class PreFilingChecks
{
    public static IReadOnlyList<(FilingCheck Check, Func<FilingSubject, PatentRight, FilingCheckFailure?> Run)> All { get; } =
    [
        (FilingCheck.PledgorIsRegisteredPatentee, PledgorIsRegisteredPatentee),
        (FilingCheck.AllCoOwnersJoined, AllCoOwnersJoined),
        (FilingCheck.GrantedAndInForce, GrantedAndInForce),
        (FilingCheck.AnnualFeesPaid, AnnualFeesPaid),
        (FilingCheck.NoInvalidationPending, NoInvalidationPending),
        (FilingCheck.NoDisputeOrPreservation, NoDisputeOrPreservation),
        (FilingCheck.DebtEndsBeforeExpiry, DebtEndsBeforeExpiry),
        (FilingCheck.NoForfeitureClause, NoForfeitureClause),
        (FilingCheck.NotAlreadyPledged, NotAlreadyPledged),
    ];

    /// <summary>Runs every check over every patent of the contract. An empty list means CNIPA has no listed ground to refuse.</summary>
    public static IReadOnlyList<FilingCheckFailure> Run(FilingSubject subject, IReadOnlyCollection<PatentRight> patents)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(patents);
        var byNumber = patents.ToDictionary(p => p.Number, StringComparer.OrdinalIgnoreCase);
        var failures = new List<FilingCheckFailure>();
        foreach (var number in subject.Contract.PatentNumbers)
        {
            if (!byNumber.TryGetValue(number, out var patent))
                throw new ArgumentException($"No register data for patent {number}.", nameof(patents));
            foreach (var (_, run) in All)
            {
                if (run(subject, patent) is { } failure) failures.Add(failure);
            }
        }
        // The 流质 clause is about the contract, not each patent: report it once.
        return [.. failures.DistinctBy(f => (f.Check, f.Check == FilingCheck.NoForfeitureClause ? null : f.PatentNumber))];
    }

    public static FilingCheckFailure? PledgorIsRegisteredPatentee(FilingSubject subject, PatentRight patent)
    {
        var owners = patent.Patentees.Select(p => p.OrganizationId).ToHashSet();
        var strangers = subject.Pledgors.Where(id => !owners.Contains(id)).ToList();
        return strangers.Count == 0 && subject.Pledgors.Count > 0 ? null : new(FilingCheck.PledgorIsRegisteredPatentee, patent.Number,
            $"出质人不是专利 {patent.Number} 登记簿记载的专利权人，国家知识产权局将不予登记。",
            $"The pledgor is not the patentee of {patent.Number} recorded in the CNIPA register; CNIPA will refuse registration.");
    }

    public static FilingCheckFailure? AllCoOwnersJoined(FilingSubject subject, PatentRight patent)
    {
        // Patent Law Art. 14; Pledge Measures Art. 4: pledging a co-owned patent needs all co-owners.
        var missing = patent.Patentees.Where(p => !subject.Pledgors.Contains(p.OrganizationId)).Select(p => p.Name).ToList();
        return missing.Count == 0 ? null : new(FilingCheck.AllCoOwnersJoined, patent.Number,
            $"专利 {patent.Number} 为共有专利，出质须全体共有人参加（专利法第十四条、质押登记办法第四条），尚缺：{string.Join("、", missing)}。",
            $"Patent {patent.Number} is co-owned; every co-owner must join the pledge (Patent Law Art. 14; Measures Art. 4). Missing: {string.Join(", ", missing)}.");
    }

    public static FilingCheckFailure? GrantedAndInForce(FilingSubject subject, PatentRight patent) => patent.Status switch
    {
        PatentLegalStatus.InForce => null,
        PatentLegalStatus.Application => new(FilingCheck.GrantedAndInForce, patent.Number,
            $"{patent.Number} 尚未授予专利权，专利申请不能办理质押登记。",
            $"{patent.Number} is not granted; a patent application cannot be pledged."),
        PatentLegalStatus.Terminated => new(FilingCheck.GrantedAndInForce, patent.Number,
            $"专利 {patent.Number} 已终止，不能出质。",
            $"Patent {patent.Number} has terminated and cannot be pledged."),
        PatentLegalStatus.Invalidated => new(FilingCheck.GrantedAndInForce, patent.Number,
            $"专利 {patent.Number} 已被宣告无效，不能出质。",
            $"Patent {patent.Number} has been invalidated and cannot be pledged."),
    };

    public static FilingCheckFailure? AnnualFeesPaid(FilingSubject subject, PatentRight patent) =>
        !patent.Proceedings.HasFlag(PatentProceedings.AnnualFeeArrears) ? null : new(FilingCheck.AnnualFeesPaid, patent.Number,
            $"专利 {patent.Number} 处于年费滞纳期，请先补缴年费及滞纳金。",
            $"Patent {patent.Number} has annual fees in arrears; pay the fee and surcharge first.");

    public static FilingCheckFailure? NoInvalidationPending(FilingSubject subject, PatentRight patent) =>
        // CNIPA registers despite a pending invalidation only if the parties, told of it, declare they continue.
        !patent.Proceedings.HasFlag(PatentProceedings.InvalidationPending) || subject.ContinueDespiteInvalidation ? null : new(FilingCheck.NoInvalidationPending, patent.Number,
            $"专利 {patent.Number} 正处于无效宣告程序中；双方知悉后书面声明继续办理的，方可提交。",
            $"Patent {patent.Number} faces a pending invalidation request; file only if both parties, informed, declare they continue.");

    public static FilingCheckFailure? NoDisputeOrPreservation(FilingSubject subject, PatentRight patent) =>
        (patent.Proceedings & (PatentProceedings.OwnershipDisputeSuspension | PatentProceedings.CourtPreservation)) == 0 ? null : new(FilingCheck.NoDisputeOrPreservation, patent.Number,
            $"专利 {patent.Number} 因权属纠纷被中止程序或被法院采取保全措施，质押手续暂停办理。",
            $"Patent {patent.Number} is suspended over an ownership dispute or under court preservation; pledge registration is on hold.");

    public static FilingCheckFailure? DebtEndsBeforeExpiry(FilingSubject subject, PatentRight patent) =>
        subject.Contract.DebtMaturesOn <= patent.ExpiresOn ? null : new(FilingCheck.DebtEndsBeforeExpiry, patent.Number,
            $"债务履行期限（至 {subject.Contract.DebtMaturesOn:yyyy-MM-dd}）超过专利 {patent.Number} 的有效期（至 {patent.ExpiresOn:yyyy-MM-dd}）。",
            $"The debt term (to {subject.Contract.DebtMaturesOn:yyyy-MM-dd}) runs past the expiry of patent {patent.Number} ({patent.ExpiresOn:yyyy-MM-dd}).");

    public static FilingCheckFailure? NoForfeitureClause(FilingSubject subject, PatentRight patent) =>
        // Civil Code Art. 428: a clause that the pledged right passes to the lender if the debt is unpaid (流质) does not transfer it.
        !subject.Contract.TransfersPatentOnDefault ? null : new(FilingCheck.NoForfeitureClause, null,
            "质押合同约定债务不履行时专利权归质权人所有（流质条款），违反民法典第四百二十八条，国家知识产权局不予登记。请删除该条款。",
            "The contract hands the patent to the lender on default (a forfeiture clause, Civil Code Art. 428); CNIPA refuses it. Remove the clause.");

    public static FilingCheckFailure? NotAlreadyPledged(FilingSubject subject, PatentRight patent)
    {
        var other = patent.Pledges.FirstOrDefault(p => p.ReleasedOn is null && p.PledgeCaseId != subject.PledgeCaseId);
        return other is null ? null : new(FilingCheck.NotAlreadyPledged, patent.Number,
            $"专利 {patent.Number} 已质押给 {other.LenderName}（登记通知书 {other.NoticeNumber}）且仍在质押期间，不能重复质押登记。",
            $"Patent {patent.Number} is already pledged to {other.LenderName} (notice {other.NoticeNumber}); CNIPA does not register a second pledge.");
    }
}
