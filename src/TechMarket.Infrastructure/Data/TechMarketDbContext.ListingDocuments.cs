using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;

namespace TechMarket.Infrastructure.Data;

/// <summary>Documents attached to listings (issue 4, listing page).</summary>
public abstract partial class TechMarketDbContext
{
    public DbSet<ListingDocument> ListingDocuments => Set<ListingDocument>();
}
