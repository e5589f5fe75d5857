using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Payments;

public enum DepositState
{
    /// <summary>待缴纳.</summary>
    AwaitingPayment,
    /// <summary>已冻结: paid and held; the organisation may bid or register intention.</summary>
    Held,
    /// <summary>已抵作价款: counted toward the price of a deal the organisation won.</summary>
    Applied,
    /// <summary>已退还: returned (or never paid and cancelled).</summary>
    Released,
    /// <summary>已没收: forfeited on default (SPC 2016 Art. 24; exchange practice).</summary>
    Forfeited,
}

public enum DepositRefusal
{
    /// <summary>The deposit is not awaiting payment (already paid, or closed).</summary>
    NotAwaitingPayment,
    /// <summary>The deposit is not held, so it cannot be applied or forfeited.</summary>
    NotHeld,
    /// <summary>A receipt that does not match the required amount is flagged for the center, not booked.</summary>
    WrongAmount,
    /// <summary>Already applied, released or forfeited.</summary>
    AlreadyClosed,
}

public sealed record DepositTransition(DepositState From, DepositState To, string Reason, DateTimeOffset At);

/// <summary>The result of a deposit transition: the journal entry it causes (none when no money moves), or a refusal.</summary>
public sealed record DepositOutcome
{
    private DepositOutcome(JournalEntry? entry, DepositRefusal? refusal) { Entry = entry; Refusal = refusal; }

    public JournalEntry? Entry { get; }
    public DepositRefusal? Refusal { get; }
    public bool IsAccepted => Refusal is null;

    public static DepositOutcome Moved(JournalEntry? entry) => new(entry, null);
    public static DepositOutcome Refused(DepositRefusal refusal) => new(null, refusal);
}

/// <summary>
/// 保证金: one organisation's deposit for one auction or listed trade. Every transition carries a reason, is kept in
/// <see cref="History"/>, and returns the balanced journal entry it causes, keyed by deposit and transition so a
/// retried command cannot post twice.
/// </summary>
public sealed class Deposit
{
    private readonly List<DepositTransition> history = [];

    private Deposit(Guid id, Guid organizationId, DepositSubject subject, Money required)
    {
        Id = id;
        OrganizationId = organizationId;
        Subject = subject;
        Required = required;
    }

    public Guid Id { get; }
    public Guid OrganizationId { get; }
    public DepositSubject Subject { get; }
    public Money Required { get; }
    public DepositState State { get; private set; } = DepositState.AwaitingPayment;
    public PaymentChannel? Channel { get; private set; }
    public ForfeitureAllocation? Forfeiture { get; private set; }
    public IReadOnlyList<DepositTransition> History => history.AsReadOnly();

    public bool IsClosed => State is DepositState.Applied or DepositState.Released or DepositState.Forfeited;

    /// <summary>No deposit, no bid: bidding and intention registration need a held deposit.</summary>
    public bool AllowsBidding => State == DepositState.Held;

    private LedgerAccount HeldAccount => LedgerAccount.DepositsHeld(OrganizationId);

    /// <summary>Opens a deposit for an amount computed by <see cref="DepositRules"/>.</summary>
    public static Deposit Require(Guid id, Guid organizationId, DepositSubject subject, Money required)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(required.Fen, nameof(required));
        return new Deposit(id, organizationId, subject, required);
    }

    /// <summary>
    /// A deposit as persisted: its state and channel as last saved. The history stays in the audit log, not here;
    /// transitions from a restored deposit are checked and keyed exactly as from a new one.
    /// </summary>
    public static Deposit Restore(Guid id, Guid organizationId, DepositSubject subject, Money required, DepositState state, PaymentChannel? channel)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(required.Fen, nameof(required));
        if (state is DepositState.Held or DepositState.Applied or DepositState.Forfeited && channel is null)
            throw new ArgumentException("A paid deposit knows how it was paid.", nameof(channel));
        return new Deposit(id, organizationId, subject, required) { State = state, Channel = channel };
    }

    /// <summary>Records the receipt (bank transfer matched by the center, or a card authorisation).</summary>
    public DepositOutcome RecordPayment(Money amount, PaymentChannel channel, string reason, DateTimeOffset now)
    {
        if (State != DepositState.AwaitingPayment) return DepositOutcome.Refused(DepositRefusal.NotAwaitingPayment);
        // A wrong amount is flagged for the center rather than half-booked.
        if (amount != Required) return DepositOutcome.Refused(DepositRefusal.WrongAmount);
        Channel = channel;
        var entry = Entry(BusinessEventKind.DepositPaid, reason, now,
            Posting.Debit(channel.CashAccount(), amount),
            Posting.Credit(HeldAccount, amount));
        Move(DepositState.Held, reason, now);
        return DepositOutcome.Moved(entry);
    }

    /// <summary>The winner's deposit counts toward the price: it reduces what the buyer owes.</summary>
    public DepositOutcome ApplyToPrice(string reason, DateTimeOffset now)
    {
        if (State != DepositState.Held) return DepositOutcome.Refused(IsClosed ? DepositRefusal.AlreadyClosed : DepositRefusal.NotHeld);
        var entry = Entry(BusinessEventKind.DepositApplied, reason, now,
            Posting.Debit(HeldAccount, Required),
            Posting.Credit(LedgerAccount.DueFromBuyer(OrganizationId), Required));
        Move(DepositState.Applied, reason, now);
        return DepositOutcome.Moved(entry);
    }

    /// <summary>
    /// 悔拍 after settlement: the deal the deposit was applied to is rescinded, so the application is reversed (the deposit
    /// is held again, the buyer's account no longer credited with it) and the deposit can be forfeited (SPC 2016 Art. 24).
    /// </summary>
    public DepositOutcome Unapply(string reason, DateTimeOffset now)
    {
        if (State != DepositState.Applied) return DepositOutcome.Refused(DepositRefusal.NotHeld);
        var entry = Entry(BusinessEventKind.DepositUnapplied, reason, now,
            Posting.Debit(LedgerAccount.DueFromBuyer(OrganizationId), Required),
            Posting.Credit(HeldAccount, Required));
        Move(DepositState.Held, reason, now);
        return DepositOutcome.Moved(entry);
    }

    /// <summary>
    /// Returns the deposit the way it came (no interest). An unpaid deposit is simply closed, with no entry.
    /// Due by <see cref="ReleaseDueBy"/>.
    /// </summary>
    public DepositOutcome Release(string reason, DateTimeOffset now)
    {
        if (IsClosed) return DepositOutcome.Refused(DepositRefusal.AlreadyClosed);
        JournalEntry? entry = null;
        if (State == DepositState.Held)
        {
            entry = Entry(BusinessEventKind.DepositReleased, reason, now,
                Posting.Debit(HeldAccount, Required),
                Posting.Credit(Channel!.Value.CashAccount(), Required));
        }
        Move(DepositState.Released, reason, now);
        return DepositOutcome.Moved(entry);
    }

    /// <summary>
    /// 悔拍 or withdrawal: the deposit is forfeited and applied to costs, then the re-auction shortfall (paid to the
    /// seller), and the remainder is kept (SPC 2016 Art. 24).
    /// </summary>
    public DepositOutcome Forfeit(ForfeitureClaims claims, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(claims);
        if (State != DepositState.Held) return DepositOutcome.Refused(IsClosed ? DepositRefusal.AlreadyClosed : DepositRefusal.NotHeld);
        var allocation = DepositRules.AllocateForfeiture(Required, claims);
        List<Posting> postings = [Posting.Debit(HeldAccount, Required)];
        if (allocation.ToCosts > Money.Zero) postings.Add(Posting.Credit(LedgerAccount.CostsRecovered, allocation.ToCosts));
        if (allocation.ToReAuctionShortfall > Money.Zero) postings.Add(Posting.Credit(LedgerAccount.PayableToSeller(claims.SellerId), allocation.ToReAuctionShortfall));
        if (allocation.Remainder > Money.Zero) postings.Add(Posting.Credit(LedgerAccount.ForfeitedDeposits, allocation.Remainder));
        var entry = Entry(BusinessEventKind.DepositForfeited, reason, now, [.. postings]);
        Forfeiture = allocation;
        Move(DepositState.Forfeited, reason, now);
        return DepositOutcome.Moved(entry);
    }

    /// <summary>When this deposit must be back with its payer if it is not applied (SPC 2016 Art. 23; exchange practice).</summary>
    public DateTimeOffset ReleaseDueBy(DateTimeOffset closedAt, Func<DateOnly, bool>? isWorkingDay = null) =>
        DepositRules.ReleaseDueBy(Subject.Venue, closedAt, isWorkingDay);

    public bool IsReleaseOverdue(DateTimeOffset closedAt, DateTimeOffset now, Func<DateOnly, bool>? isWorkingDay = null) =>
        State == DepositState.Held && now > ReleaseDueBy(closedAt, isWorkingDay);

    private JournalEntry Entry(BusinessEventKind kind, string reason, DateTimeOffset now, params Posting[] postings)
    {
        var cause = new BusinessEventRef(kind, Id);
        return new JournalEntry(IdempotencyKey.For(cause), cause, reason, now, postings);
    }

    private void Move(DepositState to, string reason, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        history.Add(new DepositTransition(State, to, reason, now));
        State = to;
    }
}
