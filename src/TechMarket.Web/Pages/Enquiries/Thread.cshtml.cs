using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Brokerage;
using TechMarket.Domain.Catalogue;
using TechMarket.Infrastructure.Brokerage;
using TechMarket.Infrastructure.Catalogue;
using TechMarket.Infrastructure.Data;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Enquiries;

/// <summary>
/// One enquiry thread. Visible to the buyer and seller organisations only; center staff see it once a party asked it
/// to broker, or once a broker is assigned to a case a party opened on the listing (<see cref="BrokerageAccess"/>);
/// each such view is audited. Everyone else gets 404 (not 403: its existence is private too).
/// </summary>
[Authorize]
public sealed class ThreadModel(TechMarketDbContext db, TimeProvider clock, BrokerageAccess access, OpenBrokerageCase openBrokerage,
    GrantEnquiryDocuments grantDocuments) : PageModel
{
    public Enquiry Enquiry { get; private set; } = null!;
    public string ListingTitle { get; private set; } = "";
    public IReadOnlyDictionary<Guid, string> OrganizationNames { get; private set; } = new Dictionary<Guid, string>();
    public bool IsParty { get; private set; }
    public bool IsSeller => IsParty && User.OrganizationId() == Enquiry.SellerOrganizationId;

    [BindProperty]
    [Required(ErrorMessage = "请填写内容 / Write a message.")]
    [StringLength(4000, ErrorMessage = "最长 4000 字 / At most 4000 characters.")]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, tracked: false, cancellationToken)) return NotFound();
        // A broker reading the parties' private thread is recorded: who, when, which thread.
        if (!IsParty) await access.RecordViewAsync(User.UserId(), User.OrganizationId(), nameof(Enquiry), id, "enquiry thread", cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, tracked: true, cancellationToken)) return NotFound();
        if (!IsParty) return NotFound();
        if (!ModelState.IsValid) return Page();
        db.EnquiryMessages.Add(Enquiry.Post(User.OrganizationId()!.Value, User.UserId(), Message!, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostBrokerAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, tracked: false, cancellationToken) || !IsParty) return NotFound();
        // Marks the thread as brokered and opens the case on the center's pipeline, in one SaveChanges.
        await openBrokerage.RequestAsync(BrokerageSubjectKind.Enquiry, id, User.OrganizationId()!.Value, cancellationToken);
        return RedirectToPage(new { id });
    }

    /// <summary>The seller opens or closes its on-request documents to the enquiring organisation.</summary>
    public async Task<IActionResult> OnPostDocumentsAsync(Guid id, bool grant, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, tracked: false, cancellationToken) || !IsSeller) return NotFound();
        await grantDocuments.RunAsync(id, User.OrganizationId()!.Value, grant, cancellationToken);
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, bool tracked, CancellationToken cancellationToken)
    {
        var query = db.Enquiries.Include(e => e.Messages).AsQueryable();
        if (!tracked) query = query.AsNoTracking();
        var enquiry = await query.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        var org = User.OrganizationId();
        if (enquiry is null) return false;
        if (!enquiry.IsParty(org) && !(User.IsCenterStaff() && await access.CenterMayReadAsync(enquiry, cancellationToken))) return false;
        Enquiry = enquiry;
        IsParty = enquiry.IsParty(org);
        ListingTitle = await db.Listings.Where(l => l.Id == enquiry.ListingId).Select(l => l.Record!.Title).FirstAsync(cancellationToken);
        var ids = new[] { enquiry.BuyerOrganizationId, enquiry.SellerOrganizationId };
        OrganizationNames = await db.Organizations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        return true;
    }
}
