using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Shared;
using TechMarket.Domain.Trading;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Trading;
using TechMarket.Web.Identity;
using TechMarket.Web.Payments;

namespace TechMarket.Web.Pages.ListedTrades;

/// <summary>登记受让意向: the conditions, price, deposit and deadlines shown before a verified company registers.</summary>
[Authorize(Policy = Policies.VerifiedMember)]
public sealed class IntentionModel(TechMarketDbContext db, RegisterIntention register) : PageModel
{
    public ListedTrade Trade { get; private set; } = null!;

    [BindProperty] public IntentionInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var mine = await db.TradeIntentions.AnyAsync(i => i.ListedTradeId == id && i.OrganizationId == User.OrganizationId(), ct);
        if (mine) return Redirect("/intentions");
        Input.OfferedPriceYuan = Trade.PriceFen / 100m;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var fen = PaymentDisplay.YuanToFen(Input.OfferedPriceYuan);
        if (Input.OfferedPriceYuan is not null && fen is null) ModelState.AddModelError("Input.OfferedPriceYuan", "意向价须大于 0，最多两位小数 / The offer must be positive with at most two decimals.");
        if (!ModelState.IsValid) return Page();
        var result = await register.RunAsync(new RegisterIntentionCommand(id, User.OrganizationId()!.Value, User.UserId(), new Money(fen!.Value), Input.AcceptsConditions), ct);
        if (result.NotFound) return NotFound();
        if (!result.Succeeded)
        {
            ModelState.AddModelError(result.Field is { Length: > 0 } f ? "Input." + (f == "OfferedPrice" ? "OfferedPriceYuan" : f) : string.Empty, result.Error!);
            return Page();
        }
        TempData["StatusMessage"] = "registered";
        return Redirect("/intentions");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var trade = await db.ListedTrades.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && t.Status == ListedTradeStatus.Open, ct);
        if (trade is null) return false;
        Trade = trade;
        return true;
    }

    public sealed class IntentionInput
    {
        [Required(ErrorMessage = "请填写意向价 / Enter your offer.")]
        public decimal? OfferedPriceYuan { get; set; }

        public bool AcceptsConditions { get; set; }
    }
}
