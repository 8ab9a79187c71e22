using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ConstructionProjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConstructionProjects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContractNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PackageName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Contractor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContractValue = table.Column<long>(type: "bigint", nullable: false),
                    IncludesVat = table.Column<bool>(type: "boolean", nullable: false),
                    SpkDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DurationDays = table.Column<int>(type: "integer", nullable: false),
                    DistrictCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    VillageCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    FundingYear = table.Column<int>(type: "integer", nullable: false),
                    FundingSource = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RegistrationNumber = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    AmountPaid = table.Column<long>(type: "bigint", nullable: true),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CertificateFileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CertificateBytes = table.Column<long>(type: "bigint", nullable: true),
                    CertificateUploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Notes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConstructionProjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConstructionProjects_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PublicHolidays",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    JointLeave = table.Column<bool>(type: "boolean", nullable: false),
                    NeedsConfirmation = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicHolidays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProjectTermPayments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    Note = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectTermPayments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectTermPayments_ConstructionProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "ConstructionProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConstructionProjects_AgencyId",
                table: "ConstructionProjects",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_ConstructionProjects_TenantCode_AgencyId_SpkDate",
                table: "ConstructionProjects",
                columns: new[] { "TenantCode", "AgencyId", "SpkDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ConstructionProjects_TenantCode_ContractNumber",
                table: "ConstructionProjects",
                columns: new[] { "TenantCode", "ContractNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProjectTermPayments_ProjectId",
                table: "ProjectTermPayments",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectTermPayments_TenantCode",
                table: "ProjectTermPayments",
                column: "TenantCode");

            migrationBuilder.CreateIndex(
                name: "IX_PublicHolidays_TenantCode_Date",
                table: "PublicHolidays",
                columns: new[] { "TenantCode", "Date" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProjectTermPayments");

            migrationBuilder.DropTable(
                name: "PublicHolidays");

            migrationBuilder.DropTable(
                name: "ConstructionProjects");
        }
    }
}
