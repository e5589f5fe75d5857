using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechMarket.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OrganisationDemandAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "demand_organisation_matches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DemandId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ListingIdList = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Score = table.Column<float>(type: "real", nullable: false),
                    MatchedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NotifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_demand_organisation_matches", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_demand_organisation_matches_DemandId_OrganizationId",
                table: "demand_organisation_matches",
                columns: new[] { "DemandId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_demand_organisation_matches_NotifiedAt",
                table: "demand_organisation_matches",
                column: "NotifiedAt");

            migrationBuilder.CreateIndex(
                name: "IX_demand_organisation_matches_OrganizationId_MatchedAt",
                table: "demand_organisation_matches",
                columns: new[] { "OrganizationId", "MatchedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "demand_organisation_matches");
        }
    }
}
