using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CoverageSnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CoverageSnapshots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    Period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Eligible = table.Column<int>(type: "integer", nullable: false),
                    Active = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoverageSnapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CoverageSnapshotGroup",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    SnapshotId = table.Column<Guid>(type: "uuid", nullable: false),
                    Dimension = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Eligible = table.Column<int>(type: "integer", nullable: false),
                    Active = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoverageSnapshotGroup", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoverageSnapshotGroup_CoverageSnapshots_SnapshotId",
                        column: x => x.SnapshotId,
                        principalTable: "CoverageSnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CoverageSnapshotGroup_SnapshotId_Dimension",
                table: "CoverageSnapshotGroup",
                columns: new[] { "SnapshotId", "Dimension" });

            migrationBuilder.CreateIndex(
                name: "IX_CoverageSnapshotGroup_TenantCode",
                table: "CoverageSnapshotGroup",
                column: "TenantCode");

            migrationBuilder.CreateIndex(
                name: "IX_CoverageSnapshots_TenantCode_Period",
                table: "CoverageSnapshots",
                columns: new[] { "TenantCode", "Period" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CoverageSnapshotGroup");

            migrationBuilder.DropTable(
                name: "CoverageSnapshots");
        }
    }
}
