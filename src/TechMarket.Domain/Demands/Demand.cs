using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Demands;

public enum DemandStatus
{
    /// <summary>征集中: open for proposals, listed and searchable.</summary>
    Open = 1,
    /// <summary>已揭榜: a proposal was selected.</summary>
    Awarded = 2,
    /// <summary>已关闭: withdrawn by the owner.</summary>
    Closed = 3,
}

/// <summary>
/// 技术需求 / 榜单 (directed R&amp;D, DOMAIN.md): a company's problem with goals, indicators, a budget range and a deadline.
/// The public summary is shown to everyone; the problem and indicators only after a non-disclosure undertaking.
/// </summary>
public sealed class Demand : IAudited
{
    private Demand() { Title = PublicSummary = Problem = GoalsAndIndicators = ""; }

    private Demand(Guid id, Guid ownerId, DemandDraft d, DateTimeOffset now)
    {
        Id = id;
        OwnerOrganizationId = ownerId;
        Title = d.Title.Trim();
        PublicSummary = d.PublicSummary.Trim();
        Problem = d.Problem.Trim();
        GoalsAndIndicators = d.GoalsAndIndicators.Trim();
        BudgetMinFen = d.BudgetMin.Fen;
        BudgetMaxFen = d.BudgetMax.Fen;
        Deadline = d.Deadline;
        Industry = d.Industry;
        Status = DemandStatus.Open;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid OwnerOrganizationId { get; private set; }
    public string Title { get; private set; }
    /// <summary>公开摘要: visible to everyone and indexed in the catalogue search.</summary>
    public string PublicSummary { get; private set; }
    /// <summary>Confidential: shown after the viewer's non-disclosure undertaking.</summary>
    public string Problem { get; private set; }
    public string GoalsAndIndicators { get; private set; }
    public long BudgetMinFen { get; private set; }
    public long BudgetMaxFen { get; private set; }
    public DateOnly Deadline { get; private set; }
    public Industry Industry { get; private set; }
    public DemandStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public Guid? SelectedProposalId { get; private set; }

    public Money BudgetMin => new(BudgetMinFen);
    public Money BudgetMax => new(BudgetMaxFen);

    /// <summary>Posts a demand, or lists each field's problem ("中文 / English").</summary>
    public static (Demand? Demand, IReadOnlyList<(string Field, BilingualText Error)> Errors) Post(Guid id, Guid ownerId, DemandDraft draft, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<(string, BilingualText)>();
        if (string.IsNullOrWhiteSpace(draft.Title)) errors.Add((nameof(draft.Title), new("请填写需求名称", "Enter a title")));
        if (string.IsNullOrWhiteSpace(draft.PublicSummary)) errors.Add((nameof(draft.PublicSummary), new("请填写公开摘要", "Enter a public summary")));
        if (string.IsNullOrWhiteSpace(draft.Problem)) errors.Add((nameof(draft.Problem), new("请描述要解决的问题", "Describe the problem")));
        if (string.IsNullOrWhiteSpace(draft.GoalsAndIndicators)) errors.Add((nameof(draft.GoalsAndIndicators), new("请填写目标和技术指标", "Enter goals and technical indicators")));
        if (draft.BudgetMin <= Money.Zero) errors.Add((nameof(draft.BudgetMin), new("预算下限须大于零", "The minimum budget must be above zero")));
        if (draft.BudgetMax < draft.BudgetMin) errors.Add((nameof(draft.BudgetMax), new("预算上限不能低于下限", "The maximum budget must not be below the minimum")));
        if (draft.Deadline <= today) errors.Add((nameof(draft.Deadline), new("截止日期须晚于今天", "The deadline must be after today")));
        if (draft.Industry == Industry.Unspecified) errors.Add((nameof(draft.Industry), new("请选择所属产业", "Choose an industry")));
        return errors.Count > 0 ? (null, errors) : (new Demand(id, ownerId, draft, now), errors);
    }

    public bool IsOpenFor(DateOnly today) => Status == DemandStatus.Open && today <= Deadline;

    /// <summary>Who sees the confidential part: the owner and the center always, others after an undertaking.</summary>
    public bool DetailsVisibleTo(Guid? organizationId, bool isCenter, bool acceptedNda) =>
        isCenter || (organizationId is { } org && org == OwnerOrganizationId) || acceptedNda;

    /// <summary>揭榜: the owner selected a proposal; the demand leaves the open list.</summary>
    internal void Award(Guid proposalId, DateTimeOffset now)
    {
        Status = DemandStatus.Awarded;
        SelectedProposalId = proposalId;
        ClosedAt = now;
    }

    public bool Close(DateTimeOffset now)
    {
        if (Status != DemandStatus.Open) return false;
        Status = DemandStatus.Closed;
        ClosedAt = now;
        return true;
    }
}

public sealed record DemandDraft(string Title, string PublicSummary, string Problem, string GoalsAndIndicators, Money BudgetMin, Money BudgetMax, DateOnly Deadline, Industry Industry);

/// <summary>保密承诺: the viewer undertook not to disclose the demand's details; recorded with who and when.</summary>
public sealed class NdaAcceptance : IAudited
{
    private NdaAcceptance() { }

    public NdaAcceptance(Guid demandId, Guid userId, Guid? organizationId, string typedName, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(typedName);
        Id = Guid.NewGuid();
        DemandId = demandId;
        UserId = userId;
        OrganizationId = organizationId;
        TypedName = typedName.Trim();
        AcceptedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid DemandId { get; private set; }
    public Guid UserId { get; private set; }
    public Guid? OrganizationId { get; private set; }
    public string TypedName { get; private set; } = "";
    public DateTimeOffset AcceptedAt { get; private set; }
}
