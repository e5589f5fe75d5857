using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TechMarket.Domain.Brokerage;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Events;
using TechMarket.Domain.Organizations;
using TechMarket.Infrastructure.Articles;
using TechMarket.Infrastructure.Brokerage;
using TechMarket.Infrastructure.Events;

namespace TechMarket.Infrastructure.Data.Configurations;

internal sealed class BrokerageCaseConfiguration : IEntityTypeConfiguration<BrokerageCase>
{
    public void Configure(EntityTypeBuilder<BrokerageCase> b)
    {
        b.ToTable("brokerage_cases");
        b.HasKey(c => c.Id);
        b.Property(c => c.SubjectKind).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Stage).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Title).HasMaxLength(300);
        b.Property(c => c.NextAction).HasMaxLength(BrokerageCase.MaxTextLength);
        // One case per subject and requester (adopted cases have no requester: one per subject).
        b.HasIndex(c => new { c.SubjectKind, c.SubjectId, c.RequesterKey }).IsUnique();
        b.HasIndex(c => c.Stage);
        b.HasIndex(c => c.ListingId);
        b.HasOne<Organization>().WithMany().HasForeignKey(c => c.ClientOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(c => c.IsFinished);
        b.Ignore(c => c.IsAdopted);
    }
}

internal sealed class BrokerageNoteConfiguration : IEntityTypeConfiguration<BrokerageNote>
{
    public void Configure(EntityTypeBuilder<BrokerageNote> b)
    {
        b.ToTable("brokerage_notes");
        b.HasKey(n => n.Id);
        b.Property(n => n.Text).HasMaxLength(BrokerageCase.MaxTextLength);
        b.HasIndex(n => n.CaseId);
        b.HasOne<BrokerageCase>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BrokerageReminderSentConfiguration : IEntityTypeConfiguration<BrokerageReminderSent>
{
    public void Configure(EntityTypeBuilder<BrokerageReminderSent> b)
    {
        b.ToTable("brokerage_reminders_sent");
        b.HasKey(r => new { r.CaseId, r.DueOn });
        b.HasOne<BrokerageCase>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PromotionEventConfiguration : IEntityTypeConfiguration<PromotionEvent>
{
    public void Configure(EntityTypeBuilder<PromotionEvent> b)
    {
        b.ToTable("promotion_events");
        b.HasKey(e => e.Id);
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(e => e.Title).HasMaxLength(200).IsRequired();
        b.Property(e => e.TitleEn).HasMaxLength(200);
        b.Property(e => e.ProgrammeMarkdown).HasMaxLength(20_000);
        b.Property(e => e.Place).HasMaxLength(300);
        b.Property(e => e.OnlineUrl).HasMaxLength(500);
        b.HasIndex(e => e.StartsAt);
    }
}

internal sealed class EventRegistrationConfiguration : IEntityTypeConfiguration<EventRegistration>
{
    public void Configure(EntityTypeBuilder<EventRegistration> b)
    {
        b.ToTable("event_registrations");
        b.HasKey(r => r.Id);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Name).HasMaxLength(200);
        b.Property(r => r.Email).HasMaxLength(256);
        b.HasIndex(r => new { r.EventId, r.UserId }).IsUnique();
        b.HasIndex(r => new { r.EventId, r.Status, r.RegisteredAt });
        b.HasOne<PromotionEvent>().WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EventListingConfiguration : IEntityTypeConfiguration<EventListing>
{
    public void Configure(EntityTypeBuilder<EventListing> b)
    {
        b.ToTable("event_listings");
        b.HasKey(l => new { l.EventId, l.ListingId });
        b.HasOne<PromotionEvent>().WithMany().HasForeignKey(l => l.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Listing>().WithMany().HasForeignKey(l => l.ListingId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EventReminderSentConfiguration : IEntityTypeConfiguration<EventReminderSent>
{
    public void Configure(EntityTypeBuilder<EventReminderSent> b)
    {
        b.ToTable("event_reminders_sent");
        b.HasKey(r => r.RegistrationId);
        b.HasOne<EventRegistration>().WithMany().HasForeignKey(r => r.RegistrationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArticleRecordConfiguration : IEntityTypeConfiguration<ArticleRecord>
{
    public void Configure(EntityTypeBuilder<ArticleRecord> b)
    {
        b.ToTable("articles");
        b.HasKey(a => a.Id);
        b.Property(a => a.Slug).HasMaxLength(100).IsRequired();
        b.Property(a => a.Title).HasMaxLength(200).IsRequired();
        b.Property(a => a.TitleEn).HasMaxLength(200);
        b.Property(a => a.Summary).HasMaxLength(500);
        b.Property(a => a.Markdown).HasMaxLength(100_000);
        b.Property(a => a.Tags).HasMaxLength(300);
        b.HasIndex(a => a.Slug).IsUnique();
        b.HasIndex(a => new { a.IsPublished, a.PublishOn });
        b.Ignore(a => a.TagList);
    }
}
