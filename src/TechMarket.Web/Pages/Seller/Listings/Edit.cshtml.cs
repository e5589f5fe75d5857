using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Infrastructure.Catalogue;
using TechMarket.Infrastructure.Data;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Seller.Listings;

/// <summary>Create a draft (over a new record typed in here, or an existing catalogue record) or edit a draft/rejected listing.</summary>
[Authorize(Policy = Policies.VerifiedMember)]
public sealed class EditModel(TechMarketDbContext db, SaveListingDraft save, RecordCoOwnerConsent consent) : PageModel
{
    public sealed class ListingInput
    {
        public string? ExistingRecordId { get; set; }
        public AssetKind Kind { get; set; } = AssetKind.InventionPatent;
        [StringLength(40, ErrorMessage = "编号过长 / The number is too long.")]
        public string? Number { get; set; }
        [StringLength(500, ErrorMessage = "名称最长 500 字 / The title may be at most 500 characters.")]
        public string? Title { get; set; }
        [StringLength(20000, ErrorMessage = "摘要过长 / The abstract is too long.")]
        public string? Abstract { get; set; }
        [StringLength(50000, ErrorMessage = "权利要求过长 / The claims are too long.")]
        public string? Claims { get; set; }
        [StringLength(900, ErrorMessage = "IPC 分类号过长 / Too many IPC codes.")]
        public string? IpcCodes { get; set; }
        public DateOnly? FilingDate { get; set; }
        public DateOnly? GrantDate { get; set; }
        public List<TradeModes> Modes { get; set; } = [];
        [Range(0.01, 10_000_000, ErrorMessage = "价格应为正数（万元），面议请留空 / The price is a positive number of 万元; leave it empty for 面议.")]
        public decimal? PriceWanYuan { get; set; }
        public Industry Industry { get; set; }
        [Range(1, 9, ErrorMessage = "技术成熟度为 1 至 9 / TRL is 1 to 9.")]
        public int? Trl { get; set; }
        public LegalStatus? LegalStatus { get; set; }
        public bool IsPledged { get; set; }
        public bool PledgeeConsented { get; set; }
        [StringLength(2000, ErrorMessage = "权利负担说明最长 2000 字 / At most 2000 characters.")]
        public string? Encumbrances { get; set; }
        [StringLength(2000, ErrorMessage = "共有人名单过长 / The co-owner list is too long.")]
        public string? CoOwners { get; set; }
    }

    [BindProperty] public ListingInput Input { get; set; } = new();
    public Listing? Existing { get; private set; }
    public bool IsNew => Existing is null;

    public async Task<IActionResult> OnGetAsync(Guid? id, string? record, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            Input.ExistingRecordId = record;
            return Page();
        }
        if (!await LoadAsync(id.Value, cancellationToken)) return NotFound();
        var l = Existing!;
        Input = new ListingInput
        {
            Kind = l.Record!.Kind, Number = l.Record.RecordId, Title = l.Record.Title,
            Modes = [.. Enum.GetValues<TradeModes>().Where(m => m != TradeModes.None && l.TradeModes.HasFlag(m))],
            PriceWanYuan = l.PriceFen is { } fen ? fen / 1_000_000m : null, Industry = l.Industry, Trl = l.Trl,
            LegalStatus = l.LegalStatus, IsPledged = l.IsPledged, PledgeeConsented = l.PledgeeConsented, Encumbrances = l.Encumbrances,
            CoOwners = string.Join('\n', l.CoOwners.Select(c => c.Name)),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (id is { } existing && !await LoadAsync(existing, cancellationToken)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var result = await save.RunAsync(id, User.OrganizationId()!.Value, new ListingDraftInput
        {
            ExistingRecordId = Input.ExistingRecordId, Kind = Input.Kind, Number = Input.Number, Title = Input.Title, Abstract = Input.Abstract,
            Claims = Input.Claims, IpcCodes = Input.IpcCodes, FilingDate = Input.FilingDate, GrantDate = Input.GrantDate,
            TradeModes = Input.Modes.Aggregate(TradeModes.None, (a, m) => a | m), PriceWanYuan = Input.PriceWanYuan, Industry = Input.Industry,
            Trl = Input.Trl, LegalStatus = Input.LegalStatus, IsPledged = Input.IsPledged, PledgeeConsented = Input.PledgeeConsented,
            Encumbrances = Input.Encumbrances, CoOwners = Input.CoOwners,
        }, cancellationToken);
        if (result.NotFound) return NotFound();
        if (!result.Succeeded)
        {
            foreach (var (field, message) in result.Errors)
            {
                var key = field == nameof(ListingDraftInput.TradeModes) ? "Input.Modes" : field.Length == 0 ? "" : "Input." + field;
                ModelState.AddModelError(key, message.ToString());
            }
            return Page();
        }
        TempData["StatusMessage"] = "saved";
        return RedirectToPage("Edit", new { id = result.ListingId });
    }

    public async Task<IActionResult> OnPostConsentAsync(Guid id, string coOwner, CancellationToken cancellationToken)
    {
        var result = await consent.RunAsync(id, User.OrganizationId()!.Value, coOwner ?? "", cancellationToken);
        if (result.Status == ListingCommandStatus.NotFound) return NotFound();
        return RedirectToPage("Edit", new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var org = User.OrganizationId();
        Existing = await db.Listings.AsNoTracking().Include(l => l.Record).FirstOrDefaultAsync(l => l.Id == id && l.OrganizationId == org, cancellationToken);
        return Existing is not null;
    }
}
