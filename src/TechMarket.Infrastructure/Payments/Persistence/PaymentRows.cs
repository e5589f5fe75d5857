using TechMarket.Domain.Payments;
using TechMarket.Domain.Shared;

namespace TechMarket.Infrastructure.Payments.Persistence;

public enum BankReceiptStatus
{
    /// <summary>Matched to a deposit or a settlement and booked.</summary>
    Booked = 1,
    /// <summary>Wrong amount, unknown reference or already paid: waits for the center (退回 or 人工处理).</summary>
    Flagged = 2,
    /// <summary>A flagged receipt the center dealt with (e.g. returned to the payer), with a note.</summary>
    Resolved = 3,
}

public enum ReceiptProblem
{
    None = 0,
    UnknownReference = 1,
    WrongAmount = 2,
    AlreadyPaid = 3,
}

/// <summary>
/// 到账登记: one incoming bank transfer as the center keyed it in from the bank statement, with the slip. The form
/// carries a key generated when it was shown, so sending it twice (double click, retry) records it once.
/// </summary>
public sealed class BankReceipt : IAudited
{
    public Guid Id { get; set; }
    public string FormKey { get; set; } = "";
    /// <summary>As typed (normalised when it parses), so an unknown one can be searched on the statement.</summary>
    public string Reference { get; set; } = "";
    public long AmountFen { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public string BankReference { get; set; } = "";
    public string? PayerName { get; set; }
    public string? SlipFile { get; set; }
    public string? SlipContentType { get; set; }
    public BankReceiptStatus Status { get; set; }
    public ReceiptProblem Problem { get; set; }
    public string? Note { get; set; }
    public Guid? DepositId { get; set; }
    public Guid? SettlementId { get; set; }
    /// <summary>The R&amp;D milestone whose escrow the receipt funds (its reference matched).</summary>
    public Guid? MilestoneFundingId { get; set; }
    public Guid? RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }

    public Money Amount => new(AmountFen);
}

public enum PaymentDirection
{
    /// <summary>收款: money in.</summary>
    Incoming = 1,
    /// <summary>付款: money out (a release, a refund, a payout).</summary>
    Outgoing = 2,
}

public enum PaymentPurpose
{
    Deposit = 1,
    DepositRelease = 2,
    BuyerBalance = 3,
    SellerPayout = 4,
    /// <summary>质权实现: realisation proceeds paid to the pledge lender out of the seller's (pledgor's) share.</summary>
    PledgeProceeds = 5,
    /// <summary>研发托管: the client's money for an R&amp;D milestone's escrow.</summary>
    MilestoneFunding = 6,
    /// <summary>支付研究开发方: released milestone money transferred to the developer.</summary>
    DeveloperPayout = 7,
    /// <summary>退还委托方: milestone money the center decided to refund, returned to the client.</summary>
    ClientRefund = 8,
    /// <summary>悔拍差价: the re-auction shortfall, covered by the forfeited deposit, transferred to the seller (SPC 2016 Art. 24).</summary>
    DefaultShortfall = 9,
    /// <summary>退还悔拍方已付价款: what the defaulter had paid toward the rescinded price beyond the deposit, returned.</summary>
    DefaulterRefund = 10,
}

/// <summary>
/// A payment that moved money, in or out, with its journal entry: the source of the printable receipt (收付款凭证)
/// and of the reconciliation export.
/// </summary>
public sealed class PaymentRecord : IAudited
{
    public Guid Id { get; set; }
    public PaymentDirection Direction { get; set; }
    public PaymentPurpose Purpose { get; set; }
    public Guid OrganizationId { get; set; }
    public long AmountFen { get; set; }
    public PaymentChannel Channel { get; set; }
    /// <summary>The bank's transaction number, or the Stripe PaymentIntent / refund id.</summary>
    public string ExternalReference { get; set; } = "";
    public string? PaymentReference { get; set; }
    public Guid? DepositId { get; set; }
    public Guid? SettlementId { get; set; }
    public Guid? MilestoneFundingId { get; set; }
    public Guid? BankReceiptId { get; set; }
    public string JournalKey { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public Guid? RecordedBy { get; set; }

    public Money Amount => new(AmountFen);

    /// <summary>
    /// A bank transfer the center made and records (seller payout, milestone payout, 悔拍 transfer, a lender's share of
    /// realisation proceeds): outgoing, with the bank's reference and the journal entry's key.
    /// </summary>
    public static PaymentRecord BankTransferOut(PaymentPurpose purpose, Guid organizationId, Money amount, string bankReference,
        string journalKey, Guid? recordedBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Direction = PaymentDirection.Outgoing,
        Purpose = purpose,
        OrganizationId = organizationId,
        AmountFen = amount.Fen,
        Channel = PaymentChannel.BankTransfer,
        ExternalReference = bankReference.Trim(),
        JournalKey = journalKey,
        At = now,
        RecordedBy = recordedBy,
    };
}

public enum SettlementState
{
    /// <summary>Waiting for the buyer's balance.</summary>
    AwaitingBuyer = 1,
    /// <summary>The buyer paid in full; the seller's payout is due.</summary>
    AwaitingPayout = 2,
    /// <summary>Both sides done.</summary>
    Settled = 3,
    /// <summary>悔拍: the buyer defaulted and the concluded deal was reversed (SPC 2016 Art. 24).</summary>
    Rescinded = 4,
}

/// <summary>
/// 结算单 for one deal (an auction win or a listed trade): the amounts from <see cref="DealSettlement"/>, frozen at the
/// deal, with due dates and how much has been paid on each side.
/// </summary>
public sealed class SettlementRecord : IAudited
{
    public Guid Id { get; set; }
    public DepositSubjectKind SubjectKind { get; set; }
    public Guid SubjectId { get; set; }
    public Guid BuyerOrganizationId { get; set; }
    public Guid SellerOrganizationId { get; set; }
    public long PriceFen { get; set; }
    public int BuyerRateBasisPoints { get; set; }
    public int SellerRateBasisPoints { get; set; }
    public long BuyerCommissionFen { get; set; }
    public long SellerCommissionFen { get; set; }
    public long AppliedDepositFen { get; set; }
    public Guid? AppliedDepositId { get; set; }
    public long BuyerOwesFen { get; set; }
    public long SellerReceivesFen { get; set; }
    public long BuyerPaidFen { get; set; }
    public long SellerPaidFen { get; set; }
    public string PaymentReference { get; set; } = "";
    public DateTimeOffset ConcludedAt { get; set; }
    public DateTimeOffset BuyerDueBy { get; set; }
    public DateTimeOffset? SellerPayoutDueBy { get; set; }
    public SettlementState State { get; set; }

    public Money BuyerOutstanding => new(BuyerOwesFen - BuyerPaidFen);
    public Money SellerOutstanding => new(SellerReceivesFen - SellerPaidFen);

    public DealSettlement ToDomain() => new(Id, BuyerOrganizationId, SellerOrganizationId, new Money(PriceFen),
        SubjectKind == DepositSubjectKind.Auction
            ? (CommissionRates.TryForAuction(new Rate(BuyerRateBasisPoints), new Rate(SellerRateBasisPoints), out var r, out _) ? r : throw new InvalidOperationException("Stored auction commission above the cap."))
            : CommissionRates.ForListedTrade(new Rate(BuyerRateBasisPoints), new Rate(SellerRateBasisPoints)),
        new Money(AppliedDepositFen));
}

/// <summary>Stripe events seen (dedupe on event id: Stripe retries for up to 3 days).</summary>
public sealed class StripeWebhookEventRow
{
    public string EventId { get; set; } = "";
    public string? ObjectId { get; set; }
    public int Stage { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}

/// <summary>How far each PaymentIntent has got, so late news of an earlier stage is ignored.</summary>
public sealed class StripeObjectStageRow
{
    public string ObjectId { get; set; } = "";
    public int Stage { get; set; }
}

/// <summary>
/// payment_outbox: work accepted by the webhook (answered 2xx at once) and done afterwards. Payment-specific on purpose;
/// a general outbox may come later.
/// </summary>
public sealed class PaymentOutboxMessage
{
    public Guid Id { get; set; }
    public string Kind { get; set; } = "";
    public string Payload { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Claimed by a processor until then (a crashed processor's claim lapses).</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
