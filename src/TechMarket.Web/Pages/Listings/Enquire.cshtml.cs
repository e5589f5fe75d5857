using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Infrastructure.Data;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Listings;

/// <summary>Start a private enquiry with the seller (one thread per listing and buyer organisation).</summary>
[Authorize(Policy = Policies.VerifiedMember)]
public sealed class EnquireModel(TechMarketDbContext db, TimeProvider clock) : PageModel
{
    public CatalogueRecord Record { get; private set; } = null!;

    [BindProperty]
    [Required(ErrorMessage = "请填写咨询内容 / Write your question.")]
    [StringLength(4000, ErrorMessage = "最长 4000 字 / At most 4000 characters.")]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var (listing, existing) = await LoadAsync(id, cancellationToken);
        if (listing is null) return NotFound();
        if (existing is { } e) return RedirectToPage("/Enquiries/Thread", new { id = e });
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var (listing, existing) = await LoadAsync(id, cancellationToken);
        if (listing is null) return NotFound();
        if (!ModelState.IsValid) return Page();
        var org = User.OrganizationId()!.Value;
        var now = clock.GetUtcNow();
        var enquiry = existing is { } e
            ? await db.Enquiries.FirstAsync(x => x.Id == e, cancellationToken)
            : db.Enquiries.Add(new Enquiry(Guid.NewGuid(), listing.Id, org, listing.OrganizationId, now)).Entity;
        db.EnquiryMessages.Add(enquiry.Post(org, User.UserId(), Message!, now));
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Enquiries/Thread", new { id = enquiry.Id });
    }

    private async Task<(Listing? Listing, Guid? Existing)> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var org = User.OrganizationId();
        var listing = await db.Listings.AsNoTracking().Include(l => l.Record)
            .FirstOrDefaultAsync(l => l.Id == id && l.Status == ListingStatus.Published && l.OrganizationId != org, cancellationToken);
        if (listing is null) return (null, null);
        Record = listing.Record!;
        var existing = await db.Enquiries.Where(e => e.ListingId == id && e.BuyerOrganizationId == org).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(cancellationToken);
        return (listing, existing);
    }
}
