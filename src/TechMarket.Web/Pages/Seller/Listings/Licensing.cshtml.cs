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

namespace TechMarket.Web.Pages.Seller.Listings;

/// <summary>The seller's licensing settings of one listing: the express licence (price and terms) and the open-licence declaration.</summary>
[Authorize(Policy = Policies.VerifiedMember)]
public sealed class LicensingModel(TechMarketDbContext db, SetExpressLicenceTerms setExpress, DeclareOpenLicence declare, WithdrawOpenLicence withdraw) : PageModel
{
    public Listing Listing { get; private set; } = null!;
    public OpenLicenceDeclarationRecord? Declaration { get; private set; }
    [BindProperty] public bool ExpressOffered { get; set; }
    [BindProperty] public decimal? ExpressWan { get; set; }
    [BindProperty] public string? Scope { get; set; }
    [BindProperty] public string? Territory { get; set; }
    [BindProperty] public string? Term { get; set; }
    [BindProperty] public decimal? FeeWan { get; set; }
    [BindProperty] public string? DeclarationTerms { get; set; }
    [BindProperty] public string? WithdrawalReason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var express = await db.ExpressLicenceTerms.AsNoTracking().FirstOrDefaultAsync(t => t.ListingId == id, ct);
        ExpressOffered = express?.IsOffered ?? false;
        ExpressWan = express is null ? null : express.PriceFen / 1_000_000m;
        Scope = express?.Scope ?? "制造、使用、销售、许诺销售、进口专利产品";
        Territory = express?.Territory ?? "中华人民共和国境内";
        Term = express?.Term ?? "三年";
        DeclarationTerms ??= "许可使用费一次性支付；许可期限自付费之日起三年。";
        return Page();
    }

    public Task<IActionResult> OnPostExpressAsync(Guid id, CancellationToken ct) => ActAsync(id, nameof(ExpressWan), c =>
        setExpress.RunAsync(id, c, ExpressOffered, ExpressWan is { } w ? Money.FromWanYuan(w) : Money.Zero, Scope ?? "", Territory ?? "", Term ?? "", ct), ct);

    public Task<IActionResult> OnPostDeclareAsync(Guid id, CancellationToken ct) => ActAsync(id, nameof(FeeWan), c =>
        declare.RunAsync(id, c, FeeWan is { } w ? Money.FromWanYuan(w) : Money.Zero, DeclarationTerms ?? "", ct), ct);

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct) => ActAsync(id, nameof(WithdrawalReason), c =>
        withdraw.RunAsync(id, c, WithdrawalReason ?? "", ct), ct);

    private async Task<IActionResult> ActAsync(Guid id, string field, Func<DealCaller, Task<DealResult>> act, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || User.DealCaller() is not { } caller) return NotFound();
        var result = await act(caller);
        if (result.Refusal is { } refusal)
        {
            ModelState.AddModelError(field, refusal.ToString());
            return Page();
        }
        return RedirectToPage(null, null, new { id }, null);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var org = User.OrganizationId();
        var listing = await db.Listings.AsNoTracking().Include(l => l.Record).FirstOrDefaultAsync(l => l.Id == id && l.OrganizationId == org, ct);
        if (listing is null) return false;
        Listing = listing;
        Declaration = await db.OpenLicenceDeclarations.AsNoTracking().Where(d => d.ListingId == id).OrderByDescending(d => d.PublishedAt).FirstOrDefaultAsync(ct);
        return true;
    }
}
