using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Payments;

public enum PostingResult
{
    Posted,
    /// <summary>The same key with the same postings was posted before: nothing changes (a retry).</summary>
    AlreadyPosted,
    /// <summary>The same key with different postings: refused, something upstream is confused.</summary>
    KeyConflict,
}

/// <summary>
/// The double-entry ledger (总账): an append-only list of balanced entries, one per idempotency key.
/// Because every entry sums to zero, the ledger does too; money can only move between accounts.
/// </summary>
public sealed class Ledger
{
    private readonly List<JournalEntry> entries = [];
    private readonly Dictionary<IdempotencyKey, JournalEntry> byKey = [];
    private readonly Dictionary<LedgerAccount, long> balances = [];

    public IReadOnlyList<JournalEntry> Entries => entries.AsReadOnly();

    public PostingResult Post(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (byKey.TryGetValue(entry.Key, out var earlier))
            return earlier.HasSamePostingsAs(entry) ? PostingResult.AlreadyPosted : PostingResult.KeyConflict;
        byKey.Add(entry.Key, entry);
        entries.Add(entry);
        foreach (var posting in entry.Postings)
            balances[posting.Account] = checked(balances.GetValueOrDefault(posting.Account) + posting.Amount.Fen);
        return PostingResult.Posted;
    }

    public bool Contains(IdempotencyKey key) => byKey.ContainsKey(key);

    /// <summary>Debit balance of an account (negative for a credit balance).</summary>
    public Money Balance(LedgerAccount account) => new(balances.GetValueOrDefault(account));

    /// <summary>Sum over all sub-accounts of a kind.</summary>
    public Money Balance(LedgerAccountKind kind) =>
        new(balances.Where(b => b.Key.Kind == kind).Sum(b => b.Value));

    /// <summary>Sum of all balances: zero by construction. Exposed so reconciliation can prove it.</summary>
    public Money Total => new(balances.Values.Sum());

    public IReadOnlyDictionary<LedgerAccount, Money> Balances =>
        balances.ToDictionary(b => b.Key, b => new Money(b.Value));
}
