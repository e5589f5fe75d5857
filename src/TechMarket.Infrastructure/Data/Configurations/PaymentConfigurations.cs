using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TechMarket.Domain.Payments;
using TechMarket.Infrastructure.Payments.Persistence;

namespace TechMarket.Infrastructure.Data.Configurations;

internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntryRow>
{
    public void Configure(EntityTypeBuilder<JournalEntryRow> b)
    {
        b.ToTable("journal_entries");
        b.HasKey(e => e.Id);
        b.Property(e => e.IdempotencyKey).HasMaxLength(IdempotencyKey.MaxLength).IsRequired();
        // The database refuses a second entry for one business event, whatever races above it.
        b.HasIndex(e => e.IdempotencyKey).IsUnique();
        b.Property(e => e.CauseKind).HasConversion<string>().HasMaxLength(32);
        b.HasIndex(e => new { e.CauseKind, e.CauseId });
        b.Property(e => e.Description).HasMaxLength(500).IsRequired();
        b.HasIndex(e => e.PostedAt);
        b.HasMany(e => e.Postings).WithOne().HasForeignKey(p => p.JournalEntryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PostingConfiguration : IEntityTypeConfiguration<PostingRow>
{
    public void Configure(EntityTypeBuilder<PostingRow> b)
    {
        b.ToTable("postings");
        b.HasKey(p => new { p.JournalEntryId, p.Line });
        b.Property(p => p.AccountKind).HasConversion<string>().HasMaxLength(32);
        b.HasIndex(p => new { p.AccountKind, p.Party });
        b.HasIndex(p => p.Party);
    }
}

internal sealed class DepositRecordConfiguration : IEntityTypeConfiguration<DepositRecord>
{
    public void Configure(EntityTypeBuilder<DepositRecord> b)
    {
        b.ToTable("deposits");
        b.HasKey(d => d.Id);
        b.Property(d => d.SubjectKind).HasConversion<string>().HasMaxLength(20);
        // One deposit per organisation and subject; the subject is another feature's row (no foreign key).
        b.HasIndex(d => new { d.OrganizationId, d.SubjectKind, d.SubjectId }).IsUnique();
        b.HasIndex(d => new { d.SubjectKind, d.SubjectId });
        b.Property(d => d.SubjectTitle).HasMaxLength(300).IsRequired();
        b.Property(d => d.State).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(d => d.State);
        b.Property(d => d.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.PaymentReference).HasMaxLength(PaymentReference.Length).IsRequired();
        b.HasIndex(d => d.PaymentReference).IsUnique();
        b.Property(d => d.Reason).HasMaxLength(1000);
        b.Property(d => d.StripePaymentIntentId).HasMaxLength(100);
        b.HasIndex(d => d.StripePaymentIntentId);
        b.Property(d => d.StripeHoldMethod).HasConversion<string>().HasMaxLength(30);
        b.HasOne<Domain.Organizations.Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(d => d.Required);
        b.Ignore(d => d.Subject);
    }
}

internal sealed class BankReceiptConfiguration : IEntityTypeConfiguration<BankReceipt>
{
    public void Configure(EntityTypeBuilder<BankReceipt> b)
    {
        b.ToTable("bank_receipts");
        b.HasKey(r => r.Id);
        b.Property(r => r.FormKey).HasMaxLength(64).IsRequired();
        // The same form sent twice (double click, retry) is one receipt.
        b.HasIndex(r => r.FormKey).IsUnique();
        b.Property(r => r.Reference).HasMaxLength(64).IsRequired();
        b.HasIndex(r => r.Reference);
        b.Property(r => r.BankReference).HasMaxLength(100).IsRequired();
        b.Property(r => r.PayerName).HasMaxLength(200);
        b.Property(r => r.SlipFile).HasMaxLength(100);
        b.Property(r => r.SlipContentType).HasMaxLength(50);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(r => r.Status);
        b.Property(r => r.Problem).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.Note).HasMaxLength(1000);
        b.Ignore(r => r.Amount);
    }
}

internal sealed class PaymentRecordConfiguration : IEntityTypeConfiguration<PaymentRecord>
{
    public void Configure(EntityTypeBuilder<PaymentRecord> b)
    {
        b.ToTable("payment_records");
        b.HasKey(p => p.Id);
        b.Property(p => p.Direction).HasConversion<string>().HasMaxLength(10);
        b.Property(p => p.Purpose).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.ExternalReference).HasMaxLength(100).IsRequired();
        b.Property(p => p.PaymentReference).HasMaxLength(PaymentReference.Length);
        b.Property(p => p.JournalKey).HasMaxLength(IdempotencyKey.MaxLength).IsRequired();
        // One payment record per journal entry: the receipt and the posting cannot drift apart.
        b.HasIndex(p => p.JournalKey).IsUnique();
        b.HasIndex(p => new { p.OrganizationId, p.At });
        b.HasIndex(p => p.At);
        b.Ignore(p => p.Amount);
    }
}

internal sealed class SettlementRecordConfiguration : IEntityTypeConfiguration<SettlementRecord>
{
    public void Configure(EntityTypeBuilder<SettlementRecord> b)
    {
        b.ToTable("settlements");
        b.HasKey(s => s.Id);
        b.Property(s => s.SubjectKind).HasConversion<string>().HasMaxLength(20);
        // One settlement per deal: a second "settle" for the same auction or listed trade finds the first.
        b.HasIndex(s => new { s.SubjectKind, s.SubjectId }).IsUnique();
        b.Property(s => s.PaymentReference).HasMaxLength(PaymentReference.Length).IsRequired();
        b.HasIndex(s => s.PaymentReference).IsUnique();
        b.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(s => s.BuyerOrganizationId);
        b.HasIndex(s => s.SellerOrganizationId);
        // Two receipts or payouts for one deal at once: the second save sees the first's change and re-runs.
        b.Property(s => s.BuyerPaidFen).IsConcurrencyToken();
        b.Property(s => s.SellerPaidFen).IsConcurrencyToken();
        b.Ignore(s => s.BuyerOutstanding);
        b.Ignore(s => s.SellerOutstanding);
    }
}

internal sealed class StripeWebhookEventConfiguration : IEntityTypeConfiguration<StripeWebhookEventRow>
{
    public void Configure(EntityTypeBuilder<StripeWebhookEventRow> b)
    {
        b.ToTable("stripe_webhook_events");
        b.HasKey(e => e.EventId);
        b.Property(e => e.EventId).HasMaxLength(255);
        b.Property(e => e.ObjectId).HasMaxLength(255);
    }
}

internal sealed class StripeObjectStageConfiguration : IEntityTypeConfiguration<StripeObjectStageRow>
{
    public void Configure(EntityTypeBuilder<StripeObjectStageRow> b)
    {
        b.ToTable("stripe_object_stages");
        b.HasKey(e => e.ObjectId);
        b.Property(e => e.ObjectId).HasMaxLength(255);
    }
}

internal sealed class PaymentOutboxConfiguration : IEntityTypeConfiguration<PaymentOutboxMessage>
{
    public void Configure(EntityTypeBuilder<PaymentOutboxMessage> b)
    {
        b.ToTable("payment_outbox");
        b.HasKey(m => m.Id);
        b.Property(m => m.Kind).HasMaxLength(50).IsRequired();
        b.Property(m => m.Payload).IsRequired();
        b.Property(m => m.LastError).HasMaxLength(2000);
        b.HasIndex(m => new { m.ProcessedAt, m.CreatedAt });
    }
}
