using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Deals;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Deals;
using TechMarket.Web.Deals;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Offers;

/// <summary>面议 thread: the moves so far, and accept / decline / counter for the side it waits for, withdraw for the buyer. The two organisations only.</summary>
[Authorize(Policy = Policies.OrganizationMember)]
public sealed class ThreadModel(TechMarketDbContext db, RespondToOffer respond) : PageModel
{
    public OfferRecord Offer { get; private set; } = null!;
    public Listing Listing { get; private set; } = null!;
    public IReadOnlyList<OfferMessageRecord> Messages { get; private set; } = [];
    public string BuyerName { get; private set; } = "";
    public string SellerName { get; private set; } = "";
    public OfferSide Side { get; private set; }
    [BindProperty] public TradeModes? CounterMode { get; set; }
    [BindProperty] public decimal? CounterWan { get; set; }
    [BindProperty] public string? Message { get; set; }

    public bool MyTurn => OfferNegotiation.AwaitedSide(Offer.Status) == Side;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken ct) => MoveAsync(id, OfferMove.Accept, ct);
    public Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken ct) => MoveAsync(id, OfferMove.Decline, ct);
    public Task<IActionResult> OnPostCounterAsync(Guid id, CancellationToken ct) => MoveAsync(id, OfferMove.Counter, ct);
    public Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct) => MoveAsync(id, OfferMove.Withdraw, ct);

    private async Task<IActionResult> MoveAsync(Guid id, OfferMove move, CancellationToken ct)
    {
        if (User.DealCaller() is not { } caller || !await LoadAsync(id, ct)) return NotFound();
        if (move == OfferMove.Counter && CounterWan is not > 0)
        {
            ModelState.AddModelError(nameof(CounterWan), "请填写大于零的还价（万元） / Enter a counter price above zero (10,000 yuan).");
            return Page();
        }
        var result = await respond.RunAsync(id, caller, move, CounterMode, CounterWan is { } w ? Money.FromWanYuan(w) : null, Message, ct);
        if (result.Refusal is { } refusal)
        {
            ModelState.AddModelError(move == OfferMove.Counter ? nameof(CounterWan) : "", refusal.ToString());
            await LoadAsync(id, ct);
            return Page();
        }
        return move == OfferMove.Accept ? RedirectToPage("/Deals/Details", new { id = result.Id }) : RedirectToPage(null, null, new { id }, null);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var org = User.OrganizationId();
        var offer = await db.Offers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id && (o.BuyerOrganizationId == org || o.SellerOrganizationId == org), ct);
        if (offer is null) return false;
        Offer = offer;
        Side = offer.SellerOrganizationId == org ? OfferSide.Seller : OfferSide.Buyer;
        Listing = await db.Listings.AsNoTracking().Include(l => l.Record).FirstAsync(l => l.Id == offer.ListingId, ct);
        Messages = await db.OfferMessages.AsNoTracking().Where(m => m.OfferId == id).OrderBy(m => m.At).ToListAsync(ct);
        var names = await db.Organizations.AsNoTracking().Where(o => o.Id == offer.BuyerOrganizationId || o.Id == offer.SellerOrganizationId).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        BuyerName = names[offer.BuyerOrganizationId];
        SellerName = names[offer.SellerOrganizationId];
        CounterMode ??= offer.TradeMode;
        return true;
    }
}
