using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Financing;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.Financing;

public sealed record LoanTotal(string Key, int Count, Money Amount);

public sealed record CaseAlerts(Guid CaseId, string Applicant, PledgeState State, IReadOnlyList<PledgeAlert> Alerts);

public sealed record PendingRegistration(Guid CaseId, string Applicant, string? Lender, DateTimeOffset Since);

public sealed record PledgeDashboard(IReadOnlyList<LoanTotal> ByIndustry, IReadOnlyList<LoanTotal> ByLender,
    IReadOnlyList<PendingRegistration> PendingRegistrations, IReadOnlyList<CaseAlerts> Alerts);

/// <summary>The center's view: pledge loans by industry and by lender, registrations pending, risk alerts.</summary>
public sealed class PledgeStatistics(TechMarketDbContext db, PatentRegister register, TimeProvider clock)
{
    /// <summary>A pledge loan exists once CNIPA registered the pledge (Civil Code Art. 444); rejected and pre-registration cases are not loans.</summary>
    public static readonly PledgeState[] LoanStates =
        [PledgeState.Registered, PledgeState.Disbursed, PledgeState.Repaying, PledgeState.Repaid, PledgeState.Released, PledgeState.Default, PledgeState.Realisation, PledgeState.Closed];

    private static readonly PledgeState[] Inactive = [PledgeState.Draft, PledgeState.Rejected, PledgeState.Released, PledgeState.Closed];

    public async Task<PledgeDashboard> BuildAsync(CancellationToken cancellationToken)
    {
        var names = await db.Organizations.AsNoTracking().Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var loans = await db.PledgeCases.AsNoTracking().Where(c => LoanStates.Contains(c.State))
            .Select(c => new { c.Industry, c.LenderId, c.ApprovedAmountFen }).ToListAsync(cancellationToken);
        var byIndustry = loans.GroupBy(l => l.Industry).OrderBy(g => g.Key)
            .Select(g => new LoanTotal(IndustryName(g.Key), g.Count(), new Money(g.Sum(l => l.ApprovedAmountFen ?? 0)))).ToList();
        var byLender = loans.GroupBy(l => l.LenderId).OrderByDescending(g => g.Sum(l => l.ApprovedAmountFen ?? 0))
            .Select(g => new LoanTotal(g.Key is { } id && names.TryGetValue(id, out var n) ? n : "—", g.Count(), new Money(g.Sum(l => l.ApprovedAmountFen ?? 0)))).ToList();

        var pending = (await db.PledgeCases.AsNoTracking().Where(c => c.State == PledgeState.RegistrationFiled)
                .Select(c => new { c.Id, c.ApplicantId, c.LenderId, c.UpdatedAt }).ToListAsync(cancellationToken))
            .OrderBy(c => c.UpdatedAt)
            .Select(c => new PendingRegistration(c.Id, names.GetValueOrDefault(c.ApplicantId, "—"), c.LenderId is { } l ? names.GetValueOrDefault(l) : null, c.UpdatedAt)).ToList();

        var active = await db.PledgeCases.AsNoTracking().Where(c => !Inactive.Contains(c.State)).Select(c => new { c.Id, c.ApplicantId, c.Snapshot }).ToListAsync(cancellationToken);
        var cases = active.Select(a => (a.Id, a.ApplicantId, Case: PledgeJson.Read(a.Snapshot))).ToList();
        var patents = await register.LoadAsync(cases.SelectMany(c => c.Case.PatentNumbers).Distinct().ToList(), cancellationToken);
        var today = ChinaCalendar.Today(clock);
        var alerts = cases.Select(c => new CaseAlerts(c.Id, names.GetValueOrDefault(c.ApplicantId, "—"), c.Case.State, PledgeAlerts.For(c.Case, patents, today)))
            .Where(a => a.Alerts.Count > 0).ToList();
        return new PledgeDashboard(byIndustry, byLender, pending, alerts);
    }

    public static string IndustryName(Industry industry) => industry switch
    {
        Industry.Unspecified => "未分类",
        Industry.NewEnergyVehicles => "新能源汽车与智能网联汽车",
        Industry.Biomedicine => "生物医药",
        Industry.NextGenIt => "新一代信息技术",
        Industry.FutureIndustries => "未来产业",
    };
}
