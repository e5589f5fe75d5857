using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Deals;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Deals;
using TechMarket.Web.Deals;

namespace TechMarket.Web.Pages.Deals;

/// <summary>
/// 公示 notice of a university's 协议定价 (促进科技成果转化法 Art. 18): project, parties, price and period are public;
/// anyone signed in may object with a reason; objections and the seller's answers are listed.
/// </summary>
[AllowAnonymous]
public sealed class NoticeModel(TechMarketDbContext db, RaiseObjection raise) : PageModel
{
    public DealView View { get; private set; } = null!;

    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (User.DealCaller() is not { } caller) return Challenge();
        if (!await LoadAsync(id, ct)) return NotFound();
        var org = caller.OrganizationId is { } o ? await db.Organizations.Where(x => x.Id == o).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var result = await raise.RunAsync(id, caller, org is null ? caller.DisplayName : $"{caller.DisplayName}（{org}）", Reason ?? "", ct);
        if (result.Refusal is { } refusal)
        {
            ModelState.AddModelError(nameof(Reason), refusal.ToString());
            return Page();
        }
        return RedirectToPage(null, null, new { id }, "objections");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var deal = await db.Deals.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.PublicityStartsAt != null, ct);
        if (deal is null) return false;
        View = await DealView.LoadAsync(deal, db, ct);
        return true;
    }

    public bool Open => View.Deal.Status == DealStatus.Publicity;
}
