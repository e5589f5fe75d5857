using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Deals;
using TechMarket.Web.Deals;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Listings;

/// <summary>快捷许可: the licence terms are shown first; the buyer accepts them and buys; the deal and its settlement open at once.</summary>
[Authorize(Policy = Policies.VerifiedMember)]
public sealed class ExpressLicenceModel(TechMarketDbContext db, BuyExpressLicence buy) : PageModel
{
    public Listing Listing { get; private set; } = null!;
    public ExpressLicenceTermsRecord Terms { get; private set; } = null!;
    [BindProperty] public Guid PurchaseKey { get; set; }
    [BindProperty] public int TermsVersion { get; set; }
    [BindProperty] public bool AcceptTerms { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        // One key per rendering of the form: a double click or a retried POST buys once.
        PurchaseKey = Guid.NewGuid();
        TermsVersion = Terms.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || User.DealCaller() is not { } caller) return NotFound();
        if (PurchaseKey == Guid.Empty) PurchaseKey = Guid.NewGuid();
        var (result, deal) = await buy.RunAsync(id, caller, PurchaseKey, TermsVersion, AcceptTerms, ct);
        if (result.Refusal is { } refusal)
        {
            ModelState.AddModelError(nameof(AcceptTerms), refusal.ToString());
            TermsVersion = Terms.Version;
            return Page();
        }
        return RedirectToPage("/Deals/Details", new { id = deal!.Id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var org = User.OrganizationId();
        var listing = await db.Listings.AsNoTracking().Include(l => l.Record)
            .FirstOrDefaultAsync(l => l.Id == id && l.Status == ListingStatus.Published && l.OrganizationId != org, ct);
        var terms = await db.ExpressLicenceTerms.AsNoTracking().FirstOrDefaultAsync(t => t.ListingId == id && t.IsOffered, ct);
        if (listing is null || terms is null) return false;
        (Listing, Terms) = (listing, terms);
        return true;
    }
}
