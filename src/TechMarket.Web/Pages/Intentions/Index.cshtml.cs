using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Trading;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Payments.Persistence;
using TechMarket.Infrastructure.Trading;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Intentions;

/// <summary>我的受让意向: the organisation's intentions with their deadlines and deposits; withdrawal (with its consequence stated).</summary>
[Authorize(Policy = Policies.OrganizationMember)]
public sealed class IndexModel(TechMarketDbContext db, WithdrawIntention withdraw) : PageModel
{
    public sealed record Row(TradeIntention Intention, ListedTrade Trade, DepositRecord? Deposit);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int Total { get; private set; }
    public Guid? FailedId { get; private set; }
    public string? Error { get; private set; }

    [TempData] public string? StatusMessage { get; set; }

    public async Task OnGetAsync(int page = 1, CancellationToken ct = default) => await LoadAsync(page, ct);

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, bool confirm, CancellationToken ct)
    {
        if (!confirm)
        {
            (FailedId, Error) = (id, "请勾选确认后再撤回 / Tick the confirmation to withdraw.");
            await LoadAsync(1, ct);
            return Page();
        }
        var result = await withdraw.RunAsync(id, User.OrganizationId()!.Value, ct);
        if (result.NotFound) return NotFound();
        if (!result.Succeeded)
        {
            (FailedId, Error) = (id, result.Error);
            await LoadAsync(1, ct);
            return Page();
        }
        StatusMessage = "withdrawn";
        return RedirectToPage();
    }

    private async Task LoadAsync(int page, CancellationToken ct)
    {
        var org = User.OrganizationId();
        var query = db.TradeIntentions.AsNoTracking().Where(i => i.OrganizationId == org);
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(page, 1, Math.Max(1, (Total + 19) / 20));
        var rows = await query.OrderByDescending(i => i.RegisteredAt).Skip((PageNumber - 1) * 20).Take(20)
            .Join(db.ListedTrades, i => i.ListedTradeId, t => t.Id, (i, t) => new { i, t })
            .ToListAsync(ct);
        var depositIds = rows.Where(r => r.i.DepositId != null).Select(r => r.i.DepositId!.Value).ToList();
        var deposits = await db.Deposits.AsNoTracking().Where(d => depositIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        Rows = [.. rows.Select(r => new Row(r.i, r.t, r.i.DepositId is { } d ? deposits.GetValueOrDefault(d) : null))];
    }

    public static bool CanWithdraw(Row row) =>
        row.Trade.Status == ListedTradeStatus.Open && row.Intention.Status is IntentionStatus.Registered or IntentionStatus.Qualified;
}
