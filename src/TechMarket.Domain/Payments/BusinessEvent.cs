namespace TechMarket.Domain.Payments;

/// <summary>The business events that move money; each journal entry names the one that caused it.</summary>
public enum BusinessEventKind
{
    DepositPaid,
    DepositApplied,
    DepositReleased,
    DepositForfeited,
    DealConcluded,
    DealRescinded,
    BuyerBalancePaid,
    SellerPaidOut,
    MilestoneFunded,
    MilestoneReleased,
    /// <summary>技术经纪: a brokerage case closed after a deal with an agreed fee.</summary>
    BrokerageFeeEarned,
    /// <summary>A realisation sale's proceeds applied to the secured debt (one per realisation lot).</summary>
    PledgeProceedsApplied,
    /// <summary>The center transfers the applied proceeds to the lender (one per realisation lot).</summary>
    LenderPaidOut,
    /// <summary>The center decided (part of) a disputed milestone's escrow goes back to the client (one per milestone).</summary>
    MilestoneRefunded,
    /// <summary>The center transfers released milestone money to the developer (one per payout).</summary>
    DeveloperPaidOut,
    /// <summary>The center returns refunded milestone money to the client (one per transfer).</summary>
    ClientRefundPaidOut,
    /// <summary>悔拍: the defaulter's deposit, applied to the price at settlement, is taken back from the rescinded deal to be forfeited.</summary>
    DepositUnapplied,
    /// <summary>SPC 2016 Art. 24: the forfeited deposit covers the re-auction's shortfall for the seller (one per default).</summary>
    ReauctionShortfallCovered,
    /// <summary>悔拍: the center transfers the re-auction shortfall, covered by the forfeited deposit, to the seller (one per default).</summary>
    ShortfallPaidOut,
    /// <summary>悔拍: the center returns to the defaulter what it had paid toward the price beyond the deposit (one per default).</summary>
    DefaulterPaymentsReturned,
}

/// <summary>A business event: what happened (kind) to which thing (id).</summary>
public readonly record struct BusinessEventRef(BusinessEventKind Kind, Guid Id)
{
    public override string ToString() => $"{Kind}:{Id:N}";
}

/// <summary>
/// The key that makes posting (and calling a payment provider for) one business event happen once.
/// Derived from the event, so a double click, a retried request or a replayed webhook maps to the same key.
/// </summary>
public sealed record IdempotencyKey
{
    // Stripe accepts idempotency keys of up to 255 characters; the same key is used for ledger and provider.
    public const int MaxLength = 255;

    private IdempotencyKey(string value) => Value = value;

    public string Value { get; }

    public static IdempotencyKey For(BusinessEventRef businessEvent) => new(businessEvent.ToString());

    /// <summary>A key for one step of a business event (e.g. the capture of a deposit being applied).</summary>
    public static IdempotencyKey For(BusinessEventRef businessEvent, string step)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(step);
        return From($"{businessEvent}:{step}");
    }

    /// <summary>A key supplied by a client (e.g. a form's hidden field); refused if empty or too long.</summary>
    public static IdempotencyKey From(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value.Length, MaxLength);
        return new IdempotencyKey(value);
    }

    public override string ToString() => Value;
}
