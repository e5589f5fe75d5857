using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Deals;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Offers;

/// <summary>面议 threads of the organisation, as buyer and as seller, newest move first.</summary>
[Authorize(Policy = Policies.OrganizationMember)]
public sealed class IndexModel(TechMarketDbContext db) : PageModel
{
    public sealed record Row(OfferRecord Offer, string Title, string Counterpart, bool IsSeller);
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(int? p, CancellationToken ct)
    {
        var org = User.OrganizationId();
        var page = Math.Max(1, p ?? 1);
        var offers = await db.Offers.AsNoTracking().Where(o => o.BuyerOrganizationId == org || o.SellerOrganizationId == org)
            .OrderByDescending(o => o.UpdatedAt).Skip((page - 1) * 20).Take(20).ToListAsync(ct);
        var listingIds = offers.Select(o => o.ListingId).ToList();
        var titles = await db.Listings.AsNoTracking().Where(l => listingIds.Contains(l.Id)).Select(l => new { l.Id, l.Record!.Title }).ToDictionaryAsync(l => l.Id, l => l.Title, ct);
        var orgIds = offers.SelectMany(o => new[] { o.BuyerOrganizationId, o.SellerOrganizationId }).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        Rows = [.. offers.Select(o => new Row(o, titles[o.ListingId], names[o.SellerOrganizationId == org ? o.BuyerOrganizationId : o.SellerOrganizationId], o.SellerOrganizationId == org))];
    }
}
