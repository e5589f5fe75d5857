using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TechMarket.Domain.Catalogue;

namespace TechMarket.Infrastructure.PartnerFeed;

/// <summary>
/// Appends a <see cref="ListingFeedEntry"/> for every listing whose public presence a SaveChanges touches (published
/// before or after it), so no code path (workflow, deals, auctions, seeding, imports) can change a listing without the
/// feed hearing of it, and the entry commits or rolls back with the change. Drafts and reviews never reach the log.
/// </summary>
public sealed class ListingFeedInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Append(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Append(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Append(DbContext? context)
    {
        if (context is null) return;
        var now = clock.GetUtcNow();
        var entries = new List<ListingFeedEntry>();
        foreach (var entry in context.ChangeTracker.Entries<Listing>())
        {
            var status = entry.Property(l => l.Status);
            var wasPublished = entry.State is EntityState.Modified or EntityState.Deleted && (ListingStatus)status.OriginalValue! == ListingStatus.Published;
            var isPublished = entry.State is EntityState.Added or EntityState.Modified && status.CurrentValue == ListingStatus.Published;
            if (entry.State == EntityState.Modified && !entry.Properties.Any(p => p.IsModified) && !entry.Navigations.Any(n => n.IsModified)) continue;
            ListingFeedChange? change = (wasPublished, isPublished) switch
            {
                (false, true) => ListingFeedChange.Published,
                (true, true) => ListingFeedChange.Updated,
                (true, false) => ListingFeedChange.Removed,
                (false, false) => null,
            };
            if (change is { } c) entries.Add(new ListingFeedEntry(entry.Entity.Id, c, now));
        }
        if (entries.Count > 0) context.Set<ListingFeedEntry>().AddRange(entries);
    }
}
