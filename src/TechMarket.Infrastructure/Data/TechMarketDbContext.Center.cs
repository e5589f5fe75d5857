using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Brokerage;
using TechMarket.Domain.Events;
using TechMarket.Infrastructure.Articles;
using TechMarket.Infrastructure.Brokerage;
using TechMarket.Infrastructure.Events;

namespace TechMarket.Infrastructure.Data;

/// <summary>Service center workspace (issue 10): brokerage pipeline, promotion events, articles written in the site.</summary>
public abstract partial class TechMarketDbContext
{
    public DbSet<BrokerageCase> BrokerageCases => Set<BrokerageCase>();
    public DbSet<BrokerageNote> BrokerageNotes => Set<BrokerageNote>();
    public DbSet<BrokerageReminderSent> BrokerageRemindersSent => Set<BrokerageReminderSent>();
    public DbSet<PromotionEvent> PromotionEvents => Set<PromotionEvent>();
    public DbSet<EventRegistration> EventRegistrations => Set<EventRegistration>();
    public DbSet<EventListing> EventListings => Set<EventListing>();
    public DbSet<EventReminderSent> EventRemindersSent => Set<EventReminderSent>();
    public DbSet<ArticleRecord> Articles => Set<ArticleRecord>();
}
