using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EngagementCreatedAtIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Engagements_TenantCode",
                table: "Engagements");

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_TenantCode_CreatedAt",
                table: "Engagements",
                columns: new[] { "TenantCode", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Engagements_TenantCode_CreatedAt",
                table: "Engagements");

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_TenantCode",
                table: "Engagements",
                column: "TenantCode");
        }
    }
}
