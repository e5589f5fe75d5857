using TechMarket.Domain.Financing;

namespace TechMarket.Infrastructure.Financing;

/// <summary>The pre-filing checks as the filing page shows them: each CNIPA refusal ground, passed or failed.</summary>
public sealed record FilingCheckReport(IReadOnlyList<FilingCheckFailure> Failures)
{
    public bool Passes(FilingCheck check) => Failures.All(f => f.Check != check);
    public IEnumerable<FilingCheckFailure> FailuresOf(FilingCheck check) => Failures.Where(f => f.Check == check);
}

/// <summary>Files the pledge registration with CNIPA once every pre-filing check passes (Pledge Measures 2021).</summary>
public sealed class FilePledgeRegistration(PledgeCaseStore store, PatentRegister register, TimeProvider clock)
{
    /// <summary>Runs the checks without filing; null when the case is not visible or has no signed contract yet.</summary>
    public async Task<FilingCheckReport?> PreviewAsync(LoadedPledgeCase loaded, bool continueDespiteInvalidation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        if (loaded.Case.Contract is null) return null;
        var patents = await register.LoadAsync(loaded.Case.PatentNumbers.ToList(), cancellationToken);
        return new FilingCheckReport(loaded.Case.CheckBeforeFiling(patents, continueDespiteInvalidation));
    }

    public async Task<PledgeOutcome?> RunAsync(Guid id, PledgeActor actor, FilingPackage package, CancellationToken cancellationToken)
    {
        var loaded = await store.FindAsync(id, actor, cancellationToken);
        if (loaded is null) return null;
        var patents = await register.LoadAsync(loaded.Case.PatentNumbers.ToList(), cancellationToken);
        var outcome = loaded.Case.FileRegistration(actor, package, patents, clock.GetUtcNow());
        if (outcome.IsDone) await store.SaveAsync(loaded, nameof(PledgeTrigger.FileRegistration), package?.AgentName, cancellationToken);
        return outcome;
    }
}
