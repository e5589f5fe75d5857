using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Trading;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Trading;

namespace TechMarket.Web.Pages.ListedTrades;

/// <summary>Open listed trades, the ones closing first on top, each with its period and deadline.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class IndexModel(TechMarketDbContext db) : PageModel
{
    public IReadOnlyList<ListedTrade> Trades { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int Total { get; private set; }

    public async Task OnGetAsync(int page = 1, CancellationToken ct = default)
    {
        var query = db.ListedTrades.AsNoTracking().Where(t => t.Status == ListedTradeStatus.Open);
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(page, 1, Math.Max(1, (Total + 19) / 20));
        Trades = await query.OrderBy(t => t.EndsAt).Skip((PageNumber - 1) * 20).Take(20).ToListAsync(ct);
    }
}
