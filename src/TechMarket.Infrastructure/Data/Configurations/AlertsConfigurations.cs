using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TechMarket.Domain.Demands;

namespace TechMarket.Infrastructure.Data.Configurations;

internal sealed class DemandMatchConfiguration : IEntityTypeConfiguration<DemandMatch>
{
    public void Configure(EntityTypeBuilder<DemandMatch> b)
    {
        b.ToTable("demand_matches");
        b.HasKey(m => m.Id);
        b.HasIndex(m => new { m.DemandId, m.ListingId }).IsUnique();
        b.HasIndex(m => m.NotifiedAt);
    }
}
