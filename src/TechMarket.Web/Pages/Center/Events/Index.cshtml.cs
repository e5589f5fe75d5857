using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Events;
using TechMarket.Infrastructure.Data;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Center.Events;

/// <summary>The center's events, newest first, with their registration counts.</summary>
[Authorize(Policy = Policies.CenterStaff)]
public sealed class IndexModel(TechMarketDbContext db) : PageModel
{
    public const int PageSize = 20;

    public sealed record Row(Guid Id, string Title, PromotionEventKind Kind, DateTimeOffset StartsAt, int Capacity, int Confirmed, int Waitlisted, bool Cancelled);

    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Total = await db.PromotionEvents.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Rows = await db.PromotionEvents.AsNoTracking().OrderByDescending(e => e.StartsAt).Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(e => new Row(e.Id, e.Title, e.Kind, e.StartsAt, e.Capacity,
                db.EventRegistrations.Count(r => r.EventId == e.Id && r.Status == EventRegistrationStatus.Confirmed),
                db.EventRegistrations.Count(r => r.EventId == e.Id && r.Status == EventRegistrationStatus.Waitlisted), e.IsCancelled))
            .ToListAsync(cancellationToken);
    }
}
