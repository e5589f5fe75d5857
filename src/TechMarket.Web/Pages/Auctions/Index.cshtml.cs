using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Auctions;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Web.Pages.Auctions;

/// <summary>网上竞价: open auctions first (soonest end first), then closed ones; prices update live.</summary>
[AllowAnonymous]
public sealed class IndexModel(TechMarketDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;
    public IReadOnlyList<Auction> Items { get; private set; } = [];
    public IReadOnlyList<AuctionSession> Sessions { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int Total { get; private set; }
    public bool ShowClosed { get; private set; }
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, [FromQuery(Name = "closed")] bool? closed, CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        ShowClosed = closed == true;
        PageNumber = Math.Clamp(page ?? 1, 1, 1000);
        var status = ShowClosed ? AuctionStatus.Closed : AuctionStatus.Open;
        var query = db.Auctions.AsNoTracking().Where(a => a.Status == status);
        Total = await query.CountAsync(cancellationToken);
        query = ShowClosed ? query.OrderByDescending(a => a.EndsAt) : query.OrderBy(a => a.EndsAt);
        Items = await query.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        Sessions = await db.AuctionSessions.AsNoTracking().OrderByDescending(s => s.OpensAt).Take(10).ToListAsync(cancellationToken);
    }
}
