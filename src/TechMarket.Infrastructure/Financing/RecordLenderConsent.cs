using TechMarket.Domain.Financing;
using TechMarket.Domain.Rights;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.Financing;

public sealed record ConsentInput(string PatentNumber, PatentDealing Scope, DateOnly GivenOn, DateOnly? ValidUntil, ProceedsApplication Proceeds);

/// <summary>The lender consents in the platform to a dealing with a pledged patent (Civil Code Art. 444); the lock reads it.</summary>
public sealed class RecordLenderConsent(TechMarketDbContext db, PledgeCaseStore store, TimeProvider clock)
{
    public async Task<PledgeRefusal?> RunAsync(Guid id, PledgeActor actor, ConsentInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var loaded = await store.FindAsync(id, actor, cancellationToken)
            ?? throw new KeyNotFoundException("The case is not visible to the caller.");
        var pledge = loaded.Case;
        if (!pledge.RolesOf(actor).HasFlag(PledgeRole.Lender))
            return new(PledgeRefusalCode.WrongRole, "只有质权人可以同意处分质押专利。", "Only the lender can consent.");
        if (pledge.Registration is null || pledge.State is PledgeState.Released or PledgeState.Closed)
            return new(PledgeRefusalCode.NotAllowedNow, "质押尚未登记或已注销，无需同意。", "No registered pledge stands; no consent is needed.");
        if (!pledge.PatentNumbers.Contains(input.PatentNumber, StringComparer.OrdinalIgnoreCase))
            return new(PledgeRefusalCode.InvalidInput, "该专利不在本案质押范围内。", "The patent is not pledged in this case.");
        if (input.Scope == PatentDealing.None)
            return new(PledgeRefusalCode.InvalidInput, "请选择同意的处分范围。", "Choose what the consent covers.");
        if (input.ValidUntil is { } until && until < input.GivenOn)
            return new(PledgeRefusalCode.InvalidInput, "有效期不能早于同意日期。", "The consent cannot end before it is given.");
        db.LenderConsents.Add(new LenderConsentRow
        {
            Id = Guid.NewGuid(), PatentNumber = input.PatentNumber, PledgeCaseId = id, LenderId = actor.OrganizationId,
            Scope = input.Scope, GivenOn = input.GivenOn, ValidUntil = input.ValidUntil, Proceeds = input.Proceeds, RecordedAt = clock.GetUtcNow(),
        });
        db.AuditAs("pledge.consent", $"{input.PatentNumber}: {input.Scope} from {input.GivenOn:yyyy-MM-dd}");
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
