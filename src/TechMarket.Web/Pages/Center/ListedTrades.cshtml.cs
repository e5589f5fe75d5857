using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Trading;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Trading;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Center;

/// <summary>The center's listed-trade desk: intentions to qualify or decline (with a reason), and the open trades with their deadlines.</summary>
[Authorize(Policy = Policies.CenterStaff)]
public sealed class ListedTradesModel(TechMarketDbContext db, QualifyIntention qualify, DeclineIntention decline) : PageModel
{
    public sealed record QueueRow(Guid Id, string Organization, string Title, Guid ListingId, long OfferedPriceFen, long PriceFen, DateTimeOffset RegisteredAt, DateTimeOffset EndsAt);

    public sealed record OpenRow(ListedTrade Trade, int Registered, int Qualified);

    public IReadOnlyList<QueueRow> Queue { get; private set; } = [];
    public IReadOnlyList<OpenRow> Open { get; private set; } = [];
    public Guid? FailedId { get; private set; }
    public string? Error { get; private set; }

    [BindProperty]
    [Required(ErrorMessage = "请说明不通过的理由 / Give a reason.")]
    [StringLength(1000, ErrorMessage = "理由最长 1000 字 / At most 1000 characters.")]
    public string? Reason { get; set; }

    [TempData] public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostQualifyAsync(Guid id, CancellationToken ct)
    {
        ModelState.Remove(nameof(Reason));
        return await AfterAsync(id, await qualify.RunAsync(id, User.UserId(), ct), "qualified", ct);
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            FailedId = id;
            await LoadAsync(ct);
            return Page();
        }
        return await AfterAsync(id, await decline.RunAsync(id, Reason!, ct), "declined", ct);
    }

    private async Task<IActionResult> AfterAsync(Guid id, TradeResult<TradeIntention> result, string message, CancellationToken ct)
    {
        if (result.NotFound) return NotFound();
        if (result.Succeeded)
        {
            StatusMessage = message;
            return RedirectToPage();
        }
        (FailedId, Error) = (id, result.Error);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Queue = await (from i in db.TradeIntentions.AsNoTracking()
                       join t in db.ListedTrades on i.ListedTradeId equals t.Id
                       join o in db.Organizations on i.OrganizationId equals o.Id
                       where i.Status == IntentionStatus.Registered && t.Status == ListedTradeStatus.Open
                       orderby t.EndsAt, i.RegisteredAt
                       select new QueueRow(i.Id, o.Name, t.Title, t.ListingId, i.OfferedPriceFen, t.PriceFen, i.RegisteredAt, t.EndsAt))
            .Take(200).ToListAsync(ct);
        var trades = await db.ListedTrades.AsNoTracking().Where(t => t.Status == ListedTradeStatus.Open).OrderBy(t => t.EndsAt).Take(200).ToListAsync(ct);
        var ids = trades.Select(t => t.Id).ToList();
        var counts = await db.TradeIntentions.AsNoTracking().Where(i => ids.Contains(i.ListedTradeId))
            .GroupBy(i => new { i.ListedTradeId, i.Status }).Select(g => new { g.Key.ListedTradeId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        Open = [.. trades.Select(t => new OpenRow(t,
            counts.Where(c => c.ListedTradeId == t.Id && c.Status == IntentionStatus.Registered).Sum(c => c.Count),
            counts.Where(c => c.ListedTradeId == t.Id && c.Status == IntentionStatus.Qualified).Sum(c => c.Count)))];
    }
}
