using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.RdContracts;
using TechMarket.Web.Identity;
using TechMarket.Web.RdContracts;

namespace TechMarket.Web.Pages.Contracts;

/// <summary>The contract as an A4 page for printing (print CSS; the browser's "save as PDF" gives the PDF).</summary>
[Authorize(Policy = Policies.OrganizationMember)]
public sealed class PrintModel(TechMarketDbContext db, RdContractStore store, ReadContractEscrow escrow) : PageModel
{
    public ContractView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (User.Caller() is not { } caller || await store.LoadVisibleAsync(id, caller, cancellationToken) is not { } loaded) return NotFound();
        View = await ContractView.LoadAsync(loaded, db, escrow, cancellationToken);
        return Page();
    }
}
