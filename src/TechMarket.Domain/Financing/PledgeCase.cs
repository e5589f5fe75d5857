using Stateless;
using TechMarket.Domain.Rights;
using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Financing;

/// <summary>
/// 知识产权质押融资 case: a company pledges patents to a lender for a loan. The states and who may move them
/// come from <see cref="PledgeWorkflow"/>; every transition is audited. Expected refusals are values.
/// </summary>
public sealed partial class PledgeCase
{
    private readonly List<Guid> pledgors = [];
    private readonly List<string> patentNumbers = [];
    private readonly List<ContractSignature> signatures = [];
    private readonly List<Repayment> repayments = [];
    private readonly List<PledgeAuditEntry> audit = [];
    private readonly List<RealisationProceeds> realisationLots = [];
    private StateMachine<PledgeState, PledgeTrigger>? machine;

    public PledgeCase(Guid id, Guid applicantId, IEnumerable<Guid> pledgorIds, IEnumerable<string> patents, DateTimeOffset createdAt)
    {
        Id = id;
        ApplicantId = applicantId;
        pledgors.AddRange(pledgorIds.Distinct());
        patentNumbers.AddRange(patents.Distinct(StringComparer.OrdinalIgnoreCase));
        if (pledgors.Count == 0) throw new ArgumentException("A pledge needs at least one pledgor.", nameof(pledgorIds));
        if (patentNumbers.Count == 0) throw new ArgumentException("A pledge covers at least one patent.", nameof(patents));
        CreatedAt = createdAt;
        State = PledgeState.Draft;
    }

    public Guid Id { get; }
    /// <summary>The company that applies and borrows.</summary>
    public Guid ApplicantId { get; }
    /// <summary>出质人: the patentees who pledge; the applicant itself or a third party.</summary>
    public IReadOnlyList<Guid> Pledgors => pledgors;

    /// <summary>
    /// 第三人出质 (Civil Code Art. 425: "债务人或者第三人"): the borrower does not pledge; a patentee pledges its patents for
    /// the borrower's debt. The borrower applies and sees the case; only the pledgor signs the pledge contract.
    /// </summary>
    public bool IsThirdPartyPledge => !pledgors.Contains(ApplicantId);
    public IReadOnlyList<string> PatentNumbers => patentNumbers;
    public DateTimeOffset CreatedAt { get; }
    public PledgeState State { get; private set; }
    public Guid? EvaluatorId { get; private set; }
    public Guid? LenderId { get; private set; }
    public Valuation? Valuation { get; private set; }
    public LenderDecision? Decision { get; private set; }
    public string? RejectionReason { get; private set; }
    public PledgeContract? Contract { get; private set; }
    public IReadOnlyList<ContractSignature> Signatures => signatures;
    public FilingPackage? Filing { get; private set; }
    public PledgeRegistration? Registration { get; private set; }
    public Disbursement? Disbursement { get; private set; }
    public IReadOnlyList<Repayment> Repayments => repayments;
    public string? DefaultReason { get; private set; }
    public Realisation? Realisation { get; private set; }
    public PledgeRelease? Release { get; private set; }
    public IReadOnlyList<PledgeAuditEntry> Audit => audit;

    public Money OutstandingPrincipal =>
        Disbursement is null ? Money.Zero : new Money(Disbursement.Amount.Fen - repayments.Sum(r => r.Principal.Fen));

    private StateMachine<PledgeState, PledgeTrigger> Machine =>
        machine ??= PledgeWorkflow.Build(() => State, s => State = s, () => Disbursement is not null && OutstandingPrincipal == Money.Zero);

    /// <summary>The roles this actor plays in this case.</summary>
    public PledgeRole RolesOf(PledgeActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var roles = PledgeRole.None;
        if (actor.OrganizationId == ApplicantId || pledgors.Contains(actor.OrganizationId)) roles |= PledgeRole.Applicant;
        if (EvaluatorId == actor.OrganizationId) roles |= PledgeRole.Evaluator;
        if (LenderId == actor.OrganizationId) roles |= PledgeRole.Lender;
        if (actor.IsCenter) roles |= PledgeRole.Center;
        return roles;
    }

    /// <summary>A lender sees only cases sent to it; an evaluator only cases it was asked to value.</summary>
    public bool IsVisibleTo(PledgeActor actor) => RolesOf(actor) != PledgeRole.None;

    /// <summary>Triggers this actor may fire now (for buttons on the case page).</summary>
    public IReadOnlyList<PledgeTrigger> PermittedTriggers(PledgeActor actor) =>
        [.. Enum.GetValues<PledgeTrigger>().Where(t => Machine.CanFire(t) && (RolesOf(actor) & PledgeWorkflow.RolesFor(t)) != 0
            && (t != PledgeTrigger.SignContracts || SignsAs(actor) is not null))];

    /// <summary>The side this actor signs the pledge contract for: the lender, a pledgor, or none (a borrower that pledges nothing).</summary>
    private PledgeRole? SignsAs(PledgeActor actor) =>
        RolesOf(actor).HasFlag(PledgeRole.Lender) ? PledgeRole.Lender
        : pledgors.Contains(actor.OrganizationId) ? PledgeRole.Applicant
        : null;

    public PledgeOutcome RequestValuation(PledgeActor actor, Guid evaluatorId, DateTimeOffset now)
    {
        if (Check(actor, PledgeTrigger.RequestValuation) is { } refused) return refused;
        if (evaluatorId == Guid.Empty) return Invalid("请选择评估机构。", "Choose an evaluator.");
        EvaluatorId = evaluatorId;
        return Fire(actor, PledgeTrigger.RequestValuation, now, null);
    }

    public PledgeOutcome RecordValuation(PledgeActor actor, Valuation valuation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(valuation);
        if (Check(actor, PledgeTrigger.RecordValuation) is { } refused) return refused;
        if (valuation.Value <= Money.Zero) return Invalid("评估价值必须大于零。", "The value must be positive.");
        if (string.IsNullOrWhiteSpace(valuation.ReportNumber) || string.IsNullOrWhiteSpace(valuation.FirmName))
            return Invalid("请填写评估机构和报告编号。", "Give the firm and the report number.");
        if (valuation.ValuedOn > ChinaTime.Today(now)) return Invalid("评估基准日不能晚于今天。", "The valuation date cannot be in the future.");
        Valuation = valuation;
        return Fire(actor, PledgeTrigger.RecordValuation, now, $"{valuation.FirmName} {valuation.ReportNumber} {valuation.Value}");
    }

    public PledgeOutcome SubmitToLender(PledgeActor actor, Guid lenderId, DateTimeOffset now)
    {
        if (Check(actor, PledgeTrigger.SubmitToLender) is { } refused) return refused;
        if (lenderId == Guid.Empty) return Invalid("请选择贷款机构。", "Choose a lender.");
        LenderId = lenderId;
        return Fire(actor, PledgeTrigger.SubmitToLender, now, null);
    }

    public PledgeOutcome StartReview(PledgeActor actor, DateTimeOffset now) =>
        Check(actor, PledgeTrigger.StartReview) ?? Fire(actor, PledgeTrigger.StartReview, now, null);

    public PledgeOutcome Approve(PledgeActor actor, LenderDecision decision, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (Check(actor, PledgeTrigger.Approve) is { } refused) return refused;
        if (decision.LoanAmount <= Money.Zero || decision.TermMonths <= 0 || decision.AnnualRateBasisPoints < 0)
            return Invalid("贷款金额、期限须为正，利率不能为负。", "Loan amount and term must be positive and the rate not negative.");
        Decision = decision;
        return Fire(actor, PledgeTrigger.Approve, now, $"{decision.LoanAmount}, {decision.AnnualRateBasisPoints} bp, {decision.TermMonths} months");
    }

    public PledgeOutcome Reject(PledgeActor actor, string reason, DateTimeOffset now)
    {
        if (Check(actor, PledgeTrigger.Reject) is { } refused) return refused;
        if (string.IsNullOrWhiteSpace(reason)) return Invalid("拒绝须说明理由。", "A rejection needs a reason.");
        RejectionReason = reason;
        return Fire(actor, PledgeTrigger.Reject, now, reason);
    }

    /// <summary>Both sides sign the same contract; the second signature moves the case to contracts signed.</summary>
    public PledgeOutcome SignContracts(PledgeActor actor, PledgeContract contract, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(contract);
        if (Check(actor, PledgeTrigger.SignContracts) is { } refused) return refused;
        if (contract.SecuredDebt <= Money.Zero || contract.SecuredDebt > Decision!.LoanAmount)
            return Invalid("担保的主债权须为正且不超过批准的贷款金额。", "The secured debt must be positive and within the approved loan.");
        if (contract.DebtMaturesOn <= contract.DebtStartsOn) return Invalid("债务到期日须晚于起始日。", "The debt must mature after it starts.");
        if (!contract.PatentNumbers.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(patentNumbers))
            return Refuse(PledgeRefusalCode.ContractMismatch, "合同所列专利与本案质押专利不一致。", "The contract's patents differ from the case's.");
        // Civil Code Art. 427: the pledge contract is made by the pledgor and the lender; a borrower that pledges nothing does not sign it.
        if (SignsAs(actor) is not { } side)
            return Refuse(PledgeRefusalCode.WrongRole, "质押合同须由出质人（专利权人）与质权人签署；借款人不是出质人，不能代为签署。",
                "The pledge contract is signed by the pledgor (the patentee) and the lender; the borrower does not pledge and cannot sign for the pledgor.");
        if (signatures.Any(s => s.Side == side)) return Refuse(PledgeRefusalCode.AlreadySigned, "贵方已签署，等待对方签署。", "Your side has signed; waiting for the other party.");
        if (Contract is not null && !Contract.Equals(contract))
            return Refuse(PledgeRefusalCode.ContractMismatch, "合同内容与对方已签署的版本不一致。", "The contract differs from the version the other party signed.");
        Contract ??= contract;
        signatures.Add(new ContractSignature(side, actor.OrganizationId, actor.PersonId, now));
        return signatures.Count < 2 ? PledgeOutcome.Done(State) : Fire(actor, PledgeTrigger.SignContracts, now, null);
    }

    /// <summary>Runs every CNIPA pre-filing check over the register data of the pledged patents.</summary>
    public IReadOnlyList<FilingCheckFailure> CheckBeforeFiling(IReadOnlyCollection<PatentRight> patents, bool continueDespiteInvalidation = false)
    {
        if (Contract is null) throw new InvalidOperationException("The contract is signed before filing.");
        return PreFilingChecks.Run(new FilingSubject(Id, pledgors, Contract, continueDespiteInvalidation), patents);
    }

    public PledgeOutcome FileRegistration(PledgeActor actor, FilingPackage package, IReadOnlyCollection<PatentRight> patents, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(package);
        if (Check(actor, PledgeTrigger.FileRegistration) is { } refused) return refused;
        var missing = MissingDocuments(package);
        if (missing.Count > 0)
            return Refuse(PledgeRefusalCode.FilingPackageIncomplete, "申请材料不全：" + string.Join("；", missing.Select(m => m.Zh)),
                "The filing package is incomplete: " + string.Join("; ", missing.Select(m => m.En)));
        var failures = CheckBeforeFiling(patents, package.ContinueDespiteInvalidation);
        if (failures.Count > 0)
            return PledgeOutcome.Refused(State, new PledgeRefusal(PledgeRefusalCode.FilingChecksFailed,
                string.Join("\n", failures.Select(f => f.MessageZh)), string.Join("\n", failures.Select(f => f.MessageEn)), failures));
        Filing = package;
        return Fire(actor, PledgeTrigger.FileRegistration, now, package.AgentName is null ? null : "代理: " + package.AgentName);
    }

    private List<(string Zh, string En)> MissingDocuments(FilingPackage package)
    {
        var missing = new List<(string Zh, string En)>();
        // Measures Art. 7: the form is signed or sealed by pledgor and lender together.
        if (!package.FormSignedByPledgor || !package.FormSignedByLender) missing.Add(("登记申请表须由出质人和质权人共同签字或盖章", "the application form signed by both pledgor and lender"));
        if (!package.IdentityDocuments) missing.Add(("双方当事人身份证明", "both parties' identity documents"));
        if (package.AgentName is not null && !package.PowerOfAttorney) missing.Add(("注明委托权限的委托书", "a power of attorney stating the agent's authority"));
        if (Valuation is not null && !package.ValuationReportAttached) missing.Add(("资产评估报告", "the valuation report"));
        return missing;
    }

    public PledgeOutcome RecordRegistration(PledgeActor actor, PledgeRegistration registration, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(registration);
        if (Check(actor, PledgeTrigger.RecordRegistration) is { } refused) return refused;
        if (string.IsNullOrWhiteSpace(registration.NoticeNumber)) return Invalid("请填写登记通知书编号。", "Give CNIPA's notice number.");
        // Civil Code Art. 444: the pledge exists from registration.
        Registration = registration;
        return Fire(actor, PledgeTrigger.RecordRegistration, now, registration.NoticeNumber);
    }

    public PledgeOutcome RecordRegistrationRefusal(PledgeActor actor, string reason, DateTimeOffset now)
    {
        if (Check(actor, PledgeTrigger.RecordRegistrationRefusal) is { } refused) return refused;
        if (string.IsNullOrWhiteSpace(reason)) return Invalid("请填写不予登记的理由。", "Give CNIPA's reason.");
        Filing = null;
        return Fire(actor, PledgeTrigger.RecordRegistrationRefusal, now, reason);
    }

    public PledgeOutcome Disburse(PledgeActor actor, Disbursement disbursement, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(disbursement);
        if (Check(actor, PledgeTrigger.Disburse) is { } refused) return refused;
        if (disbursement.Amount <= Money.Zero || disbursement.Amount > Contract!.SecuredDebt)
            return Invalid("放款金额须为正且不超过担保的主债权。", "The amount must be positive and within the secured debt.");
        if (disbursement.Schedule.Count == 0 || disbursement.Schedule.Sum(i => i.Principal.Fen) != disbursement.Amount.Fen)
            return Invalid("还款计划的本金合计须等于放款金额。", "The schedule's principal must add up to the amount disbursed.");
        if (disbursement.Schedule.Any(i => i.Principal < Money.Zero || i.Interest < Money.Zero || i.DueOn <= disbursement.DisbursedOn))
            return Invalid("还款计划的各期金额不能为负，到期日须晚于放款日。", "Instalments are not negative and fall due after disbursement.");
        Disbursement = disbursement with { Schedule = [.. disbursement.Schedule.OrderBy(i => i.DueOn)] };
        return Fire(actor, PledgeTrigger.Disburse, now, disbursement.Amount.ToString());
    }

    public PledgeOutcome RecordRepayment(PledgeActor actor, Repayment payment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (Check(actor, PledgeTrigger.RecordRepayment) is { } refused) return refused;
        if (payment.Principal < Money.Zero || payment.Interest < Money.Zero || payment.Principal + payment.Interest == Money.Zero)
            return Invalid("还款金额须为正。", "A repayment must be positive.");
        if (payment.Principal > OutstandingPrincipal) return Invalid($"还本金额超过未还本金 {OutstandingPrincipal}。", $"The principal exceeds what is outstanding ({OutstandingPrincipal}).");
        repayments.Add(payment);
        return Fire(actor, PledgeTrigger.RecordRepayment, now, $"{payment.Principal} + {payment.Interest}");
    }

    /// <summary>Instalments whose principal is not yet covered by payments, oldest first, due on or before <paramref name="today"/>.</summary>
    public IReadOnlyList<RepaymentInstalment> OverdueInstalments(DateOnly today)
    {
        if (Disbursement is null) return [];
        var paid = repayments.Sum(r => r.Principal.Fen);
        var overdue = new List<RepaymentInstalment>();
        foreach (var instalment in Disbursement.Schedule)
        {
            paid -= instalment.Principal.Fen;
            if (paid < 0 && instalment.DueOn < today) overdue.Add(instalment);
        }
        return overdue;
    }

    public PledgeOutcome DeclareDefault(PledgeActor actor, string reason, DateTimeOffset now)
    {
        if (Check(actor, PledgeTrigger.DeclareDefault) is { } refused) return refused;
        if (string.IsNullOrWhiteSpace(reason)) return Invalid("请说明违约事由。", "State the default.");
        DefaultReason = reason;
        return Fire(actor, PledgeTrigger.DeclareDefault, now, reason);
    }

    /// <summary>The lender starts realising the pledge, e.g. an auction with the lender as consignor (Civil Code Art. 436).</summary>
    public PledgeOutcome StartRealisation(PledgeActor actor, string method, DateTimeOffset now)
    {
        if (Check(actor, PledgeTrigger.StartRealisation) is { } refused) return refused;
        if (string.IsNullOrWhiteSpace(method)) return Invalid("请说明处置方式（拍卖、变卖或折价）。", "State how the pledge is realised (auction, sale or agreed value).");
        return Fire(actor, PledgeTrigger.StartRealisation, now, method);
    }

    /// <summary>
    /// Interest the schedule makes due on or before <paramref name="on"/> and not yet paid, as the lender recorded it
    /// (instalments and payments); future interest is not owed before it falls due.
    /// </summary>
    public Money OutstandingInterest(DateOnly on)
    {
        if (Disbursement is null) return Money.Zero;
        var due = Disbursement.Schedule.Where(i => i.DueOn <= on).Sum(i => i.Interest.Fen);
        return new Money(Math.Max(0, due - repayments.Sum(r => r.Interest.Fen)));
    }

    /// <summary>The secured debt still owed on <paramref name="on"/>: unpaid principal plus interest due.</summary>
    public Money OutstandingDebt(DateOnly on) => OutstandingPrincipal + OutstandingInterest(on);

    /// <summary>Realisation lots applied so far (one per patent sold by auction).</summary>
    public IReadOnlyList<RealisationProceeds> RealisationLots => realisationLots;

    /// <summary>
    /// Applies the net proceeds of one realisation sale to the debt and, with the last lot, closes the case (Measures Art. 18(2)).
    /// Civil Code Art. 436: the lender is paid first out of the proceeds; Art. 561: costs, then interest, then principal;
    /// Art. 438: what exceeds the debt goes back to the pledgor, and a shortfall stays owed by the debtor.
    /// </summary>
    public PledgeOutcome ApplyRealisationProceeds(PledgeActor actor, Guid lotId, string patentNumber, Money netProceeds, DateOnly on, bool lastLot, DateTimeOffset now)
    {
        if (Check(actor, PledgeTrigger.CloseRealisation) is { } refused) return refused;
        if (netProceeds < Money.Zero) return Invalid("处置所得不能为负。", "Proceeds cannot be negative.");
        if (realisationLots.Any(l => l.LotId == lotId)) return Refuse(PledgeRefusalCode.InvalidInput, "该批处置所得已分配。", "These proceeds were applied already.");
        var lot = Split(lotId, patentNumber, netProceeds, on);
        realisationLots.Add(lot);
        if (lot.ToLender > Money.Zero) repayments.Add(new Repayment(on, lot.ToPrincipal, lot.ToInterest));
        if (!lastLot) return PledgeOutcome.Done(State);
        var proceeds = new Money(realisationLots.Sum(l => l.NetProceeds.Fen));
        Realisation = new Realisation(StartRealisationMethod, proceeds, new Money(realisationLots.Sum(l => l.ToLender.Fen)),
            new Money(realisationLots.Sum(l => l.Surplus.Fen)), OutstandingDebt(on), on);
        Release = new PledgeRelease(ReleaseGround.PledgeRealised, on, StartRealisationMethod);
        return Fire(actor, PledgeTrigger.CloseRealisation, now, $"{proceeds} → {Realisation.AppliedToDebt}");
    }

    /// <summary>Closes on a realisation outside the platform's auction (a private sale or an agreed value the lender records).</summary>
    public PledgeOutcome CloseRealisation(PledgeActor actor, string method, Money proceeds, DateOnly on, DateTimeOffset now)
    {
        if (Check(actor, PledgeTrigger.CloseRealisation) is { } refused) return refused;
        if (proceeds < Money.Zero) return Invalid("处置所得不能为负。", "Proceeds cannot be negative.");
        var lot = Split(Guid.Empty, string.Join(",", patentNumbers), proceeds, on);
        if (lot.ToLender > Money.Zero) repayments.Add(new Repayment(on, lot.ToPrincipal, lot.ToInterest));
        Realisation = new Realisation(method, proceeds, lot.ToLender, lot.Surplus, OutstandingDebt(on), on);
        Release = new PledgeRelease(ReleaseGround.PledgeRealised, on, method);
        return Fire(actor, PledgeTrigger.CloseRealisation, now, $"{proceeds} → {lot.ToLender}");
    }

    private RealisationProceeds Split(Guid lotId, string patentNumber, Money net, DateOnly on)
    {
        var interest = Min(net, OutstandingInterest(on));
        var principal = Min(net - interest, OutstandingPrincipal);
        return new RealisationProceeds(lotId, patentNumber, net, interest, principal, net - interest - principal, on);
    }

    private static Money Min(Money a, Money b) => a < b ? a : b;

    private string StartRealisationMethod =>
        audit.LastOrDefault(a => a.Trigger == PledgeTrigger.StartRealisation)?.Note ?? "拍卖";

    /// <summary>注销: cancel the registration on one of the grounds of Pledge Measures Art. 18.</summary>
    public PledgeOutcome ReleasePledge(PledgeActor actor, ReleaseGround ground, DateOnly on, string? evidence, DateTimeOffset now)
    {
        if (Check(actor, PledgeTrigger.Release) is { } refused) return refused;
        switch (ground)
        {
            case ReleaseGround.PledgeRealised:
                return Invalid("质权实现后请通过“处置完毕”结案。", "A realised pledge is closed through the realisation.");
            case ReleaseGround.DebtPerformed when State != PledgeState.Repaid:
                return Invalid($"尚有未还本金 {OutstandingPrincipal}，不能以债务已履行为由注销。", $"Principal of {OutstandingPrincipal} is outstanding; the debt is not performed.");
            case ReleaseGround.LenderWaived when !RolesOf(actor).HasFlag(PledgeRole.Lender):
                return Refuse(PledgeRefusalCode.WrongRole, "只有质权人可以放弃质权。", "Only the lender can waive the pledge.");
            case ReleaseGround.ContractVoid or ReleaseGround.OtherStatutory when string.IsNullOrWhiteSpace(evidence):
                return Invalid("请提供质权消灭的证明文件。", "Give the document showing the pledge ended.");
            default:
                break;
        }
        Release = new PledgeRelease(ground, on, evidence);
        return Fire(actor, PledgeTrigger.Release, now, ground.ToString());
    }

    /// <summary>The registered pledge as it appears on each patent, for the encumbrance lock.</summary>
    public RegisteredPledge? AsRegisteredPledge(string lenderName)
    {
        if (Registration is null || LenderId is null) return null;
        var releasedOn = State is PledgeState.Released or PledgeState.Closed ? Release?.ReleasedOn : null;
        return new RegisteredPledge(Id, LenderId.Value, lenderName, Registration.NoticeNumber, Registration.RegisteredOn, releasedOn);
    }

    private PledgeOutcome? Check(PledgeActor actor, PledgeTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!Machine.CanFire(trigger))
            return Refuse(PledgeRefusalCode.NotAllowedNow,
                $"案件处于“{PledgeWorkflow.Label(State)}”状态，不能“{PledgeWorkflow.Label(trigger)}”。",
                $"The case is {State}; {trigger} is not possible now.");
        if ((RolesOf(actor) & PledgeWorkflow.RolesFor(trigger)) == 0)
            return Refuse(PledgeRefusalCode.WrongRole,
                $"您在本案中无权“{PledgeWorkflow.Label(trigger)}”。",
                $"Your organisation may not {trigger} in this case.");
        return null;
    }

    private PledgeOutcome Fire(PledgeActor actor, PledgeTrigger trigger, DateTimeOffset now, string? note)
    {
        var from = State;
        var actingAs = RolesOf(actor) & PledgeWorkflow.RolesFor(trigger);
        Machine.Fire(trigger);
        audit.Add(new PledgeAuditEntry(actor.OrganizationId, actor.PersonId, actingAs, now.ToUniversalTime(), from, State, trigger, note));
        return PledgeOutcome.Done(State);
    }

    private PledgeOutcome Invalid(string zh, string en) => Refuse(PledgeRefusalCode.InvalidInput, zh, en);

    private PledgeOutcome Refuse(PledgeRefusalCode code, string zh, string en) => PledgeOutcome.Refused(State, new PledgeRefusal(code, zh, en));
}
