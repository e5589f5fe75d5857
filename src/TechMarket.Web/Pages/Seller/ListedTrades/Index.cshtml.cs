using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Payments;
using TechMarket.Domain.Trading;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Payments;
using TechMarket.Infrastructure.Trading;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Seller.ListedTrades;

/// <summary>The seller's listed trades: period and deadline, the registered intentions, the outcome, and relisting after an unsold end.</summary>
[Authorize(Policy = Policies.VerifiedMember)]
public sealed class IndexModel(TechMarketDbContext db, RelistTrade relist) : PageModel
{
    public sealed record IntentionRow(Guid Id, string Organization, long OfferedPriceFen, IntentionStatus Status, DateTimeOffset RegisteredAt, DepositState? Deposit, string? DeclineReason);

    public sealed record TradeRow(ListedTrade Trade, IReadOnlyList<IntentionRow> Intentions);

    public IReadOnlyList<TradeRow> Trades { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int Total { get; private set; }
    public string? Error { get; private set; }

    [TempData] public string? StatusMessage { get; set; }

    public async Task OnGetAsync(int page = 1, CancellationToken ct = default) => await LoadAsync(page, ct);

    public async Task<IActionResult> OnPostRelistAsync(Guid id, CancellationToken ct)
    {
        var result = await relist.RunAsync(id, User.OrganizationId()!.Value, User.UserId(), ct);
        if (result.NotFound) return NotFound();
        if (result.Succeeded)
        {
            StatusMessage = "relisted";
            return RedirectToPage();
        }
        Error = result.Error;
        await LoadAsync(1, ct);
        return Page();
    }

    private async Task LoadAsync(int page, CancellationToken ct)
    {
        var org = User.OrganizationId();
        var query = db.ListedTrades.AsNoTracking().Where(t => t.SellerOrganizationId == org);
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(page, 1, Math.Max(1, (Total + 19) / 20));
        var trades = await query.OrderByDescending(t => t.CreatedAt).Skip((PageNumber - 1) * 20).Take(20).ToListAsync(ct);
        var ids = trades.Select(t => t.Id).ToList();
        var intentions = await db.TradeIntentions.AsNoTracking().Where(i => ids.Contains(i.ListedTradeId))
            .Join(db.Organizations, i => i.OrganizationId, o => o.Id, (i, o) => new { i, o.Name })
            .OrderBy(x => x.i.RegisteredAt).ToListAsync(ct);
        var depositIds = intentions.Where(x => x.i.DepositId != null).Select(x => x.i.DepositId!.Value).ToList();
        var deposits = await db.Deposits.AsNoTracking().Where(d => depositIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.State, ct);
        Trades = [.. trades.Select(t => new TradeRow(t, [.. intentions.Where(x => x.i.ListedTradeId == t.Id).Select(x => new IntentionRow(x.i.Id, x.Name, x.i.OfferedPriceFen,
            x.i.Status, x.i.RegisteredAt, x.i.DepositId is { } d && deposits.TryGetValue(d, out var s) ? s : null, x.i.DeclineReason))]))];
    }
}
