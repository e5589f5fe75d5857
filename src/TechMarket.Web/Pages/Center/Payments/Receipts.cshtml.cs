using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Files;
using TechMarket.Infrastructure.Payments;
using TechMarket.Infrastructure.Payments.Persistence;
using TechMarket.Web.Identity;
using TechMarket.Web.Payments;

namespace TechMarket.Web.Pages.Center.Payments;

/// <summary>到账登记: the center keys in each incoming transfer from the bank statement; matching ones are booked, others flagged.</summary>
[Authorize(Policy = Policies.CenterStaff)]
public sealed class ReceiptsModel(TechMarketDbContext db, RecordBankReceipt record, ReceiptSlipStore slips, TimeProvider clock) : PageModel
{
    public const int PageSize = 30;

    [BindProperty] public ReceiptInput Input { get; set; } = new();
    [BindProperty] public IFormFile? Slip { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<BankReceipt> Recent { get; private set; } = [];
    public int Total { get; private set; }
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The key that makes this form record once, however often it is sent.
        Input = new ReceiptInput { FormKey = Guid.NewGuid().ToString("N"), ReceivedOn = ChinaTime.Today(clock.GetUtcNow()) };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var fen = PaymentDisplay.YuanToFen(Input.AmountYuan);
        if (Input.AmountYuan is not null && fen is null) ModelState.AddModelError("Input.AmountYuan", "金额须大于 0，最多两位小数 / The amount must be positive with at most two decimals.");
        if (string.IsNullOrWhiteSpace(Input.FormKey) || Input.FormKey.Length > 64) ModelState.AddModelError(string.Empty, "表单已失效，请刷新后重试 / The form expired; reload and try again.");
        string? stored = null, contentType = null;
        if (ModelState.IsValid && Slip is not null)
        {
            await using var stream = Slip.OpenReadStream();
            UploadError error;
            (error, stored, contentType) = await slips.SaveAsync(stream, Slip.Length, ct);
            if (error != UploadError.None)
            {
                ModelState.AddModelError(nameof(Slip), error switch
                {
                    UploadError.TooLarge => "文件不能超过 5 MB / The file may be at most 5 MB.",
                    UploadError.NotPdfOrImage => "只接受 PDF、JPG 或 PNG 文件 / Only PDF, JPG or PNG files.",
                    _ => "文件为空 / The file is empty.",
                });
            }
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var outcome = await record.RunAsync(new BankReceiptInput(Input.FormKey!, Input.Reference!, new Money(fen!.Value), Input.ReceivedOn!.Value,
            Input.BankReference!, Input.PayerName, stored, contentType), ct);
        var r = outcome.Receipt;
        TempData["Message"] = outcome.WasAlreadyRecorded ? $"该笔到账已登记过（{r.BankReference}），未重复记账。"
            : r.Status == BankReceiptStatus.Booked ? $"已入账：{r.Reference} {r.Amount}"
            : $"已登记并标记待核对：{r.Reference} {r.Amount}";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Message = TempData["Message"] as string;
        PageNumber = Math.Max(1, PageNumber);
        Total = await db.BankReceipts.CountAsync(ct);
        Recent = await db.BankReceipts.AsNoTracking().OrderByDescending(r => r.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }

    public sealed class ReceiptInput
    {
        public string? FormKey { get; set; }

        [Required(ErrorMessage = "请填写付款识别码（转账附言）/ Enter the payment reference from the transfer remark.")]
        [StringLength(64, ErrorMessage = "付款识别码过长 / The reference is too long.")]
        public string? Reference { get; set; }

        [Required(ErrorMessage = "请填写到账金额 / Enter the amount received.")]
        public decimal? AmountYuan { get; set; }

        [Required(ErrorMessage = "请填写到账日期 / Enter the date received.")]
        public DateOnly? ReceivedOn { get; set; }

        [Required(ErrorMessage = "请填写银行流水号 / Enter the bank transaction number.")]
        [StringLength(100, ErrorMessage = "银行流水号过长 / The bank reference is too long.")]
        public string? BankReference { get; set; }

        [StringLength(200, ErrorMessage = "付款人名称过长 / The payer name is too long.")]
        public string? PayerName { get; set; }
    }
}
