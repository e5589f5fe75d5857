using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechMarket.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Auctions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "auction_sessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrganizerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpensAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstLotEndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IntervalMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    PromotionEvent = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_auction_sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_auction_sessions_organizations_OrganizerOrganizationId",
                        column: x => x.OrganizerOrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_notifications_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "auctions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ListingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SellerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LotNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    ReauctionOfId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartPriceFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ReservePriceFen = table.Column<long>(type: "INTEGER", nullable: true),
                    IncrementFixedFen = table.Column<long>(type: "INTEGER", nullable: true),
                    IncrementTable = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DepositFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ProxyBidding = table.Column<bool>(type: "INTEGER", nullable: false),
                    SoftCloseSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    ExtensionSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    OpensAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ScheduledEndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PriceFen = table.Column<long>(type: "INTEGER", nullable: true),
                    LeaderCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    LeaderMaxFen = table.Column<long>(type: "INTEGER", nullable: true),
                    AcceptedBids = table.Column<int>(type: "INTEGER", nullable: false),
                    RejectedBids = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Sold = table.Column<bool>(type: "INTEGER", nullable: true),
                    WinnerCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    WinnerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConfirmationNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_auctions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_auctions_auction_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "auction_sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_auctions_listings_ListingId",
                        column: x => x.ListingId,
                        principalTable: "listings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_auctions_organizations_OrganizerOrganizationId",
                        column: x => x.OrganizerOrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_auctions_organizations_SellerOrganizationId",
                        column: x => x.SellerOrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "auction_registrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuctionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AppliedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AppliedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    BidderCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PriorityRank = table.Column<int>(type: "INTEGER", nullable: true),
                    QualifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    QualifiedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DepositReceived = table.Column<bool>(type: "INTEGER", nullable: false),
                    DepositMarkedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DepositMarkedByUserId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_auction_registrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_auction_registrations_auctions_AuctionId",
                        column: x => x.AuctionId,
                        principalTable: "auctions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_auction_registrations_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "auction_bid_idempotency",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegistrationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: false),
                    Response = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "auction_bids",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AuctionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    RegistrationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BidderCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Accepted = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    MinimumFen = table.Column<long>(type: "INTEGER", nullable: true),
                    PriceAfterFen = table.Column<long>(type: "INTEGER", nullable: true),
                    LeaderAfter = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    EndsAtAfter = table.Column<long>(type: "INTEGER", nullable: false),
                    SequenceAfter = table.Column<long>(type: "INTEGER", nullable: false),
                    PlacedByUserId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_auction_bids", x => x.Id);
                    table.ForeignKey(
                        name: "FK_auction_bids_auction_registrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "auction_registrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_auction_bids_auctions_AuctionId",
                        column: x => x.AuctionId,
                        principalTable: "auctions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_auction_bid_idempotency_RegistrationId_Key",
                table: "auction_bid_idempotency",
                columns: new[] { "RegistrationId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_auction_bids_AuctionId_Ordinal",
                table: "auction_bids",
                columns: new[] { "AuctionId", "Ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_auction_bids_RegistrationId",
                table: "auction_bids",
                column: "RegistrationId");

            migrationBuilder.CreateIndex(
                name: "IX_auction_registrations_AuctionId_BidderCode",
                table: "auction_registrations",
                columns: new[] { "AuctionId", "BidderCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_auction_registrations_AuctionId_OrganizationId",
                table: "auction_registrations",
                columns: new[] { "AuctionId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_auction_registrations_OrganizationId",
                table: "auction_registrations",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_auction_sessions_OrganizerOrganizationId",
                table: "auction_sessions",
                column: "OrganizerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_auctions_ListingId",
                table: "auctions",
                column: "ListingId");

            migrationBuilder.CreateIndex(
                name: "IX_auctions_OrganizerOrganizationId",
                table: "auctions",
                column: "OrganizerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_auctions_SellerOrganizationId",
                table: "auctions",
                column: "SellerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_auctions_SessionId",
                table: "auctions",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_auctions_Status_EndsAt",
                table: "auctions",
                columns: new[] { "Status", "EndsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_OrganizationId_CreatedAt",
                table: "notifications",
                columns: new[] { "OrganizationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_ProcessedAt_Id",
                table: "outbox",
                columns: new[] { "ProcessedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "auction_bid_idempotency");

            migrationBuilder.DropTable(
                name: "auction_bids");

            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropTable(
                name: "outbox");

            migrationBuilder.DropTable(
                name: "auction_registrations");

            migrationBuilder.DropTable(
                name: "auctions");

            migrationBuilder.DropTable(
                name: "auction_sessions");
        }
    }
}
