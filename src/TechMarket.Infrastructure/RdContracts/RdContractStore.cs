using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.RdContracts;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.RdContracts;

/// <summary>A contract as loaded: its record, the domain object rebuilt from the actions, and the next sequence number.</summary>
public sealed record LoadedContract(RdContractRecord Record, DevelopmentContract Contract, int NextSeq);

/// <summary>Who acts, as the domain sees them, plus the person's name for signatures and mail.</summary>
public sealed record RdCaller(Guid OrganizationId, Guid UserId, bool IsCenter, string DisplayName)
{
    public RdActor Actor => new(OrganizationId, UserId, IsCenter);
}

/// <summary>Loads contracts by replaying their actions through the domain, and runs a new action as one audited unit of work.</summary>
public sealed class RdContractStore(TechMarketDbContext db, IMilestoneEscrowBook escrow, TimeProvider clock)
{
    public async Task<LoadedContract?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var record = await db.RdContracts.Include(c => c.Plans).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (record is null) return null;
        var actions = await db.RdContractActions.AsNoTracking().Where(a => a.ContractId == id).OrderBy(a => a.Seq).ToListAsync(cancellationToken);
        var contract = Replay(record, actions);
        return new LoadedContract(record, contract, actions.Count == 0 ? 1 : actions[^1].Seq + 1);
    }

    /// <summary>The contract if the caller is a party or the center; otherwise null (pages answer 404, not 403).</summary>
    public async Task<LoadedContract?> LoadVisibleAsync(Guid id, RdCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var loaded = await LoadAsync(id, cancellationToken);
        return loaded is not null && loaded.Contract.IsVisibleTo(caller.Actor) ? loaded : null;
    }

    public static DevelopmentContract Replay(RdContractRecord record, IEnumerable<RdContractAction> actions)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(actions);
        var plans = record.Plans.OrderBy(p => p.Number).Select(p => new MilestonePlan(p.Deliverable, p.DueOn, new Money(p.AmountFen))).ToList();
        var (contract, refusal) = DevelopmentContract.Draft(record.Id, record.ClientOrganizationId, record.DeveloperOrganizationId, record.Type,
            record.Contents, record.Payment, plans, record.CreatedAt);
        if (contract is null) throw new InvalidOperationException($"Stored contract {record.Id} no longer drafts: {refusal?.MessageEn}");
        foreach (var a in actions)
        {
            var outcome = Apply(contract, a);
            // Stored actions were accepted once; a refusal now means the data or the rules changed underneath.
            if (!outcome.IsDone) throw new InvalidOperationException($"Action {a.Seq} ({a.Kind}) of contract {record.Id} does not replay: {outcome.Refusal?.MessageEn}");
        }
        return contract;
    }

    public static RdOutcome Apply(DevelopmentContract contract, RdContractAction a)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(a);
        var actor = new RdActor(a.ActorOrganizationId, a.ActorUserId, a.ActorIsCenter);
        var number = a.Milestone ?? 0;
        return a.Kind switch
        {
            RdActionKinds.SetTerms => contract.SetIpTerms(actor,
                new IpTerms(a.FilingRight ?? FilingRightHolder.Developer, a.ClientMayUseFree ?? false, a.ClientHasFirstRefusal ?? false,
                    a.AnyPartnerMayVetoFiling ?? false, a.KnowHow ?? KnowHowTerms.EachMayUse, a.KnowHowAgreement),
                string.IsNullOrWhiteSpace(a.RiskAgreed) ? TechnicalRiskTerms.SharedReasonably : new TechnicalRiskTerms(a.RiskAgreed), a.At),
            RdActionKinds.Sign => contract.Sign(actor, a.Text ?? "", a.At),
            RdActionKinds.Fund => contract.Fund(actor, number, new Money(a.AmountFen ?? 0), a.At),
            RdActionKinds.Submit => contract.Submit(actor, number, a.Text ?? "", string.IsNullOrEmpty(a.Files) ? [] : a.Files.Split(','), a.At),
            RdActionKinds.Accept => contract.Accept(actor, number, a.At),
            RdActionKinds.Reject => contract.Reject(actor, number, a.Text ?? "", a.At),
            RdActionKinds.Dispute => contract.Dispute(actor, number, a.Text ?? "", a.At),
            RdActionKinds.Decide => contract.Decide(actor, number, new CenterDecision(a.DecisionKind ?? CenterDecisionKind.Refund, new Money(a.AmountFen ?? 0), a.Text ?? ""), a.At),
            _ => throw new InvalidOperationException($"Unknown contract action {a.Kind}."),
        };
    }

    /// <summary>
    /// Runs one action: the domain decides; when it agrees the action is appended, the escrow postings that follow from the
    /// milestone's money are staged, the projections updated and everything saved in one SaveChanges (audited).
    /// </summary>
    public async Task<RdOutcome> RunAsync(LoadedContract loaded, RdCaller caller, Action<RdContractAction> describe, string auditAction, CancellationToken cancellationToken, Action? stageOnSuccess = null)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(describe);
        var now = clock.GetUtcNow();
        var action = new RdContractAction
        {
            Id = Guid.NewGuid(), ContractId = loaded.Record.Id, Seq = loaded.NextSeq, ActorOrganizationId = caller.OrganizationId,
            ActorUserId = caller.UserId, ActorIsCenter = caller.IsCenter, At = now,
        };
        describe(action);
        var contract = loaded.Contract;
        var before = contract.Milestones.ToDictionary(m => m.Number, m => (m.Funded, m.Released, m.Refunded));
        var outcome = Apply(contract, action);
        if (!outcome.IsDone) return outcome;

        foreach (var m in contract.Milestones)
        {
            var (funded, released, refunded) = before[m.Number];
            if (m.Funded > funded) await escrow.FundAsync(contract.Id, m.Number, m.Funded - funded, now, cancellationToken);
            if (m.Released > released) await escrow.ReleaseAsync(contract.Id, m.Number, m.Released - released, now, cancellationToken);
            if (m.Refunded > refunded) await escrow.RefundAsync(contract.Id, m.Number, m.Refunded - refunded, now, cancellationToken);
        }
        stageOnSuccess?.Invoke();
        db.RdContractActions.Add(action);
        loaded.Record.Status = contract.Status;
        loaded.Record.SignedAt = contract.SignedAt;
        loaded.Record.CompletedAt = contract.CompletedAt;
        db.AuditAs(auditAction, action.Text);
        await db.SaveChangesAsync(cancellationToken);
        return outcome;
    }
}
