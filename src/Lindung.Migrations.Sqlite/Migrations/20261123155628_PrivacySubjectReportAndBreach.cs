using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PrivacySubjectReportAndBreach : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BreachIncidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    DiscoveredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SuspectedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    WindowFrom = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WindowTo = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DataKinds = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ConfirmedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NotifiedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NotifiedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HandlingSteps = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SubjectNoticeText = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    AgencyNoticeText = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BreachIncidents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RegistrationExportBatches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExportedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistrationExportBatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RegistrationExportItems",
                columns: table => new
                {
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EngagementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistrationExportItems", x => new { x.BatchId, x.EngagementId });
                    table.ForeignKey(
                        name: "FK_RegistrationExportItems_RegistrationExportBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "RegistrationExportBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BreachIncidents_TenantCode_DiscoveredAt",
                table: "BreachIncidents",
                columns: new[] { "TenantCode", "DiscoveredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RegistrationExportBatches_TenantCode_At",
                table: "RegistrationExportBatches",
                columns: new[] { "TenantCode", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_RegistrationExportItems_TenantCode_PersonId",
                table: "RegistrationExportItems",
                columns: new[] { "TenantCode", "PersonId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BreachIncidents");

            migrationBuilder.DropTable(
                name: "RegistrationExportItems");

            migrationBuilder.DropTable(
                name: "RegistrationExportBatches");
        }
    }
}
