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

/// <summary>开放许可 (Patent Law Art. 51): the declaration is shown; a company gives written notice and pays the fee, and holds an ordinary licence at once.</summary>
[Authorize(Policy = Policies.VerifiedMember)]
public sealed class OpenLicenceModel(TechMarketDbContext db, TakeOpenLicence take) : PageModel
{
    public Listing Listing { get; private set; } = null!;
    public OpenLicenceDeclarationRecord Declaration { get; private set; } = null!;
    [BindProperty] public Guid PurchaseKey { get; set; }
    [BindProperty] public Guid DeclarationId { get; set; }
    [BindProperty] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        PurchaseKey = Guid.NewGuid();
        DeclarationId = Declaration.Id;
        Notice = $"本单位依据专利法第五十一条通知贵方：我方愿按开放许可声明的条件实施专利 {Listing.Record!.RecordId}，并支付许可使用费。";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || User.DealCaller() is not { } caller) return NotFound();
        if (PurchaseKey == Guid.Empty) PurchaseKey = Guid.NewGuid();
        var (result, deal) = await take.RunAsync(id, caller, PurchaseKey, DeclarationId, Notice ?? "", ct);
        if (result.Refusal is { } refusal)
        {
            ModelState.AddModelError(nameof(Notice), refusal.ToString());
            return Page();
        }
        return RedirectToPage("/Deals/Details", new { id = deal!.Id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var org = User.OrganizationId();
        var listing = await db.Listings.AsNoTracking().Include(l => l.Record)
            .FirstOrDefaultAsync(l => l.Id == id && l.Status == ListingStatus.Published && l.OrganizationId != org, ct);
        var declaration = await db.OpenLicenceDeclarations.AsNoTracking().FirstOrDefaultAsync(d => d.ListingId == id && d.StandingKey != null, ct);
        if (listing is null || declaration is null) return false;
        (Listing, Declaration) = (listing, declaration);
        return true;
    }
}
