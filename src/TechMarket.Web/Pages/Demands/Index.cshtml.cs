using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Demands;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Web.Pages.Demands;

/// <summary>技术需求榜单: open demands with their public summary; anyone may browse.</summary>
[AllowAnonymous]
public sealed class IndexModel(TechMarketDbContext db) : PageModel
{
    public const int PageSize = 20;
    public IReadOnlyList<(Demand Demand, string Owner)> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(int? p, CancellationToken cancellationToken)
    {
        PageNumber = Math.Clamp(p ?? 1, 1, 1000);
        var query = db.Demands.AsNoTracking().Where(d => d.Status == DemandStatus.Open);
        Total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(d => d.CreatedAt).Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(d => new { Demand = d, Owner = db.Organizations.Where(o => o.Id == d.OwnerOrganizationId).Select(o => o.Name).First() })
            .ToListAsync(cancellationToken);
        Items = rows.Select(r => (r.Demand, r.Owner)).ToList();
    }
}
