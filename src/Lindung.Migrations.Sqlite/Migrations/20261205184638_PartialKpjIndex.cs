using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PartialKpjIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_TenantCode_Kpj",
                table: "People");

            migrationBuilder.CreateIndex(
                name: "IX_People_TenantCode_Kpj",
                table: "People",
                columns: new[] { "TenantCode", "Kpj" },
                filter: "\"Kpj\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_TenantCode_Kpj",
                table: "People");

            migrationBuilder.CreateIndex(
                name: "IX_People_TenantCode_Kpj",
                table: "People",
                columns: new[] { "TenantCode", "Kpj" });
        }
    }
}
