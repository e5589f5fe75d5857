using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Payments;
using TechMarket.Domain.RdContracts;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Payments;

namespace TechMarket.Infrastructure.RdContracts;

/// <summary>A contract as loaded: its record, the domain object rebuilt from the actions, and the next sequence number.</summary>
public sealed record LoadedContract(RdContractRecord Record, DevelopmentContract Contract, int NextSeq);

/// <summary>Who acts, as the domain sees them, plus the person's name for signatures and mail.</summary>
public sealed record RdCaller(Guid OrganizationId, Guid UserId, bool IsCenter, string DisplayName)
{
    public RdActor Actor => new(OrganizationId, UserId, IsCenter);
}

/// <summary>Loads contracts by replaying their actions through the domain, and runs a new action as one audited unit of work.</summary>
public sealed class RdContractStore(TechMarketDbContext db, PostJournalEntry post, LedgerBalances ledger, TimeProvider clock)
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
    /// Runs one action: the domain decides; when it agrees the action is appended and the escrow's journal entries that
    /// follow from the milestone's money (funded → escrow; released → payable to the developer; refunded → refund payable
    /// to the client) are posted through <see cref="PostJournalEntry"/> with the projections, in one audited SaveChanges.
    /// Money leaving escrow is checked against the ledger's balance first, so a release never exceeds what is held.
    /// The action that brings the contract into force issues each paid milestone's funding reference.
    /// </summary>
    public async Task<RdOutcome> RunAsync(LoadedContract loaded, RdCaller caller, Action<RdContractAction> describe, string auditAction, CancellationToken cancellationToken,
        Action? stageOnSuccess = null, PaymentChannel fundedBy = PaymentChannel.BankTransfer)
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
        var statusBefore = contract.Status;
        var before = contract.Milestones.ToDictionary(m => m.Number, m => (m.Funded, m.Released, m.Refunded));
        var outcome = Apply(contract, action);
        if (!outcome.IsDone) return outcome;

        var entries = new List<JournalEntry>();
        var funding = await db.MilestoneFunding.Where(f => f.ContractId == contract.Id).ToDictionaryAsync(f => f.Milestone, cancellationToken);
        foreach (var m in contract.Milestones)
        {
            var (funded, released, refunded) = before[m.Number];
            var (fundedNow, releasedNow, refundedNow) = (m.Funded - funded, m.Released - released, m.Refunded - refunded);
            if (fundedNow == Money.Zero && releasedNow == Money.Zero && refundedNow == Money.Zero) continue;
            var row = funding.GetValueOrDefault(m.Number) ?? throw new InvalidOperationException($"Milestone {m.Number} of contract {contract.Id} has no escrow account.");
            if (fundedNow > Money.Zero) entries.Add(MilestoneEscrow.Fund(row.Id, fundedNow, fundedBy, now));
            if (releasedNow + refundedNow > Money.Zero)
            {
                // Defence in depth: the domain's figures come from the action log; the ledger must hold what leaves escrow.
                var held = Money.Zero - await ledger.BalanceAsync(LedgerAccount.MilestoneEscrow(row.Id), cancellationToken);
                if (releasedNow + refundedNow > held)
                    return RdOutcome.Refused(RdRefusalCode.WrongAmount, $"托管余额 {held} 不足，不能支付 {releasedNow + refundedNow}。", $"Escrow holds {held}; {releasedNow + refundedNow} cannot leave it.");
                var reason = Truncate(action.Kind == RdActionKinds.Decide ? $"中心裁决 center decision: {action.Text}" : "里程碑验收通过 milestone accepted");
                if (releasedNow > Money.Zero) entries.Add(MilestoneEscrow.ReleaseToDeveloper(row.Id, releasedNow, reason, now));
                if (refundedNow > Money.Zero) entries.Add(MilestoneEscrow.RefundToClient(row.Id, refundedNow, reason, now));
            }
            row.Version++;
        }
        if (statusBefore == DevelopmentContractStatus.Draft && contract.Status == DevelopmentContractStatus.InForce)
        {
            foreach (var m in contract.Milestones.Where(m => m.Amount > Money.Zero && !funding.ContainsKey(m.Number)))
            {
                db.MilestoneFunding.Add(new MilestoneFundingRecord
                {
                    Id = Guid.CreateVersion7(now), ContractId = contract.Id, Milestone = m.Number, ClientOrganizationId = contract.ClientId,
                    DeveloperOrganizationId = contract.DeveloperId, AmountFen = m.Amount.Fen, PaymentReference = PaymentReferences.New().Value, CreatedAt = now,
                });
            }
        }
        stageOnSuccess?.Invoke();
        db.RdContractActions.Add(action);
        loaded.Record.Status = contract.Status;
        loaded.Record.SignedAt = contract.SignedAt;
        loaded.Record.CompletedAt = contract.CompletedAt;
        try
        {
            if (entries.Count > 0)
            {
                var posted = await post.RunAsync(entries, auditAction, action.Text, cancellationToken);
                return posted == PostingResult.Posted ? outcome : Conflict();
            }
            db.AuditAs(auditAction, action.Text);
            await db.SaveChangesAsync(cancellationToken);
            return outcome;
        }
        catch (DbUpdateException)
        {
            // Another action on this contract (same sequence number) or a money movement on the milestone came first.
            db.ChangeTracker.Clear();
            return Conflict();
        }
    }

    private static RdOutcome Conflict() => RdOutcome.Refused(RdRefusalCode.Conflict,
        "合同或款项刚被他人更新，本次操作未执行，请刷新后查看。", "The contract or its money changed meanwhile; nothing was done. Reload and check.");

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500];
}
