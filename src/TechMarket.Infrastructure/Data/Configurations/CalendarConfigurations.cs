using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TechMarket.Infrastructure.Calendar;

namespace TechMarket.Infrastructure.Data.Configurations;

internal sealed class CalendarOverrideConfiguration : IEntityTypeConfiguration<CalendarOverride>
{
    public void Configure(EntityTypeBuilder<CalendarOverride> b)
    {
        b.ToTable("calendar_overrides");
        b.HasKey(o => o.Date);
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(o => o.Name).HasMaxLength(100);
    }
}
