using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Infrastructure.Catalogue;
using TechMarket.Infrastructure.Data;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Center;

/// <summary>The center's review queue: submitted listings, oldest first; approve, or reject with a reason.</summary>
[Authorize(Policy = Policies.CenterStaff)]
public sealed class ListingsModel(TechMarketDbContext db, ApproveListing approve, RejectListing reject) : PageModel
{
    public sealed record Row(Guid Id, string RecordId, string Title, AssetKind Kind, string Organization, TradeModes TradeModes, long? PriceFen,
        LegalStatus? LegalStatus, string? Encumbrances, IReadOnlyList<CoOwnerConsent> CoOwners, DateTimeOffset? SubmittedAt);

    public IReadOnlyList<Row> Queue { get; private set; } = [];
    public Guid? FailedId { get; private set; }
    public IReadOnlyList<ListingProblem> Problems { get; private set; } = [];

    [BindProperty]
    [Required(ErrorMessage = "退回时请说明理由 / Give a reason for the rejection.")]
    [StringLength(2000, ErrorMessage = "理由最长 2000 字 / At most 2000 characters.")]
    public string? Reason { get; set; }

    [TempData] public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Remove(nameof(Reason));
        var result = await approve.RunAsync(id, cancellationToken);
        return await AfterAsync(id, result, "approved", cancellationToken);
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            FailedId = id;
            await LoadAsync(cancellationToken);
            return Page();
        }
        var result = await reject.RunAsync(id, Reason!, cancellationToken);
        return await AfterAsync(id, result, "rejected", cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(Guid id, ListingCommandResult result, string message, CancellationToken cancellationToken)
    {
        if (result.Status == ListingCommandStatus.NotFound) return NotFound();
        if (result.Succeeded)
        {
            StatusMessage = message;
            return RedirectToPage();
        }
        FailedId = id;
        Problems = result.Problems;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Listings.AsNoTracking().Where(l => l.Status == ListingStatus.Submitted).OrderBy(l => l.SubmittedAt).Take(100)
            .Select(l => new { Listing = l, l.Record, Org = db.Organizations.Where(o => o.Id == l.OrganizationId).Select(o => o.Name).First() })
            .ToListAsync(cancellationToken);
        Queue = [.. rows.Select(r => new Row(r.Listing.Id, r.Record!.RecordId, r.Record.Title, r.Record.Kind, r.Org, r.Listing.TradeModes, r.Listing.PriceFen,
            r.Listing.LegalStatus, r.Listing.Encumbrances, r.Listing.CoOwners, r.Listing.SubmittedAt))];
    }
}
