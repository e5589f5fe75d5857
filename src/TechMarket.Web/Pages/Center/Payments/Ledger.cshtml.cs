using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Payments;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Center.Payments;

/// <summary>总账: every account's balance and their sum, which double entry keeps at zero; the postings; the CSV export.</summary>
[Authorize(Policy = Policies.CenterStaff)]
public sealed class LedgerModel(LedgerBalances ledger, TechMarketDbContext db, ReconciliationCsv csv, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<AccountBalance> Balances { get; private set; } = [];
    public Money Sum { get; private set; }
    public IReadOnlyList<LedgerLine> Lines { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyDictionary<Guid, string> OrganizationNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        Balances = await ledger.AllAsync(ct);
        Sum = new Money(Balances.Sum(b => b.Balance.Fen));
        Total = await ledger.CountLinesAsync(null, ct);
        Lines = await ledger.LinesAsync(null, (PageNumber - 1) * PageSize, PageSize, ct);
        var ids = Balances.Select(b => b.Account.Party).Concat(Lines.Select(l => l.Account.Party)).OfType<Guid>().Distinct().ToList();
        OrganizationNames = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    /// <summary>对账 CSV: UTF-8 with BOM for Excel.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var bytes = await csv.BuildAsync(ct);
        var name = $"techmarket-reconciliation-{clock.GetUtcNow().ToOffset(ChinaTime.Offset):yyyyMMdd-HHmm}.csv";
        return File(bytes, "text/csv; charset=utf-8", name);
    }
}
