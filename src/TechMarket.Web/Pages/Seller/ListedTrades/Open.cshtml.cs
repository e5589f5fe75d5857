using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Payments;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Calendar;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Trading;
using TechMarket.Web.Identity;
using TechMarket.Web.Payments;

namespace TechMarket.Web.Pages.Seller.ListedTrades;

/// <summary>挂牌交易: the seller (or center staff for it) opens a listed trade on a published listing.</summary>
[Authorize(Policy = Policies.VerifiedMember)]
public sealed class OpenModel(TechMarketDbContext db, OpenListedTrade open, WorkingCalendar calendar, DeadlineOptions deadlines, TimeProvider clock) : PageModel
{
    public Listing Listing { get; private set; } = null!;
    public IReadOnlyList<TradeModes> Modes { get; private set; } = [];
    /// <summary>The deadline the default period would have if opened now, on the calendar in force.</summary>
    public DateTimeOffset PreviewEndsAt { get; private set; }
    public int DefaultPeriod => deadlines.ListingPeriodWorkingDays;

    [BindProperty] public OpenInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid listingId, CancellationToken ct)
    {
        if (!await LoadAsync(listingId, ct)) return NotFound();
        Input = new OpenInput
        {
            TradeMode = Modes.Count > 0 ? Modes[0] : null,
            PriceYuan = Listing.PriceFen is { } fen ? fen / 100m : null,
            PeriodWorkingDays = deadlines.ListingPeriodWorkingDays,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid listingId, CancellationToken ct)
    {
        if (!await LoadAsync(listingId, ct)) return NotFound();
        var fen = PaymentDisplay.YuanToFen(Input.PriceYuan);
        if (Input.PriceYuan is not null && fen is null) ModelState.AddModelError("Input.PriceYuan", "挂牌价须大于 0，最多两位小数 / The price must be positive with at most two decimals.");
        if (!ModelState.IsValid) return Page();
        var result = await open.RunAsync(new OpenListedTradeCommand(listingId, User.IsCenterStaff() ? null : User.OrganizationId(), User.UserId(),
            Input.TradeMode!.Value, new Money(fen!.Value), Input.PeriodWorkingDays, Input.Conditions), ct);
        if (result.NotFound) return NotFound();
        if (!result.Succeeded)
        {
            ModelState.AddModelError(result.Field is { Length: > 0 } f && f != "ListingId" ? "Input." + f : string.Empty, result.Error!);
            return Page();
        }
        TempData["StatusMessage"] = "opened";
        return User.IsCenterStaff() ? Redirect("/center/listed-trades") : Redirect("/seller/listed-trades");
    }

    private async Task<bool> LoadAsync(Guid listingId, CancellationToken ct)
    {
        var org = User.OrganizationId();
        var center = User.IsCenterStaff();
        var listing = await db.Listings.AsNoTracking().Include(l => l.Record)
            .FirstOrDefaultAsync(l => l.Id == listingId && (center || l.OrganizationId == org), ct);
        if (listing is null) return false;
        Listing = listing;
        Modes = [.. Enum.GetValues<TradeModes>().Where(m => m is not (TradeModes.None or TradeModes.OpenLicence) && listing.TradeModes.HasFlag(m))];
        PreviewEndsAt = await calendar.AddWorkingDaysAsync(clock.GetUtcNow(), deadlines.ListingPeriodWorkingDays, ct);
        return true;
    }

    public sealed class OpenInput
    {
        [Required(ErrorMessage = "请选择交易方式 / Choose a trade mode.")]
        public TradeModes? TradeMode { get; set; }

        [Required(ErrorMessage = "请填写挂牌价 / Enter the listing price.")]
        public decimal? PriceYuan { get; set; }

        [Range(1, 60, ErrorMessage = "公示期为 1 至 60 个工作日 / The period is 1 to 60 working days.")]
        public int PeriodWorkingDays { get; set; } = 20;

        [StringLength(4000, ErrorMessage = "挂牌条件最长 4000 字 / At most 4000 characters.")]
        public string? Conditions { get; set; }
    }
}
