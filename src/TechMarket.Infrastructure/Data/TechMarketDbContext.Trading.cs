using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Trading;

namespace TechMarket.Infrastructure.Data;

/// <summary>Listed trades (挂牌交易, issue 7): the trades and the companies' intentions.</summary>
public abstract partial class TechMarketDbContext
{
    public DbSet<ListedTrade> ListedTrades => Set<ListedTrade>();
    public DbSet<TradeIntention> TradeIntentions => Set<TradeIntention>();
}
