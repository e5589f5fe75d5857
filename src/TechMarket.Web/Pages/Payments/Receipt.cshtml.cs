using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Organizations;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Payments.Persistence;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Payments;

/// <summary>收付款凭证: a printable receipt for one payment, for the organisation it concerns and the center.</summary>
[Authorize]
public sealed class ReceiptModel(TechMarketDbContext db) : PageModel
{
    public PaymentRecord Payment { get; private set; } = null!;
    public Organization Organization { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var payment = await db.PaymentRecords.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        // Another organisation's receipt is "not found", not "forbidden": its existence is not disclosed.
        if (payment is null || (payment.OrganizationId != User.OrganizationId() && !User.IsCenterStaff())) return NotFound();
        Payment = payment;
        Organization = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == payment.OrganizationId, ct);
        return Page();
    }
}
