using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechMarket.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuctionDefault : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "auction_defaults",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ListingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuctionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SellerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ground = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DeclaredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DeclaredByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DefaultedPriceFen = table.Column<long>(type: "INTEGER", nullable: false),
                    DepositForfeitedFen = table.Column<long>(type: "INTEGER", nullable: false),
                    CostsFen = table.Column<long>(type: "INTEGER", nullable: false),
                    CostsCoveredFen = table.Column<long>(type: "INTEGER", nullable: false),
                    HeldForShortfallFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ResaleAuctionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ResalePriceFen = table.Column<long>(type: "INTEGER", nullable: true),
                    ShortfallPaidFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ShortfallSettledAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_auction_defaults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_auction_defaults_auctions_AuctionId",
                        column: x => x.AuctionId,
                        principalTable: "auctions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_auction_defaults_listings_ListingId",
                        column: x => x.ListingId,
                        principalTable: "listings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_auction_defaults_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "auction_runner_up_offers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DefaultId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuctionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ListingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BidderCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PriceFen = table.Column<long>(type: "INTEGER", nullable: false),
                    OfferedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RespondBy = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnsweredByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DealId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_auction_runner_up_offers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_auction_runner_up_offers_auction_defaults_DefaultId",
                        column: x => x.DefaultId,
                        principalTable: "auction_defaults",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_auction_runner_up_offers_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_auction_defaults_AuctionId",
                table: "auction_defaults",
                column: "AuctionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_auction_defaults_ListingId_OrganizationId",
                table: "auction_defaults",
                columns: new[] { "ListingId", "OrganizationId" });

            migrationBuilder.CreateIndex(
                name: "IX_auction_defaults_OrganizationId",
                table: "auction_defaults",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_auction_runner_up_offers_DefaultId",
                table: "auction_runner_up_offers",
                column: "DefaultId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_auction_runner_up_offers_OrganizationId",
                table: "auction_runner_up_offers",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_auction_runner_up_offers_Status_RespondBy",
                table: "auction_runner_up_offers",
                columns: new[] { "Status", "RespondBy" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "auction_runner_up_offers");

            migrationBuilder.DropTable(
                name: "auction_defaults");
        }
    }
}
