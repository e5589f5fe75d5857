using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Auctions;
using TechMarket.Infrastructure.Auctions;
using TechMarket.Infrastructure.Data;
using TechMarket.Web.Auctions;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Auctions;

/// <summary>
/// 竞价室: the lot, the live price and end (SignalR), the history by bidder code, the signed-in bidder's own status,
/// registration, and a two-step bid (review, then confirm). Bidders are shown only as codes (SPC 2016 Arts 8, 18).
/// </summary>
[AllowAnonymous]
public sealed class DetailsModel(TechMarketDbContext db, AuctionReads reads, PlaceBid placeBid, ApplyForAuction apply,
    IAuthorizationService authorization, TimeProvider clock, TechMarket.Infrastructure.Payments.IDepositGate deposits) : PageModel
{
    public AuctionPublicView View { get; private set; } = null!;
    public string? RecordId { get; private set; }
    public string SellerName { get; private set; } = "";
    public string OrganizerName { get; private set; } = "";
    public string? SessionTitle { get; private set; }
    public AuctionRegistration? Mine { get; private set; }

    /// <summary>The ledger holds this organisation's deposit for the auction (the only truth: no deposit, no bid).</summary>
    public bool MyDepositHeld { get; private set; }
    public long? MyMaxFen { get; private set; }
    public bool MayRegister { get; private set; }

    /// <summary>SPC 2016 Art. 24: this organisation defaulted on an earlier auction of the lot and may not take part.</summary>
    public bool Barred { get; private set; }
    public bool IsParty { get; private set; }
    public bool Confirming { get; private set; }
    public string? Message { get; private set; }
    public DateTimeOffset Now { get; private set; }

    [BindProperty] public BidInput Input { get; set; } = new();

    public sealed class BidInput
    {
        [Required(ErrorMessage = "请输入出价金额 / The amount is required.")]
        [Range(typeof(decimal), "0.01", "10000000000000", ErrorMessage = "出价金额须大于 0 / The amount must be positive.")]
        [Display(Name = "出价金额（元）")]
        public decimal? AmountYuan { get; set; }

        public string? IdempotencyKey { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Message = TempData["Message"] as string;
        Input.AmountYuan = View.NextMinimumFen / 100m;
        return Page();
    }

    public async Task<IActionResult> OnPostRegisterAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await RequireVerifiedAsync() is { } denied) return denied;
        var result = await apply.RunAsync(id, User.OrganizationId()!.Value, User.UserId(), cancellationToken);
        if (!result.Succeeded)
        {
            if (!await LoadAsync(id, cancellationToken)) return NotFound();
            ModelState.AddModelError("", result.Error!);
            return Page();
        }
        TempData["Message"] = "已提交报名，待服务中心资格审核并确认保证金后即可出价。/ Registered; you can bid once the center qualifies you and confirms your deposit.";
        return Redirect($"/auctions/{id}");
    }

    /// <summary>Step 1: check the amount and show it back for confirmation (bids are irrevocable, Auction Law Art. 36).</summary>
    public async Task<IActionResult> OnPostReviewAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await RequireVerifiedAsync() is { } denied) return denied;
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (!ValidAmount()) return Page();
        Input.IdempotencyKey = Guid.NewGuid().ToString("N");
        Confirming = true;
        return Page();
    }

    /// <summary>Step 2: place the bid; a repeated confirmation (same key) gets the first answer and never bids twice.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await RequireVerifiedAsync() is { } denied) return denied;
        if (!ValidAmount() || Input.IdempotencyKey is not { Length: > 0 and <= PlaceBid.MaxKeyLength })
        {
            ModelState.AddModelError("", "请重新确认出价 / Please review the bid again.");
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }
        var fen = (long)(Input.AmountYuan!.Value * 100);
        var result = await placeBid.RunAsync(id, new BidderActor(User.OrganizationId()!.Value, User.UserId(), User.IsCenterStaff()), fen, Input.IdempotencyKey, cancellationToken);
        if (result.Status == PlaceBidStatus.NotFound) return NotFound();
        if (result.Status == PlaceBidStatus.Accepted)
        {
            TempData["Message"] = result.Message;
            return Redirect($"/auctions/{id}");
        }
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        ModelState.AddModelError("Input.AmountYuan", result.Message ?? "出价未被接受 / Bid not accepted.");
        return Page();
    }

    private bool ValidAmount()
    {
        if (!ModelState.IsValid) return false;
        var fen = Input.AmountYuan!.Value * 100;
        if (fen != decimal.Truncate(fen))
        {
            ModelState.AddModelError("Input.AmountYuan", "金额最多两位小数 / At most two decimals.");
            return false;
        }
        if (fen > AuctionRules.MaxAmount.Fen)
        {
            ModelState.AddModelError("Input.AmountYuan", "金额过大 / The amount is too large.");
            return false;
        }
        return true;
    }

    private async Task<IActionResult?> RequireVerifiedAsync()
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        if (User.OrganizationId() is null || !(await authorization.AuthorizeAsync(User, Policies.VerifiedMember)).Succeeded) return Forbid();
        return null;
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        var view = await reads.PublicAsync(id, cancellationToken);
        if (view is null) return false;
        View = view;
        var auction = await db.Auctions.AsNoTracking().FirstAsync(a => a.Id == id, cancellationToken);
        RecordId = await db.Listings.AsNoTracking().Where(l => l.Id == auction.ListingId).Select(l => l.Record!.RecordId).FirstOrDefaultAsync(cancellationToken);
        // The seller and the organiser are public parties of the announcement; bidders are not.
        SellerName = await db.Organizations.AsNoTracking().Where(o => o.Id == auction.SellerOrganizationId).Select(o => o.Name).FirstAsync(cancellationToken);
        OrganizerName = await db.Organizations.AsNoTracking().Where(o => o.Id == auction.OrganizerOrganizationId).Select(o => o.Name).FirstAsync(cancellationToken);
        SessionTitle = auction.SessionId is { } s ? await db.AuctionSessions.AsNoTracking().Where(x => x.Id == s).Select(x => x.Title).FirstOrDefaultAsync(cancellationToken) : null;
        if (User.OrganizationId() is { } org)
        {
            Mine = await db.AuctionRegistrations.AsNoTracking().FirstOrDefaultAsync(r => r.AuctionId == id && r.OrganizationId == org, cancellationToken);
            if (Mine is not null)
            {
                MyDepositHeld = await deposits.IsHeldAsync(org, TechMarket.Infrastructure.Payments.DepositSubjectKind.Auction, id, cancellationToken);
                MyMaxFen = await db.AuctionBids.AsNoTracking().Where(b => b.RegistrationId == Mine.Id && b.Accepted).MaxAsync(b => (long?)b.AmountFen, cancellationToken);
            }
            IsParty = org == auction.SellerOrganizationId || org == auction.OrganizerOrganizationId || org == auction.WinnerOrganizationId;
            MayRegister = Mine is null && auction.Status == AuctionStatus.Open && org != auction.SellerOrganizationId && org != auction.OrganizerOrganizationId && !User.IsCenterStaff();
            Barred = MayRegister && await AuctionBars.IsBarredAsync(db, auction.ListingId, id, org, cancellationToken);
            MayRegister &= !Barred;
        }
        IsParty |= User.IsCenterStaff();
        return true;
    }
}
