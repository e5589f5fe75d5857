using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TechMarket.Infrastructure.Jobs;

namespace TechMarket.Infrastructure.Data.Configurations;

internal sealed class DailyJobRunConfiguration : IEntityTypeConfiguration<DailyJobRun>
{
    public void Configure(EntityTypeBuilder<DailyJobRun> b)
    {
        b.ToTable("daily_job_runs");
        b.HasKey(r => new { r.Job, r.Day });
        b.Property(r => r.Job).HasMaxLength(64);
    }
}
