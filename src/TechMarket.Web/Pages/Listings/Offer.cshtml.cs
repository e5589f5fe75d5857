using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Deals;
using TechMarket.Web.Deals;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Listings;

/// <summary>面议: a verified company offers a price for one of the listing's trade modes, with a message (private to both sides).</summary>
[Authorize(Policy = Policies.VerifiedMember)]
public sealed class OfferModel(TechMarketDbContext db, MakeOffer makeOffer) : PageModel
{
    public Listing Listing { get; private set; } = null!;
    [BindProperty] public TradeModes TradeMode { get; set; }
    [BindProperty] public decimal? PriceWan { get; set; }
    [BindProperty] public string? Message { get; set; }

    public IEnumerable<TradeModes> Modes => Enum.GetValues<TradeModes>()
        .Where(m => m is not (TradeModes.None or TradeModes.OpenLicence) && Listing.TradeModes.HasFlag(m));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        TradeMode = Modes.FirstOrDefault();
        PriceWan = Listing.Price is { } p ? p.Fen / 1_000_000m : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || User.DealCaller() is not { } caller) return NotFound();
        if (PriceWan is not > 0) ModelState.AddModelError(nameof(PriceWan), "请填写大于零的报价（万元） / Enter a price above zero (10,000 yuan).");
        if (!ModelState.IsValid) return Page();
        var result = await makeOffer.RunAsync(id, caller, TradeMode, Money.FromWanYuan(PriceWan!.Value), Message, ct);
        if (result.Refusal is { } refusal)
        {
            ModelState.AddModelError(nameof(PriceWan), refusal.ToString());
            return Page();
        }
        return RedirectToPage("/Offers/Thread", new { id = result.Id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var org = User.OrganizationId();
        var listing = await db.Listings.AsNoTracking().Include(l => l.Record)
            .FirstOrDefaultAsync(l => l.Id == id && l.Status == ListingStatus.Published && l.OrganizationId != org, ct);
        if (listing is null) return false;
        Listing = listing;
        return true;
    }
}
