using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechMarket.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Gaps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AuctionId",
                table: "pledge_realisation_requests");

            migrationBuilder.AddColumn<Guid>(
                name: "ConsignorOrganizationId",
                table: "auctions",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "pledge_realisation_lots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PledgeCaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    PatentNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PledgorId = table.Column<Guid>(type: "uuid", nullable: false),
                    LenderId = table.Column<Guid>(type: "uuid", nullable: false),
                    ListingId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuctionId = table.Column<Guid>(type: "uuid", nullable: false),
                    SettlementId = table.Column<Guid>(type: "uuid", nullable: true),
                    NetProceedsFen = table.Column<long>(type: "bigint", nullable: true),
                    ToLenderFen = table.Column<long>(type: "bigint", nullable: true),
                    SurplusFen = table.Column<long>(type: "bigint", nullable: true),
                    LenderTransferReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AppliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pledge_realisation_lots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pledge_realisation_lots_auctions_AuctionId",
                        column: x => x.AuctionId,
                        principalTable: "auctions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_pledge_realisation_lots_pledge_cases_PledgeCaseId",
                        column: x => x.PledgeCaseId,
                        principalTable: "pledge_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_auctions_ConsignorOrganizationId",
                table: "auctions",
                column: "ConsignorOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_pledge_realisation_lots_AuctionId",
                table: "pledge_realisation_lots",
                column: "AuctionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pledge_realisation_lots_PledgeCaseId_PatentNumber",
                table: "pledge_realisation_lots",
                columns: new[] { "PledgeCaseId", "PatentNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_pledge_realisation_lots_SettlementId",
                table: "pledge_realisation_lots",
                column: "SettlementId",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_auctions_organizations_ConsignorOrganizationId",
                table: "auctions",
                column: "ConsignorOrganizationId",
                principalTable: "organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_auctions_organizations_ConsignorOrganizationId",
                table: "auctions");

            migrationBuilder.DropTable(
                name: "pledge_realisation_lots");

            migrationBuilder.DropIndex(
                name: "IX_auctions_ConsignorOrganizationId",
                table: "auctions");

            migrationBuilder.DropColumn(
                name: "ConsignorOrganizationId",
                table: "auctions");

            migrationBuilder.AddColumn<Guid>(
                name: "AuctionId",
                table: "pledge_realisation_requests",
                type: "uuid",
                nullable: true);
        }
    }
}
