using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechMarket.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Payments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bank_receipts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FormKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    BankReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PayerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SlipFile = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SlipContentType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DepositId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SettlementId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bank_receipts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "deposits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectTitle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    RequiredFen = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    PaymentReference = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    PayBy = table.Column<long>(type: "INTEGER", nullable: false),
                    SubjectClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReleaseDueBy = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StripePaymentIntentId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    StripeHoldMethod = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true)
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
                name: "journal_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    CauseKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CauseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    PostedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PostedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_journal_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "payment_outbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaimedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payment_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "payment_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ExternalReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PaymentReference = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    DepositId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SettlementId = table.Column<Guid>(type: "TEXT", nullable: true),
                    BankReceiptId = table.Column<Guid>(type: "TEXT", nullable: true),
                    JournalKey = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payment_records", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "settlements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BuyerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SellerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PriceFen = table.Column<long>(type: "INTEGER", nullable: false),
                    BuyerRateBasisPoints = table.Column<int>(type: "INTEGER", nullable: false),
                    SellerRateBasisPoints = table.Column<int>(type: "INTEGER", nullable: false),
                    BuyerCommissionFen = table.Column<long>(type: "INTEGER", nullable: false),
                    SellerCommissionFen = table.Column<long>(type: "INTEGER", nullable: false),
                    AppliedDepositFen = table.Column<long>(type: "INTEGER", nullable: false),
                    AppliedDepositId = table.Column<Guid>(type: "TEXT", nullable: true),
                    BuyerOwesFen = table.Column<long>(type: "INTEGER", nullable: false),
                    SellerReceivesFen = table.Column<long>(type: "INTEGER", nullable: false),
                    BuyerPaidFen = table.Column<long>(type: "INTEGER", nullable: false),
                    SellerPaidFen = table.Column<long>(type: "INTEGER", nullable: false),
                    PaymentReference = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ConcludedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    BuyerDueBy = table.Column<long>(type: "INTEGER", nullable: false),
                    SellerPayoutDueBy = table.Column<long>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_settlements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "stripe_object_stages",
                columns: table => new
                {
                    ObjectId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stripe_object_stages", x => x.ObjectId);
                });

            migrationBuilder.CreateTable(
                name: "stripe_webhook_events",
                columns: table => new
                {
                    EventId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ObjectId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stripe_webhook_events", x => x.EventId);
                });

            migrationBuilder.CreateTable(
                name: "postings",
                columns: table => new
                {
                    JournalEntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Line = table.Column<int>(type: "INTEGER", nullable: false),
                    AccountKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Party = table.Column<Guid>(type: "TEXT", nullable: true),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "IX_postings_AccountKind_Party",
                table: "postings",
                columns: new[] { "AccountKind", "Party" });

            migrationBuilder.CreateIndex(
                name: "IX_postings_Party",
                table: "postings",
                column: "Party");

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
                name: "bank_receipts");

            migrationBuilder.DropTable(
                name: "deposits");

            migrationBuilder.DropTable(
                name: "payment_outbox");

            migrationBuilder.DropTable(
                name: "payment_records");

            migrationBuilder.DropTable(
                name: "postings");

            migrationBuilder.DropTable(
                name: "settlements");

            migrationBuilder.DropTable(
                name: "stripe_object_stages");

            migrationBuilder.DropTable(
                name: "stripe_webhook_events");

            migrationBuilder.DropTable(
                name: "journal_entries");
        }
    }
}
