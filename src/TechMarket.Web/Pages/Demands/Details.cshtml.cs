using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Demands;
using TechMarket.Domain.Organizations;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.RdContracts;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Demands;

/// <summary>
/// A demand: the public summary for everyone; the problem and indicators after the viewer's non-disclosure undertaking
/// (owner and center always). The owner sees all proposals; a proposer sees its own.
/// </summary>
[AllowAnonymous]
public sealed class DetailsModel(TechMarketDbContext db, AcceptNda acceptNda, CloseDemand closeDemand, TimeProvider clock) : PageModel
{
    public Demand Demand { get; private set; } = null!;
    public string Owner { get; private set; } = "";
    public bool DetailsVisible { get; private set; }
    public NdaAcceptance? MyNda { get; private set; }
    public bool IsOwner { get; private set; }
    public bool CanPropose { get; private set; }
    public bool IsOpen { get; private set; }
    public IReadOnlyList<(Proposal Proposal, string Author)> Proposals { get; private set; } = [];
    [BindProperty] public string? TypedName { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostNdaAsync(Guid id, CancellationToken cancellationToken)
    {
        if (User.UserId() is not { } userId) return Challenge();
        var problem = await acceptNda.RunAsync(id, userId, User.OrganizationId(), TypedName ?? "", cancellationToken);
        if (problem is not null)
        {
            ModelState.AddModelError(nameof(TypedName), problem.Value.ToString());
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken cancellationToken)
    {
        if (User.OrganizationId() is not { } org) return Challenge();
        if (!await closeDemand.RunAsync(id, org, cancellationToken)) return NotFound();
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var demand = await db.Demands.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (demand is null) return false;
        Demand = demand;
        Owner = await db.Organizations.Where(o => o.Id == demand.OwnerOrganizationId).Select(o => o.Name).FirstAsync(cancellationToken);
        var userId = User.UserId();
        var orgId = User.OrganizationId();
        var isCenter = User.IsCenterStaff();
        MyNda = userId is null ? null : await db.NdaAcceptances.AsNoTracking().FirstOrDefaultAsync(n => n.DemandId == id && n.UserId == userId, cancellationToken);
        DetailsVisible = demand.DetailsVisibleTo(orgId, isCenter, MyNda is not null);
        IsOwner = orgId == demand.OwnerOrganizationId;
        IsOpen = demand.IsOpenFor(RdClock.Today(clock.GetUtcNow()));
        CanPropose = IsOpen && !IsOwner && orgId is not null
            && await db.Organizations.AnyAsync(o => o.Id == orgId && o.Type == OrganizationType.University && o.Verification == VerificationStatus.Verified, cancellationToken);
        var proposals = db.Proposals.AsNoTracking().Where(p => p.DemandId == id);
        if (!IsOwner && !isCenter) proposals = proposals.Where(p => orgId != null && p.AuthorOrganizationId == orgId);
        var rows = await proposals.OrderBy(p => p.SubmittedAt)
            .Select(p => new { Proposal = p, Author = db.Organizations.Where(o => o.Id == p.AuthorOrganizationId).Select(o => o.Name).First() })
            .ToListAsync(cancellationToken);
        Proposals = rows.Select(r => (r.Proposal, r.Author)).ToList();
        return true;
    }
}
