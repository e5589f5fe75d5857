using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Auctions;

namespace TechMarket.Infrastructure.Data;

public abstract partial class TechMarketDbContext
{
    public DbSet<AuctionDefaultRecord> AuctionDefaults => Set<AuctionDefaultRecord>();
    public DbSet<RunnerUpOfferRecord> RunnerUpOffers => Set<RunnerUpOfferRecord>();
}
