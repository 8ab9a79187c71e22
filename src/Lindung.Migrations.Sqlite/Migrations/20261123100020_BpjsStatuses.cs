using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BpjsStatuses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BpjsImports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    FileHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    MatchedExact = table.Column<int>(type: "INTEGER", nullable: false),
                    MatchedFuzzy = table.Column<int>(type: "INTEGER", nullable: false),
                    NeedsReview = table.Column<int>(type: "INTEGER", nullable: false),
                    Unmatched = table.Column<int>(type: "INTEGER", nullable: false),
                    Active = table.Column<int>(type: "INTEGER", nullable: false),
                    Inactive = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusAssumed = table.Column<bool>(type: "INTEGER", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BpjsImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BpjsNikAliases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    NikHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BpjsNikAliases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BpjsStatuses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    ImportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    RowNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kpj = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    NikHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: true),
                    NikMasked = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Sex = table.Column<char>(type: "TEXT", nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    StatusText = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ParticipationDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastPaidPeriod = table.Column<string>(type: "TEXT", maxLength: 7, nullable: true),
                    Match = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    NameScore = table.Column<double>(type: "REAL", nullable: true),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Review = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Candidates = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BpjsStatuses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BpjsStatuses_BpjsImports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "BpjsImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BpjsImports_TenantCode_Period",
                table: "BpjsImports",
                columns: new[] { "TenantCode", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_BpjsNikAliases_TenantCode_NikHash",
                table: "BpjsNikAliases",
                columns: new[] { "TenantCode", "NikHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BpjsStatuses_ImportId",
                table: "BpjsStatuses",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_BpjsStatuses_TenantCode_Period_PersonId",
                table: "BpjsStatuses",
                columns: new[] { "TenantCode", "Period", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_BpjsStatuses_TenantCode_Review",
                table: "BpjsStatuses",
                columns: new[] { "TenantCode", "Review" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BpjsNikAliases");

            migrationBuilder.DropTable(
                name: "BpjsStatuses");

            migrationBuilder.DropTable(
                name: "BpjsImports");
        }
    }
}
