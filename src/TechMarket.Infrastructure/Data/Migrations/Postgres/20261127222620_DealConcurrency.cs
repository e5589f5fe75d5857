using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechMarket.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DealConcurrency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "deals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "auction_deal_refusals",
                columns: table => new
                {
                    AuctionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Refusal = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    ReasonZh = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ReasonEn = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RefusedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_auction_deal_refusals", x => x.AuctionId);
                    table.ForeignKey(
                        name: "FK_auction_deal_refusals_auctions_AuctionId",
                        column: x => x.AuctionId,
                        principalTable: "auctions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "auction_deal_refusals");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "deals");
        }
    }
}
