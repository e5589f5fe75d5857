using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Deals;

namespace TechMarket.Infrastructure.Data;

/// <summary>Deals (issue 7): what every road to a sale or licence ends in, and the offers and licences that lead there.</summary>
public abstract partial class TechMarketDbContext
{
    public DbSet<DealRecord> Deals => Set<DealRecord>();
    public DbSet<DealSignatureRecord> DealSignatures => Set<DealSignatureRecord>();
    public DbSet<DealObjectionRecord> DealObjections => Set<DealObjectionRecord>();
    public DbSet<AuctionDealRefusalRecord> AuctionDealRefusals => Set<AuctionDealRefusalRecord>();
    public DbSet<OfferRecord> Offers => Set<OfferRecord>();
    public DbSet<OfferMessageRecord> OfferMessages => Set<OfferMessageRecord>();
    public DbSet<ExpressLicenceTermsRecord> ExpressLicenceTerms => Set<ExpressLicenceTermsRecord>();
    public DbSet<OpenLicenceDeclarationRecord> OpenLicenceDeclarations => Set<OpenLicenceDeclarationRecord>();
}
