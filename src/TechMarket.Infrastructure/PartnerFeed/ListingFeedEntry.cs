namespace TechMarket.Infrastructure.PartnerFeed;

/// <summary>What a change did to a listing's public presence, seen from the partner feed.</summary>
public enum ListingFeedChange
{
    /// <summary>Came onto the market (approved, or back from an offer or an auction).</summary>
    Published = 0,
    /// <summary>Changed while published.</summary>
    Updated = 1,
    /// <summary>Left the market: withdrawn, expired, sold, under offer, in auction, deleted.</summary>
    Removed = 2,
}

/// <summary>
/// One row of the listing change log (listing_feed_log) that the partner feed and webhooks read. Written by
/// <see cref="ListingFeedInterceptor"/> in the same SaveChanges, hence the same transaction, as the listing change.
/// <see cref="Sequence"/> is null at first and given later by <see cref="FeedSequencer"/>, which numbers committed rows
/// one run at a time under a lock: numbers follow commit order, so a reader that has seen sequence n has seen every row
/// that will ever carry a smaller number (a row whose transaction commits late simply gets a later number).
/// </summary>
public sealed class ListingFeedEntry
{
    private ListingFeedEntry() { }

    public ListingFeedEntry(Guid listingId, ListingFeedChange change, DateTimeOffset at)
    {
        ListingId = listingId;
        Change = change;
        At = at;
    }

    /// <summary>Insertion order (only a tie-break inside one sequencing run; it does not follow commit order).</summary>
    public long Id { get; private set; }
    /// <summary>Commit-ordered position in the feed; null until sequenced.</summary>
    public long? Sequence { get; private set; }
    public Guid ListingId { get; private set; }
    public ListingFeedChange Change { get; private set; }
    public DateTimeOffset At { get; private set; }

    internal void Number(long sequence) => Sequence = sequence;
}
