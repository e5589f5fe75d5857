using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Infrastructure.Outbox;

namespace TechMarket.Infrastructure.Data;

/// <summary>Catalogue workflow: outbox, enquiries, follows, view counts, saved searches.</summary>
public abstract partial class TechMarketDbContext
{
    public DbSet<OutboxMessage> ListingOutbox => Set<OutboxMessage>();
    public DbSet<Enquiry> Enquiries => Set<Enquiry>();
    public DbSet<EnquiryMessage> EnquiryMessages => Set<EnquiryMessage>();
    public DbSet<ListingFollow> ListingFollows => Set<ListingFollow>();
    public DbSet<ListingViews> ListingViews => Set<ListingViews>();
    public DbSet<SavedSearch> SavedSearches => Set<SavedSearch>();

    /// <summary>Queues the listing for (re)indexing or removal in the same SaveChanges as its change.</summary>
    public void ListingChanged(Guid listingId, DateTimeOffset now) =>
        ListingOutbox.Add(new OutboxMessage(Guid.NewGuid(), OutboxTypes.ListingChanged, JsonSerializer.Serialize(new ListingChangedPayload(listingId)), now));
}

public sealed record ListingChangedPayload(Guid ListingId);
