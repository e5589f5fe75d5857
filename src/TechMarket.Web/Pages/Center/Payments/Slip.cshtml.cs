using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Files;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Center.Payments;

/// <summary>A receipt's bank slip, for center staff only.</summary>
[Authorize(Policy = Policies.CenterStaff)]
public sealed class SlipModel(TechMarketDbContext db, ReceiptSlipStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var receipt = await db.BankReceipts.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (receipt?.SlipFile is null) return NotFound();
        var stream = store.Open(receipt.SlipFile);
        if (stream is null) return NotFound();
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(stream, receipt.SlipContentType ?? "application/octet-stream", "slip" + Path.GetExtension(receipt.SlipFile));
    }
}
