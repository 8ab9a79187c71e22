using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Migrations.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    Period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    FileHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    MatchedExact = table.Column<int>(type: "integer", nullable: false),
                    MatchedFuzzy = table.Column<int>(type: "integer", nullable: false),
                    NeedsReview = table.Column<int>(type: "integer", nullable: false),
                    Unmatched = table.Column<int>(type: "integer", nullable: false),
                    Active = table.Column<int>(type: "integer", nullable: false),
                    Inactive = table.Column<int>(type: "integer", nullable: false),
                    StatusAssumed = table.Column<bool>(type: "boolean", nullable: false),
                    ImportedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BpjsImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BpjsNikAliases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    NikHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BpjsNikAliases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BpjsStatuses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    ImportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    RowNumber = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kpj = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    NikHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: true),
                    NikMasked = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Sex = table.Column<char>(type: "character(1)", nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    StatusText = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ParticipationDate = table.Column<DateOnly>(type: "date", nullable: true),
                    LastPaidPeriod = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true),
                    Match = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    NameScore = table.Column<double>(type: "double precision", nullable: true),
                    Explanation = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Review = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Candidates = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
