using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TechMarket.Infrastructure.Data.Migrations.Postgres
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "IdempotencyKey",
                table: "auction_bids",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            // The stored answers move onto their bids, so a retry across the upgrade still gets its first answer: a key's
            // answer was stored with the same time of receipt and the sequence after the bid (a bid without one match keeps no key).
            migrationBuilder.Sql("""
                UPDATE auction_bids AS b SET "IdempotencyKey" = k."Key", "Extended" = COALESCE((k."Response"::jsonb ->> 'extended')::boolean, false)
                FROM auction_bid_idempotency AS k
                WHERE k."RegistrationId" = b."RegistrationId" AND k."CreatedAt" = b."ReceivedAt" AND (k."Response"::jsonb ->> 'sequence')::bigint = b."SequenceAfter"
                  AND NOT EXISTS (SELECT 1 FROM auction_bids AS o WHERE o."RegistrationId" = b."RegistrationId" AND o."ReceivedAt" = b."ReceivedAt" AND o."SequenceAfter" = b."SequenceAfter" AND o."Id" <> b."Id");
                """);

            // Live updates and outbid notices not yet dispatched take the new one-per-commit shapes.
            migrationBuilder.Sql("""
                UPDATE outbox SET "Type" = 'auction.updates', "Payload" = '[' || "Payload" || ']' WHERE "Type" = 'auction.updated' AND "ProcessedAt" IS NULL;
                UPDATE outbox SET "Payload" = jsonb_set("Payload"::jsonb - 'organizationId', '{organizationIds}', jsonb_build_array("Payload"::jsonb -> 'organizationId'))::text
                WHERE "Type" = 'auction.outbid' AND "ProcessedAt" IS NULL AND "Payload"::jsonb ? 'organizationId';
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RegistrationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Response = table.Column<string>(type: "text", nullable: false),
                    StatusCode = table.Column<int>(type: "integer", nullable: false)
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
