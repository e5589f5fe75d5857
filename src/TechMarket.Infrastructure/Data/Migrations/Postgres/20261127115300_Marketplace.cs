using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TechMarket.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Marketplace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_listings_OrganizationId",
                table: "listings");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClosedAt",
                table: "listings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Encumbrances",
                table: "listings",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsPledged",
                table: "listings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LastDayInForce",
                table: "listings",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LegalStatus",
                table: "listings",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PledgeeConsented",
                table: "listings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "RejectionReason",
                table: "listings",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReviewedAt",
                table: "listings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SubmittedAt",
                table: "listings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "auction_sessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OrganizerOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    OpensAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FirstLotEndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IntervalMinutes = table.Column<int>(type: "integer", nullable: false),
                    PromotionEvent = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                name: "bank_receipts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FormKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Reference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    BankReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PayerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SlipFile = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SlipContentType = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Problem = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DepositId = table.Column<Guid>(type: "uuid", nullable: true),
                    SettlementId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bank_receipts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "deposits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectTitle = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    RequiredFen = table.Column<long>(type: "bigint", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    PaymentReference = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    PayBy = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubjectClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReleaseDueBy = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StripePaymentIntentId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    StripeHoldMethod = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deposits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_deposits_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "enquiries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ListingId = table.Column<Guid>(type: "uuid", nullable: false),
                    BuyerOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SellerOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    BrokerageRequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enquiries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enquiries_listings_ListingId",
                        column: x => x.ListingId,
                        principalTable: "listings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_enquiries_organizations_BuyerOrganizationId",
                        column: x => x.BuyerOrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_enquiries_organizations_SellerOrganizationId",
                        column: x => x.SellerOrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "journal_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    CauseKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CauseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    PostedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PostedBy = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_journal_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "listing_co_owners",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ConsentedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ListingId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_listing_co_owners", x => x.Id);
                    table.ForeignKey(
                        name: "FK_listing_co_owners_listings_ListingId",
                        column: x => x.ListingId,
                        principalTable: "listings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "listing_follows",
                columns: table => new
                {
                    ListingId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_listing_follows", x => new { x.ListingId, x.UserId });
                    table.ForeignKey(
                        name: "FK_listing_follows_listings_ListingId",
                        column: x => x.ListingId,
                        principalTable: "listings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "listing_views",
                columns: table => new
                {
                    ListingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_listing_views", x => x.ListingId);
                    table.ForeignKey(
                        name: "FK_listing_views_listings_ListingId",
                        column: x => x.ListingId,
                        principalTable: "listings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "patent_rights",
                columns: table => new
                {
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "date", nullable: false),
                    GrantedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Proceedings = table.Column<int>(type: "integer", nullable: false),
                    NextAnnualFeeDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Industry = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SourceRecordId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patent_rights", x => x.Number);
                });

            migrationBuilder.CreateTable(
                name: "payment_outbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClaimedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payment_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "payment_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Direction = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ExternalReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PaymentReference = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    DepositId = table.Column<Guid>(type: "uuid", nullable: true),
                    SettlementId = table.Column<Guid>(type: "uuid", nullable: true),
                    BankReceiptId = table.Column<Guid>(type: "uuid", nullable: true),
                    JournalKey = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payment_records", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pledge_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ThirdPartyPledgorId = table.Column<Guid>(type: "uuid", nullable: true),
                    EvaluatorId = table.Column<Guid>(type: "uuid", nullable: true),
                    LenderId = table.Column<Guid>(type: "uuid", nullable: true),
                    State = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RequestedAmountFen = table.Column<long>(type: "bigint", nullable: false),
                    RequestedTermMonths = table.Column<int>(type: "integer", nullable: false),
                    ApprovedAmountFen = table.Column<long>(type: "bigint", nullable: true),
                    Industry = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ValuationReportFile = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "uuid", nullable: false),
                    Snapshot = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pledge_cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pledge_cases_organizations_ApplicantId",
                        column: x => x.ApplicantId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_pledge_cases_organizations_EvaluatorId",
                        column: x => x.EvaluatorId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_pledge_cases_organizations_LenderId",
                        column: x => x.LenderId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_pledge_cases_organizations_ThirdPartyPledgorId",
                        column: x => x.ThirdPartyPledgorId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rd_contracts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DemandId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DeveloperOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ProjectName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentScopeAndRequirements = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    PlanPlaceAndManner = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Confidentiality = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    AcceptanceStandardAndMethod = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    PaymentForm = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FixedAmountFen = table.Column<long>(type: "bigint", nullable: false),
                    RoyaltyBase = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    RoyaltyBasisPoints = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rd_contracts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rd_deliverable_files",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContractId = table.Column<Guid>(type: "uuid", nullable: false),
                    Milestone = table.Column<int>(type: "integer", nullable: false),
                    StoredName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    UploadedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rd_deliverable_files", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rd_demands",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PublicSummary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Problem = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    GoalsAndIndicators = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    BudgetMinFen = table.Column<long>(type: "bigint", nullable: false),
                    BudgetMaxFen = table.Column<long>(type: "bigint", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    Industry = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SelectedProposalId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rd_demands", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rd_demands_organizations_OwnerOrganizationId",
                        column: x => x.OwnerOrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rd_milestone_escrow",
                columns: table => new
                {
                    ContractId = table.Column<Guid>(type: "uuid", nullable: false),
                    Milestone = table.Column<int>(type: "integer", nullable: false),
                    FundedFen = table.Column<long>(type: "bigint", nullable: false),
                    ReleasedFen = table.Column<long>(type: "bigint", nullable: false),
                    RefundedFen = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rd_milestone_escrow", x => new { x.ContractId, x.Milestone });
                });

            migrationBuilder.CreateTable(
                name: "rd_reminders_sent",
                columns: table => new
                {
                    ContractId = table.Column<Guid>(type: "uuid", nullable: false),
                    Milestone = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rd_reminders_sent", x => new { x.ContractId, x.Milestone, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "saved_searches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    QueryString = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    UnsubscribeTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastNotifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UnsubscribedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_saved_searches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "settlements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    BuyerOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SellerOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PriceFen = table.Column<long>(type: "bigint", nullable: false),
                    BuyerRateBasisPoints = table.Column<int>(type: "integer", nullable: false),
                    SellerRateBasisPoints = table.Column<int>(type: "integer", nullable: false),
                    BuyerCommissionFen = table.Column<long>(type: "bigint", nullable: false),
                    SellerCommissionFen = table.Column<long>(type: "bigint", nullable: false),
                    AppliedDepositFen = table.Column<long>(type: "bigint", nullable: false),
                    AppliedDepositId = table.Column<Guid>(type: "uuid", nullable: true),
                    BuyerOwesFen = table.Column<long>(type: "bigint", nullable: false),
                    SellerReceivesFen = table.Column<long>(type: "bigint", nullable: false),
                    BuyerPaidFen = table.Column<long>(type: "bigint", nullable: false),
                    SellerPaidFen = table.Column<long>(type: "bigint", nullable: false),
                    PaymentReference = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ConcludedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    BuyerDueBy = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SellerPayoutDueBy = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_settlements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "stripe_object_stages",
                columns: table => new
                {
                    ObjectId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Stage = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stripe_object_stages", x => x.ObjectId);
                });

            migrationBuilder.CreateTable(
                name: "stripe_webhook_events",
                columns: table => new
                {
                    EventId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ObjectId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    Stage = table.Column<int>(type: "integer", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stripe_webhook_events", x => x.EventId);
                });

            migrationBuilder.CreateTable(
                name: "auctions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ListingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SellerOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizerOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: true),
                    LotNumber = table.Column<int>(type: "integer", nullable: true),
                    ReauctionOfId = table.Column<Guid>(type: "uuid", nullable: true),
                    StartPriceFen = table.Column<long>(type: "bigint", nullable: false),
                    ReservePriceFen = table.Column<long>(type: "bigint", nullable: true),
                    IncrementFixedFen = table.Column<long>(type: "bigint", nullable: true),
                    IncrementTable = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DepositFen = table.Column<long>(type: "bigint", nullable: false),
                    ProxyBidding = table.Column<bool>(type: "boolean", nullable: false),
                    SoftCloseSeconds = table.Column<int>(type: "integer", nullable: false),
                    ExtensionSeconds = table.Column<int>(type: "integer", nullable: false),
                    OpensAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ScheduledEndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PriceFen = table.Column<long>(type: "bigint", nullable: true),
                    LeaderCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    LeaderMaxFen = table.Column<long>(type: "bigint", nullable: true),
                    AcceptedBids = table.Column<int>(type: "integer", nullable: false),
                    RejectedBids = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Sold = table.Column<bool>(type: "boolean", nullable: true),
                    WinnerCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    WinnerOrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ConfirmationNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                name: "enquiry_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EnquiryId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enquiry_messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enquiry_messages_enquiries_EnquiryId",
                        column: x => x.EnquiryId,
                        principalTable: "enquiries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "postings",
                columns: table => new
                {
                    JournalEntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Line = table.Column<int>(type: "integer", nullable: false),
                    AccountKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Party = table.Column<Guid>(type: "uuid", nullable: true),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_postings", x => new { x.JournalEntryId, x.Line });
                    table.ForeignKey(
                        name: "FK_postings_journal_entries_JournalEntryId",
                        column: x => x.JournalEntryId,
                        principalTable: "journal_entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "patent_right_patentees",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PatentNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patent_right_patentees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_patent_right_patentees_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_patent_right_patentees_patent_rights_PatentNumber",
                        column: x => x.PatentNumber,
                        principalTable: "patent_rights",
                        principalColumn: "Number",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "lender_consents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PatentNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PledgeCaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    LenderId = table.Column<Guid>(type: "uuid", nullable: false),
                    Scope = table.Column<int>(type: "integer", nullable: false),
                    GivenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    Proceeds = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lender_consents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_lender_consents_patent_rights_PatentNumber",
                        column: x => x.PatentNumber,
                        principalTable: "patent_rights",
                        principalColumn: "Number",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_lender_consents_pledge_cases_PledgeCaseId",
                        column: x => x.PledgeCaseId,
                        principalTable: "pledge_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "patent_pledges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PatentNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PledgeCaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    LenderId = table.Column<Guid>(type: "uuid", nullable: false),
                    LenderName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NoticeNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReleasedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patent_pledges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_patent_pledges_patent_rights_PatentNumber",
                        column: x => x.PatentNumber,
                        principalTable: "patent_rights",
                        principalColumn: "Number",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_patent_pledges_pledge_cases_PledgeCaseId",
                        column: x => x.PledgeCaseId,
                        principalTable: "pledge_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pledge_case_patents",
                columns: table => new
                {
                    PledgeCaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    PatentNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pledge_case_patents", x => new { x.PledgeCaseId, x.PatentNumber });
                    table.ForeignKey(
                        name: "FK_pledge_case_patents_patent_rights_PatentNumber",
                        column: x => x.PatentNumber,
                        principalTable: "patent_rights",
                        principalColumn: "Number",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_pledge_case_patents_pledge_cases_PledgeCaseId",
                        column: x => x.PledgeCaseId,
                        principalTable: "pledge_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pledge_realisation_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PledgeCaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConsignorId = table.Column<Guid>(type: "uuid", nullable: false),
                    PatentNumbers = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    OutstandingPrincipalFen = table.Column<long>(type: "bigint", nullable: false),
                    Method = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AuctionId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pledge_realisation_requests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pledge_realisation_requests_pledge_cases_PledgeCaseId",
                        column: x => x.PledgeCaseId,
                        principalTable: "pledge_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rd_contract_actions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContractId = table.Column<Guid>(type: "uuid", nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ActorOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActorUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActorIsCenter = table.Column<bool>(type: "boolean", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Milestone = table.Column<int>(type: "integer", nullable: true),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AmountFen = table.Column<long>(type: "bigint", nullable: true),
                    DecisionKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Files = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FilingRight = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ClientMayUseFree = table.Column<bool>(type: "boolean", nullable: true),
                    ClientHasFirstRefusal = table.Column<bool>(type: "boolean", nullable: true),
                    AnyPartnerMayVetoFiling = table.Column<bool>(type: "boolean", nullable: true),
                    KnowHow = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    KnowHowAgreement = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RiskAgreed = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rd_contract_actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rd_contract_actions_rd_contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "rd_contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rd_contract_milestones",
                columns: table => new
                {
                    ContractId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Deliverable = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rd_contract_milestones", x => new { x.ContractId, x.Number });
                    table.ForeignKey(
                        name: "FK_rd_contract_milestones_rd_contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "rd_contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rd_nda_acceptances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DemandId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    TypedName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rd_nda_acceptances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rd_nda_acceptances_rd_demands_DemandId",
                        column: x => x.DemandId,
                        principalTable: "rd_demands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rd_proposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DemandId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Approach = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Team = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    PriceFen = table.Column<long>(type: "bigint", nullable: false),
                    PaymentForm = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RoyaltyBase = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    RoyaltyBasisPoints = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DeclineReason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    DeclineText = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rd_proposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rd_proposals_organizations_AuthorOrganizationId",
                        column: x => x.AuthorOrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_rd_proposals_rd_demands_DemandId",
                        column: x => x.DemandId,
                        principalTable: "rd_demands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "auction_registrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AuctionId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AppliedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    AppliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    BidderCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    PriorityRank = table.Column<int>(type: "integer", nullable: true),
                    QualifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    QualifiedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    DepositReceived = table.Column<bool>(type: "boolean", nullable: false),
                    DepositMarkedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DepositMarkedByUserId = table.Column<Guid>(type: "uuid", nullable: true)
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
                name: "rd_proposal_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rd_proposal_messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rd_proposal_messages_rd_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "rd_proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rd_proposal_milestones",
                columns: table => new
                {
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Deliverable = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rd_proposal_milestones", x => new { x.ProposalId, x.Number });
                    table.ForeignKey(
                        name: "FK_rd_proposal_milestones_rd_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "rd_proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "auction_bid_idempotency",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegistrationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StatusCode = table.Column<int>(type: "integer", nullable: false),
                    Response = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AuctionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    RegistrationId = table.Column<Guid>(type: "uuid", nullable: false),
                    BidderCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Accepted = table.Column<bool>(type: "boolean", nullable: false),
                    Reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    MinimumFen = table.Column<long>(type: "bigint", nullable: true),
                    PriceAfterFen = table.Column<long>(type: "bigint", nullable: true),
                    LeaderAfter = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    EndsAtAfter = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SequenceAfter = table.Column<long>(type: "bigint", nullable: false),
                    PlacedByUserId = table.Column<Guid>(type: "uuid", nullable: true)
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
                name: "IX_listings_OrganizationId_Status",
                table: "listings",
                columns: new[] { "OrganizationId", "Status" });

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
                name: "IX_bank_receipts_FormKey",
                table: "bank_receipts",
                column: "FormKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bank_receipts_Reference",
                table: "bank_receipts",
                column: "Reference");

            migrationBuilder.CreateIndex(
                name: "IX_bank_receipts_Status",
                table: "bank_receipts",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_deposits_OrganizationId_SubjectKind_SubjectId",
                table: "deposits",
                columns: new[] { "OrganizationId", "SubjectKind", "SubjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_deposits_PaymentReference",
                table: "deposits",
                column: "PaymentReference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_deposits_State",
                table: "deposits",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_deposits_StripePaymentIntentId",
                table: "deposits",
                column: "StripePaymentIntentId");

            migrationBuilder.CreateIndex(
                name: "IX_deposits_SubjectKind_SubjectId",
                table: "deposits",
                columns: new[] { "SubjectKind", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_enquiries_BuyerOrganizationId",
                table: "enquiries",
                column: "BuyerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_enquiries_ListingId_BuyerOrganizationId",
                table: "enquiries",
                columns: new[] { "ListingId", "BuyerOrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enquiries_SellerOrganizationId",
                table: "enquiries",
                column: "SellerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_enquiry_messages_EnquiryId",
                table: "enquiry_messages",
                column: "EnquiryId");

            migrationBuilder.CreateIndex(
                name: "IX_journal_entries_CauseKind_CauseId",
                table: "journal_entries",
                columns: new[] { "CauseKind", "CauseId" });

            migrationBuilder.CreateIndex(
                name: "IX_journal_entries_IdempotencyKey",
                table: "journal_entries",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_journal_entries_PostedAt",
                table: "journal_entries",
                column: "PostedAt");

            migrationBuilder.CreateIndex(
                name: "IX_lender_consents_PatentNumber",
                table: "lender_consents",
                column: "PatentNumber");

            migrationBuilder.CreateIndex(
                name: "IX_lender_consents_PledgeCaseId",
                table: "lender_consents",
                column: "PledgeCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_listing_co_owners_ListingId",
                table: "listing_co_owners",
                column: "ListingId");

            migrationBuilder.CreateIndex(
                name: "IX_notifications_OrganizationId_CreatedAt",
                table: "notifications",
                columns: new[] { "OrganizationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_ProcessedAt_Id",
                table: "outbox",
                columns: new[] { "ProcessedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_ProcessedAt_CreatedAt",
                table: "outbox_messages",
                columns: new[] { "ProcessedAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_patent_pledges_PatentNumber",
                table: "patent_pledges",
                column: "PatentNumber");

            migrationBuilder.CreateIndex(
                name: "IX_patent_pledges_PledgeCaseId",
                table: "patent_pledges",
                column: "PledgeCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_patent_right_patentees_OrganizationId_PatentNumber",
                table: "patent_right_patentees",
                columns: new[] { "OrganizationId", "PatentNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_patent_right_patentees_PatentNumber",
                table: "patent_right_patentees",
                column: "PatentNumber");

            migrationBuilder.CreateIndex(
                name: "IX_payment_outbox_ProcessedAt_CreatedAt",
                table: "payment_outbox",
                columns: new[] { "ProcessedAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_payment_records_At",
                table: "payment_records",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_payment_records_JournalKey",
                table: "payment_records",
                column: "JournalKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payment_records_OrganizationId_At",
                table: "payment_records",
                columns: new[] { "OrganizationId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_pledge_case_patents_PatentNumber",
                table: "pledge_case_patents",
                column: "PatentNumber");

            migrationBuilder.CreateIndex(
                name: "IX_pledge_cases_ApplicantId",
                table: "pledge_cases",
                column: "ApplicantId");

            migrationBuilder.CreateIndex(
                name: "IX_pledge_cases_EvaluatorId",
                table: "pledge_cases",
                column: "EvaluatorId");

            migrationBuilder.CreateIndex(
                name: "IX_pledge_cases_LenderId",
                table: "pledge_cases",
                column: "LenderId");

            migrationBuilder.CreateIndex(
                name: "IX_pledge_cases_State",
                table: "pledge_cases",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_pledge_cases_ThirdPartyPledgorId",
                table: "pledge_cases",
                column: "ThirdPartyPledgorId");

            migrationBuilder.CreateIndex(
                name: "IX_pledge_realisation_requests_PledgeCaseId",
                table: "pledge_realisation_requests",
                column: "PledgeCaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_postings_AccountKind_Party",
                table: "postings",
                columns: new[] { "AccountKind", "Party" });

            migrationBuilder.CreateIndex(
                name: "IX_postings_Party",
                table: "postings",
                column: "Party");

            migrationBuilder.CreateIndex(
                name: "IX_rd_contract_actions_ContractId_Seq",
                table: "rd_contract_actions",
                columns: new[] { "ContractId", "Seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rd_contracts_ClientOrganizationId",
                table: "rd_contracts",
                column: "ClientOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_rd_contracts_DeveloperOrganizationId",
                table: "rd_contracts",
                column: "DeveloperOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_rd_contracts_ProposalId",
                table: "rd_contracts",
                column: "ProposalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rd_deliverable_files_ContractId_Milestone",
                table: "rd_deliverable_files",
                columns: new[] { "ContractId", "Milestone" });

            migrationBuilder.CreateIndex(
                name: "IX_rd_demands_OwnerOrganizationId",
                table: "rd_demands",
                column: "OwnerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_rd_demands_Status_CreatedAt",
                table: "rd_demands",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_rd_nda_acceptances_DemandId_UserId",
                table: "rd_nda_acceptances",
                columns: new[] { "DemandId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rd_proposal_messages_ProposalId_At",
                table: "rd_proposal_messages",
                columns: new[] { "ProposalId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_rd_proposals_AuthorOrganizationId",
                table: "rd_proposals",
                column: "AuthorOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_rd_proposals_DemandId_AuthorOrganizationId",
                table: "rd_proposals",
                columns: new[] { "DemandId", "AuthorOrganizationId" });

            migrationBuilder.CreateIndex(
                name: "IX_saved_searches_UnsubscribeTokenHash",
                table: "saved_searches",
                column: "UnsubscribeTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_saved_searches_UserId",
                table: "saved_searches",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_settlements_BuyerOrganizationId",
                table: "settlements",
                column: "BuyerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_settlements_PaymentReference",
                table: "settlements",
                column: "PaymentReference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_settlements_SellerOrganizationId",
                table: "settlements",
                column: "SellerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_settlements_SubjectKind_SubjectId",
                table: "settlements",
                columns: new[] { "SubjectKind", "SubjectId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "auction_bid_idempotency");

            migrationBuilder.DropTable(
                name: "auction_bids");

            migrationBuilder.DropTable(
                name: "bank_receipts");

            migrationBuilder.DropTable(
                name: "deposits");

            migrationBuilder.DropTable(
                name: "enquiry_messages");

            migrationBuilder.DropTable(
                name: "lender_consents");

            migrationBuilder.DropTable(
                name: "listing_co_owners");

            migrationBuilder.DropTable(
                name: "listing_follows");

            migrationBuilder.DropTable(
                name: "listing_views");

            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropTable(
                name: "outbox");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "patent_pledges");

            migrationBuilder.DropTable(
                name: "patent_right_patentees");

            migrationBuilder.DropTable(
                name: "payment_outbox");

            migrationBuilder.DropTable(
                name: "payment_records");

            migrationBuilder.DropTable(
                name: "pledge_case_patents");

            migrationBuilder.DropTable(
                name: "pledge_realisation_requests");

            migrationBuilder.DropTable(
                name: "postings");

            migrationBuilder.DropTable(
                name: "rd_contract_actions");

            migrationBuilder.DropTable(
                name: "rd_contract_milestones");

            migrationBuilder.DropTable(
                name: "rd_deliverable_files");

            migrationBuilder.DropTable(
                name: "rd_milestone_escrow");

            migrationBuilder.DropTable(
                name: "rd_nda_acceptances");

            migrationBuilder.DropTable(
                name: "rd_proposal_messages");

            migrationBuilder.DropTable(
                name: "rd_proposal_milestones");

            migrationBuilder.DropTable(
                name: "rd_reminders_sent");

            migrationBuilder.DropTable(
                name: "saved_searches");

            migrationBuilder.DropTable(
                name: "settlements");

            migrationBuilder.DropTable(
                name: "stripe_object_stages");

            migrationBuilder.DropTable(
                name: "stripe_webhook_events");

            migrationBuilder.DropTable(
                name: "auction_registrations");

            migrationBuilder.DropTable(
                name: "enquiries");

            migrationBuilder.DropTable(
                name: "patent_rights");

            migrationBuilder.DropTable(
                name: "pledge_cases");

            migrationBuilder.DropTable(
                name: "journal_entries");

            migrationBuilder.DropTable(
                name: "rd_contracts");

            migrationBuilder.DropTable(
                name: "rd_proposals");

            migrationBuilder.DropTable(
                name: "auctions");

            migrationBuilder.DropTable(
                name: "rd_demands");

            migrationBuilder.DropTable(
                name: "auction_sessions");

            migrationBuilder.DropIndex(
                name: "IX_listings_OrganizationId_Status",
                table: "listings");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "listings");

            migrationBuilder.DropColumn(
                name: "Encumbrances",
                table: "listings");

            migrationBuilder.DropColumn(
                name: "IsPledged",
                table: "listings");

            migrationBuilder.DropColumn(
                name: "LastDayInForce",
                table: "listings");

            migrationBuilder.DropColumn(
                name: "LegalStatus",
                table: "listings");

            migrationBuilder.DropColumn(
                name: "PledgeeConsented",
                table: "listings");

            migrationBuilder.DropColumn(
                name: "RejectionReason",
                table: "listings");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "listings");

            migrationBuilder.DropColumn(
                name: "SubmittedAt",
                table: "listings");

            migrationBuilder.CreateIndex(
                name: "IX_listings_OrganizationId",
                table: "listings",
                column: "OrganizationId");
        }
    }
}
