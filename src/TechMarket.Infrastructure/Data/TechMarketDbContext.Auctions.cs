using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Auctions;

namespace TechMarket.Infrastructure.Data;

public abstract partial class TechMarketDbContext
{
    public DbSet<Auction> Auctions => Set<Auction>();
    public DbSet<AuctionRegistration> AuctionRegistrations => Set<AuctionRegistration>();
    public DbSet<AuctionBid> AuctionBids => Set<AuctionBid>();
    public DbSet<AuctionSession> AuctionSessions => Set<AuctionSession>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<Notification> Notifications => Set<Notification>();
}
