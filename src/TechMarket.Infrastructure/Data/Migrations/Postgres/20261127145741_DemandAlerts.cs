using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechMarket.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DemandAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "saved_searches",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "demand_matches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DemandId = table.Column<Guid>(type: "uuid", nullable: false),
                    ListingId = table.Column<Guid>(type: "uuid", nullable: false),
                    MatchedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NotifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_demand_matches", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_saved_searches_Kind_UserId",
                table: "saved_searches",
                columns: new[] { "Kind", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_demand_matches_DemandId_ListingId",
                table: "demand_matches",
                columns: new[] { "DemandId", "ListingId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_demand_matches_NotifiedAt",
                table: "demand_matches",
                column: "NotifiedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "demand_matches");

            migrationBuilder.DropIndex(
                name: "IX_saved_searches_Kind_UserId",
                table: "saved_searches");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "saved_searches");
        }
    }
}
