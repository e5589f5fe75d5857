using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Payments;
using TechMarket.Infrastructure.Audit;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Payments.Persistence;

namespace TechMarket.Infrastructure.Payments;

/// <summary>
/// Posts journal entries together with the business change the caller has already made on the same context: one
/// SaveChanges, so one transaction, audited under <c>auditAction</c>. The unique index on the idempotency key decides
/// races: when another request posted the same event first, this one changes nothing and reports
/// <see cref="PostingResult.AlreadyPosted"/> (or <see cref="PostingResult.KeyConflict"/> if its postings differ).
/// </summary>
public sealed class PostJournalEntry(TechMarketDbContext db, ICurrentActor actor)
{
    public async Task<PostingResult> RunAsync(IReadOnlyList<JournalEntry> entries, string auditAction, string? reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var earlier = await CompareWithStoredAsync(entries, ct).ConfigureAwait(false);
        if (earlier is { } found)
        {
            db.ChangeTracker.Clear();
            return found;
        }
        foreach (var entry in entries) db.JournalEntries.Add(JournalEntryRow.From(entry, actor.UserId));
        db.AuditAs(auditAction, reason);
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return PostingResult.Posted;
        }
        catch (DbUpdateException)
        {
            // Lost a race: nothing of this unit of work was saved. If the winner posted the same event, that is a retry.
            db.ChangeTracker.Clear();
            if (await CompareWithStoredAsync(entries, ct).ConfigureAwait(false) is { } raced) return raced;
            throw;
        }
    }

    /// <summary>Null when none of the keys is posted yet.</summary>
    private async Task<PostingResult?> CompareWithStoredAsync(IReadOnlyList<JournalEntry> entries, CancellationToken ct)
    {
        var keys = entries.Select(e => e.Key.Value).ToList();
        var stored = await db.JournalEntries.AsNoTracking().Include(e => e.Postings)
            .Where(e => keys.Contains(e.IdempotencyKey)).ToListAsync(ct).ConfigureAwait(false);
        if (stored.Count == 0) return null;
        var byKey = stored.ToDictionary(e => e.IdempotencyKey, StringComparer.Ordinal);
        var same = entries.All(e => byKey.TryGetValue(e.Key.Value, out var row) && row.ToDomain().HasSamePostingsAs(e));
        return same ? PostingResult.AlreadyPosted : PostingResult.KeyConflict;
    }
}
