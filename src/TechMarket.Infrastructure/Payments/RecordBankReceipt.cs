using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Payments;
using TechMarket.Domain.RdContracts;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Audit;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Payments.Persistence;
using TechMarket.Infrastructure.RdContracts;

namespace TechMarket.Infrastructure.Payments;

public sealed record BankReceiptInput(string FormKey, string Reference, Money Amount, DateOnly ReceivedOn, string BankReference,
    string? PayerName, string? SlipFile, string? SlipContentType);

public sealed record BankReceiptOutcome(BankReceipt Receipt, bool WasAlreadyRecorded);

/// <summary>
/// 到账登记: the center keys in a transfer from the bank statement. A receipt whose reference and amount match a deposit
/// awaiting payment (or a settlement's outstanding balance, or an unfunded R&amp;D milestone's escrow) is booked: the receipt, the deposit's new state, the payment
/// record and the journal entry in one SaveChanges. Anything else is flagged for the center and books nothing.
/// The same form sent twice records once (form key); two forms for one deposit book once, the second is flagged.
/// </summary>
public sealed class RecordBankReceipt(TechMarketDbContext db, PostJournalEntry post, ICurrentActor actor, TimeProvider clock,
    Calendar.WorkingCalendar calendar, Calendar.DeadlineOptions deadlines, BookMilestoneFunding milestones)
{
    public async Task<BankReceiptOutcome> RunAsync(BankReceiptInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(input.Amount.Fen, nameof(input));
        // A lost race re-runs against the winner's state (then the receipt is a duplicate, or flagged as already paid).
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var outcome = await TryOnceAsync(input, ct).ConfigureAwait(false);
                if (outcome is not null) return outcome;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
            if (attempt >= 3) throw new InvalidOperationException("The receipt could not be recorded after repeated conflicts.");
        }
    }

    private async Task<BankReceiptOutcome?> TryOnceAsync(BankReceiptInput input, CancellationToken ct)
    {
        var earlier = await db.BankReceipts.AsNoTracking().FirstOrDefaultAsync(r => r.FormKey == input.FormKey, ct).ConfigureAwait(false);
        if (earlier is not null) return new BankReceiptOutcome(earlier, WasAlreadyRecorded: true);

        var now = clock.GetUtcNow();
        var receipt = new BankReceipt
        {
            Id = Guid.CreateVersion7(now),
            FormKey = input.FormKey,
            Reference = input.Reference.Trim().ToUpperInvariant(),
            AmountFen = input.Amount.Fen,
            ReceivedOn = input.ReceivedOn,
            BankReference = input.BankReference.Trim(),
            PayerName = string.IsNullOrWhiteSpace(input.PayerName) ? null : input.PayerName.Trim(),
            SlipFile = input.SlipFile,
            SlipContentType = input.SlipContentType,
            RecordedBy = actor.UserId,
            RecordedAt = now,
        };
        db.BankReceipts.Add(receipt);

        if (!PaymentReference.TryParse(input.Reference, out var reference))
            return await FlagAsync(receipt, ReceiptProblem.UnknownReference, ct).ConfigureAwait(false);
        receipt.Reference = reference.Value;

        var deposit = await db.Deposits.FirstOrDefaultAsync(d => d.PaymentReference == reference.Value, ct).ConfigureAwait(false);
        if (deposit is not null) return await BookDepositAsync(receipt, deposit, now, ct).ConfigureAwait(false);
        var settlement = await db.Settlements.FirstOrDefaultAsync(s => s.PaymentReference == reference.Value, ct).ConfigureAwait(false);
        if (settlement is not null) return await BookBalanceAsync(receipt, settlement, now, ct).ConfigureAwait(false);
        var milestone = await db.MilestoneFunding.FirstOrDefaultAsync(f => f.PaymentReference == reference.Value, ct).ConfigureAwait(false);
        if (milestone is not null) return await BookMilestoneAsync(receipt, milestone, now, ct).ConfigureAwait(false);
        return await FlagAsync(receipt, ReceiptProblem.UnknownReference, ct).ConfigureAwait(false);
    }

    private async Task<BankReceiptOutcome?> BookDepositAsync(BankReceipt receipt, DepositRecord record, DateTimeOffset now, CancellationToken ct)
    {
        receipt.DepositId = record.Id;
        var deposit = record.ToDomain();
        var result = deposit.RecordPayment(receipt.Amount, PaymentChannel.BankTransfer, $"银行到账 bank receipt {receipt.BankReference}", now);
        if (!result.IsAccepted)
        {
            var flag = result.Refusal == DepositRefusal.WrongAmount ? ReceiptProblem.WrongAmount : ReceiptProblem.AlreadyPaid;
            return await FlagAsync(receipt, flag, ct).ConfigureAwait(false);
        }
        record.Apply(deposit, now);
        receipt.Status = BankReceiptStatus.Booked;
        var entry = result.Entry!;
        db.PaymentRecords.Add(new PaymentRecord
        {
            Id = Guid.CreateVersion7(now),
            Direction = PaymentDirection.Incoming,
            Purpose = PaymentPurpose.Deposit,
            OrganizationId = record.OrganizationId,
            AmountFen = receipt.AmountFen,
            Channel = PaymentChannel.BankTransfer,
            ExternalReference = receipt.BankReference,
            PaymentReference = record.PaymentReference,
            DepositId = record.Id,
            BankReceiptId = receipt.Id,
            JournalKey = entry.Key.Value,
            At = now,
            RecordedBy = actor.UserId,
        });
        var posted = await post.RunAsync([entry], "deposit.paid", entry.Description, ct).ConfigureAwait(false);
        return posted == PostingResult.Posted ? new BankReceiptOutcome(receipt, false) : null;
    }

    private async Task<BankReceiptOutcome?> BookBalanceAsync(BankReceipt receipt, SettlementRecord settlement, DateTimeOffset now, CancellationToken ct)
    {
        receipt.SettlementId = settlement.Id;
        if (settlement.State != SettlementState.AwaitingBuyer) return await FlagAsync(receipt, ReceiptProblem.AlreadyPaid, ct).ConfigureAwait(false);
        // Instalments are fine; more than what is outstanding is not booked.
        if (receipt.Amount > settlement.BuyerOutstanding) return await FlagAsync(receipt, ReceiptProblem.WrongAmount, ct).ConfigureAwait(false);
        var entry = settlement.ToDomain().BuyerPaid(receipt.Id, receipt.Amount, PaymentChannel.BankTransfer, now);
        settlement.BuyerPaidFen += receipt.AmountFen;
        if (settlement.BuyerOutstanding == Money.Zero)
        {
            settlement.State = SettlementState.AwaitingPayout;
            // The seller is paid within the configured working days (default 3), counted on the working-day calendar.
            settlement.SellerPayoutDueBy = await calendar.AddWorkingDaysAsync(now, deadlines.SellerPayoutWorkingDays, ct).ConfigureAwait(false);
        }
        receipt.Status = BankReceiptStatus.Booked;
        db.PaymentRecords.Add(new PaymentRecord
        {
            Id = Guid.CreateVersion7(now),
            Direction = PaymentDirection.Incoming,
            Purpose = PaymentPurpose.BuyerBalance,
            OrganizationId = settlement.BuyerOrganizationId,
            AmountFen = receipt.AmountFen,
            Channel = PaymentChannel.BankTransfer,
            ExternalReference = receipt.BankReference,
            PaymentReference = settlement.PaymentReference,
            SettlementId = settlement.Id,
            BankReceiptId = receipt.Id,
            JournalKey = entry.Key.Value,
            At = now,
            RecordedBy = actor.UserId,
        });
        var posted = await post.RunAsync([entry], "settlement.buyer_paid", entry.Description, ct).ConfigureAwait(false);
        return posted == PostingResult.Posted ? new BankReceiptOutcome(receipt, false) : null;
    }

    /// <summary>
    /// 研发托管到账: exactly the milestone's amount, once. The center staff member who keyed the receipt records the funding
    /// (the domain lets the center fund on the client's behalf); a wrong amount or a second payment is flagged, not booked.
    /// </summary>
    private async Task<BankReceiptOutcome?> BookMilestoneAsync(BankReceipt receipt, MilestoneFundingRecord funding, DateTimeOffset now, CancellationToken ct)
    {
        receipt.MilestoneFundingId = funding.Id;
        receipt.Status = BankReceiptStatus.Booked;
        var key = IdempotencyKey.For(new BusinessEventRef(BusinessEventKind.MilestoneFunded, funding.Id)).Value;
        var caller = new RdCaller(actor.OrganizationId ?? Guid.Empty, actor.UserId ?? Guid.Empty, IsCenter: true, "");
        var outcome = await milestones.RunAsync(funding, caller, receipt.Amount, PaymentChannel.BankTransfer, $"银行到账 bank receipt {receipt.BankReference}",
            () => db.PaymentRecords.Add(new PaymentRecord
            {
                Id = Guid.CreateVersion7(now),
                Direction = PaymentDirection.Incoming,
                Purpose = PaymentPurpose.MilestoneFunding,
                OrganizationId = funding.ClientOrganizationId,
                AmountFen = receipt.AmountFen,
                Channel = PaymentChannel.BankTransfer,
                ExternalReference = receipt.BankReference,
                PaymentReference = funding.PaymentReference,
                MilestoneFundingId = funding.Id,
                BankReceiptId = receipt.Id,
                JournalKey = key,
                At = now,
                RecordedBy = actor.UserId,
            }), ct).ConfigureAwait(false);
        if (outcome.Refusal is not { } refusal) return new BankReceiptOutcome(receipt, false);
        // Lost a race: nothing was saved; the next attempt sees the winner's state (then: already paid).
        if (refusal.Code == RdRefusalCode.Conflict) return null;
        return await FlagAsync(receipt, refusal.Code == RdRefusalCode.WrongAmount ? ReceiptProblem.WrongAmount : ReceiptProblem.AlreadyPaid, ct).ConfigureAwait(false);
    }

    private async Task<BankReceiptOutcome> FlagAsync(BankReceipt receipt, ReceiptProblem flag, CancellationToken ct)
    {
        receipt.Status = BankReceiptStatus.Flagged;
        receipt.Problem = flag;
        db.AuditAs("receipt.flagged", flag.ToString());
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return new BankReceiptOutcome(receipt, false);
    }
}
