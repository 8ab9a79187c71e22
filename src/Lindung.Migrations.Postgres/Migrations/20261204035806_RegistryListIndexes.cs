using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RegistryListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Engagements_PersonId",
                table: "Engagements");

            migrationBuilder.CreateIndex(
                name: "IX_People_TenantCode_DistrictCode_NameKey_Id",
                table: "People",
                columns: new[] { "TenantCode", "DistrictCode", "NameKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_PersonId_TenantCode",
                table: "Engagements",
                columns: new[] { "PersonId", "TenantCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_TenantCode_Verification_Registration",
                table: "Engagements",
                columns: new[] { "TenantCode", "Verification", "Registration" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_TenantCode_DistrictCode_NameKey_Id",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_Engagements_PersonId_TenantCode",
                table: "Engagements");

            migrationBuilder.DropIndex(
                name: "IX_Engagements_TenantCode_Verification_Registration",
                table: "Engagements");

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_PersonId",
                table: "Engagements",
                column: "PersonId");
        }
    }
}
