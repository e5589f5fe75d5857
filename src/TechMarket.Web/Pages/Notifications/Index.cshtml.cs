using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Auctions;
using TechMarket.Infrastructure.Data;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Notifications;

/// <summary>站内信: the messages to the signed-in person's organisation, newest first.</summary>
[Authorize(Policy = Policies.OrganizationMember)]
public sealed class IndexModel(TechMarketDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;
    public IReadOnlyList<Notification> Items { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int Total { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        var org = User.OrganizationId()!.Value;
        PageNumber = Math.Clamp(page ?? 1, 1, 1000);
        var mine = db.Notifications.AsNoTracking().Where(n => n.OrganizationId == org);
        Total = await mine.CountAsync(cancellationToken);
        Items = await mine.OrderByDescending(n => n.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostReadAsync(long id, CancellationToken cancellationToken)
    {
        var org = User.OrganizationId()!.Value;
        // Another organisation's message is not found, not forbidden.
        var item = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.OrganizationId == org, cancellationToken);
        if (item is null) return NotFound();
        item.ReadAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage(new { page = PageNumber });
    }
}
