using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.RdContracts;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Contracts;

/// <summary>My organisation's development contracts; the center sees all, disputed ones first.</summary>
[Authorize(Policy = Policies.OrganizationMember)]
public sealed class IndexModel(TechMarketDbContext db) : PageModel
{
    public IReadOnlyList<(RdContractRecord Contract, bool Disputed)> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var org = User.OrganizationId();
        var query = db.RdContracts.AsNoTracking();
        if (!User.IsCenterStaff()) query = query.Where(c => c.ClientOrganizationId == org || c.DeveloperOrganizationId == org);
        var contracts = await query.OrderByDescending(c => c.CreatedAt).Take(200).ToListAsync(cancellationToken);
        var ids = contracts.Select(c => c.Id).ToList();
        // A milestone is in dispute when its latest action is a dispute.
        var actions = await db.RdContractActions.AsNoTracking().Where(a => ids.Contains(a.ContractId) && a.Milestone != null)
            .Select(a => new { a.ContractId, a.Milestone, a.Seq, a.Kind }).ToListAsync(cancellationToken);
        var latest = actions.GroupBy(a => (a.ContractId, a.Milestone)).Where(g => g.MaxBy(a => a.Seq)!.Kind == RdActionKinds.Dispute).Select(g => g.Key.ContractId).ToHashSet();
        Items = contracts.Select(c => (c, latest.Contains(c.Id))).OrderByDescending(x => x.Item2).ToList();
    }
}
