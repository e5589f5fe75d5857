using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechMarket.Infrastructure.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ListingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    OriginId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SellerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BuyerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TradeMode = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    PriceFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_deals_BuyerOrganizationId",
                table: "deals",
                column: "BuyerOrganizationId");

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deals");
        }
    }
}
