using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Payments;

/// <summary>One line of a journal entry: a debit (positive) or a credit (negative) to an account.</summary>
public readonly record struct Posting(LedgerAccount Account, Money Amount)
{
    public static Posting Debit(LedgerAccount account, Money amount) => new(account, RequirePositive(amount));
    public static Posting Credit(LedgerAccount account, Money amount) => new(account, new Money(-RequirePositive(amount).Fen));

    private static Money RequirePositive(Money amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount.Fen, nameof(amount));
        return amount;
    }
}

/// <summary>
/// A balanced journal entry (记账凭证): its postings sum to zero, or it cannot be constructed.
/// An unbalanced entry is a bug in the code that built it, so it throws rather than returning a refusal.
/// </summary>
public sealed class JournalEntry
{
    public JournalEntry(IdempotencyKey key, BusinessEventRef cause, string description, DateTimeOffset postedAt, IEnumerable<Posting> postings)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentNullException.ThrowIfNull(postings);
        var lines = postings.Where(p => p.Amount != Money.Zero).ToList();
        if (lines.Count < 2) throw new ArgumentException("A journal entry needs at least one debit and one credit.", nameof(postings));
        var sum = lines.Aggregate(Money.Zero, (total, p) => total + p.Amount);
        if (sum != Money.Zero) throw new ArgumentException($"Unbalanced journal entry for {cause}: postings sum to {sum}.", nameof(postings));
        Key = key;
        Cause = cause;
        Description = description;
        PostedAt = postedAt;
        Postings = lines.AsReadOnly();
    }

    public IdempotencyKey Key { get; }
    public BusinessEventRef Cause { get; }
    public string Description { get; }
    public DateTimeOffset PostedAt { get; }
    public IReadOnlyList<Posting> Postings { get; }

    /// <summary>The total debited, which equals the total credited.</summary>
    public Money Total => Postings.Where(p => p.Amount.Fen > 0).Aggregate(Money.Zero, (total, p) => total + p.Amount);

    /// <summary>Same postings (order aside): a retry of the same event rather than a conflicting one.</summary>
    public bool HasSamePostingsAs(JournalEntry other)
    {
        ArgumentNullException.ThrowIfNull(other);
        static IEnumerable<(LedgerAccount, long)> Net(JournalEntry e) =>
            e.Postings.GroupBy(p => p.Account).Select(g => (g.Key, g.Sum(p => p.Amount.Fen))).OrderBy(x => x.Key.ToString(), StringComparer.Ordinal);
        return Net(this).SequenceEqual(Net(other));
    }
}
