using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Deals;
using TechMarket.Web.Deals;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Deals;

/// <summary>A printable document of a deal: the two parties and the center only (404 for anyone else).</summary>
[Authorize(Policy = Policies.OrganizationMember)]
public abstract class DealDocumentPage(TechMarketDbContext db, DealAccess access) : PageModel
{
    public DealView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (User.DealCaller() is not { } caller || await access.LoadVisibleAsync(id, caller, ct) is not { } deal) return NotFound();
        View = await DealView.LoadAsync(deal, db, ct);
        return Page();
    }
}

/// <summary>成交确认书 with both parties' registered names.</summary>
public sealed class ConfirmationModel(TechMarketDbContext db, DealAccess access) : DealDocumentPage(db, access);

/// <summary>The contract as an A4 page (print CSS); the PDF download beside it uses the same clauses.</summary>
public sealed class PrintModel(TechMarketDbContext db, DealAccess access) : DealDocumentPage(db, access);

/// <summary>技术合同认定登记 data sheet and the data for the CNIPA assignment registration or licence-contract recordal.</summary>
public sealed class RegistrationModel(TechMarketDbContext db, DealAccess access) : DealDocumentPage(db, access);
