using TechMarket.Domain.Payments;
using TechMarket.Domain.Shared;

namespace TechMarket.Infrastructure.Payments.Persistence;

/// <summary>
/// 记账凭证 as stored: append-only, one row per idempotency key (a unique index, so a retry or a double click cannot
/// post twice even when two requests race). Never updated or deleted; a correction is a new, reversing entry.
/// </summary>
public sealed class JournalEntryRow : IAudited
{
    public Guid Id { get; set; }
    public string IdempotencyKey { get; set; } = "";
    public BusinessEventKind CauseKind { get; set; }
    public Guid CauseId { get; set; }
    public string Description { get; set; } = "";
    public DateTimeOffset PostedAt { get; set; }
    public Guid? PostedBy { get; set; }
    public List<PostingRow> Postings { get; set; } = [];

    public static JournalEntryRow From(JournalEntry entry, Guid? postedBy)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var id = Guid.CreateVersion7(entry.PostedAt);
        return new JournalEntryRow
        {
            Id = id,
            IdempotencyKey = entry.Key.Value,
            CauseKind = entry.Cause.Kind,
            CauseId = entry.Cause.Id,
            Description = entry.Description,
            PostedAt = entry.PostedAt,
            PostedBy = postedBy,
            Postings = [.. entry.Postings.Select((p, i) => new PostingRow
            {
                JournalEntryId = id,
                Line = i + 1,
                AccountKind = p.Account.Kind,
                Party = p.Account.Party,
                AmountFen = p.Amount.Fen,
            })],
        };
    }

    public JournalEntry ToDomain() => new(
        Domain.Payments.IdempotencyKey.From(IdempotencyKey),
        new BusinessEventRef(CauseKind, CauseId),
        Description,
        PostedAt,
        Postings.OrderBy(p => p.Line).Select(p => new Posting(new LedgerAccount(p.AccountKind, p.Party), new Money(p.AmountFen))));
}

/// <summary>One line of a stored entry: signed fen (debit +, credit −) on an account, optionally an organisation's sub-account.</summary>
public sealed class PostingRow
{
    public Guid JournalEntryId { get; set; }
    public int Line { get; set; }
    public LedgerAccountKind AccountKind { get; set; }
    public Guid? Party { get; set; }
    public long AmountFen { get; set; }
}
