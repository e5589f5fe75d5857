using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Financing;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Financing;
using TechMarket.Web.Financing;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Pledges;

/// <summary>
/// The pledge workspace: the applicant's own cases, a lender's pipeline of applications sent to it, an evaluator's
/// valuation requests, all cases for the center. Same page, filtered by who asks.
/// </summary>
[Authorize(Policy = Policies.OrganizationMember)]
public sealed class IndexModel(PledgeCaseStore store, TechMarketDbContext db, PatentRegister register, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;

    public sealed record Row(Guid Id, string Applicant, string? Lender, PledgeState State, long RequestedFen, long? ApprovedFen, DateTimeOffset UpdatedAt, string MyRole, IReadOnlyList<PledgeAlert> Alerts);

    public IReadOnlyList<Row> Cases { get; private set; } = [];
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool CanApply { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.PledgeActor() is not { } actor) return Forbid();
        var org = actor.OrganizationId;
        var query = store.VisibleTo(actor).AsNoTracking();
        Total = await query.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        var rows = await query.OrderByDescending(c => c.UpdatedAt).Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(c => new { c.Id, c.ApplicantId, c.ThirdPartyPledgorId, c.EvaluatorId, c.LenderId, c.State, c.RequestedAmountFen, c.ApprovedAmountFen, c.UpdatedAt, c.Snapshot })
            .ToListAsync(cancellationToken);
        var ids = rows.SelectMany(r => new[] { r.ApplicantId, r.LenderId ?? Guid.Empty }).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        // The portfolio with its alerts (fees due, expiry before maturity, overdue instalments), computed for this page only.
        var cases = rows.ToDictionary(r => r.Id, r => PledgeJson.Read(r.Snapshot));
        var patents = await register.LoadAsync(cases.Values.SelectMany(c => c.PatentNumbers).Distinct().ToList(), cancellationToken);
        var today = ChinaCalendar.Today(clock);
        Cases = [.. rows.Select(r =>
        {
            var role = PledgeRole.None;
            if (r.ApplicantId == org || r.ThirdPartyPledgorId == org) role |= PledgeRole.Applicant;
            if (r.EvaluatorId == org) role |= PledgeRole.Evaluator;
            if (r.LenderId == org) role |= PledgeRole.Lender;
            if (actor.IsCenter) role |= PledgeRole.Center;
            return new Row(r.Id, names.GetValueOrDefault(r.ApplicantId, "—"), r.LenderId is { } l ? names.GetValueOrDefault(l) : null, r.State,
                r.RequestedAmountFen, r.ApprovedAmountFen, r.UpdatedAt, PledgeDisplay.Roles(role), PledgeAlerts.For(cases[r.Id], patents, today));
        })];
        CanApply = await db.PatentRights.AnyAsync(p => p.Patentees.Any(o => o.OrganizationId == org), cancellationToken);
        return Page();
    }
}
