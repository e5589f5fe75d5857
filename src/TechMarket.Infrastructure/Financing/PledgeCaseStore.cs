using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Financing;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.Financing;

/// <summary>A stored case, tracked, with its domain object.</summary>
public sealed record LoadedPledgeCase(PledgeCaseRow Row, PledgeCase Case);

/// <summary>Loads cases the caller may see and saves them with an audit entry in the same SaveChanges.</summary>
public sealed class PledgeCaseStore(TechMarketDbContext db, TimeProvider clock)
{
    /// <summary>A lender sees only cases sent to it, an evaluator only cases it was asked to value, the applicant its own, the center all.</summary>
    public IQueryable<PledgeCaseRow> VisibleTo(PledgeActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.IsCenter) return db.PledgeCases;
        var org = actor.OrganizationId;
        return db.PledgeCases.Where(c => c.ApplicantId == org || c.ThirdPartyPledgorId == org || c.EvaluatorId == org || c.LenderId == org);
    }

    public async Task<LoadedPledgeCase?> FindAsync(Guid id, PledgeActor actor, CancellationToken cancellationToken)
    {
        var row = await VisibleTo(actor).Include(c => c.Patents).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (row is null) return null;
        var pledge = PledgeJson.Read(row.Snapshot);
        // The columns and the domain agree; the domain has the last word.
        return pledge.IsVisibleTo(actor) ? new LoadedPledgeCase(row, pledge) : null;
    }

    /// <summary>Writes the case back and audits it as pledge.{action}; the row is <c>IAudited</c>, so the log entry commits with it.</summary>
    public async Task SaveAsync(LoadedPledgeCase loaded, string action, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        Write(loaded.Row, loaded.Case, clock.GetUtcNow());
        db.AuditAs("pledge." + action, reason);
        await db.SaveChangesAsync(cancellationToken);
    }

    internal static void Write(PledgeCaseRow row, PledgeCase pledge, DateTimeOffset now)
    {
        row.State = pledge.State;
        row.EvaluatorId = pledge.EvaluatorId;
        row.LenderId = pledge.LenderId;
        row.ApprovedAmountFen = pledge.Decision?.LoanAmount.Fen;
        row.Snapshot = PledgeJson.Write(pledge);
        row.UpdatedAt = now;
        row.ConcurrencyStamp = Guid.NewGuid();
    }
}

/// <summary>
/// A transition with no effect beyond the case itself (request valuation, submit, review, approve, reject, sign,
/// disburse, repay, declare default): load what the caller may see, ask the case, save if done.
/// Null means the case is not visible to the caller.
/// </summary>
public sealed class ActOnPledgeCase(PledgeCaseStore store)
{
    public async Task<PledgeOutcome?> RunAsync(Guid id, PledgeActor actor, PledgeTrigger trigger, Func<PledgeCase, PledgeOutcome> act, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(act);
        var loaded = await store.FindAsync(id, actor, cancellationToken);
        if (loaded is null) return null;
        var outcome = act(loaded.Case);
        if (outcome.IsDone) await store.SaveAsync(loaded, trigger.ToString(), (loaded.Case.Audit.Count > 0 ? loaded.Case.Audit[^1].Note : null), cancellationToken);
        return outcome;
    }
}
