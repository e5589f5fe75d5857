using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Payments;
using TechMarket.Infrastructure.Payments.Persistence;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Center.Payments;

/// <summary>待核对到账: receipts with an unknown reference, a wrong amount or for something already paid.</summary>
[Authorize(Policy = Policies.CenterStaff)]
public sealed class FlaggedModel(TechMarketDbContext db, ResolveFlaggedReceipt resolve) : PageModel
{
    public IReadOnlyList<BankReceipt> Flagged { get; private set; } = [];
    [BindProperty] public string? Note { get; set; }
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostResolveAsync(Guid id, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Note) || Note.Length > 1000)
        {
            ModelState.AddModelError(nameof(Note), "请填写处理说明（最多 1000 字）/ Describe how it was handled (at most 1000 characters).");
            await LoadAsync(ct);
            return Page();
        }
        if (!await resolve.RunAsync(id, Note, ct)) return NotFound();
        TempData["Message"] = "已处理。";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Message = TempData["Message"] as string;
        Flagged = await db.BankReceipts.AsNoTracking().Where(r => r.Status == BankReceiptStatus.Flagged).OrderBy(r => r.Id).Take(200).ToListAsync(ct);
    }
}
