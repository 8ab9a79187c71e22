using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BudgetScenarios : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BudgetAccountCode",
                table: "WorkerCategories",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BudgetScenarios",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    FromYear = table.Column<int>(type: "INTEGER", nullable: false),
                    ToYear = table.Column<int>(type: "INTEGER", nullable: false),
                    PopulationGrowthPercent = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    WageGrowthPercent = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    PriorityAgencyWeight = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: false),
                    CapsJson = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CategoryWeightsJson = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetScenarios", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetScenarios_TenantCode_Name",
                table: "BudgetScenarios",
                columns: new[] { "TenantCode", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BudgetScenarios");

            migrationBuilder.DropColumn(
                name: "BudgetAccountCode",
                table: "WorkerCategories");
        }
    }
}
