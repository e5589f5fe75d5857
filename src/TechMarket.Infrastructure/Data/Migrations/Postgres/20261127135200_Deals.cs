using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechMarket.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Deals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "deals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ListingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Origin = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    OriginId = table.Column<Guid>(type: "uuid", nullable: false),
                    SellerOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    BuyerOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    TradeMode = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    PriceFen = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExclusiveKey = table.Column<Guid>(type: "uuid", nullable: true),
                    PublicityStartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PublicityEndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PublicityEndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CostsFen = table.Column<long>(type: "bigint", nullable: false),
                    RewardShareBasisPoints = table.Column<int>(type: "integer", nullable: false),
                    RewardPolicy = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SettlementId = table.Column<Guid>(type: "uuid", nullable: true),
                    ContractJson = table.Column<string>(type: "text", nullable: true),
                    ContractVersion = table.Column<int>(type: "integer", nullable: false),
                    AcceptedTerms = table.Column<string>(type: "text", nullable: true),
                    CancellationReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_deals_listings_ListingId",
                        column: x => x.ListingId,
                        principalTable: "listings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_deals_organizations_BuyerOrganizationId",
                        column: x => x.BuyerOrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_deals_organizations_SellerOrganizationId",
                        column: x => x.SellerOrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "express_licence_terms",
                columns: table => new
                {
                    ListingId = table.Column<Guid>(type: "uuid", nullable: false),
                    PriceFen = table.Column<long>(type: "bigint", nullable: false),
                    Scope = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Territory = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Term = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IsOffered = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_express_licence_terms", x => x.ListingId);
                    table.ForeignKey(
                        name: "FK_express_licence_terms_listings_ListingId",
                        column: x => x.ListingId,
                        principalTable: "listings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "offers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ListingId = table.Column<Guid>(type: "uuid", nullable: false),
                    BuyerOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SellerOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    TradeMode = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    PriceFen = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    DealId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_offers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_offers_listings_ListingId",
                        column: x => x.ListingId,
                        principalTable: "listings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "open_licence_declarations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CatalogueRecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ListingId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    FeeFen = table.Column<long>(type: "bigint", nullable: false),
                    Terms = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    WithdrawnOn = table.Column<DateOnly>(type: "date", nullable: true),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    WithdrawalReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    StandingKey = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_open_licence_declarations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_open_licence_declarations_listings_ListingId",
                        column: x => x.ListingId,
                        principalTable: "listings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "deal_objections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DealId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RaisedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Answer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AnsweredByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deal_objections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_deal_objections_deals_DealId",
                        column: x => x.DealId,
                        principalTable: "deals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "deal_signatures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DealId = table.Column<Guid>(type: "uuid", nullable: false),
                    Side = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    TypedName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ContractVersion = table.Column<int>(type: "integer", nullable: false),
                    SignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deal_signatures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_deal_signatures_deals_DealId",
                        column: x => x.DealId,
                        principalTable: "deals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "offer_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OfferId = table.Column<Guid>(type: "uuid", nullable: false),
                    Side = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Move = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    TradeMode = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    PriceFen = table.Column<long>(type: "bigint", nullable: true),
                    Message = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_offer_messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_offer_messages_offers_OfferId",
                        column: x => x.OfferId,
                        principalTable: "offers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_deal_objections_DealId_RaisedAt",
                table: "deal_objections",
                columns: new[] { "DealId", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_deal_signatures_DealId_Side",
                table: "deal_signatures",
                columns: new[] { "DealId", "Side" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_deals_BuyerOrganizationId",
                table: "deals",
                column: "BuyerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_deals_ExclusiveKey",
                table: "deals",
                column: "ExclusiveKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_deals_ListingId_Status",
                table: "deals",
                columns: new[] { "ListingId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_deals_Origin_OriginId",
                table: "deals",
                columns: new[] { "Origin", "OriginId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_deals_SellerOrganizationId",
                table: "deals",
                column: "SellerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_deals_Status_PublicityEndsAt",
                table: "deals",
                columns: new[] { "Status", "PublicityEndsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_offer_messages_OfferId_At",
                table: "offer_messages",
                columns: new[] { "OfferId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_offers_BuyerOrganizationId",
                table: "offers",
                column: "BuyerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_offers_ListingId_BuyerOrganizationId",
                table: "offers",
                columns: new[] { "ListingId", "BuyerOrganizationId" });

            migrationBuilder.CreateIndex(
                name: "IX_offers_SellerOrganizationId",
                table: "offers",
                column: "SellerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_open_licence_declarations_ListingId",
                table: "open_licence_declarations",
                column: "ListingId");

            migrationBuilder.CreateIndex(
                name: "IX_open_licence_declarations_RecordNumber",
                table: "open_licence_declarations",
                column: "RecordNumber");

            migrationBuilder.CreateIndex(
                name: "IX_open_licence_declarations_StandingKey",
                table: "open_licence_declarations",
                column: "StandingKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deal_objections");

            migrationBuilder.DropTable(
                name: "deal_signatures");

            migrationBuilder.DropTable(
                name: "express_licence_terms");

            migrationBuilder.DropTable(
                name: "offer_messages");

            migrationBuilder.DropTable(
                name: "open_licence_declarations");

            migrationBuilder.DropTable(
                name: "deals");

            migrationBuilder.DropTable(
                name: "offers");
        }
    }
}
