using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Demands;
using TechMarket.Domain.Payments;
using TechMarket.Domain.RdContracts;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.RdContracts;

/// <summary>
/// From the selected proposal, the demand's owner drafts a 委托开发 or 合作开发 contract: the Art. 845 contents pre-filled from
/// the demand and proposal, IP terms per Arts 859-861 (by the domain), the proposal's Art. 846 payment form and milestones,
/// and the Art. 858 risk default. One contract per proposal.
/// </summary>
public sealed class CreateDevelopmentContract(TechMarketDbContext db, TimeProvider clock)
{
    public async Task<(Guid? ContractId, BilingualText? Problem)> RunAsync(VisibleProposal p, Guid organizationId, DevelopmentContractType type, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(p);
        var (proposal, demand) = (p.Proposal, p.Demand);
        if (organizationId != demand.OwnerOrganizationId) return (null, new BilingualText("只有需求方可以发起合同", "Only the demand's owner drafts the contract"));
        if (proposal.Status != ProposalStatus.Selected) return (null, new BilingualText("请先选定（揭榜）该方案", "Select the proposal first"));
        if (await db.RdContracts.AsNoTracking().Where(c => c.ProposalId == proposal.Id).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken) is { } existing)
            return (existing, null);
        var now = clock.GetUtcNow();
        var record = new RdContractRecord
        {
            Id = Guid.NewGuid(), DemandId = demand.Id, ProposalId = proposal.Id, ClientOrganizationId = demand.OwnerOrganizationId,
            DeveloperOrganizationId = proposal.AuthorOrganizationId, Type = type, ProjectName = demand.Title,
            ContentScopeAndRequirements = $"{demand.Problem}\n\n目标与技术指标：\n{demand.GoalsAndIndicators}",
            PlanPlaceAndManner = $"技术路线：{proposal.Approach}\n\n团队：{proposal.Team}\n\n研究开发地点：研究开发方所在地；方式：按里程碑计划分期交付。",
            Confidentiality = "双方对履行本合同中知悉的对方技术秘密和商业秘密负有保密义务，未经对方书面同意不得向第三方披露；保密期限自合同签署之日起五年。",
            AcceptanceStandardAndMethod = $"按下列目标与技术指标逐项验收，由委托方在平台上对每个里程碑的交付物验收或说明理由不予验收：\n{demand.GoalsAndIndicators}",
            PaymentForm = proposal.PaymentForm, FixedAmountFen = proposal.PaymentTerms.FixedAmount.Fen, RoyaltyBase = proposal.RoyaltyBase,
            RoyaltyBasisPoints = proposal.RoyaltyBasisPoints, Status = DevelopmentContractStatus.Draft, CreatedAt = now,
            Plans = [.. proposal.Milestones.Select(m => new RdContractMilestonePlan { Number = m.Number, Deliverable = m.Deliverable, DueOn = m.DueOn, AmountFen = m.AmountFen })],
        };
        var plans = record.Plans.Select(m => new MilestonePlan(m.Deliverable, m.DueOn, new Money(m.AmountFen))).ToList();
        var (_, refusal) = DevelopmentContract.Draft(record.Id, record.ClientOrganizationId, record.DeveloperOrganizationId, type, record.Contents, record.Payment, plans, now);
        if (refusal is not null) return (null, new BilingualText(refusal.MessageZh, refusal.MessageEn));
        db.RdContracts.Add(record);
        db.AuditAs("rd-contract.drafted");
        await db.SaveChangesAsync(cancellationToken);
        return (record.Id, null);
    }
}

public sealed record ContractTermsInput(ContractContents Contents, IpTerms Ip, string? RiskAgreed);

/// <summary>Either party edits the pre-filled terms before both have signed; any signature given is withdrawn (by the domain).</summary>
public sealed class EditContractTerms(RdContractStore store)
{
    public async Task<RdOutcome> RunAsync(LoadedContract loaded, RdCaller caller, ContractTermsInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(input);
        if (loaded.Contract.Status != DevelopmentContractStatus.Draft) return RdOutcome.Refused(RdRefusalCode.NotAllowedNow, "合同签署后不能修改条款。", "Terms are fixed once signed.");
        var plans = loaded.Record.Plans.OrderBy(p => p.Number).Select(p => new MilestonePlan(p.Deliverable, p.DueOn, new Money(p.AmountFen))).ToList();
        var (_, refusal) = DevelopmentContract.Draft(loaded.Record.Id, loaded.Record.ClientOrganizationId, loaded.Record.DeveloperOrganizationId,
            loaded.Record.Type, input.Contents, loaded.Record.Payment, plans, loaded.Record.CreatedAt);
        if (refusal is not null) return new RdOutcome(refusal);
        var r = loaded.Record;
        return await store.RunAsync(loaded, caller, a =>
        {
            a.Kind = RdActionKinds.SetTerms;
            a.FilingRight = input.Ip.FilingRight;
            a.ClientMayUseFree = input.Ip.ClientMayUseFree;
            a.ClientHasFirstRefusal = input.Ip.ClientHasFirstRefusal;
            a.AnyPartnerMayVetoFiling = input.Ip.AnyPartnerMayVetoFiling;
            a.KnowHow = input.Ip.KnowHow;
            a.KnowHowAgreement = input.Ip.KnowHowAgreement;
            a.RiskAgreed = string.IsNullOrWhiteSpace(input.RiskAgreed) ? null : input.RiskAgreed.Trim();
        }, "rd-contract.terms-edited", cancellationToken, () =>
        {
            r.ProjectName = input.Contents.ProjectName.Trim();
            r.ContentScopeAndRequirements = input.Contents.ContentScopeAndRequirements.Trim();
            r.PlanPlaceAndManner = input.Contents.PlanPlaceAndManner.Trim();
            r.Confidentiality = input.Contents.Confidentiality.Trim();
            r.AcceptanceStandardAndMethod = input.Contents.AcceptanceStandardAndMethod.Trim();
        });
    }
}

/// <summary>Each party signs with its signatory's full name as registered (Art. 851: written form); the second signature locks the contract.</summary>
public sealed class SignContract(RdContractStore store)
{
    public Task<RdOutcome> RunAsync(LoadedContract loaded, RdCaller caller, string typedName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!string.Equals(typedName?.Trim(), caller.DisplayName.Trim(), StringComparison.Ordinal))
            return Task.FromResult(RdOutcome.Refused(RdRefusalCode.InvalidInput, $"签署人姓名须与账户姓名“{caller.DisplayName}”一致。", "The typed name must match your account's name."));
        return store.RunAsync(loaded, caller, a => { a.Kind = RdActionKinds.Sign; a.Text = typedName!.Trim(); }, "rd-contract.signed", cancellationToken);
    }
}

/// <summary>
/// A milestone with no money (a royalty-only plan, Art. 846) needs no escrow: the client confirms that work may start.
/// A milestone with money is funded only by the money itself (<see cref="BookMilestoneFunding"/>), never by a click.
/// </summary>
public sealed class FundMilestone(RdContractStore store)
{
    public Task<RdOutcome> RunAsync(LoadedContract loaded, RdCaller caller, int milestone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        if (loaded.Contract.Milestones.FirstOrDefault(m => m.Number == milestone) is { } m && m.Amount > Money.Zero)
            return Task.FromResult(RdOutcome.Refused(RdRefusalCode.NotAllowedNow, $"里程碑 {milestone} 须转账或刷卡托管 {m.Amount}，到账后自动生效。",
                $"Milestone {milestone} is funded by paying {m.Amount} (transfer or card); it takes effect when the money arrives."));
        return store.RunAsync(loaded, caller, a => { a.Kind = RdActionKinds.Fund; a.Milestone = milestone; a.AmountFen = 0; }, "rd-milestone.funded", cancellationToken);
    }
}

/// <summary>
/// The money for a milestone arrived (the center matched a bank receipt to its reference, or Stripe confirmed the
/// client's card payment): the Fund action and the escrow entry (key <c>MilestoneFunded:{account}</c>, so never twice)
/// are saved with what the caller staged (receipt, payment record) in one transaction. A wrong amount or a milestone
/// already funded is refused by the domain and nothing is booked.
/// </summary>
public sealed class BookMilestoneFunding(RdContractStore store)
{
    public async Task<RdOutcome> RunAsync(MilestoneFundingRecord funding, RdCaller caller, Money amount, PaymentChannel channel, string note, Action stage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(funding);
        var loaded = await store.LoadAsync(funding.ContractId, cancellationToken)
            ?? throw new InvalidOperationException($"Milestone funding {funding.Id} names a missing contract.");
        return await store.RunAsync(loaded, caller, a =>
        {
            a.Kind = RdActionKinds.Fund;
            a.Milestone = funding.Milestone;
            a.AmountFen = amount.Fen;
            a.Text = note;
        }, "rd-milestone.funded", cancellationToken, stage, channel);
    }
}

public sealed record UploadedDeliverable(string FileName, long Length, Func<Stream> Open);

/// <summary>The developer submits deliverables (notes and files); files are sniffed and stored outside wwwroot.</summary>
public sealed class SubmitDeliverable(TechMarketDbContext db, RdContractStore store, DeliverableStore files, TimeProvider clock)
{
    public async Task<RdOutcome> RunAsync(LoadedContract loaded, RdCaller caller, int milestone, string notes, IReadOnlyList<UploadedDeliverable> uploads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(uploads);
        // Role and state first, so nothing is written for a caller the domain would refuse.
        if (loaded.Contract.RolesOf(caller.Actor) is var roles && !roles.HasFlag(RdRole.Developer))
            return RdOutcome.Refused(RdRefusalCode.WrongRole, "您在本合同中无权执行此操作。", "Your organisation may not do this on this contract.");
        if (loaded.Contract.Status != DevelopmentContractStatus.InForce
            || loaded.Contract.Milestones.FirstOrDefault(m => m.Number == milestone) is not { State: MilestoneState.Funded or MilestoneState.Rejected })
            return RdOutcome.Refused(RdRefusalCode.NotAllowedNow, $"里程碑 {milestone} 当前不能提交交付物（须先托管款项）。", $"Milestone {milestone} cannot take deliverables now (fund it first).");
        var rows = new List<RdDeliverableFile>();
        foreach (var upload in uploads)
        {
            await using var stream = upload.Open();
            var (error, stored, type) = await files.SaveAsync(stream, upload.Length, cancellationToken);
            if (error is not null) return RdOutcome.Refused(RdRefusalCode.InvalidInput, $"{Path.GetFileName(upload.FileName)}：{error}", error);
            rows.Add(new RdDeliverableFile
            {
                Id = Guid.NewGuid(), ContractId = loaded.Record.Id, Milestone = milestone, StoredName = stored!, ContentType = type!,
                FileName = Path.GetFileName(upload.FileName), Length = upload.Length, UploadedBy = caller.UserId, UploadedAt = clock.GetUtcNow(),
            });
        }
        return await store.RunAsync(loaded, caller, a =>
        {
            a.Kind = RdActionKinds.Submit;
            a.Milestone = milestone;
            a.Text = notes?.Trim() ?? "";
            a.Files = string.Join(',', rows.Select(r => r.Id.ToString("N")));
        }, "rd-milestone.submitted", cancellationToken, () => db.RdDeliverableFiles.AddRange(rows));
    }
}

/// <summary>The client accepts: the milestone's escrow is released to the developer.</summary>
public sealed class AcceptMilestone(RdContractStore store)
{
    public Task<RdOutcome> RunAsync(LoadedContract loaded, RdCaller caller, int milestone, CancellationToken cancellationToken) =>
        store.RunAsync(loaded, caller, a => { a.Kind = RdActionKinds.Accept; a.Milestone = milestone; }, "rd-milestone.accepted", cancellationToken);
}

/// <summary>The client rejects with reasons: a revision round; the money stays in escrow.</summary>
public sealed class RejectMilestone(RdContractStore store)
{
    public Task<RdOutcome> RunAsync(LoadedContract loaded, RdCaller caller, int milestone, string reasons, CancellationToken cancellationToken) =>
        store.RunAsync(loaded, caller, a => { a.Kind = RdActionKinds.Reject; a.Milestone = milestone; a.Text = reasons?.Trim(); }, "rd-milestone.rejected", cancellationToken);
}

/// <summary>Either party refers a submitted or rejected milestone to the center.</summary>
public sealed class DisputeMilestone(RdContractStore store)
{
    public Task<RdOutcome> RunAsync(LoadedContract loaded, RdCaller caller, int milestone, string reason, CancellationToken cancellationToken) =>
        store.RunAsync(loaded, caller, a => { a.Kind = RdActionKinds.Dispute; a.Milestone = milestone; a.Text = reason?.Trim(); }, "rd-milestone.disputed", cancellationToken);
}

/// <summary>The center decides a dispute: release, partial release (the rest refunded) or refund, with its reasons recorded.</summary>
public sealed class DecideDispute(RdContractStore store)
{
    public Task<RdOutcome> RunAsync(LoadedContract loaded, RdCaller caller, int milestone, CenterDecisionKind kind, Money releaseToDeveloper, string reasons, CancellationToken cancellationToken) =>
        store.RunAsync(loaded, caller, a =>
        {
            a.Kind = RdActionKinds.Decide;
            a.Milestone = milestone;
            a.DecisionKind = kind;
            a.AmountFen = releaseToDeveloper.Fen;
            a.Text = reasons?.Trim();
        }, "rd-milestone.decided", cancellationToken);
}
