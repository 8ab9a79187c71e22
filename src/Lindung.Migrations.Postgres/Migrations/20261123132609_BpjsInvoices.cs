using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class BpjsInvoices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BpjsInvoices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    Period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Total = table.Column<long>(type: "bigint", nullable: false),
                    Participants = table.Column<int>(type: "integer", nullable: true),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    FileHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BpjsInvoices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BpjsInvoiceLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    InvoiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    RowNumber = table.Column<int>(type: "integer", nullable: false),
                    Kpj = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    NikHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: true),
                    NikMasked = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BpjsInvoiceLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BpjsInvoiceLines_BpjsInvoices_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "BpjsInvoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BpjsInvoiceLines_InvoiceId",
                table: "BpjsInvoiceLines",
                column: "InvoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_BpjsInvoiceLines_TenantCode_InvoiceId",
                table: "BpjsInvoiceLines",
                columns: new[] { "TenantCode", "InvoiceId" });

            migrationBuilder.CreateIndex(
                name: "IX_BpjsInvoices_TenantCode_Period",
                table: "BpjsInvoices",
                columns: new[] { "TenantCode", "Period" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BpjsInvoiceLines");

            migrationBuilder.DropTable(
                name: "BpjsInvoices");
        }
    }
}
