using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Events;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Web.Pages.Events;

/// <summary>The event calendar: one month (Beijing dates) as a grid, and the month's events as a list.</summary>
[AllowAnonymous]
public sealed class IndexModel(TechMarketDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    public DateOnly First { get; private set; }
    public IReadOnlyList<PromotionEvent> Events { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(clock.GetUtcNow());
        First = DateOnly.TryParseExact(Month ?? "", "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) && m.Year is >= 2000 and <= 2100
            ? m : new DateOnly(today.Year, today.Month, 1);
        var from = new DateTimeOffset(First.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();
        var to = new DateTimeOffset(First.AddMonths(1).ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();
        Events = await db.PromotionEvents.AsNoTracking().Where(e => e.StartsAt >= from && e.StartsAt < to).OrderBy(e => e.StartsAt).ToListAsync(cancellationToken);
    }

    public IEnumerable<PromotionEvent> On(DateOnly day) => Events.Where(e => ChinaTime.Today(e.StartsAt) == day);
}
