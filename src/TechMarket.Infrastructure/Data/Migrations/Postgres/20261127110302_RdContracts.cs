using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TechMarket.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RdContracts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
                name: "rd_contracts");

            migrationBuilder.DropTable(
                name: "rd_proposals");

            migrationBuilder.DropTable(
                name: "rd_demands");
        }
    }
}
