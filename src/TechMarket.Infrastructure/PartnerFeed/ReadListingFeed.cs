using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Search;

namespace TechMarket.Infrastructure.PartnerFeed;

/// <summary>A published listing as partners receive it (the same fields as GET /api/v1/listings/{id}).</summary>
public sealed record FeedListing(Guid Id, string RecordId, string Title, string? Abstract, string? Claims, string Type, IReadOnlyList<string> TradeModes,
    long? PriceFen, string Organization, string? Industry, IReadOnlyList<string> IpcCodes, string? LegalStatus, string? Encumbrances, int? Trl,
    DateTimeOffset? PublishedAt, bool IsDemo);

/// <summary>
/// One listing's state now. <see cref="Deleted"/> is a tombstone: the listing is no longer on the market (withdrawn,
/// expired, sold, under offer, in auction, or gone) and <see cref="Listing"/> is null; a partner removes its copy.
/// </summary>
public sealed record FeedItem(Guid Id, long Sequence, bool Deleted, string Status, DateTimeOffset ChangedAt, FeedListing? Listing);

public sealed record FeedPage(IReadOnlyList<FeedItem> Items, long LastSequence, bool HasMore);

public enum FeedReadStatus { Ok, CursorAhead }

/// <summary>
/// The partner feed: change-log rows after a sequence number, in sequence order, each resolved to the listing's
/// current state (a listing changed twice within a page appears once, at its last position). Runs the sequencer
/// first, so a read sees every committed change; delivery is at least once (a partner may see a state twice) and a
/// partner that applies items in order ends with the database's state.
/// </summary>
public sealed class ReadListingFeed(TechMarketDbContext db, FeedSequencer sequencer)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    public async Task<(FeedReadStatus Status, FeedPage? Page)> RunAsync(long after, int limit, CancellationToken cancellationToken)
    {
        var highest = await sequencer.RunAsync(cancellationToken);
        if (after > highest) return (FeedReadStatus.CursorAhead, null);
        var rows = await db.ListingFeedLog.AsNoTracking()
            .Where(e => e.Sequence > after).OrderBy(e => e.Sequence).Take(limit + 1)
            .Select(e => new ChangeRow(e.Sequence!.Value, e.ListingId, e.Change, e.At))
            .ToListAsync(cancellationToken);
        var hasMore = rows.Count > limit;
        if (hasMore) rows.RemoveAt(rows.Count - 1);
        var items = await ResolveAsync(db, rows, cancellationToken);
        return (FeedReadStatus.Ok, new FeedPage(items, rows.Count == 0 ? after : rows[^1].Sequence, hasMore));
    }

    internal sealed record ChangeRow(long Sequence, Guid ListingId, ListingFeedChange Change, DateTimeOffset At);

    /// <summary>The last change per listing, in sequence order, with the listing as it is now.</summary>
    internal static async Task<List<FeedItem>> ResolveAsync(TechMarketDbContext db, IReadOnlyList<ChangeRow> rows, CancellationToken cancellationToken)
    {
        var last = rows.GroupBy(r => r.ListingId).Select(g => g.MaxBy(r => r.Sequence)!).OrderBy(r => r.Sequence).ToList();
        var ids = last.Select(r => r.ListingId).ToList();
        var current = await db.Listings.AsNoTracking().Where(l => ids.Contains(l.Id))
            .Select(l => new { Listing = l, l.Record, Org = db.Organizations.Where(o => o.Id == l.OrganizationId).Select(o => o.Name).First() })
            .ToDictionaryAsync(x => x.Listing.Id, cancellationToken);
        return [.. last.Select(r =>
        {
            if (!current.TryGetValue(r.ListingId, out var now)) return new FeedItem(r.ListingId, r.Sequence, true, "deleted", r.At, null);
            var (l, rec) = (now.Listing, now.Record!);
            if (l.Status != ListingStatus.Published) return new FeedItem(l.Id, r.Sequence, true, StatusCode(l.Status), r.At, null);
            return new FeedItem(l.Id, r.Sequence, false, StatusCode(l.Status), r.At, new FeedListing(l.Id, rec.RecordId, rec.Title, rec.Abstract, rec.Claims,
                rec.Kind.Code(), l.TradeModes.ToCodes(), l.PriceFen, now.Org, CatalogDocuments.IndustryCode(l.Industry),
                rec.IpcCodes.Split(' ', StringSplitOptions.RemoveEmptyEntries), l.LegalStatus?.Code(), l.Encumbrances, l.Trl, l.PublishedAt, l.IsDemo));
        })];
    }

    public static string StatusCode(ListingStatus status) => status switch
    {
        ListingStatus.Draft => "draft",
        ListingStatus.Submitted => "submitted",
        ListingStatus.Rejected => "rejected",
        ListingStatus.Published => "published",
        ListingStatus.Withdrawn => "withdrawn",
        ListingStatus.Expired => "expired",
        ListingStatus.UnderOffer => "under_offer",
        ListingStatus.InAuction => "in_auction",
        ListingStatus.Sold => "sold",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
