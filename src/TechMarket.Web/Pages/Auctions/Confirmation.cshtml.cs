using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Organizations;
using TechMarket.Infrastructure.Auctions;
using TechMarket.Infrastructure.Data;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Auctions;

/// <summary>
/// 成交确认书 (SPC 2016 Art. 22; Auction Law Art. 52): printable A4 with the parties' real names, the lot, the price and
/// the time. Identities are revealed only now (SPC 2016 Arts 8, 18), and only to the parties: the buyer, the seller,
/// the organiser and the center. Everyone else, and everyone before the close, gets 404.
/// </summary>
[Authorize]
public sealed class ConfirmationModel(TechMarketDbContext db) : PageModel
{
    public Auction Auction { get; private set; } = null!;
    public Organization Buyer { get; private set; } = null!;
    public Organization Seller { get; private set; } = null!;
    public Organization Organizer { get; private set; } = null!;
    public string? RecordId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var auction = await db.Auctions.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.Status == AuctionStatus.Closed && a.Sold == true, cancellationToken);
        if (auction is null) return NotFound();
        var org = User.OrganizationId();
        var party = User.IsCenterStaff() || (org is { } o && (o == auction.WinnerOrganizationId || o == auction.SellerOrganizationId || o == auction.OrganizerOrganizationId));
        if (!party) return NotFound();
        Auction = auction;
        Buyer = await db.Organizations.AsNoTracking().FirstAsync(x => x.Id == auction.WinnerOrganizationId, cancellationToken);
        Seller = await db.Organizations.AsNoTracking().FirstAsync(x => x.Id == auction.SellerOrganizationId, cancellationToken);
        Organizer = await db.Organizations.AsNoTracking().FirstAsync(x => x.Id == auction.OrganizerOrganizationId, cancellationToken);
        RecordId = await db.Listings.AsNoTracking().Where(l => l.Id == auction.ListingId).Select(l => l.Record!.RecordId).FirstOrDefaultAsync(cancellationToken);
        return Page();
    }
}
