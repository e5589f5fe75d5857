using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Stripe;
using TechMarket.Domain.Payments;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Payments.Persistence;
using PaymentRecord = TechMarket.Infrastructure.Payments.Persistence.PaymentRecord;

namespace TechMarket.Infrastructure.Payments;

/// <summary>
/// Works through payment_outbox. Each message is claimed first (a conditional update, so two processors never take the
/// same one), then handled; handling is idempotent anyway (ledger keys), so a crash after the work and before the
/// "processed" mark only repeats a no-op.
/// </summary>
public sealed partial class ProcessPaymentOutbox(TechMarketDbContext db, PostJournalEntry post, TimeProvider clock, ILogger<ProcessPaymentOutbox> logger,
    Calendar.WorkingCalendar calendar, Calendar.DeadlineOptions deadlines, RdContracts.BookMilestoneFunding milestones)
{
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);
    public const int MaxAttempts = 10;

    /// <summary>Processes what is due; returns how many messages were handled.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var handled = 0;
        while (true)
        {
            var now = clock.GetUtcNow();
            var next = await db.PaymentOutbox.AsNoTracking()
                .Where(m => m.ProcessedAt == null && m.Attempts < MaxAttempts && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .OrderBy(m => m.CreatedAt).Select(m => new { m.Id, m.ClaimedUntil }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            if (next is null) return handled;
            var claimedUntil = now + ClaimFor;
            var claimed = await db.PaymentOutbox.Where(m => m.Id == next.Id && m.ProcessedAt == null && m.ClaimedUntil == next.ClaimedUntil)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimedUntil, claimedUntil).SetProperty(m => m.Attempts, m => m.Attempts + 1), ct).ConfigureAwait(false);
            if (claimed == 0) continue;
            var message = await db.PaymentOutbox.AsNoTracking().FirstAsync(m => m.Id == next.Id, ct).ConfigureAwait(false);
            string? error = null;
            try
            {
                error = message.Kind switch
                {
                    ReceiveStripeWebhook.OutboxKind => await HandleStripeEventAsync(message.Payload, ct).ConfigureAwait(false),
                    _ => $"Unknown outbox kind {message.Kind}.",
                };
            }
            catch (Exception ex) when (ex is DbUpdateException or StripeException or InvalidOperationException or System.Text.Json.JsonException)
            {
                db.ChangeTracker.Clear();
                LogFailed(logger, ex, message.Id);
                await db.PaymentOutbox.Where(m => m.Id == message.Id)
                    .ExecuteUpdateAsync(u => u.SetProperty(m => m.LastError, Truncate(ex.Message)).SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), ct).ConfigureAwait(false);
                continue;
            }
            var done = clock.GetUtcNow();
            await db.PaymentOutbox.Where(m => m.Id == message.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.ProcessedAt, done).SetProperty(m => m.LastError, error is null ? null : Truncate(error)), ct).ConfigureAwait(false);
            handled++;
        }
    }

    /// <summary>Returns a note when the event was deliberately not booked (kept on the message for the center).</summary>
    private async Task<string?> HandleStripeEventAsync(string json, CancellationToken ct)
    {
        var stripeEvent = EventUtility.ParseEvent(json, throwOnApiVersionMismatch: false);
        if (stripeEvent.Data?.Object is not PaymentIntent intent) return null;
        // Money is held once the card is authorised (manual capture) or taken (automatic capture).
        if (stripeEvent.Type is not (EventTypes.PaymentIntentAmountCapturableUpdated or EventTypes.PaymentIntentSucceeded)) return null;
        if (intent.Metadata is not null && intent.Metadata.TryGetValue(PayMilestoneByCard.FundingMetadataKey, out var fundingText))
            return stripeEvent.Type == EventTypes.PaymentIntentSucceeded ? await BookMilestoneAsync(intent, fundingText, stripeEvent.Id, ct).ConfigureAwait(false) : null;
        if (intent.Metadata is not null && intent.Metadata.TryGetValue(PayBalanceByCard.SettlementMetadataKey, out var settlementText))
            return stripeEvent.Type == EventTypes.PaymentIntentSucceeded ? await BookBalanceAsync(intent, settlementText, stripeEvent.Id, ct).ConfigureAwait(false) : null;
        if (intent.Metadata is null || !intent.Metadata.TryGetValue("deposit_id", out var depositText) || !Guid.TryParse(depositText, out var depositId))
            return "PaymentIntent without deposit_id";
        var record = await db.Deposits.FirstOrDefaultAsync(d => d.Id == depositId, ct).ConfigureAwait(false);
        if (record is null) return $"Unknown deposit {depositId:N}";
        if (record.State != DepositState.AwaitingPayment) return null; // a later stage of a deposit already booked
        if (!string.Equals(intent.Currency, StripeDepositPayments.Currency, StringComparison.OrdinalIgnoreCase)) return $"Currency {intent.Currency}";
        var amount = new Money(stripeEvent.Type == EventTypes.PaymentIntentSucceeded ? intent.AmountReceived : intent.AmountCapturable);
        var now = clock.GetUtcNow();
        var deposit = record.ToDomain();
        var result = deposit.RecordPayment(amount, PaymentChannel.Card, $"银行卡支付 card {intent.Id}", now);
        if (!result.IsAccepted) return $"Not booked: {result.Refusal} ({amount})";
        record.Apply(deposit, now);
        record.StripePaymentIntentId ??= intent.Id;
        db.PaymentRecords.Add(new PaymentRecord
        {
            Id = Guid.CreateVersion7(now),
            Direction = PaymentDirection.Incoming,
            Purpose = PaymentPurpose.Deposit,
            OrganizationId = record.OrganizationId,
            AmountFen = amount.Fen,
            Channel = PaymentChannel.Card,
            ExternalReference = intent.Id,
            PaymentReference = record.PaymentReference,
            DepositId = record.Id,
            JournalKey = result.Entry!.Key.Value,
            At = now,
        });
        await post.RunAsync([result.Entry!], "deposit.paid", $"stripe {stripeEvent.Id}", ct).ConfigureAwait(false);
        return null;
    }

    /// <summary>
    /// A buyer's balance paid by card: booked once per PaymentIntent (the receipt id is derived from the intent's id, so
    /// a duplicate or a replayed event finds its ledger key taken). What does not fit the settlement is left for the center.
    /// </summary>
    private async Task<string?> BookBalanceAsync(PaymentIntent intent, string settlementText, string eventId, CancellationToken ct)
    {
        if (!Guid.TryParse(settlementText, out var settlementId)) return "PaymentIntent with a malformed settlement_id";
        if (!string.Equals(intent.Currency, StripeDepositPayments.Currency, StringComparison.OrdinalIgnoreCase)) return $"Currency {intent.Currency}";
        var receiptId = ReceiptIdFor(intent.Id);
        var key = IdempotencyKey.For(new BusinessEventRef(BusinessEventKind.BuyerBalancePaid, receiptId)).Value;
        if (await db.JournalEntries.AnyAsync(e => e.IdempotencyKey == key, ct).ConfigureAwait(false)) return null; // booked before
        var settlement = await db.Settlements.FirstOrDefaultAsync(s => s.Id == settlementId, ct).ConfigureAwait(false);
        if (settlement is null) return $"Unknown settlement {settlementId:N}";
        var amount = new Money(intent.AmountReceived);
        if (settlement.State != SettlementState.AwaitingBuyer || amount > settlement.BuyerOutstanding || amount <= Money.Zero)
            return $"Not booked: {amount} against {settlement.BuyerOutstanding} outstanding ({settlement.State}); refund or book by hand";
        var now = clock.GetUtcNow();
        var entry = settlement.ToDomain().BuyerPaid(receiptId, amount, PaymentChannel.Card, now);
        settlement.BuyerPaidFen += amount.Fen;
        if (settlement.BuyerOutstanding == Money.Zero)
        {
            settlement.State = SettlementState.AwaitingPayout;
            settlement.SellerPayoutDueBy = await calendar.AddWorkingDaysAsync(now, deadlines.SellerPayoutWorkingDays, ct).ConfigureAwait(false);
        }
        db.PaymentRecords.Add(new PaymentRecord
        {
            Id = Guid.CreateVersion7(now),
            Direction = PaymentDirection.Incoming,
            Purpose = PaymentPurpose.BuyerBalance,
            OrganizationId = settlement.BuyerOrganizationId,
            AmountFen = amount.Fen,
            Channel = PaymentChannel.Card,
            ExternalReference = intent.Id,
            PaymentReference = settlement.PaymentReference,
            SettlementId = settlement.Id,
            JournalKey = entry.Key.Value,
            At = now,
        });
        // The settlement's paid amount is a concurrency token: a bank receipt booked at the same moment makes one of them retry.
        await post.RunAsync([entry], "settlement.buyer_paid", $"stripe {eventId}", ct).ConfigureAwait(false);
        return null;
    }

    /// <summary>
    /// A milestone's escrow paid by card: the client (who started the payment) funds it through the contract's domain, with
    /// the same <c>MilestoneFunded</c> key as a bank receipt, so a replayed event, or a transfer that also arrived, books once.
    /// What does not fit (wrong amount, already funded) is left on the message for the center to refund.
    /// </summary>
    private async Task<string?> BookMilestoneAsync(PaymentIntent intent, string fundingText, string eventId, CancellationToken ct)
    {
        if (!Guid.TryParse(fundingText, out var fundingId)) return "PaymentIntent with a malformed rd_milestone_funding_id";
        if (!string.Equals(intent.Currency, StripeDepositPayments.Currency, StringComparison.OrdinalIgnoreCase)) return $"Currency {intent.Currency}";
        var funding = await db.MilestoneFunding.FirstOrDefaultAsync(f => f.Id == fundingId, ct).ConfigureAwait(false);
        if (funding is null) return $"Unknown milestone funding {fundingId:N}";
        var amount = new Money(intent.AmountReceived);
        var now = clock.GetUtcNow();
        var key = IdempotencyKey.For(new BusinessEventRef(BusinessEventKind.MilestoneFunded, funding.Id)).Value;
        if (await db.JournalEntries.AnyAsync(e => e.IdempotencyKey == key, ct).ConfigureAwait(false))
            return await db.PaymentRecords.AnyAsync(p => p.ExternalReference == intent.Id, ct).ConfigureAwait(false) ? null : $"Milestone already funded; refund {intent.Id}";
        if (amount <= Money.Zero) return "PaymentIntent without an amount";
        var user = intent.Metadata.TryGetValue(PayMilestoneByCard.UserMetadataKey, out var userText) && Guid.TryParse(userText, out var userId) ? userId : Guid.Empty;
        var caller = new RdContracts.RdCaller(funding.ClientOrganizationId, user, IsCenter: false, "");
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var outcome = await milestones.RunAsync(funding, caller, amount, PaymentChannel.Card, $"银行卡支付 card {intent.Id}", () => db.PaymentRecords.Add(new PaymentRecord
            {
                Id = Guid.CreateVersion7(now),
                Direction = PaymentDirection.Incoming,
                Purpose = PaymentPurpose.MilestoneFunding,
                OrganizationId = funding.ClientOrganizationId,
                AmountFen = amount.Fen,
                Channel = PaymentChannel.Card,
                ExternalReference = intent.Id,
                PaymentReference = funding.PaymentReference,
                MilestoneFundingId = funding.Id,
                JournalKey = key,
                At = now,
            }), ct).ConfigureAwait(false);
            if (outcome.Refusal is not { } refusal) return null;
            if (refusal.Code != Domain.RdContracts.RdRefusalCode.Conflict) return $"Not booked ({eventId}): {refusal.MessageEn} Refund {intent.Id}.";
            funding = await db.MilestoneFunding.FirstAsync(f => f.Id == fundingId, ct).ConfigureAwait(false);
        }
        throw new InvalidOperationException($"Milestone funding {fundingId:N} could not be booked after repeated conflicts.");
    }

    /// <summary>The same receipt id for every delivery about one PaymentIntent.</summary>
    internal static Guid ReceiptIdFor(string paymentIntentId) =>
        new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("stripe-balance:" + paymentIntentId))[..16]);

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment outbox message {MessageId} failed; it will be retried.")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid messageId);
}
