using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TechMarket.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Alerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AuctionId",
                table: "pledge_realisation_requests");

            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "saved_searches",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "ConsignorOrganizationId",
                table: "auctions",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "articles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Markdown = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    Tags = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    PublishOn = table.Column<DateOnly>(type: "date", nullable: false),
                    IsPublished = table.Column<bool>(type: "boolean", nullable: false),
                    AuthorUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_articles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "brokerage_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    RequestedByOrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    RequesterKey = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ListingId = table.Column<Guid>(type: "uuid", nullable: true),
                    Stage = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    BrokerUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    NextAction = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FeeFen = table.Column<long>(type: "bigint", nullable: true),
                    DealId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_brokerage_cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_brokerage_cases_organizations_ClientOrganizationId",
                        column: x => x.ClientOrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

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

            migrationBuilder.CreateTable(
                name: "listing_feed_log",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Sequence = table.Column<long>(type: "bigint", nullable: true),
                    ListingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Change = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_listing_feed_log", x => x.Id);
                });

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

            migrationBuilder.CreateTable(
                name: "promotion_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ProgrammeMarkdown = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    OnlineUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    AuctionSessionId = table.Column<Guid>(type: "uuid", nullable: true),
                    DealsStarted = table.Column<int>(type: "integer", nullable: true),
                    LotsSold = table.Column<int>(type: "integer", nullable: true),
                    IsCancelled = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_promotion_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "webhook_subscriptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ProtectedSecret = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FailingSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FailureReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webhook_subscriptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "brokerage_notes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_brokerage_notes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_brokerage_notes_brokerage_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "brokerage_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "brokerage_reminders_sent",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_brokerage_reminders_sent", x => new { x.CaseId, x.DueOn });
                    table.ForeignKey(
                        name: "FK_brokerage_reminders_sent_brokerage_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "brokerage_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "event_listings",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    ListingId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_event_listings", x => new { x.EventId, x.ListingId });
                    table.ForeignKey(
                        name: "FK_event_listings_listings_ListingId",
                        column: x => x.ListingId,
                        principalTable: "listings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_event_listings_promotion_events_EventId",
                        column: x => x.EventId,
                        principalTable: "promotion_events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "event_registrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PromotedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CancelledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CheckedInAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_event_registrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_event_registrations_promotion_events_EventId",
                        column: x => x.EventId,
                        principalTable: "promotion_events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "webhook_deliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubscriptionId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EventType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ListingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastStatusCode = table.Column<int>(type: "integer", nullable: true),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webhook_deliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_webhook_deliveries_webhook_subscriptions_SubscriptionId",
                        column: x => x.SubscriptionId,
                        principalTable: "webhook_subscriptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "webhook_fanout_positions",
                columns: table => new
                {
                    SubscriptionId = table.Column<Guid>(type: "uuid", nullable: false),
                    LastSequence = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webhook_fanout_positions", x => x.SubscriptionId);
                    table.ForeignKey(
                        name: "FK_webhook_fanout_positions_webhook_subscriptions_Subscription~",
                        column: x => x.SubscriptionId,
                        principalTable: "webhook_subscriptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "event_reminders_sent",
                columns: table => new
                {
                    RegistrationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_event_reminders_sent", x => x.RegistrationId);
                    table.ForeignKey(
                        name: "FK_event_reminders_sent_event_registrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "event_registrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "webhook_delivery_attempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DeliveryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Attempt = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StatusCode = table.Column<int>(type: "integer", nullable: true),
                    DurationMs = table.Column<long>(type: "bigint", nullable: false),
                    Error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webhook_delivery_attempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_webhook_delivery_attempts_webhook_deliveries_DeliveryId",
                        column: x => x.DeliveryId,
                        principalTable: "webhook_deliveries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_saved_searches_Kind_UserId",
                table: "saved_searches",
                columns: new[] { "Kind", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_auctions_ConsignorOrganizationId",
                table: "auctions",
                column: "ConsignorOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_articles_IsPublished_PublishOn",
                table: "articles",
                columns: new[] { "IsPublished", "PublishOn" });

            migrationBuilder.CreateIndex(
                name: "IX_articles_Slug",
                table: "articles",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_brokerage_cases_ClientOrganizationId",
                table: "brokerage_cases",
                column: "ClientOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_brokerage_cases_ListingId",
                table: "brokerage_cases",
                column: "ListingId");

            migrationBuilder.CreateIndex(
                name: "IX_brokerage_cases_Stage",
                table: "brokerage_cases",
                column: "Stage");

            migrationBuilder.CreateIndex(
                name: "IX_brokerage_cases_SubjectKind_SubjectId_RequesterKey",
                table: "brokerage_cases",
                columns: new[] { "SubjectKind", "SubjectId", "RequesterKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_brokerage_notes_CaseId",
                table: "brokerage_notes",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_demand_matches_DemandId_ListingId",
                table: "demand_matches",
                columns: new[] { "DemandId", "ListingId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_demand_matches_NotifiedAt",
                table: "demand_matches",
                column: "NotifiedAt");

            migrationBuilder.CreateIndex(
                name: "IX_event_listings_ListingId",
                table: "event_listings",
                column: "ListingId");

            migrationBuilder.CreateIndex(
                name: "IX_event_registrations_EventId_Status_RegisteredAt",
                table: "event_registrations",
                columns: new[] { "EventId", "Status", "RegisteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_event_registrations_EventId_UserId",
                table: "event_registrations",
                columns: new[] { "EventId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_listing_feed_log_ListingId",
                table: "listing_feed_log",
                column: "ListingId");

            migrationBuilder.CreateIndex(
                name: "IX_listing_feed_log_Sequence",
                table: "listing_feed_log",
                column: "Sequence",
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_promotion_events_StartsAt",
                table: "promotion_events",
                column: "StartsAt");

            migrationBuilder.CreateIndex(
                name: "IX_webhook_deliveries_Status_NextAttemptAt",
                table: "webhook_deliveries",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_webhook_deliveries_SubscriptionId_EventId",
                table: "webhook_deliveries",
                columns: new[] { "SubscriptionId", "EventId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_webhook_delivery_attempts_DeliveryId_Attempt",
                table: "webhook_delivery_attempts",
                columns: new[] { "DeliveryId", "Attempt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_webhook_subscriptions_ClientId_Status",
                table: "webhook_subscriptions",
                columns: new[] { "ClientId", "Status" });

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
                name: "articles");

            migrationBuilder.DropTable(
                name: "brokerage_notes");

            migrationBuilder.DropTable(
                name: "brokerage_reminders_sent");

            migrationBuilder.DropTable(
                name: "demand_matches");

            migrationBuilder.DropTable(
                name: "event_listings");

            migrationBuilder.DropTable(
                name: "event_reminders_sent");

            migrationBuilder.DropTable(
                name: "listing_feed_log");

            migrationBuilder.DropTable(
                name: "pledge_realisation_lots");

            migrationBuilder.DropTable(
                name: "webhook_delivery_attempts");

            migrationBuilder.DropTable(
                name: "webhook_fanout_positions");

            migrationBuilder.DropTable(
                name: "brokerage_cases");

            migrationBuilder.DropTable(
                name: "event_registrations");

            migrationBuilder.DropTable(
                name: "webhook_deliveries");

            migrationBuilder.DropTable(
                name: "promotion_events");

            migrationBuilder.DropTable(
                name: "webhook_subscriptions");

            migrationBuilder.DropIndex(
                name: "IX_saved_searches_Kind_UserId",
                table: "saved_searches");

            migrationBuilder.DropIndex(
                name: "IX_auctions_ConsignorOrganizationId",
                table: "auctions");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "saved_searches");

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
