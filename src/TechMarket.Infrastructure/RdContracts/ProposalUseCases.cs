using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Demands;
using TechMarket.Domain.Organizations;
using TechMarket.Domain.RdContracts;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;
using TechMarket.Search;

namespace TechMarket.Infrastructure.RdContracts;

/// <summary>A proposal with its demand, loaded only when the caller may see it (else null: the page answers 404).</summary>
public sealed record VisibleProposal(Proposal Proposal, Demand Demand);

public sealed class FindVisibleProposal(TechMarketDbContext db)
{
    public async Task<VisibleProposal?> RunAsync(Guid proposalId, Guid? organizationId, bool isCenter, CancellationToken cancellationToken)
    {
        var proposal = await db.Proposals.FirstOrDefaultAsync(p => p.Id == proposalId, cancellationToken);
        if (proposal is null) return null;
        var demand = await db.Demands.FirstAsync(d => d.Id == proposal.DemandId, cancellationToken);
        return proposal.IsVisibleTo(demand, organizationId, isCenter) ? new VisibleProposal(proposal, demand) : null;
    }
}

/// <summary>A verified university or institute answers an open demand.</summary>
public sealed class SubmitProposal(TechMarketDbContext db, TimeProvider clock)
{
    public async Task<(Proposal? Proposal, IReadOnlyList<(string Field, BilingualText Error)> Errors)> RunAsync(Guid demandId, Guid organizationId,
        string approach, string team, Money price, PaymentForm form, RoyaltyBase? royaltyBase, int? basisPoints, IReadOnlyList<MilestonePlan> plan, CancellationToken cancellationToken)
    {
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId, cancellationToken);
        if (org is not { Type: OrganizationType.University, Verification: VerificationStatus.Verified })
            return (null, [("", new BilingualText("只有已认证的高校或科研院所可以提交方案", "Only verified universities and institutes submit proposals"))]);
        var demand = await db.Demands.FirstOrDefaultAsync(d => d.Id == demandId, cancellationToken);
        if (demand is null) return (null, [("", new BilingualText("需求不存在", "No such demand"))]);
        if (await db.Proposals.AnyAsync(p => p.DemandId == demandId && p.AuthorOrganizationId == organizationId && p.Status != ProposalStatus.Declined, cancellationToken))
            return (null, [("", new BilingualText("贵机构已对该需求提交方案，可在方案页沟通修改", "Your organisation already has a proposal for this demand"))]);
        var now = clock.GetUtcNow();
        var (proposal, errors) = Proposal.Submit(Guid.NewGuid(), demand, organizationId, approach, team, price, form, royaltyBase, basisPoints, plan, RdClock.Today(now), now);
        if (proposal is null) return (null, errors);
        db.Proposals.Add(proposal);
        db.AuditAs("proposal.submitted");
        await db.SaveChangesAsync(cancellationToken);
        return (proposal, errors);
    }
}

public sealed class ShortlistProposal(TechMarketDbContext db)
{
    public async Task<BilingualText?> RunAsync(VisibleProposal p, Guid organizationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (p.Proposal.Shortlist(p.Demand, organizationId) is { } problem) return problem;
        db.AuditAs("proposal.shortlisted");
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}

/// <summary>A question or answer in the thread between the demand's owner and the proposer (the center reads along).</summary>
public sealed class PostProposalMessage(TechMarketDbContext db, TimeProvider clock)
{
    public async Task<BilingualText?> RunAsync(VisibleProposal p, Guid organizationId, Guid userId, string authorName, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (organizationId != p.Demand.OwnerOrganizationId && organizationId != p.Proposal.AuthorOrganizationId)
            return new BilingualText("只有需求方和方案提交方可以留言", "Only the demand's owner and the proposer post messages");
        if (string.IsNullOrWhiteSpace(text)) return new BilingualText("请输入内容", "Write a message");
        db.ProposalMessages.Add(new ProposalMessage(p.Proposal.Id, organizationId, userId, authorName, text, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}

/// <summary>揭榜: the owner selects one proposal; the demand is awarded and leaves the catalogue index.</summary>
public sealed class SelectProposal(TechMarketDbContext db, ICatalogIndexer indexer, TimeProvider clock)
{
    public async Task<BilingualText?> RunAsync(VisibleProposal p, Guid organizationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (p.Proposal.Select(p.Demand, organizationId, clock.GetUtcNow()) is { } problem) return problem;
        db.AuditAs("proposal.selected");
        await db.SaveChangesAsync(cancellationToken);
        await indexer.DeleteAsync([p.Demand.Id], cancellationToken);
        await indexer.CommitAsync(cancellationToken);
        return null;
    }
}

public sealed class DeclineProposal(TechMarketDbContext db, TimeProvider clock)
{
    public async Task<BilingualText?> RunAsync(VisibleProposal p, Guid organizationId, DeclineReason reason, string? text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (p.Proposal.Decline(p.Demand, organizationId, reason, text, clock.GetUtcNow()) is { } problem) return problem;
        db.AuditAs("proposal.declined", text);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
