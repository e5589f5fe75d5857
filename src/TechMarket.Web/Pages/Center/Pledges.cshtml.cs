using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Financing;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Financing;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Center;

/// <summary>The center's financing dashboard: loans by industry and lender, registrations pending, risk alerts, and the securitisation export.</summary>
[Authorize(Policy = Policies.CenterStaff)]
public sealed class PledgesModel(PledgeStatistics statistics, TechMarketDbContext db) : PageModel
{
    public sealed record ExportRow(Guid Id, string Applicant, PledgeState State, long? ApprovedFen);

    public PledgeDashboard Dashboard { get; private set; } = null!;
    public IReadOnlyList<ExportRow> Exportable { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Dashboard = await statistics.BuildAsync(cancellationToken);
        var names = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        Exportable = [.. (await db.PledgeCases.AsNoTracking().Where(c => PledgeStatistics.LoanStates.Contains(c.State))
                .Select(c => new { c.Id, c.ApplicantId, c.State, c.ApprovedAmountFen, c.UpdatedAt }).ToListAsync(cancellationToken))
            .OrderByDescending(c => c.UpdatedAt).Take(200)
            .Select(c => new ExportRow(c.Id, names.GetValueOrDefault(c.ApplicantId, "—"), c.State, c.ApprovedAmountFen))];
    }
}
