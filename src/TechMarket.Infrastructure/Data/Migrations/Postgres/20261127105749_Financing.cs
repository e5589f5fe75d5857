using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TechMarket.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Financing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "IX_lender_consents_PatentNumber",
                table: "lender_consents",
                column: "PatentNumber");

            migrationBuilder.CreateIndex(
                name: "IX_lender_consents_PledgeCaseId",
                table: "lender_consents",
                column: "PledgeCaseId");

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "lender_consents");

            migrationBuilder.DropTable(
                name: "patent_pledges");

            migrationBuilder.DropTable(
                name: "patent_right_patentees");

            migrationBuilder.DropTable(
                name: "pledge_case_patents");

            migrationBuilder.DropTable(
                name: "pledge_realisation_requests");

            migrationBuilder.DropTable(
                name: "patent_rights");

            migrationBuilder.DropTable(
                name: "pledge_cases");
        }
    }
}
