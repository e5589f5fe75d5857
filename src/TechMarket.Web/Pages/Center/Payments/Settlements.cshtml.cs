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
/// 成交结算: settlements with what each side owes or is owed, the seller payouts the center records, and a form that
/// records a deal by hand (what the auction and listed-trade features do through <see cref="SettleDeal"/>).
/// </summary>
[Authorize(Policy = Policies.CenterStaff)]
public sealed class SettlementsModel(TechMarketDbContext db, SettleDeal settle, RecordSellerPayout payout) : PageModel
{
    public const int PageSize = 30;

    [BindProperty] public DealInput Deal { get; set; } = new();
    [BindProperty] public PayoutInput Payout { get; set; } = new();
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<SettlementRecord> Settlements { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<Organization> VerifiedOrganizations { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> OrganizationNames { get; private set; } = new Dictionary<Guid, string>();
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostSettleAsync(CancellationToken ct)
    {
        ClearOthers(nameof(Deal));
        var price = PaymentDisplay.YuanToFen(Deal.PriceYuan);
        if (Deal.PriceYuan is not null && price is null) ModelState.AddModelError("Deal.PriceYuan", "成交价须大于 0，最多两位小数 / The price must be positive with at most two decimals.");
        var buyerRate = BasisPoints(Deal.BuyerRatePercent, "Deal.BuyerRatePercent");
        var sellerRate = BasisPoints(Deal.SellerRatePercent, "Deal.SellerRatePercent");
        if (Deal.BuyerOrganizationId is not null && Deal.BuyerOrganizationId == Deal.SellerOrganizationId)
            ModelState.AddModelError("Deal.SellerOrganizationId", "买方与卖方不能是同一机构 / Buyer and seller must differ.");
        if (!ModelState.IsValid) { await LoadAsync(ct); return Page(); }
        var outcome = await settle.RunAsync(new SettleDealCommand(Deal.Kind!.Value, Deal.SubjectId!.Value, Deal.BuyerOrganizationId!.Value,
            Deal.SellerOrganizationId!.Value, new Money(price!.Value), new Rate(buyerRate!.Value), new Rate(sellerRate!.Value)), ct);
        switch (outcome.Refusal)
        {
            case SettleDealRefusal.AuctionCommissionAboveFivePercent:
                ModelState.AddModelError("Deal.BuyerRatePercent", "拍卖佣金每方不得超过成交价的 5%（拍卖法第五十六条）/ Auction commission is at most 5 % per side (Auction Law Art. 56).");
                await LoadAsync(ct);
                return Page();
            case SettleDealRefusal.AuctionDefaulted:
                ModelState.AddModelError(string.Empty, "该拍卖已宣告悔拍，成交已撤销，不能结算 / Default was declared on this auction; its sale is rescinded and cannot be settled.");
                await LoadAsync(ct);
                return Page();
            case SettleDealRefusal.SettledWithOtherTerms:
                ModelState.AddModelError(string.Empty, "该项目已按其他条件结算 / This deal was already settled with other terms.");
                await LoadAsync(ct);
                return Page();
            case SettleDealRefusal.None:
                TempData["Message"] = outcome.WasAlreadySettled ? "该成交已结算，未重复记账。" : $"已登记结算，买方应付 {new Money(outcome.Settlement!.BuyerOwesFen)}";
                return RedirectToPage();
            default:
                ModelState.AddModelError(string.Empty, "成交信息无效 / The deal is not valid.");
                await LoadAsync(ct);
                return Page();
        }
    }

    public async Task<IActionResult> OnPostPayoutAsync(Guid id, CancellationToken ct)
    {
        ClearOthers(nameof(Payout));
        var fen = PaymentDisplay.YuanToFen(Payout.AmountYuan);
        if (Payout.AmountYuan is not null && fen is null) ModelState.AddModelError("Payout.AmountYuan", "金额须大于 0，最多两位小数 / The amount must be positive with at most two decimals.");
        if (!Guid.TryParse(Payout.FormKey, out var payoutId)) ModelState.AddModelError(string.Empty, "表单已失效，请刷新后重试 / The form expired; reload and try again.");
        if (!ModelState.IsValid) { await LoadAsync(ct); return Page(); }
        var outcome = await payout.RunAsync(id, payoutId, new Money(fen!.Value), Payout.BankReference!, ct);
        switch (outcome.Refusal)
        {
            case PayoutRefusal.NotFound:
                return NotFound();
            case PayoutRefusal.BuyerNotPaid:
                ModelState.AddModelError(string.Empty, "买方尚未付清，暂不能支付卖方 / The buyer has not paid in full yet.");
                await LoadAsync(ct);
                return Page();
            case PayoutRefusal.PledgeLenderFirst:
                ModelState.AddModelError(string.Empty, "质权实现拍卖：须先在质押案件中将所得分配给质权人，余额再付出质人 / A pledge realisation: apply the proceeds to the lender on the pledge case first; the rest then goes to the pledgor.");
                await LoadAsync(ct);
                return Page();
            case PayoutRefusal.AmountAboveOutstanding:
                ModelState.AddModelError("Payout.AmountYuan", "金额超过应付卖方余额 / The amount exceeds what is owed to the seller.");
                await LoadAsync(ct);
                return Page();
            default:
                TempData["Message"] = outcome.WasAlreadyRecorded ? "该笔付款已登记，未重复记账。" : $"已登记支付卖方 {outcome.Payment!.Amount}";
                return RedirectToPage();
        }
    }

    private int? BasisPoints(decimal? percent, string field)
    {
        if (percent is not { } p) return null;
        var bp = p * 100m;
        if (p < 0 || p > 100 || decimal.Round(bp) != bp)
        {
            ModelState.AddModelError(field, "费率为 0 到 100 之间、最多两位小数的百分数 / A percentage from 0 to 100 with at most two decimals.");
            return null;
        }
        return (int)bp;
    }

    private void ClearOthers(string keep)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(keep + ".", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Message = TempData["Message"] as string;
        PageNumber = Math.Max(1, PageNumber);
        Total = await db.Settlements.CountAsync(ct);
        Settlements = await db.Settlements.AsNoTracking().OrderByDescending(s => s.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        VerifiedOrganizations = await db.Organizations.AsNoTracking().Where(o => o.Verification == VerificationStatus.Verified).OrderBy(o => o.Name).ToListAsync(ct);
        OrganizationNames = VerifiedOrganizations.ToDictionary(o => o.Id, o => o.Name);
    }

    public sealed class DealInput
    {
        [Required(ErrorMessage = "请选择交易方式 / Choose auction or listed trade.")]
        public DepositSubjectKind? Kind { get; set; }

        [Required(ErrorMessage = "请填写竞价标的或挂牌项目编号 / Enter the auction or listed-trade id.")]
        public Guid? SubjectId { get; set; }

        [Required(ErrorMessage = "请选择买方 / Choose the buyer.")]
        public Guid? BuyerOrganizationId { get; set; }

        [Required(ErrorMessage = "请选择卖方 / Choose the seller.")]
        public Guid? SellerOrganizationId { get; set; }

        [Required(ErrorMessage = "请填写成交价 / Enter the price.")]
        public decimal? PriceYuan { get; set; }

        [Required(ErrorMessage = "请填写买方佣金费率 / Enter the buyer's commission rate.")]
        public decimal? BuyerRatePercent { get; set; }

        [Required(ErrorMessage = "请填写卖方佣金费率 / Enter the seller's commission rate.")]
        public decimal? SellerRatePercent { get; set; }
    }

    public sealed class PayoutInput
    {
        public string? FormKey { get; set; }

        [Required(ErrorMessage = "请填写付款金额 / Enter the amount paid.")]
        public decimal? AmountYuan { get; set; }

        [Required(ErrorMessage = "请填写付款银行流水号 / Enter the bank reference of the transfer.")]
        [StringLength(100, ErrorMessage = "银行流水号过长 / The bank reference is too long.")]
        public string? BankReference { get; set; }
    }
}
