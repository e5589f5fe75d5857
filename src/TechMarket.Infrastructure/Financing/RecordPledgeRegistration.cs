using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Financing;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.Financing;

/// <summary>
/// Records CNIPA's 登记通知书. Civil Code Art. 444: the pledge exists from registration, so from here each patent
/// carries a registered pledge that the encumbrance lock reads.
/// </summary>
public sealed class RecordPledgeRegistration(TechMarketDbContext db, PledgeCaseStore store, TimeProvider clock)
{
    public async Task<PledgeOutcome?> RunAsync(Guid id, PledgeActor actor, PledgeRegistration registration, CancellationToken cancellationToken)
    {
        var loaded = await store.FindAsync(id, actor, cancellationToken);
        if (loaded is null) return null;
        var outcome = loaded.Case.RecordRegistration(actor, registration, clock.GetUtcNow());
        if (!outcome.IsDone) return outcome;
        var lenderId = loaded.Case.LenderId!.Value;
        var lenderName = await db.Organizations.Where(o => o.Id == lenderId).Select(o => o.Name).SingleAsync(cancellationToken);
        foreach (var number in loaded.Case.PatentNumbers)
        {
            db.PatentPledges.Add(new PatentPledgeRow
            {
                Id = Guid.NewGuid(), PatentNumber = number, PledgeCaseId = id, LenderId = lenderId, LenderName = lenderName,
                NoticeNumber = registration.NoticeNumber, RegisteredOn = registration.RegisteredOn,
            });
        }
        await store.SaveAsync(loaded, nameof(PledgeTrigger.RecordRegistration), registration.NoticeNumber, cancellationToken);
        return outcome;
    }
}

/// <summary>注销 on one of the five grounds of Pledge Measures Art. 18; the patents are free again from that day.</summary>
public sealed class ReleasePledge(TechMarketDbContext db, PledgeCaseStore store, TimeProvider clock)
{
    public async Task<PledgeOutcome?> RunAsync(Guid id, PledgeActor actor, ReleaseGround ground, DateOnly on, string? evidence, CancellationToken cancellationToken)
    {
        var loaded = await store.FindAsync(id, actor, cancellationToken);
        if (loaded is null) return null;
        var outcome = loaded.Case.ReleasePledge(actor, ground, on, evidence, clock.GetUtcNow());
        if (!outcome.IsDone) return outcome;
        await EndRegisteredPledgesAsync(db, id, on, cancellationToken);
        await store.SaveAsync(loaded, nameof(PledgeTrigger.Release), ground.ToString(), cancellationToken);
        return outcome;
    }

    internal static async Task EndRegisteredPledgesAsync(TechMarketDbContext db, Guid caseId, DateOnly on, CancellationToken cancellationToken)
    {
        foreach (var pledge in await db.PatentPledges.Where(p => p.PledgeCaseId == caseId && p.ReleasedOn == null).ToListAsync(cancellationToken))
            pledge.ReleasedOn = on;
    }
}

/// <summary>
/// Default → realisation: the lender asks for an auction with itself as consignor (Civil Code Art. 436). The auction is
/// the auctions branch's; the request is stored here and shown on the case until it is linked.
/// </summary>
public sealed class StartPledgeRealisation(TechMarketDbContext db, PledgeCaseStore store, TimeProvider clock)
{
    public const string AuctionMethod = "拍卖（质权人为委托人）";

    public async Task<PledgeOutcome?> RunAsync(Guid id, PledgeActor actor, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var loaded = await store.FindAsync(id, actor, cancellationToken);
        if (loaded is null) return null;
        var now = clock.GetUtcNow();
        var outcome = loaded.Case.StartRealisation(actor, AuctionMethod, now);
        if (!outcome.IsDone) return outcome;
        db.RealisationRequests.Add(new RealisationRequestRow
        {
            Id = Guid.NewGuid(), PledgeCaseId = id, ConsignorId = actor.OrganizationId,
            PatentNumbers = string.Join(",", loaded.Case.PatentNumbers), OutstandingPrincipalFen = loaded.Case.OutstandingPrincipal.Fen,
            Method = AuctionMethod, Note = note, RequestedAt = now,
        });
        await store.SaveAsync(loaded, nameof(PledgeTrigger.StartRealisation), note, cancellationToken);
        return outcome;
    }
}

/// <summary>Applies the realisation proceeds and closes the case; the registration ends (Measures Art. 18(2)).</summary>
public sealed class CloseRealisation(TechMarketDbContext db, PledgeCaseStore store, TimeProvider clock)
{
    public async Task<PledgeOutcome?> RunAsync(Guid id, PledgeActor actor, Domain.Shared.Money proceeds, DateOnly on, CancellationToken cancellationToken)
    {
        var loaded = await store.FindAsync(id, actor, cancellationToken);
        if (loaded is null) return null;
        var outcome = loaded.Case.CloseRealisation(actor, StartPledgeRealisation.AuctionMethod, proceeds, on, clock.GetUtcNow());
        if (!outcome.IsDone) return outcome;
        await ReleasePledge.EndRegisteredPledgesAsync(db, id, on, cancellationToken);
        await store.SaveAsync(loaded, nameof(PledgeTrigger.CloseRealisation), proceeds.ToString(), cancellationToken);
        return outcome;
    }
}
