using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Organizations;
using TechMarket.Infrastructure.Catalogue;
using TechMarket.Infrastructure.Data;
using TechMarket.Search;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Listings;

[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class DetailsModel(TechMarketDbContext db, ICatalogSearch search, ListingDocumentAccess documents) : PageModel
{
    public Listing Listing { get; private set; } = null!;
    public CatalogueRecord Record { get; private set; } = null!;
    public Organization Seller { get; private set; } = null!;
    public IReadOnlyList<SearchHit> Similar { get; private set; } = [];
    public bool IsFollowing { get; private set; }
    public bool IsOwnListing { get; private set; }
    public Guid? MyEnquiryId { get; private set; }
    /// <summary>Every document, with whether this visitor may download it; locked ones are listed with how to get them.</summary>
    public IReadOnlyList<(ListingDocument Document, bool MayDownload)> Documents { get; private set; } = [];
    /// <summary>The open listed trade (挂牌交易) on this listing, if any, with the caller's intention on it.</summary>
    public TechMarket.Infrastructure.Trading.ListedTrade? OpenTrade { get; private set; }
    public TechMarket.Infrastructure.Trading.TradeIntention? MyIntention { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        // Only published listings are public; drafts and others are 404 to everyone here (the seller sees them in the workspace).
        var listing = await db.Listings.AsNoTracking().Include(l => l.Record)
            .FirstOrDefaultAsync(l => l.Id == id && l.Status == ListingStatus.Published, cancellationToken);
        if (listing is null) return NotFound();
        Listing = listing;
        Record = listing.Record!;
        Seller = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == listing.OrganizationId, cancellationToken);
        await CountViewAsync(id, cancellationToken);
        Similar = await search.SimilarAsync(id, 5, cancellationToken);
        if (User.UserId() is { } user)
        {
            IsFollowing = await db.ListingFollows.AnyAsync(f => f.ListingId == id && f.UserId == user, cancellationToken);
        }
        var org = User.OrganizationId();
        IsOwnListing = org == listing.OrganizationId;
        if (org is { } o && !IsOwnListing)
        {
            MyEnquiryId = await db.Enquiries.Where(e => e.ListingId == id && e.BuyerOrganizationId == o).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(cancellationToken);
        }
        var viewer = await documents.ViewerAsync(id, org, User.IsCenterStaff(), cancellationToken);
        Documents = await documents.ListAsync(id, listingPublished: true, viewer, cancellationToken);
        OpenTrade = await db.ListedTrades.AsNoTracking().FirstOrDefaultAsync(t => t.ListingId == id && t.Status == TechMarket.Domain.Trading.ListedTradeStatus.Open, cancellationToken);
        if (OpenTrade is not null && org is { } buyer)
        {
            MyIntention = await db.TradeIntentions.AsNoTracking().FirstOrDefaultAsync(i => i.ListedTradeId == OpenTrade.Id && i.OrganizationId == buyer, cancellationToken);
        }
        return Page();
    }

    private async Task CountViewAsync(Guid id, CancellationToken cancellationToken)
    {
        // One UPDATE; the first view inserts the row (a lost race there only loses that one count).
        var updated = await db.ListingViews.Where(v => v.ListingId == id).ExecuteUpdateAsync(s => s.SetProperty(v => v.Count, v => v.Count + 1), cancellationToken);
        if (updated > 0) return;
        try
        {
            db.ListingViews.Add(new ListingViews(id));
            await db.SaveChangesAsync(cancellationToken);
            await db.ListingViews.Where(v => v.ListingId == id).ExecuteUpdateAsync(s => s.SetProperty(v => v.Count, v => v.Count + 1), cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }
    }
}
