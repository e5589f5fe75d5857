using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechMarket.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OutboxBackoff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "NextAttemptAt",
                table: "outbox_messages",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NextAttemptAt",
                table: "outbox_messages");
        }
    }
}
