using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Data;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Enquiries;

/// <summary>My organisation's enquiries (as buyer or seller); center staff also see the ones they were asked to broker.</summary>
[Authorize(Policy = Policies.OrganizationMember)]
public sealed class IndexModel(TechMarketDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string Title, bool AsSeller, int Messages, DateTimeOffset LastAt, bool Brokered);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var org = User.OrganizationId();
        var center = User.IsCenterStaff();
        var rows = await db.Enquiries.AsNoTracking()
            .Where(e => e.BuyerOrganizationId == org || e.SellerOrganizationId == org || (center && e.BrokerageRequestedAt != null))
            .Select(e => new
            {
                e.Id, Title = db.Listings.Where(l => l.Id == e.ListingId).Select(l => l.Record!.Title).First(),
                AsSeller = e.SellerOrganizationId == org, Messages = e.Messages.Count, e.CreatedAt, Brokered = e.BrokerageRequestedAt != null,
            }).Take(200).ToListAsync(cancellationToken);
        Rows = [.. rows.Select(r => new Row(r.Id, r.Title, r.AsSeller, r.Messages, r.CreatedAt, r.Brokered)).OrderByDescending(r => r.LastAt)];
    }
}
