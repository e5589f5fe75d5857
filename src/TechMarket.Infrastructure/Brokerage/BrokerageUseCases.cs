using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Brokerage;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Payments;

namespace TechMarket.Infrastructure.Brokerage;

/// <summary>What the broker changes on a case in one form: the broker, the next action and its date, the fee.</summary>
public sealed record BrokeragePlan(Guid? BrokerUserId, string? NextAction, DateOnly? DueOn, Money? Fee);

/// <summary>Saves the broker, next action, due date and agreed fee of a case (audited as brokerage.planned).</summary>
public sealed class PlanBrokerageCase(TechMarketDbContext db, TimeProvider clock)
{
    public async Task<BrokerageRefusal?> RunAsync(Guid caseId, BrokeragePlan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var brokerage = await db.BrokerageCases.FirstOrDefaultAsync(c => c.Id == caseId, ct).ConfigureAwait(false);
        if (brokerage is null) return null;
        var now = clock.GetUtcNow();
        var refusal = plan.BrokerUserId is { } broker ? brokerage.Assign(broker, now) : BrokerageRefusal.None;
        if (refusal == BrokerageRefusal.None) refusal = brokerage.Plan(plan.NextAction, plan.DueOn, now);
        if (refusal == BrokerageRefusal.None && plan.Fee is { } fee) refusal = brokerage.AgreeFee(fee, now);
        if (refusal != BrokerageRefusal.None) return refusal;
        db.AuditAs("brokerage.planned");
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return BrokerageRefusal.None;
    }
}

/// <summary>
/// Moves a case one stage on (or drops it). Reaching "deal" may name the deal it led to (by id, which must exist);
/// closing after a deal posts the agreed brokerage fee to the ledger in the same transaction (Civil Code Art. 963:
/// the broker is paid once the contract is made), once per case whatever the retries.
/// </summary>
public sealed class MoveBrokerageCase(TechMarketDbContext db, PostJournalEntry post, TimeProvider clock)
{
    public enum Problem { None, NotFound, Refused, UnknownDeal }

    public async Task<(Problem Problem, BrokerageRefusal Refusal)> RunAsync(Guid caseId, BrokerageStage stage, Guid? dealId, CancellationToken ct)
    {
        var brokerage = await db.BrokerageCases.FirstOrDefaultAsync(c => c.Id == caseId, ct).ConfigureAwait(false);
        if (brokerage is null) return (Problem.NotFound, BrokerageRefusal.None);
        if (dealId is { } deal)
        {
            if (!await db.Deals.AnyAsync(d => d.Id == deal, ct).ConfigureAwait(false)) return (Problem.UnknownDeal, BrokerageRefusal.None);
            brokerage.LinkDeal(deal);
        }
        var refusal = brokerage.MoveTo(stage, clock.GetUtcNow());
        if (refusal != BrokerageRefusal.None) return (Problem.Refused, refusal);
        var action = "brokerage." + stage.ToString().ToLowerInvariant();
        if (brokerage.FeeEntry() is { } fee)
        {
            // PostJournalEntry saves the stage change and the entry together; a second close finds the case finished.
            await post.RunAsync([fee], action, brokerage.Title, ct).ConfigureAwait(false);
        }
        else
        {
            db.AuditAs(action);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        return (Problem.None, BrokerageRefusal.None);
    }
}

/// <summary>Appends a broker's note to a case.</summary>
public sealed class AddBrokerageNote(TechMarketDbContext db, TimeProvider clock)
{
    public async Task<bool> RunAsync(Guid caseId, Guid? authorUserId, string text, CancellationToken ct)
    {
        if (!await db.BrokerageCases.AnyAsync(c => c.Id == caseId, ct).ConfigureAwait(false)) return false;
        db.BrokerageNotes.Add(new BrokerageNote(Guid.CreateVersion7(clock.GetUtcNow()), caseId, authorUserId, text, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return true;
    }
}
