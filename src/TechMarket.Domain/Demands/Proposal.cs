using TechMarket.Domain.RdContracts;
using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Demands;

public enum ProposalStatus
{
    Submitted = 1,
    /// <summary>入围</summary>
    Shortlisted = 2,
    /// <summary>揭榜: selected by the demand's owner.</summary>
    Selected = 3,
    /// <summary>未入选, with a structured reason the proposer sees.</summary>
    Declined = 4,
}

/// <summary>Why the owner declined a proposal (the proposer sees it).</summary>
public enum DeclineReason
{
    /// <summary>技术成熟度不足</summary>
    TooEarlyStage = 1,
    /// <summary>效益不明确</summary>
    BenefitUnclear = 2,
    /// <summary>费用过高</summary>
    Cost = 3,
    /// <summary>与需求不匹配</summary>
    Fit = 4,
    /// <summary>其他 (with text)</summary>
    Other = 5,
}

/// <summary>One row of a proposal's milestone plan.</summary>
public sealed class ProposalMilestone
{
    private ProposalMilestone() { Deliverable = ""; }

    public ProposalMilestone(int number, string deliverable, DateOnly dueOn, Money amount)
    {
        Number = number;
        Deliverable = deliverable.Trim();
        DueOn = dueOn;
        AmountFen = amount.Fen;
    }

    public Guid ProposalId { get; private set; }
    public int Number { get; private set; }
    public string Deliverable { get; private set; }
    public DateOnly DueOn { get; private set; }
    public long AmountFen { get; private set; }
    public Money Amount => new(AmountFen);
}

/// <summary>
/// 揭榜方案: a verified university's or institute's answer to a demand. Visible only to its author organisation,
/// the demand's owner and the center.
/// </summary>
public sealed class Proposal : IAudited
{
    private readonly List<ProposalMilestone> milestones = [];

    private Proposal() { Approach = Team = ""; }

    public Guid Id { get; private set; }
    public Guid DemandId { get; private set; }
    public Guid AuthorOrganizationId { get; private set; }
    public string Approach { get; private set; }
    public string Team { get; private set; }
    public long PriceFen { get; private set; }
    public PaymentForm PaymentForm { get; private set; }
    public RoyaltyBase? RoyaltyBase { get; private set; }
    /// <summary>提成比例 in basis points (1/100 of a percent).</summary>
    public int? RoyaltyBasisPoints { get; private set; }
    public ProposalStatus Status { get; private set; }
    public DeclineReason? DeclineReason { get; private set; }
    public string? DeclineText { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public IReadOnlyList<ProposalMilestone> Milestones => milestones;
    public Money Price => new(PriceFen);

    public static (Proposal? Proposal, IReadOnlyList<(string Field, BilingualText Error)> Errors) Submit(Guid id, Demand demand, Guid authorId,
        string approach, string team, Money price, PaymentForm form, RoyaltyBase? royaltyBase, int? royaltyBasisPoints, IReadOnlyList<MilestonePlan> plan, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentNullException.ThrowIfNull(plan);
        var errors = new List<(string, BilingualText)>();
        if (!demand.IsOpenFor(today)) errors.Add(("", new("该需求已截止或不再征集方案", "This demand no longer takes proposals")));
        if (authorId == demand.OwnerOrganizationId) errors.Add(("", new("不能对本机构的需求提交方案", "You cannot answer your own demand")));
        if (string.IsNullOrWhiteSpace(approach)) errors.Add(("Approach", new("请描述技术路线", "Describe the approach")));
        if (string.IsNullOrWhiteSpace(team)) errors.Add(("Team", new("请介绍团队", "Describe the team")));
        if (price <= Money.Zero) errors.Add(("PriceWan", new("报价须大于零", "The price must be above zero")));
        if (plan.Count == 0) errors.Add(("Milestones", new("至少填写一个里程碑", "Plan at least one milestone")));
        if (plan.Any(p => p.DueOn <= today)) errors.Add(("Milestones", new("里程碑日期须晚于今天", "Milestone dates must be after today")));
        if (plan.Count > 0 && price > Money.Zero && Terms(form, price, royaltyBase, royaltyBasisPoints).Problem(plan) is { } problem)
            errors.Add(("Milestones", new(problem, "The milestone amounts do not fit the price and payment form (Civil Code Art. 846)")));
        if (errors.Count > 0) return (null, errors);
        var proposal = new Proposal
        {
            Id = id, DemandId = demand.Id, AuthorOrganizationId = authorId, Approach = approach.Trim(), Team = team.Trim(),
            PriceFen = price.Fen, PaymentForm = form, RoyaltyBase = royaltyBase, RoyaltyBasisPoints = royaltyBasisPoints, Status = ProposalStatus.Submitted, SubmittedAt = now,
        };
        proposal.milestones.AddRange(plan.Select((p, i) => new ProposalMilestone(i + 1, p.Deliverable, p.DueOn, p.Amount)));
        return (proposal, errors);
    }

    /// <summary>
    /// Art. 846 terms from the proposal. Royalty: milestones carry no fixed money; royalty with entry fee: the price is the
    /// entry fee and the milestones share it; lump sums: the milestones add up to the price.
    /// </summary>
    public static PaymentTerms Terms(PaymentForm form, Money price, RoyaltyBase? royaltyBase, int? basisPoints) => form switch
    {
        PaymentForm.LumpSumOnce => PaymentTerms.LumpSumOnce(price),
        PaymentForm.LumpSumInstalments => PaymentTerms.LumpSumInstalments(price),
        PaymentForm.Royalty => new PaymentTerms(PaymentForm.Royalty, Money.Zero, royaltyBase, basisPoints),
        PaymentForm.RoyaltyWithEntryFee => new PaymentTerms(PaymentForm.RoyaltyWithEntryFee, price, royaltyBase, basisPoints),
        _ => PaymentTerms.LumpSumInstalments(price),
    };

    public PaymentTerms PaymentTerms => Terms(PaymentForm, Price, RoyaltyBase, RoyaltyBasisPoints);

    /// <summary>Only the author, the demand's owner and the center see a proposal.</summary>
    public bool IsVisibleTo(Demand demand, Guid? organizationId, bool isCenter)
    {
        ArgumentNullException.ThrowIfNull(demand);
        return isCenter || (organizationId is { } org && (org == AuthorOrganizationId || org == demand.OwnerOrganizationId));
    }

    public BilingualText? Shortlist(Demand demand, Guid actorOrg)
    {
        if (OwnerProblem(demand, actorOrg) is { } p) return p;
        if (Status != ProposalStatus.Submitted) return new("只能将新提交的方案列入候选", "Only a new proposal can be shortlisted");
        Status = ProposalStatus.Shortlisted;
        return null;
    }

    /// <summary>揭榜: the owner selects this proposal; the demand is awarded.</summary>
    public BilingualText? Select(Demand demand, Guid actorOrg, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(demand);
        if (OwnerProblem(demand, actorOrg) is { } p) return p;
        if (demand.Status != DemandStatus.Open) return new("该需求已揭榜或已关闭", "The demand is already awarded or closed");
        if (Status is not (ProposalStatus.Submitted or ProposalStatus.Shortlisted)) return new("该方案不能被选中", "This proposal cannot be selected");
        Status = ProposalStatus.Selected;
        DecidedAt = now;
        demand.Award(Id, now);
        return null;
    }

    public BilingualText? Decline(Demand demand, Guid actorOrg, DeclineReason reason, string? text, DateTimeOffset now)
    {
        if (OwnerProblem(demand, actorOrg) is { } p) return p;
        if (Status is not (ProposalStatus.Submitted or ProposalStatus.Shortlisted)) return new("该方案不能被婉拒", "This proposal cannot be declined");
        if (!Enum.IsDefined(reason)) return new("请选择理由", "Choose a reason");
        if (reason == Demands.DeclineReason.Other && string.IsNullOrWhiteSpace(text)) return new("选择“其他”时须说明理由", "Explain the reason when choosing Other");
        Status = ProposalStatus.Declined;
        DeclineReason = reason;
        DeclineText = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        DecidedAt = now;
        return null;
    }

    private static BilingualText? OwnerProblem(Demand demand, Guid actorOrg)
    {
        ArgumentNullException.ThrowIfNull(demand);
        return actorOrg == demand.OwnerOrganizationId ? null : new("只有需求方可以执行此操作", "Only the demand's owner may do this");
    }
}

/// <summary>A message in the thread between the demand's owner and the proposer.</summary>
public sealed class ProposalMessage
{
    private ProposalMessage() { AuthorName = Text = ""; }

    public ProposalMessage(Guid proposalId, Guid organizationId, Guid userId, string authorName, string text, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        Id = Guid.NewGuid();
        ProposalId = proposalId;
        OrganizationId = organizationId;
        UserId = userId;
        AuthorName = authorName;
        Text = text.Trim();
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid ProposalId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid UserId { get; private set; }
    public string AuthorName { get; private set; }
    public string Text { get; private set; }
    public DateTimeOffset At { get; private set; }
}
