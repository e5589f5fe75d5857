using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Payments.Persistence;

namespace TechMarket.Infrastructure.Data;

// Payments (issue 6): the ledger, deposits, receipts, settlements and the Stripe webhook tables.
public abstract partial class TechMarketDbContext
{
    public DbSet<JournalEntryRow> JournalEntries => Set<JournalEntryRow>();
    public DbSet<PostingRow> Postings => Set<PostingRow>();
    public DbSet<DepositRecord> Deposits => Set<DepositRecord>();
    public DbSet<BankReceipt> BankReceipts => Set<BankReceipt>();
    public DbSet<PaymentRecord> PaymentRecords => Set<PaymentRecord>();
    public DbSet<SettlementRecord> Settlements => Set<SettlementRecord>();
    public DbSet<StripeWebhookEventRow> StripeWebhookEvents => Set<StripeWebhookEventRow>();
    public DbSet<StripeObjectStageRow> StripeObjectStages => Set<StripeObjectStageRow>();
    public DbSet<PaymentOutboxMessage> PaymentOutbox => Set<PaymentOutboxMessage>();
}
