using TechMarket.Domain.Shared;

namespace TechMarket.Domain.RdContracts;

public enum DevelopmentContractStatus
{
    Draft = 1,
    /// <summary>Both parties signed in the platform (Art. 851: written form).</summary>
    InForce = 2,
    /// <summary>Every milestone settled.</summary>
    Completed = 3,
}

public sealed record PartySignature(RdRole Side, Guid OrganizationId, Guid PersonId, string TypedName, DateTimeOffset At);

/// <summary>
/// 技术开发合同 from a directed R&amp;D demand (协议定向研发): commissioned or joint development with the Art. 845 contents,
/// IP terms pre-filled per Arts 859-861, an Art. 846 payment form, and milestones whose money is escrowed before work starts.
/// </summary>
public sealed class DevelopmentContract
{
    private readonly List<Milestone> milestones;
    private readonly List<PartySignature> signatures = [];
    private readonly List<RdAuditEntry> audit = [];

    private DevelopmentContract(Guid id, Guid clientId, Guid developerId, DevelopmentContractType type, ContractContents contents,
        PaymentTerms payment, IReadOnlyList<MilestonePlan> plans, DateTimeOffset createdAt)
    {
        Id = id;
        ClientId = clientId;
        DeveloperId = developerId;
        Type = type;
        Contents = contents;
        Payment = payment;
        IpTerms = IpTerms.DefaultsFor(type);
        Risk = TechnicalRiskTerms.SharedReasonably;
        milestones = [.. plans.Select((p, i) => new Milestone(i + 1, p))];
        CreatedAt = createdAt;
        Status = DevelopmentContractStatus.Draft;
    }

    /// <summary>Drafts a contract, or says why the terms do not hold together.</summary>
    public static (DevelopmentContract? Contract, RdRefusal? Refusal) Draft(Guid id, Guid clientId, Guid developerId, DevelopmentContractType type,
        ContractContents contents, PaymentTerms payment, IReadOnlyList<MilestonePlan> plans, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(contents);
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(plans);
        if (clientId == developerId) return (null, new RdRefusal(RdRefusalCode.InvalidInput, "委托方与研究开发方不能相同。", "Client and developer must differ."));
        if (string.IsNullOrWhiteSpace(contents.ProjectName) || string.IsNullOrWhiteSpace(contents.AcceptanceStandardAndMethod))
            return (null, new RdRefusal(RdRefusalCode.InvalidInput, "合同须写明项目名称和验收标准（民法典第八百四十五条）。", "Name the project and the acceptance standard (Civil Code Art. 845)."));
        if (plans.Count == 0 || plans.Any(p => string.IsNullOrWhiteSpace(p.Deliverable) || p.Amount < Money.Zero))
            return (null, new RdRefusal(RdRefusalCode.InvalidInput, "每个里程碑须有交付物，金额不能为负。", "Each milestone needs a deliverable and a non-negative amount."));
        if (payment.Problem(plans) is { } problem)
            return (null, new RdRefusal(RdRefusalCode.WrongAmount, problem, "The payment terms and the milestones do not agree."));
        return (new DevelopmentContract(id, clientId, developerId, type, contents, payment, plans, createdAt), null);
    }

    public Guid Id { get; }
    public Guid ClientId { get; }
    public Guid DeveloperId { get; }
    public DevelopmentContractType Type { get; }
    public ContractContents Contents { get; }
    public PaymentTerms Payment { get; }
    public IpTerms IpTerms { get; private set; }
    public TechnicalRiskTerms Risk { get; private set; }
    public DevelopmentContractStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; }
    public DateTimeOffset? SignedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public IReadOnlyList<Milestone> Milestones => milestones;
    public IReadOnlyList<PartySignature> Signatures => signatures;
    public IReadOnlyList<RdAuditEntry> Audit => audit;

    public Money TotalFunded => Sum(m => m.Funded);
    public Money TotalReleased => Sum(m => m.Released);
    public Money TotalRefunded => Sum(m => m.Refunded);
    public Money TotalHeld => Sum(m => m.Held);

    public RdRole RolesOf(RdActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var roles = RdRole.None;
        if (actor.OrganizationId == ClientId) roles |= RdRole.Client;
        if (actor.OrganizationId == DeveloperId) roles |= RdRole.Developer;
        if (actor.IsCenter) roles |= RdRole.Center;
        return roles;
    }

    /// <summary>Only the parties and the center see the contract.</summary>
    public bool IsVisibleTo(RdActor actor) => RolesOf(actor) != RdRole.None;

    /// <summary>Either party edits the pre-filled IP terms before signing; a signature already given is withdrawn.</summary>
    public RdOutcome SetIpTerms(RdActor actor, IpTerms terms, TechnicalRiskTerms risk, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(risk);
        if (Status != DevelopmentContractStatus.Draft) return NotNow("合同签署后不能修改条款。", "Terms are fixed once signed.");
        if (Role(actor, RdRole.Client | RdRole.Developer) is not { } role) return WrongRole();
        if (terms.KnowHow == KnowHowTerms.AsAgreed && string.IsNullOrWhiteSpace(terms.KnowHowAgreement))
            return Invalid("约定技术秘密归属的，须写明约定内容。", "Write down the know-how agreement.");
        IpTerms = terms;
        Risk = risk;
        signatures.Clear();
        Log(actor, role, now, null, "Draft", "Draft", "SetIpTerms", null);
        return RdOutcome.Done;
    }

    /// <summary>Each party signs with a typed name; the second signature makes the contract binding.</summary>
    public RdOutcome Sign(RdActor actor, string typedName, DateTimeOffset now)
    {
        if (Status != DevelopmentContractStatus.Draft) return NotNow("合同已签署。", "Already signed.");
        if (Role(actor, RdRole.Client | RdRole.Developer) is not { } role) return WrongRole();
        if (string.IsNullOrWhiteSpace(typedName)) return Invalid("请输入签署人姓名。", "Type the signatory's name.");
        if (signatures.Any(s => s.Side == role)) return NotNow("贵方已签署，等待对方签署。", "Your side has signed.");
        signatures.Add(new PartySignature(role, actor.OrganizationId, actor.PersonId, typedName.Trim(), now));
        if (signatures.Count == 2)
        {
            Status = DevelopmentContractStatus.InForce;
            SignedAt = now;
            Log(actor, role, now, null, "Draft", "InForce", "Sign", typedName);
        }
        return RdOutcome.Done;
    }

    /// <summary>
    /// Exactly the milestone amount reaches escrow before work on it starts: the client's card payment, or the center
    /// recording the client's bank transfer. A milestone is funded once; a second payment is refused (not booked).
    /// </summary>
    public RdOutcome Fund(RdActor actor, int number, Money amount, DateTimeOffset now) =>
        Act(actor, number, RdRole.Client | RdRole.Center, [MilestoneState.Unfunded], now, "Fund", amount.ToString(), m =>
            amount != m.Amount
                ? RdOutcome.Refused(RdRefusalCode.WrongAmount, $"托管金额须等于里程碑金额 {m.Amount}。", $"Escrow exactly the milestone amount, {m.Amount}.")
                : Then(() => m.Fund(amount)));

    /// <summary>The developer delivers, first time or after a rejection (a revision round).</summary>
    public RdOutcome Submit(RdActor actor, int number, string notes, IReadOnlyList<string> files, DateTimeOffset now) =>
        Act(actor, number, RdRole.Developer, [MilestoneState.Funded, MilestoneState.Rejected], now, "Submit", notes, m =>
            string.IsNullOrWhiteSpace(notes) && files.Count == 0
                ? Invalid("请提交交付物或说明。", "Deliver files or notes.")
                : Then(() => m.Submit(new Submission(now, notes, files))));

    /// <summary>The client accepts: the escrow is released to the developer.</summary>
    public RdOutcome Accept(RdActor actor, int number, DateTimeOffset now) =>
        Act(actor, number, RdRole.Client, [MilestoneState.Submitted], now, "Accept", null, m => Then(() => m.Accept(now)));

    /// <summary>The client rejects with reasons; the developer may revise and resubmit.</summary>
    public RdOutcome Reject(RdActor actor, int number, string reasons, DateTimeOffset now) =>
        Act(actor, number, RdRole.Client, [MilestoneState.Submitted], now, "Reject", reasons, m =>
            string.IsNullOrWhiteSpace(reasons)
                ? Invalid("不予验收须说明理由。", "A rejection needs reasons.")
                : Then(() => m.Reject(new Rejection(now, reasons))));

    /// <summary>Either party refers a submitted or rejected milestone to the center.</summary>
    public RdOutcome Dispute(RdActor actor, int number, string reason, DateTimeOffset now) =>
        Act(actor, number, RdRole.Client | RdRole.Developer, [MilestoneState.Submitted, MilestoneState.Rejected], now, "Dispute", reason, m =>
            string.IsNullOrWhiteSpace(reason)
                ? Invalid("请说明争议事项。", "State what is disputed.")
                : Then(() => m.Dispute(reason)));

    /// <summary>The center decides a dispute: release all, release part and refund the rest, or refund all.</summary>
    public RdOutcome Decide(RdActor actor, int number, CenterDecision decision, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return Act(actor, number, RdRole.Center, [MilestoneState.Disputed], now, "Decide", $"{decision.Kind} {decision.ReleaseToDeveloper}: {decision.Reasons}", m =>
        {
            if (string.IsNullOrWhiteSpace(decision.Reasons)) return Invalid("裁决须说明理由。", "A decision states its reasons.");
            var consistent = decision.Kind switch
            {
                CenterDecisionKind.Release => decision.ReleaseToDeveloper == m.Held,
                CenterDecisionKind.Refund => decision.ReleaseToDeveloper == Money.Zero,
                CenterDecisionKind.PartialRelease => decision.ReleaseToDeveloper > Money.Zero && decision.ReleaseToDeveloper < m.Held,
            };
            return consistent
                ? Then(() => m.Decide(decision, now))
                : RdOutcome.Refused(RdRefusalCode.WrongAmount, $"裁决金额与裁决类型不符（托管余额 {m.Held}）。", $"The amount does not fit the decision (held: {m.Held}).");
        });
    }

    private RdOutcome Act(RdActor actor, int number, RdRole allowed, MilestoneState[] from, DateTimeOffset now, string action, string? note, Func<Milestone, RdOutcome> body)
    {
        if (Status != DevelopmentContractStatus.InForce) return NotNow("合同尚未生效或已完成。", "The contract is not in force.");
        var milestone = milestones.FirstOrDefault(m => m.Number == number);
        if (milestone is null) return Invalid($"没有第 {number} 个里程碑。", $"There is no milestone {number}.");
        if (!from.Contains(milestone.State)) return NotNow($"里程碑 {number} 当前不能执行此操作。", $"Milestone {number} is {milestone.State}; {action} is not possible.");
        if (Role(actor, allowed) is not { } role) return WrongRole();
        var before = milestone.State;
        var outcome = body(milestone);
        if (!outcome.IsDone) return outcome;
        Log(actor, role, now, number, before.ToString(), milestone.State.ToString(), action, note);
        if (milestones.All(m => m.IsSettled))
        {
            Status = DevelopmentContractStatus.Completed;
            CompletedAt = now;
            Log(actor, role, now, null, "InForce", "Completed", "Complete", null);
        }
        return outcome;
    }

    private RdRole? Role(RdActor actor, RdRole allowed)
    {
        var roles = RolesOf(actor) & allowed;
        return roles == RdRole.None ? null : roles.HasFlag(RdRole.Client) ? RdRole.Client : roles.HasFlag(RdRole.Developer) ? RdRole.Developer : RdRole.Center;
    }

    private void Log(RdActor actor, RdRole role, DateTimeOffset at, int? milestone, string from, string to, string action, string? note) =>
        audit.Add(new RdAuditEntry(actor.OrganizationId, actor.PersonId, role, at.ToUniversalTime(), milestone, from, to, action, note));

    private Money Sum(Func<Milestone, Money> pick) => new(milestones.Sum(m => pick(m).Fen));

    private static RdOutcome Then(Action action)
    {
        action();
        return RdOutcome.Done;
    }

    private static RdOutcome NotNow(string zh, string en) => RdOutcome.Refused(RdRefusalCode.NotAllowedNow, zh, en);
    private static RdOutcome Invalid(string zh, string en) => RdOutcome.Refused(RdRefusalCode.InvalidInput, zh, en);
    private static RdOutcome WrongRole() => RdOutcome.Refused(RdRefusalCode.WrongRole, "您在本合同中无权执行此操作。", "Your organisation may not do this on this contract.");
}
