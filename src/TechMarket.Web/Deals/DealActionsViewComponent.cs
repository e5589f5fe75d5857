using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Infrastructure.Data;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Deals;

/// <summary>The listing page's deal buttons: 面议 offer, express licence, open licence for buyers; licensing settings for the seller.</summary>
public sealed class DealActionsViewComponent(TechMarketDbContext db) : ViewComponent
{
    public sealed record Actions(Guid ListingId, bool IsOwn, bool CanOffer, bool Express, bool OpenLicence);

    public async Task<IViewComponentResult> InvokeAsync(Listing listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var org = (User as System.Security.Claims.ClaimsPrincipal)?.OrganizationId();
        var published = listing.Status == ListingStatus.Published;
        var express = published && await db.ExpressLicenceTerms.AnyAsync(t => t.ListingId == listing.Id && t.IsOffered);
        var open = published && await db.OpenLicenceDeclarations.AnyAsync(d => d.ListingId == listing.Id && d.StandingKey != null);
        var negotiable = (listing.TradeModes & ~TradeModes.OpenLicence) != TradeModes.None;
        return View(new Actions(listing.Id, org is not null && org == listing.OrganizationId, published && negotiable, express, open));
    }
}
