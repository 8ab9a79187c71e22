using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EngagementPersonIndexWithVerification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Engagements_PersonId_TenantCode",
                table: "Engagements");

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_PersonId_TenantCode_Verification",
                table: "Engagements",
                columns: new[] { "PersonId", "TenantCode", "Verification" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Engagements_PersonId_TenantCode_Verification",
                table: "Engagements");

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_PersonId_TenantCode",
                table: "Engagements",
                columns: new[] { "PersonId", "TenantCode" });
        }
    }
}
