using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechMarket.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BidIdempotencyOnBid : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "auction_bid_idempotency");

            migrationBuilder.DropIndex(
                name: "IX_auction_bids_RegistrationId",
                table: "auction_bids");

            migrationBuilder.AddColumn<bool>(
                name: "Extended",
                table: "auction_bids",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "IdempotencyKey",
                table: "auction_bids",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_auction_bids_RegistrationId_IdempotencyKey",
                table: "auction_bids",
                columns: new[] { "RegistrationId", "IdempotencyKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_auction_bids_RegistrationId_IdempotencyKey",
                table: "auction_bids");

            migrationBuilder.DropColumn(
                name: "Extended",
                table: "auction_bids");

            migrationBuilder.DropColumn(
                name: "IdempotencyKey",
                table: "auction_bids");

            migrationBuilder.CreateTable(
                name: "auction_bid_idempotency",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RegistrationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Response = table.Column<string>(type: "TEXT", nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_auction_bid_idempotency", x => x.Id);
                    table.ForeignKey(
                        name: "FK_auction_bid_idempotency_auction_registrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "auction_registrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_auction_bids_RegistrationId",
                table: "auction_bids",
                column: "RegistrationId");

            migrationBuilder.CreateIndex(
                name: "IX_auction_bid_idempotency_RegistrationId_Key",
                table: "auction_bid_idempotency",
                columns: new[] { "RegistrationId", "Key" },
                unique: true);
        }
    }
}
