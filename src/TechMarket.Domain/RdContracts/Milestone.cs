using TechMarket.Domain.Shared;

namespace TechMarket.Domain.RdContracts;

public enum MilestoneState
{
    /// <summary>未托管: no money in escrow yet; work does not start.</summary>
    Unfunded = 1,
    /// <summary>已托管: the client's money sits in escrow.</summary>
    Funded = 2,
    /// <summary>已提交: the developer delivered; the client reviews.</summary>
    Submitted = 3,
    /// <summary>已验收: accepted, escrow released to the developer.</summary>
    Accepted = 4,
    /// <summary>未通过验收: rejected with reasons; the developer revises and resubmits.</summary>
    Rejected = 5,
    /// <summary>争议中: referred to the center.</summary>
    Disputed = 6,
    /// <summary>中心已裁决: release, partial release or refund.</summary>
    Decided = 7,
}

public enum CenterDecisionKind
{
    Release = 1,
    PartialRelease = 2,
    Refund = 3,
}

/// <summary>The center's decision on a disputed milestone, with its reasons.</summary>
public sealed record CenterDecision(CenterDecisionKind Kind, Money ReleaseToDeveloper, string Reasons);

public sealed record Submission(DateTimeOffset At, string Notes, IReadOnlyList<string> Files);

public sealed record Rejection(DateTimeOffset At, string Reasons);

/// <summary>
/// A milestone of a development contract with its escrow. Money is conserved: at every moment
/// funded = released + refunded + held, and a settled milestone holds nothing.
/// </summary>
public sealed class Milestone
{
    private readonly List<Submission> submissions = [];
    private readonly List<Rejection> rejections = [];

    internal Milestone(int number, MilestonePlan plan)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(plan.Deliverable);
        if (plan.Amount < Money.Zero) throw new ArgumentOutOfRangeException(nameof(plan), "A milestone amount is not negative.");
        Number = number;
        Deliverable = plan.Deliverable;
        DueOn = plan.DueOn;
        Amount = plan.Amount;
        State = MilestoneState.Unfunded;
    }

    public int Number { get; }
    public string Deliverable { get; }
    public DateOnly DueOn { get; }
    public Money Amount { get; }
    public MilestoneState State { get; private set; }
    public Money Funded { get; private set; }
    public Money Released { get; private set; }
    public Money Refunded { get; private set; }
    public Money Held => Funded - Released - Refunded;
    public IReadOnlyList<Submission> Submissions => submissions;
    public IReadOnlyList<Rejection> Rejections => rejections;
    /// <summary>How many times the client sent the work back.</summary>
    public int RevisionRounds => rejections.Count;
    public string? DisputeReason { get; private set; }
    public CenterDecision? Decision { get; private set; }
    public DateTimeOffset? SettledAt { get; private set; }

    public bool IsSettled => State is MilestoneState.Accepted or MilestoneState.Decided;

    internal void Fund(Money amount)
    {
        Funded = amount;
        State = MilestoneState.Funded;
        CheckConservation();
    }

    internal void Submit(Submission submission)
    {
        submissions.Add(submission);
        State = MilestoneState.Submitted;
    }

    internal void Accept(DateTimeOffset at)
    {
        Released += Held;
        State = MilestoneState.Accepted;
        SettledAt = at;
        CheckConservation();
    }

    internal void Reject(Rejection rejection)
    {
        rejections.Add(rejection);
        State = MilestoneState.Rejected;
    }

    internal void Dispute(string reason)
    {
        DisputeReason = reason;
        State = MilestoneState.Disputed;
    }

    internal void Decide(CenterDecision decision, DateTimeOffset at)
    {
        var held = Held;
        Released += decision.ReleaseToDeveloper;
        Refunded += held - decision.ReleaseToDeveloper;
        Decision = decision;
        State = MilestoneState.Decided;
        SettledAt = at;
        CheckConservation();
    }

    private void CheckConservation()
    {
        // A broken invariant throws: escrow never creates or loses money.
        if (Released < Money.Zero || Refunded < Money.Zero || Held < Money.Zero || Funded != Released + Refunded + Held)
            throw new InvalidOperationException($"Escrow of milestone {Number} does not balance.");
        if (IsSettled && Held != Money.Zero) throw new InvalidOperationException($"Settled milestone {Number} still holds {Held}.");
    }
}
