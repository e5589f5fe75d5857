using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Auctions;
using TechMarket.Domain.Auctions.Replay;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Auctions;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Deals;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Center.Auctions;

/// <summary>
/// One auction for the center: qualify registrations (assigning bidder codes), mark deposits received, export the bid
/// log in the replay format. While the auction runs, the page does not pair names with bidder codes: nobody, the
/// operator's staff included, sees who holds which code before the close (SPC 2016 Arts 8, 18). After a sale the center
/// may declare the winner in default (宣告悔拍, SPC 2016 Art. 24) with a reason, the costs to recover and optionally an
/// offer to the runner-up, confirmed as irreversible; afterwards it records the two transfers the default leaves
/// (<see cref="RecordDefaultTransfer"/>): the re-auction shortfall to the seller, and the defaulter's part-payments back.
/// A sold auction links to its deal; when the deal scan could not open it, the page says why and offers a retry.
/// </summary>
[Authorize(Policy = Policies.CenterStaff)]
public sealed class ManageModel(TechMarketDbContext db, QualifyRegistration qualify, MarkDepositReceived markDeposit, TechMarket.Infrastructure.Payments.IDepositGate deposits,
    DeclareAuctionDefault declareDefault, RecordDefaultTransfer transfers, OpenAuctionDeals auctionDeals) : PageModel
{
    [BindProperty] public DefaultInput Default { get; set; } = new();
    [BindProperty] public TransferInput Shortfall { get; set; } = new();
    [BindProperty] public TransferInput Refund { get; set; } = new();

    /// <summary>The 悔拍 of this auction, if declared, with the defaulter's name and the runner-up offer.</summary>
    public AuctionDefaultRecord? Declared { get; private set; }
    public string? DefaulterName { get; private set; }
    public RunnerUpOfferRecord? Offer { get; private set; }
    public string? RunnerUpName { get; private set; }
    /// <summary>The winner's settlement, whose due date decides when non-payment may be declared.</summary>
    public TechMarket.Infrastructure.Payments.Persistence.SettlementRecord? Settlement { get; private set; }
    /// <summary>The recorded transfer of the re-auction shortfall to the seller, once made.</summary>
    public TechMarket.Infrastructure.Payments.Persistence.PaymentRecord? ShortfallPayment { get; private set; }
    /// <summary>What the defaulter had paid toward the rescinded price (beyond the deposit), owed back to it.</summary>
    public long DefaulterPaidFen { get; private set; }
    /// <summary>The recorded return of those part-payments, once made.</summary>
    public TechMarket.Infrastructure.Payments.Persistence.PaymentRecord? RefundPayment { get; private set; }

    public sealed class DefaultInput
    {
        public DefaultGround Ground { get; set; } = DefaultGround.NotPaid;

        [Required(ErrorMessage = "请说明悔拍事由 / State the reason for the default.")]
        [StringLength(DeclareAuctionDefault.MaxReasonLength, ErrorMessage = "事由最长 2000 字 / At most 2000 characters.")]
        public string? Reason { get; set; }

        [Required(ErrorMessage = "请输入需由保证金抵扣的费用（无则填 0）/ Enter the costs to recover (0 if none).")]
        [Range(typeof(decimal), "0", "10000000000000", ErrorMessage = "费用不能为负 / The costs cannot be negative.")]
        public decimal? CostsYuan { get; set; } = 0;

        public bool OfferRunnerUp { get; set; }

        /// <summary>The confirmation step: the declaration cannot be undone.</summary>
        public bool Confirm { get; set; }
    }

    /// <summary>A bank transfer the center made and now records; confirmed, as it cannot be undone.</summary>
    public sealed class TransferInput
    {
        [Required(ErrorMessage = "请填写付款银行流水号 / Enter the bank reference of the transfer.")]
        [StringLength(RecordDefaultTransfer.MaxBankReferenceLength, ErrorMessage = "银行流水号最长 100 个字符 / The bank reference is at most 100 characters.")]
        public string? BankReference { get; set; }

        public bool Confirm { get; set; }
    }

    /// <summary>The deal this sold auction opened, if any.</summary>
    public Guid? DealId { get; private set; }
    /// <summary>Why the deal scan could not open this auction's deal, while that stands.</summary>
    public AuctionDealRefusalRecord? DealRefusal { get; private set; }

    public Auction Auction { get; private set; } = null!;
    public IReadOnlyList<(AuctionRegistration Registration, string Name)> Registrations { get; private set; } = [];

    /// <summary>Organisations whose deposit the ledger holds for this auction.</summary>
    public IReadOnlySet<Guid> DepositHolders { get; private set; } = new HashSet<Guid>();
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        return Page();
    }

    /// <summary>The bid log in the replay format (`techmarket replay-auction FILE.json` recomputes the outcome).</summary>
    public async Task<IActionResult> OnGetExportAsync(Guid id, CancellationToken cancellationToken)
    {
        var auction = await db.Auctions.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (auction is null) return NotFound();
        var log = await AuctionState.LogAsync(db, auction, cancellationToken);
        return File(System.Text.Encoding.UTF8.GetBytes(AuctionLogJson.Write(log)), "application/json", $"auction-{id:N}.json");
    }

    public async Task<IActionResult> OnPostQualifyAsync(Guid id, Guid registrationId, int? priorityRank, CancellationToken cancellationToken)
    {
        if (!await OwnsAsync(id, registrationId, cancellationToken)) return NotFound();
        var result = await qualify.RunAsync(registrationId, User.UserId(), priorityRank, cancellationToken);
        return await AfterAsync(id, result, "已通过资格审核并分配竞买号 / Qualified; bidder code assigned.", cancellationToken);
    }

    public async Task<IActionResult> OnPostDepositAsync(Guid id, Guid registrationId, CancellationToken cancellationToken)
    {
        if (!await OwnsAsync(id, registrationId, cancellationToken)) return NotFound();
        var result = await markDeposit.RunAsync(registrationId, User.UserId(), cancellationToken);
        return await AfterAsync(id, result, "已确认保证金到账 / Deposit marked as received.", cancellationToken);
    }

    public async Task<IActionResult> OnPostDefaultAsync(Guid id, CancellationToken cancellationToken)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith("Default.", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
        if (ModelState.IsValid && !Default.Confirm)
        {
            ModelState.AddModelError("Default.Confirm", "宣告悔拍不可撤销，请勾选确认 / Declaring a default cannot be undone: tick to confirm.");
        }
        if (!ModelState.IsValid)
        {
            if (!await LoadAsync(id, cancellationToken)) return NotFound();
            return Page();
        }
        var outcome = await declareDefault.RunAsync(new DeclareDefaultCommand(id, Default.Ground, Default.Reason!,
            new Money((long)decimal.Round(Default.CostsYuan!.Value * 100, 0, MidpointRounding.AwayFromZero)), Default.OfferRunnerUp, User.UserId()), cancellationToken);
        if (!outcome.Succeeded)
        {
            if (!await LoadAsync(id, cancellationToken)) return NotFound();
            ModelState.AddModelError(outcome.Field is { Length: > 0 } field ? "Default." + field : "", outcome.Error!);
            return Page();
        }
        TempData["Message"] = outcome.WasAlreadyDeclared ? "该竞价已宣告悔拍，未重复处理 / Already declared; nothing changed." : "已宣告悔拍 / Default declared.";
        return Redirect($"/center/auctions/{id}");
    }

    /// <summary>生成成交: the center retries a won auction's deal once the cause of the scan's refusal is cleared.</summary>
    public async Task<IActionResult> OnPostRetryDealAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await db.Auctions.AnyAsync(a => a.Id == id, cancellationToken)) return NotFound();
        var outcome = await auctionDeals.RetryAsync(id, cancellationToken);
        if (outcome is null)
        {
            TempData["Message"] = "该竞价无待生成的成交（未成交、已有成交或已宣告悔拍）/ This auction has no deal waiting to be opened (not sold, already dealt, or declared in default).";
        }
        else if (!outcome.Succeeded)
        {
            if (!await LoadAsync(id, cancellationToken)) return NotFound();
            ModelState.AddModelError("", $"成交仍未能生成：{outcome.Message.Zh} / The deal still cannot be opened: {outcome.Message.En}");
            return Page();
        }
        else
        {
            TempData["Message"] = "已生成成交 / The deal is open.";
        }
        return Redirect($"/center/auctions/{id}");
    }

    /// <summary>登记向卖方支付差价: the shortfall the forfeited deposit covered (SPC 2016 Art. 24), transferred to the seller.</summary>
    public Task<IActionResult> OnPostPayShortfallAsync(Guid id, CancellationToken cancellationToken) =>
        TransferAsync(id, DefaultTransfer.ShortfallToSeller, nameof(Shortfall), Shortfall, cancellationToken);

    /// <summary>登记退还悔拍方已付价款: only the deposit is forfeited; part-payments of the price go back to the defaulter.</summary>
    public Task<IActionResult> OnPostReturnPaymentsAsync(Guid id, CancellationToken cancellationToken) =>
        TransferAsync(id, DefaultTransfer.PaymentsToDefaulter, nameof(Refund), Refund, cancellationToken);

    private async Task<IActionResult> TransferAsync(Guid id, DefaultTransfer transfer, string prefix, TransferInput input, CancellationToken cancellationToken)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
        var declared = await db.AuctionDefaults.AsNoTracking().FirstOrDefaultAsync(d => d.AuctionId == id, cancellationToken);
        if (declared is null) return NotFound();
        if (ModelState.IsValid && !input.Confirm)
        {
            ModelState.AddModelError(prefix + ".Confirm", "登记后不可撤销，请勾选确认已经转账 / A recorded transfer cannot be undone: tick to confirm it was made.");
        }
        if (!ModelState.IsValid)
        {
            if (!await LoadAsync(id, cancellationToken)) return NotFound();
            return Page();
        }
        var outcome = await transfers.RunAsync(declared.Id, transfer, input.BankReference!, cancellationToken);
        if (outcome.Refusal == DefaultTransferRefusal.NotFound) return NotFound();
        var refused = outcome.Refusal switch
        {
            DefaultTransferRefusal.ShortfallNotKnown => "重新拍卖的结果尚未确定，差价未知 / The re-sale is not known yet, so neither is the shortfall.",
            DefaultTransferRefusal.NothingOwed => transfer == DefaultTransfer.ShortfallToSeller
                ? "没有应付卖方的差价 / There is no shortfall owed to the seller."
                : "悔拍方未支付过价款，无需退还 / The defaulter paid nothing toward the price; there is nothing to return.",
            DefaultTransferRefusal.PledgeLenderFirst => "质权实现拍卖：差价须先在质押案件中清偿质权人 / A pledge realisation: the shortfall goes to the lender first, through the pledge case.",
            _ => null,
        };
        if (refused is not null)
        {
            if (!await LoadAsync(id, cancellationToken)) return NotFound();
            ModelState.AddModelError("", refused);
            return Page();
        }
        TempData["Message"] = outcome.WasAlreadyRecorded ? "该笔转账已登记，未重复记账 / This transfer was already recorded; nothing was booked twice."
            : transfer == DefaultTransfer.ShortfallToSeller ? $"已登记向卖方支付差价 {outcome.Payment!.Amount} / Shortfall payout recorded."
            : $"已登记退还悔拍方已付价款 {outcome.Payment!.Amount} / Part-payments returned.";
        return Redirect($"/center/auctions/{id}");
    }

    private Task<bool> OwnsAsync(Guid id, Guid registrationId, CancellationToken cancellationToken) =>
        db.AuctionRegistrations.AnyAsync(r => r.Id == registrationId && r.AuctionId == id, cancellationToken);

    private async Task<IActionResult> AfterAsync(Guid id, RegistrationResult result, string done, CancellationToken cancellationToken)
    {
        if (!result.Succeeded)
        {
            if (!await LoadAsync(id, cancellationToken)) return NotFound();
            ModelState.AddModelError("", result.Error!);
            return Page();
        }
        TempData["Message"] = done;
        return Redirect($"/center/auctions/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Message = TempData["Message"] as string;
        var auction = await db.Auctions.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (auction is null) return false;
        Auction = auction;
        var rows = await db.AuctionRegistrations.AsNoTracking().Where(r => r.AuctionId == id)
            .Join(db.Organizations, r => r.OrganizationId, o => o.Id, (r, o) => new { r, o.Name })
            .ToListAsync(cancellationToken);
        Registrations = [.. rows.OrderBy(x => x.r.AppliedAt).Select(x => (x.r, x.Name))];
        DepositHolders = await deposits.HoldersAsync(TechMarket.Infrastructure.Payments.DepositSubjectKind.Auction, id, cancellationToken);
        Settlement = await db.Settlements.AsNoTracking().FirstOrDefaultAsync(s => s.SubjectKind == TechMarket.Infrastructure.Payments.DepositSubjectKind.Auction
            && s.SubjectId == id, cancellationToken);
        Declared = await db.AuctionDefaults.AsNoTracking().FirstOrDefaultAsync(d => d.AuctionId == id, cancellationToken);
        DealId = await db.Deals.AsNoTracking().Where(d => d.Origin == TechMarket.Domain.Deals.DealOrigin.Auction && d.OriginId == id)
            .Select(d => (Guid?)d.Id).FirstOrDefaultAsync(cancellationToken);
        DealRefusal = DealId is null ? await db.AuctionDealRefusals.AsNoTracking().FirstOrDefaultAsync(r => r.AuctionId == id, cancellationToken) : null;
        if (Declared is not null)
        {
            DefaulterName = await db.Organizations.AsNoTracking().Where(o => o.Id == Declared.OrganizationId).Select(o => o.Name).FirstAsync(cancellationToken);
            Offer = await db.RunnerUpOffers.AsNoTracking().FirstOrDefaultAsync(o => o.DefaultId == Declared.Id, cancellationToken);
            if (Offer is not null)
            {
                RunnerUpName = await db.Organizations.AsNoTracking().Where(o => o.Id == Offer.OrganizationId).Select(o => o.Name).FirstAsync(cancellationToken);
            }
            var shortfallKey = RecordDefaultTransfer.JournalKey(DefaultTransfer.ShortfallToSeller, Declared.Id);
            var refundKey = RecordDefaultTransfer.JournalKey(DefaultTransfer.PaymentsToDefaulter, Declared.Id);
            var recorded = await db.PaymentRecords.AsNoTracking().Where(p => p.JournalKey == shortfallKey || p.JournalKey == refundKey).ToListAsync(cancellationToken);
            ShortfallPayment = recorded.FirstOrDefault(p => p.JournalKey == shortfallKey);
            RefundPayment = recorded.FirstOrDefault(p => p.JournalKey == refundKey);
            DefaulterPaidFen = Settlement is { State: TechMarket.Infrastructure.Payments.Persistence.SettlementState.Rescinded } rescinded ? rescinded.BuyerPaidFen : 0;
        }
        return true;
    }
}
