using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.PartnerFeed;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Center.PartnerFeed;

/// <summary>One webhook's delivery log: every attempt with its status code, duration and error, newest first.</summary>
[Authorize(Policy = Policies.CenterOrAdmin)]
public sealed class DeliveriesModel(TechMarketDbContext db, WebhookDeliveryLog log) : PageModel
{
    public const int PageSize = 50;
    public WebhookSubscription? Subscription { get; private set; }
    public IReadOnlyList<WebhookAttemptRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Subscription = await db.WebhookSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (Subscription is null) return NotFound();
        PageNumber = Math.Max(1, PageNumber);
        (Rows, Total) = await log.PageAsync(id, PageNumber, PageSize, cancellationToken);
        return Page();
    }
}
