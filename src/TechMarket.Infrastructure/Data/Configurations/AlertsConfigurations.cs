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

internal sealed class DemandOrganisationMatchConfiguration : IEntityTypeConfiguration<DemandOrganisationMatch>
{
    public void Configure(EntityTypeBuilder<DemandOrganisationMatch> b)
    {
        b.ToTable("demand_organisation_matches");
        b.HasKey(m => m.Id);
        b.HasIndex(m => new { m.DemandId, m.OrganizationId }).IsUnique();
        b.HasIndex(m => new { m.OrganizationId, m.MatchedAt });
        b.HasIndex(m => m.NotifiedAt);
        b.Property(m => m.ListingIdList).HasMaxLength(2000);
        b.Ignore(m => m.ListingIds);
    }
}
