using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Brokerage;
using TechMarket.Infrastructure.Brokerage;
using TechMarket.Infrastructure.Data;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Brokerage;

/// <summary>
/// 申请经纪服务: a verified organisation asks the center to broker a listing, demand, deal or enquiry. The page shows
/// what is asked (and that the center will read the party's enquiry threads once a broker is assigned) before the
/// request is sent.
/// </summary>
[Authorize(Policy = Policies.VerifiedMember)]
public sealed class RequestModel(TechMarketDbContext db, OpenBrokerageCase open) : PageModel
{
    [BindProperty(SupportsGet = true)] public BrokerageSubjectKind Kind { get; set; }
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public bool Sent { get; set; }
    public string? Title { get; private set; }
    public bool AlreadyRequested { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Title = await TitleAsync(cancellationToken);
        if (Title is null) return NotFound();
        var org = User.OrganizationId();
        AlreadyRequested = await db.BrokerageCases.AnyAsync(c => c.SubjectKind == Kind && c.SubjectId == Id && c.RequestedByOrganizationId == org && c.Stage != BrokerageStage.Dropped, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await open.RequestAsync(Kind, Id, User.OrganizationId()!.Value, cancellationToken);
        return outcome.Refusal switch
        {
            OpenBrokerageRefusal.None => RedirectToPage(new { kind = Kind, id = Id, sent = true }),
            OpenBrokerageRefusal.SubjectNotFound or OpenBrokerageRefusal.NotAParty => NotFound(),
            _ => NotFound(),
        };
    }

    private Task<string?> TitleAsync(CancellationToken ct) => Kind switch
    {
        BrokerageSubjectKind.Listing => db.Listings.Where(l => l.Id == Id && l.Status != Domain.Catalogue.ListingStatus.Draft).Select(l => l.Record!.Title).FirstOrDefaultAsync(ct),
        BrokerageSubjectKind.Demand => db.Demands.Where(d => d.Id == Id).Select(d => d.Title).FirstOrDefaultAsync(ct),
        BrokerageSubjectKind.Deal => db.Deals.Where(d => d.Id == Id && (d.BuyerOrganizationId == User.OrganizationId() || d.SellerOrganizationId == User.OrganizationId()))
            .Select(d => db.Listings.Where(l => l.Id == d.ListingId).Select(l => l.Record!.Title).First()).FirstOrDefaultAsync(ct),
        BrokerageSubjectKind.Enquiry => db.Enquiries.Where(e => e.Id == Id && (e.BuyerOrganizationId == User.OrganizationId() || e.SellerOrganizationId == User.OrganizationId()))
            .Select(e => db.Listings.Where(l => l.Id == e.ListingId).Select(l => l.Record!.Title).First()).FirstOrDefaultAsync(ct),
        _ => Task.FromResult<string?>(null),
    };
}
