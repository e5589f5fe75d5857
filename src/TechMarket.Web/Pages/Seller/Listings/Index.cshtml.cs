using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Infrastructure.Catalogue;
using TechMarket.Infrastructure.Data;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Seller.Listings;

/// <summary>Seller workspace: my organisation's listings with status, views and enquiries; submit from here.</summary>
[Authorize(Policy = Policies.VerifiedMember)]
public sealed class IndexModel(TechMarketDbContext db, SubmitListing submit) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(Guid Id, string RecordId, string Title, ListingStatus Status, long? PriceFen, string? RejectionReason, long Views, int Enquiries, bool IsEditable);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<ListingProblem> Problems { get; private set; } = [];
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    public int Total { get; private set; }
    [TempData] public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await submit.RunAsync(id, User.OrganizationId()!.Value, cancellationToken);
        if (result.Status == ListingCommandStatus.NotFound) return NotFound();
        if (result.Succeeded)
        {
            StatusMessage = "submitted";
            return RedirectToPage();
        }
        Problems = result.Problems;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var org = User.OrganizationId()!.Value;
        PageNumber = Math.Max(1, PageNumber);
        var mine = db.Listings.AsNoTracking().Where(l => l.OrganizationId == org);
        Total = await mine.CountAsync(cancellationToken);
        var rows = await mine.OrderByDescending(l => l.CreatedAt).ThenBy(l => l.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(l => new
            {
                l.Id, l.Record!.RecordId, l.Record.Title, l.Status, l.PriceFen, l.RejectionReason,
                Views = db.ListingViews.Where(v => v.ListingId == l.Id).Select(v => v.Count).FirstOrDefault(),
                Enquiries = db.Enquiries.Count(e => e.ListingId == l.Id),
            }).ToListAsync(cancellationToken);
        Rows = [.. rows.Select(r => new Row(r.Id, r.RecordId, r.Title, r.Status, r.PriceFen, r.RejectionReason, r.Views, r.Enquiries,
            r.Status is ListingStatus.Draft or ListingStatus.Rejected))];
    }
}
