using TechMarket.Domain.Payments;
using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Tests.Payments;

public sealed class LedgerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Org = Guid.Parse("0000000a-0000-0000-0000-000000000001");
    private static readonly BusinessEventRef Paid = new(BusinessEventKind.DepositPaid, Guid.Parse("0000000d-0000-0000-0000-000000000001"));

    [Fact]
    public void An_unbalanced_entry_cannot_be_constructed()
    {
        var ex = Assert.Throws<ArgumentException>(() => new JournalEntry(IdempotencyKey.For(Paid), Paid, "保证金", T0,
            [Posting.Debit(LedgerAccount.CashAtBank, new Money(100_00)), Posting.Credit(LedgerAccount.DepositsHeld(Org), new Money(99_99))]));
        Assert.Contains("Unbalanced", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_with_a_single_posting_cannot_be_constructed() =>
        Assert.Throws<ArgumentException>(() => new JournalEntry(IdempotencyKey.For(Paid), Paid, "保证金", T0,
            [new Posting(LedgerAccount.CashAtBank, Money.Zero), Posting.Debit(LedgerAccount.CashAtBank, new Money(1))]));

    [Fact]
    public void Posting_the_same_event_twice_creates_one_entry()
    {
        var ledger = new Ledger();
        Assert.Equal(PostingResult.Posted, ledger.Post(DepositPaid(100_00)));
        Assert.Equal(PostingResult.AlreadyPosted, ledger.Post(DepositPaid(100_00)));
        Assert.Single(ledger.Entries);
        Assert.Equal(new Money(100_00), ledger.Balance(LedgerAccount.CashAtBank));
        Assert.Equal(new Money(-100_00), ledger.Balance(LedgerAccount.DepositsHeld(Org)));
    }

    [Fact]
    public void The_same_key_with_different_postings_is_refused_as_a_conflict()
    {
        var ledger = new Ledger();
        ledger.Post(DepositPaid(100_00));
        Assert.Equal(PostingResult.KeyConflict, ledger.Post(DepositPaid(200_00)));
        Assert.Equal(new Money(100_00), ledger.Balance(LedgerAccount.CashAtBank));
    }

    [Fact]
    public void The_ledger_sums_to_zero_after_every_entry()
    {
        var ledger = new Ledger();
        ledger.Post(DepositPaid(100_00));
        Assert.Equal(Money.Zero, ledger.Total);
        Assert.Equal(Money.Zero, ledger.Balances.Values.Aggregate(Money.Zero, (a, b) => a + b));
    }

    [Fact]
    public void Idempotency_keys_derive_from_the_business_event_and_fit_stripe_limit()
    {
        Assert.Equal(IdempotencyKey.For(Paid), IdempotencyKey.For(Paid));
        Assert.NotEqual(IdempotencyKey.For(Paid), IdempotencyKey.For(Paid, "capture"));
        Assert.Throws<ArgumentOutOfRangeException>(() => IdempotencyKey.From(new string('k', 256)));
    }

    private static JournalEntry DepositPaid(long fen) => new(IdempotencyKey.For(Paid), Paid, "保证金到账", T0,
        [Posting.Debit(LedgerAccount.CashAtBank, new Money(fen)), Posting.Credit(LedgerAccount.DepositsHeld(Org), new Money(fen))]);
}
