using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechMarket.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EscrowLedgerDemandAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rd_milestone_escrow");

            migrationBuilder.AddColumn<Guid>(
                name: "MilestoneFundingId",
                table: "payment_records",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "MilestoneFundingId",
                table: "bank_receipts",
                type: "uuid",
                nullable: true);

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

            migrationBuilder.CreateTable(
                name: "rd_milestone_funding",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContractId = table.Column<Guid>(type: "uuid", nullable: false),
                    Milestone = table.Column<int>(type: "integer", nullable: false),
                    ClientOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DeveloperOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    PaymentReference = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StripePaymentIntentId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rd_milestone_funding", x => x.Id);
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

            migrationBuilder.CreateIndex(
                name: "IX_rd_milestone_funding_ContractId_Milestone",
                table: "rd_milestone_funding",
                columns: new[] { "ContractId", "Milestone" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rd_milestone_funding_PaymentReference",
                table: "rd_milestone_funding",
                column: "PaymentReference",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "demand_organisation_matches");

            migrationBuilder.DropTable(
                name: "rd_milestone_funding");

            migrationBuilder.DropColumn(
                name: "MilestoneFundingId",
                table: "payment_records");

            migrationBuilder.DropColumn(
                name: "MilestoneFundingId",
                table: "bank_receipts");

            migrationBuilder.CreateTable(
                name: "rd_milestone_escrow",
                columns: table => new
                {
                    ContractId = table.Column<Guid>(type: "uuid", nullable: false),
                    Milestone = table.Column<int>(type: "integer", nullable: false),
                    FundedFen = table.Column<long>(type: "bigint", nullable: false),
                    RefundedFen = table.Column<long>(type: "bigint", nullable: false),
                    ReleasedFen = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rd_milestone_escrow", x => new { x.ContractId, x.Milestone });
                });
        }
    }
}
