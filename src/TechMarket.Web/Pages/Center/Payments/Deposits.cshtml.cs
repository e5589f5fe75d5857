using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Organizations;
using TechMarket.Domain.Payments;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Payments;
using TechMarket.Infrastructure.Payments.Persistence;
using TechMarket.Web.Identity;
using TechMarket.Web.Payments;

namespace TechMarket.Web.Pages.Center.Payments;

/// <summary>
/// 保证金管理: deposits due for release within the service level (SPC 2016 Art. 23: 24 h after an auction's close;
/// 3 working days for a listed trade), releases recorded as outgoing transfers, and, until the auction and listed-trade
/// features call <see cref="RequireDeposit"/> and <see cref="CloseDepositSubject"/> themselves, forms to do so by hand.
/// </summary>
[Authorize(Policy = Policies.CenterStaff)]
public sealed class DepositsModel(TechMarketDbContext db, RequireDeposit require, CloseDepositSubject close, ReleaseDeposit release, TimeProvider clock) : PageModel
{
    public const int PageSize = 30;

    [BindProperty] public RequireInput Require { get; set; } = new();
    [BindProperty] public CloseInput Close { get; set; } = new();
    [BindProperty] public ReleaseInput Release { get; set; } = new();
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<DepositRecord> DueForRelease { get; private set; } = [];
    public IReadOnlyList<DepositRecord> All { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyDictionary<Guid, string> OrganizationNames { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyList<Organization> VerifiedOrganizations { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostRequireAsync(CancellationToken ct)
    {
        ClearOthers(nameof(Require));
        var fen = PaymentDisplay.YuanToFen(Require.AmountYuan);
        if (Require.AmountYuan is not null && fen is null) ModelState.AddModelError("Require.AmountYuan", "金额须大于 0，最多两位小数 / The amount must be positive with at most two decimals.");
        if (Require.OrganizationId is { } orgId && !await db.Organizations.AnyAsync(o => o.Id == orgId && o.Verification == VerificationStatus.Verified, ct))
            ModelState.AddModelError("Require.OrganizationId", "请选择已认证的机构 / Choose a verified organisation.");
        if (!ModelState.IsValid) { await LoadAsync(ct); return Page(); }
        var payBy = Require.PayByDate!.Value.ToDateTime(new TimeOnly(17, 0));
        var record = await require.RunAsync(new RequireDepositCommand(Require.OrganizationId!.Value, Require.Kind!.Value, Require.SubjectId!.Value,
            Require.SubjectTitle!, new Money(fen!.Value), new DateTimeOffset(payBy, ChinaTime.Offset)), ct);
        TempData["Message"] = $"已要求缴纳保证金，付款识别码 {record.PaymentReference}";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCloseAsync(CancellationToken ct)
    {
        ClearOthers(nameof(Close));
        if (!ModelState.IsValid) { await LoadAsync(ct); return Page(); }
        var count = await close.RunAsync(Close.Kind!.Value, Close.SubjectId!.Value, clock.GetUtcNow(), ct);
        TempData["Message"] = $"已登记结束，{count} 笔保证金进入退还期限";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReleaseAsync(Guid id, CancellationToken ct)
    {
        ClearOthers(nameof(Release));
        if (!ModelState.IsValid) { await LoadAsync(ct); return Page(); }
        var outcome = await release.RunAsync(id, Release.BankReference, Release.Reason!, ct);
        switch (outcome.Refusal)
        {
            case ReleaseRefusal.NotFound:
                return NotFound();
            case ReleaseRefusal.BankReferenceRequired:
                ModelState.AddModelError("Release.BankReference", "请填写退款转账的银行流水号 / Enter the bank reference of the refund transfer.");
                await LoadAsync(ct);
                return Page();
            case ReleaseRefusal.StripeUnavailable:
                ModelState.AddModelError(string.Empty, "银行卡支付未配置，无法原路退还 / Card payments are not configured; the card deposit cannot be returned here.");
                await LoadAsync(ct);
                return Page();
            case ReleaseRefusal.AlreadyClosed:
                TempData["Message"] = "该保证金已处理，未重复退还。";
                return RedirectToPage();
            default:
                TempData["Message"] = outcome.Payment is null ? "已取消（未缴纳，无需退款）。" : $"已登记退还 {outcome.Payment.Amount}";
                return RedirectToPage();
        }
    }

    // Three forms on one page: only the submitted one is validated.
    private void ClearOthers(string keep)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(keep + ".", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Message = TempData["Message"] as string;
        Now = clock.GetUtcNow();
        PageNumber = Math.Max(1, PageNumber);
        DueForRelease = await db.Deposits.AsNoTracking().Where(d => d.State == DepositState.Held && d.ReleaseDueBy != null)
            .OrderBy(d => d.ReleaseDueBy).Take(200).ToListAsync(ct);
        Total = await db.Deposits.CountAsync(ct);
        All = await db.Deposits.AsNoTracking().OrderByDescending(d => d.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        VerifiedOrganizations = await db.Organizations.AsNoTracking().Where(o => o.Verification == VerificationStatus.Verified).OrderBy(o => o.Name).ToListAsync(ct);
        var ids = DueForRelease.Concat(All).Select(d => d.OrganizationId).Distinct().ToList();
        OrganizationNames = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    public sealed class RequireInput
    {
        [Required(ErrorMessage = "请选择机构 / Choose the organisation.")]
        public Guid? OrganizationId { get; set; }

        [Required(ErrorMessage = "请选择交易方式 / Choose auction or listed trade.")]
        public DepositSubjectKind? Kind { get; set; }

        [Required(ErrorMessage = "请填写竞价标的或挂牌项目编号 / Enter the auction or listed-trade id.")]
        public Guid? SubjectId { get; set; }

        [Required(ErrorMessage = "请填写项目名称 / Enter the subject's title.")]
        [StringLength(300, ErrorMessage = "项目名称过长 / The title is too long.")]
        public string? SubjectTitle { get; set; }

        [Required(ErrorMessage = "请填写保证金金额 / Enter the deposit amount.")]
        public decimal? AmountYuan { get; set; }

        [Required(ErrorMessage = "请填写缴纳截止日期 / Enter the pay-by date.")]
        public DateOnly? PayByDate { get; set; }
    }

    public sealed class CloseInput
    {
        [Required(ErrorMessage = "请选择交易方式 / Choose auction or listed trade.")]
        public DepositSubjectKind? Kind { get; set; }

        [Required(ErrorMessage = "请填写竞价标的或挂牌项目编号 / Enter the auction or listed-trade id.")]
        public Guid? SubjectId { get; set; }
    }

    public sealed class ReleaseInput
    {
        [StringLength(100, ErrorMessage = "银行流水号过长 / The bank reference is too long.")]
        public string? BankReference { get; set; }

        [Required(ErrorMessage = "请填写退还原因 / Enter the reason.")]
        [StringLength(500, ErrorMessage = "原因过长 / The reason is too long.")]
        public string? Reason { get; set; }
    }
}
