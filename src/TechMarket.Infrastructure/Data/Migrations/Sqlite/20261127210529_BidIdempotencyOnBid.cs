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

            // The stored answers move onto their bids, so a retry across the upgrade still gets its first answer: a key's
            // answer was stored with the same time of receipt and the sequence after the bid (a bid without one match keeps no key).
            migrationBuilder.Sql("""
                UPDATE auction_bids SET ("IdempotencyKey", "Extended") = (
                    SELECT k."Key", COALESCE(json_extract(k."Response", '$.extended'), 0) FROM auction_bid_idempotency AS k
                    WHERE k."RegistrationId" = auction_bids."RegistrationId" AND k."CreatedAt" = auction_bids."ReceivedAt" AND json_extract(k."Response", '$.sequence') = auction_bids."SequenceAfter")
                WHERE EXISTS (SELECT 1 FROM auction_bid_idempotency AS k
                    WHERE k."RegistrationId" = auction_bids."RegistrationId" AND k."CreatedAt" = auction_bids."ReceivedAt" AND json_extract(k."Response", '$.sequence') = auction_bids."SequenceAfter")
                  AND NOT EXISTS (SELECT 1 FROM auction_bids AS o WHERE o."RegistrationId" = auction_bids."RegistrationId" AND o."ReceivedAt" = auction_bids."ReceivedAt" AND o."SequenceAfter" = auction_bids."SequenceAfter" AND o."Id" <> auction_bids."Id");
                """);

            // Live updates and outbid notices not yet dispatched take the new one-per-commit shapes.
            migrationBuilder.Sql("""
                UPDATE outbox SET "Type" = 'auction.updates', "Payload" = '[' || "Payload" || ']' WHERE "Type" = 'auction.updated' AND "ProcessedAt" IS NULL;
                UPDATE outbox SET "Payload" = json_set(json_remove("Payload", '$.organizationId'), '$.organizationIds', json_array(json_extract("Payload", '$.organizationId')))
                WHERE "Type" = 'auction.outbid' AND "ProcessedAt" IS NULL AND json_extract("Payload", '$.organizationId') IS NOT NULL;
                """);

            migrationBuilder.DropTable(
                name: "auction_bid_idempotency");

            migrationBuilder.DropIndex(
                name: "IX_auction_bids_RegistrationId",
                table: "auction_bids");

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
