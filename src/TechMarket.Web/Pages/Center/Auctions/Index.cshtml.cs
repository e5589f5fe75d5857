using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Infrastructure.Auctions;
using TechMarket.Infrastructure.Data;
using TechMarket.Web.Identity;
using TechMarket.Domain.Shared;

namespace TechMarket.Web.Pages.Center.Auctions;

/// <summary>竞价管理: the center puts a published listing on auction (alone or as a lot of a session) and creates sessions (专场).</summary>
[Authorize(Policy = Policies.CenterStaff)]
public sealed class IndexModel(TechMarketDbContext db, CreateAuction create, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;
    private static readonly TimeSpan Beijing = ChinaTime.Offset;

    public IReadOnlyList<Auction> Items { get; private set; } = [];
    public IReadOnlyList<AuctionSession> Sessions { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int Total { get; private set; }
    public string? Message { get; private set; }

    /// <summary>Lots whose winner was declared in default (悔拍), shown as such.</summary>
    public IReadOnlySet<Guid> Defaulted { get; private set; } = new HashSet<Guid>();

    /// <summary>On the re-auction form: organisations barred from this lot for an earlier default (SPC 2016 Art. 24).</summary>
    public IReadOnlyList<string> Barred { get; private set; } = [];

    [BindProperty] public AuctionInput Input { get; set; } = new();
    [BindProperty] public SessionInput Session { get; set; } = new();

    public sealed class AuctionInput
    {
        [Required(ErrorMessage = "请输入挂牌编号或成果编号 / The listing is required.")]
        [Display(Name = "挂牌项目（挂牌 ID 或专利/成果编号）")]
        public string? Listing { get; set; }

        [Required(ErrorMessage = "请输入起拍价 / The start price is required.")]
        [Range(typeof(decimal), "0.01", "10000000000000", ErrorMessage = "起拍价须大于 0 / The start price must be positive.")]
        public decimal? StartYuan { get; set; }

        [Range(typeof(decimal), "0.01", "10000000000000", ErrorMessage = "保留价须大于 0 / The reserve must be positive.")]
        public decimal? ReserveYuan { get; set; }

        [Required(ErrorMessage = "请输入加价幅度 / The increment is required.")]
        [Range(typeof(decimal), "0.01", "10000000000000", ErrorMessage = "加价幅度须大于 0 / The increment must be positive.")]
        public decimal? StepYuan { get; set; }

        [Required(ErrorMessage = "请输入保证金 / The deposit is required.")]
        [Range(typeof(decimal), "0", "10000000000000", ErrorMessage = "保证金不能为负 / The deposit cannot be negative.")]
        public decimal? DepositYuan { get; set; }

        [Required(ErrorMessage = "请选择开始时间 / The opening time is required.")]
        public DateTime? OpensAt { get; set; }

        [Required(ErrorMessage = "请选择结束时间 / The end time is required.")]
        public DateTime? EndsAt { get; set; }

        public bool ProxyBidding { get; set; } = true;
        public Guid? SessionId { get; set; }
        public Guid? ReauctionOf { get; set; }
    }

    public sealed class SessionInput
    {
        [Required(ErrorMessage = "请输入专场名称 / The title is required.")]
        [StringLength(200, ErrorMessage = "专场名称最长 200 字 / At most 200 characters.")]
        public string? Title { get; set; }

        [Required(ErrorMessage = "请选择开始时间 / The opening time is required.")]
        public DateTime? OpensAt { get; set; }

        [Required(ErrorMessage = "请选择第一个标的的结束时间 / The first lot's end is required.")]
        public DateTime? FirstLotEndsAt { get; set; }

        [Range(0, 1440, ErrorMessage = "间隔为 0 到 1440 分钟 / 0 to 1440 minutes.")]
        public int IntervalMinutes { get; set; } = 5;

        [StringLength(1000)]
        public string? PromotionEvent { get; set; }
    }

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, [FromQuery(Name = "reauctionOf")] Guid? reauctionOf, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToOffset(Beijing);
        Input.OpensAt = now.Date.AddDays(1).AddHours(10);
        Input.EndsAt = now.Date.AddDays(1).AddHours(16);
        if (reauctionOf is { } previousId && await db.Auctions.AsNoTracking().FirstOrDefaultAsync(a => a.Id == previousId, cancellationToken) is { } previous)
        {
            // 流拍: offer the re-auction at the lowest start allowed (SPC 2016 Art. 26).
            Input.ReauctionOf = previousId;
            Input.Listing = previous.ListingId.ToString();
            Input.StartYuan = Domain.Auctions.Reauction.LowestStart(new Domain.Shared.Money(previous.StartPriceFen)).Fen / 100m;
            Input.StepYuan = (previous.IncrementFixedFen ?? 100) / 100m;
            Input.DepositYuan = previous.DepositFen / 100m;
            Input.ProxyBidding = previous.ProxyBidding;
        }
        await LoadAsync(page, cancellationToken);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        KeepOnly(nameof(Input));
        if (!ModelState.IsValid)
        {
            await LoadAsync(1, cancellationToken);
            return Page();
        }
        var text = Input.Listing!.Trim();
        var listingId = Guid.TryParse(text, out var g) ? g
            : await db.Listings.AsNoTracking().Where(l => l.Record!.RecordId == text && l.Status == ListingStatus.Published).Select(l => l.Id).FirstOrDefaultAsync(cancellationToken);
        var organizer = User.OrganizationId();
        if (organizer is null)
        {
            ModelState.AddModelError("", "您的账号未关联组织方机构 / Your account has no organiser organisation.");
            await LoadAsync(1, cancellationToken);
            return Page();
        }
        var result = await create.RunAsync(new AuctionSetup(listingId, organizer.Value, Fen(Input.StartYuan!.Value), Input.ReserveYuan is { } r ? Fen(r) : null,
            Fen(Input.StepYuan!.Value), Fen(Input.DepositYuan!.Value), Local(Input.OpensAt!.Value), Local(Input.EndsAt!.Value), Input.ProxyBidding,
            SessionId: Input.SessionId, ReauctionOfId: Input.ReauctionOf), cancellationToken);
        if (!result.Succeeded)
        {
            var field = result.Field switch
            {
                "ListingId" => "Input.Listing",
                "StartPriceFen" or "StartPrice" => "Input.StartYuan",
                "ReservePriceFen" => "Input.ReserveYuan",
                "StepFen" => "Input.StepYuan",
                "EndsAt" => "Input.EndsAt",
                "OpensAt" => "Input.OpensAt",
                "DepositFen" => "Input.DepositYuan",
                "SessionId" => "Input.SessionId",
                _ => "",
            };
            ModelState.AddModelError(field, result.Error!);
            await LoadAsync(1, cancellationToken);
            return Page();
        }
        return Redirect($"/center/auctions/{result.Auction!.Id}");
    }

    public async Task<IActionResult> OnPostSessionAsync(CancellationToken cancellationToken)
    {
        KeepOnly(nameof(Session));
        if (ModelState.IsValid && Session.FirstLotEndsAt <= Session.OpensAt) ModelState.AddModelError("Session.FirstLotEndsAt", "结束时间须晚于开始时间 / The end must be after the opening.");
        if (!ModelState.IsValid || User.OrganizationId() is not { } organizer)
        {
            await LoadAsync(1, cancellationToken);
            return Page();
        }
        var session = new AuctionSession
        {
            Id = Guid.NewGuid(),
            Title = Session.Title!.Trim(),
            OrganizerOrganizationId = organizer,
            OpensAt = Local(Session.OpensAt!.Value),
            FirstLotEndsAt = Local(Session.FirstLotEndsAt!.Value),
            IntervalMinutes = Session.IntervalMinutes,
            PromotionEvent = Session.PromotionEvent?.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        db.AuctionSessions.Add(session);
        db.AuditAs("auction.session_created");
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = $"已创建专场：{session.Title}";
        return RedirectToPage();
    }

    /// <summary>
    /// Keeps only the posted form's entries in ModelState. The other form's bound property finds no value under its
    /// prefix, so MVC binds (and validates) it again without a prefix ("Title", "OpensAt" …); those errors belong to no
    /// field on the page, and left in place they made a valid post answer 200 with nothing shown.
    /// </summary>
    private void KeepOnly(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
    }

    private static long Fen(decimal yuan) => (long)decimal.Round(yuan * 100, 0, MidpointRounding.AwayFromZero);

    /// <summary>Times are entered in Beijing time (UTC+8).</summary>
    private static DateTimeOffset Local(DateTime local) => new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Beijing).ToUniversalTime();

    private async Task LoadAsync(int? page, CancellationToken cancellationToken)
    {
        if (Input.ReauctionOf is { } previous)
        {
            var listingId = await db.Auctions.AsNoTracking().Where(a => a.Id == previous).Select(a => a.ListingId).FirstOrDefaultAsync(cancellationToken);
            Barred = await db.AuctionDefaults.AsNoTracking().Where(d => d.ListingId == listingId)
                .Join(db.Organizations, d => d.OrganizationId, o => o.Id, (d, o) => o.Name).Distinct().ToListAsync(cancellationToken);
        }
        Message = TempData["Message"] as string;
        PageNumber = Math.Clamp(page ?? 1, 1, 1000);
        Total = await db.Auctions.CountAsync(cancellationToken);
        Items = await db.Auctions.AsNoTracking().OrderByDescending(a => a.CreatedAt).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var ids = Items.Select(a => a.Id).ToList();
        Defaulted = (await db.AuctionDefaults.AsNoTracking().Where(d => ids.Contains(d.AuctionId)).Select(d => d.AuctionId).ToListAsync(cancellationToken)).ToHashSet();
        Sessions = await db.AuctionSessions.AsNoTracking().OrderByDescending(s => s.OpensAt).Take(50).ToListAsync(cancellationToken);
    }
}
