using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Auctions;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Web.Pages.Auctions;

/// <summary>专场: the session's lots in closing order, with live prices.</summary>
[AllowAnonymous]
public sealed class SessionModel(TechMarketDbContext db) : PageModel
{
    public AuctionSession Session { get; private set; } = null!;
    public IReadOnlyList<Auction> Lots { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var session = await db.AuctionSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null) return NotFound();
        Session = session;
        Lots = await db.Auctions.AsNoTracking().Where(a => a.SessionId == id).OrderBy(a => a.LotNumber).ToListAsync(cancellationToken);
        return Page();
    }
}
