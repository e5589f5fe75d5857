using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Payments;
using TechMarket.Infrastructure.Payments.Persistence;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Payments;

/// <summary>本机构账目: the organisation's own sub-accounts and postings only, with its payment receipts.</summary>
[Authorize(Policy = Policies.OrganizationMember)]
public sealed class LedgerModel(LedgerBalances ledger, TechMarketDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<AccountBalance> Balances { get; private set; } = [];
    public IReadOnlyList<LedgerLine> Lines { get; private set; } = [];
    public IReadOnlyList<PaymentRecord> Payments { get; private set; } = [];
    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.OrganizationId() is not { } org) return Forbid();
        PageNumber = Math.Max(1, PageNumber);
        Balances = await ledger.ForOrganizationAsync(org, ct);
        Total = await ledger.CountLinesAsync(org, ct);
        Lines = await ledger.LinesAsync(org, (PageNumber - 1) * PageSize, PageSize, ct);
        Payments = await db.PaymentRecords.AsNoTracking().Where(p => p.OrganizationId == org).OrderByDescending(p => p.Id).Take(100).ToListAsync(ct);
        return Page();
    }
}
