using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lindung.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class GuidsAsBlobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<byte[]>(
                name: "Id",
                table: "WorkerCategories",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Id",
                table: "TenantSettings",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "AgencyId",
                table: "Submissions",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Id",
                table: "Submissions",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "ClaimId",
                table: "Scholarships",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Id",
                table: "Scholarships",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Id",
                table: "RetentionRuns",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "SubmissionId",
                table: "RegistryConflicts",
                type: "BLOB",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "PersonId",
                table: "RegistryConflicts",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "NewEngagementId",
                table: "RegistryConflicts",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "ExistingEngagementId",
                table: "RegistryConflicts",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Id",
                table: "RegistryConflicts",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "PersonId",
                table: "RegistrationExportItems",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "EngagementId",
                table: "RegistrationExportItems",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "BatchId",
                table: "RegistrationExportItems",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Id",
                table: "RegistrationExportBatches",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Id",
                table: "RateVersions",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Id",
                table: "PublicHolidays",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "ProjectId",
                table: "ProjectTermPayments",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Id",
                table: "ProjectTermPayments",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "PersonId",
                table: "PersonalDataRequests",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CorrectionAuditEventId",
                table: "PersonalDataRequests",
                type: "BLOB",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "Id",
                table: "PersonalDataRequests",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Id",
                table: "People",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "PersonId",
                table: "Incidents",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "EngagementId",
                table: "Incidents",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "AgencyId",
                table: "Incidents",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Id",
                table: "Incidents",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "ClaimId",
                table: "Heirs",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Id",
                table: "Heirs",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "PersonId",
                table: "HandoverRecipients",
                type: "BLOB",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "HandoverId",
                table: "HandoverRecipients",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Id",
                table: "HandoverRecipients",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "SubmissionId",
                table: "Engagements",
                type: "BLOB",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "PersonId",
                table: "Engagements",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CategoryId",
                table: "Engagements",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "AgencyId",
                table: "Engagements",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Id",
                table: "Engagements",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "CategoryId",
                table: "CoverageTargets",
                type: "BLOB",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "Id",
                table: "CoverageTargets",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Id",
                table: "CoverageSnapshots",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "SnapshotId",
                table: "CoverageSnapshotGroup",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Id",
                table: "CoverageSnapshotGroup",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "AgencyId",
                table: "ConstructionProjects",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Id",
                table: "ConstructionProjects",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "IncidentId",
                table: "Claims",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Id",
                table: "Claims",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "ClaimId",
                table: "ClaimDocuments",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Id",
                table: "ClaimDocuments",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Id",
                table: "BudgetScenarios",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Id",
                table: "BreachIncidents",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "PersonId",
                table: "BpjsStatuses",
                type: "BLOB",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "ImportId",
                table: "BpjsStatuses",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Id",
                table: "BpjsStatuses",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "PersonId",
                table: "BpjsNikAliases",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Id",
                table: "BpjsNikAliases",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Id",
                table: "BpjsInvoices",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "PersonId",
                table: "BpjsInvoiceLines",
                type: "BLOB",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "InvoiceId",
                table: "BpjsInvoiceLines",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Id",
                table: "BpjsInvoiceLines",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Id",
                table: "BpjsImports",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "UserId",
                table: "AuditEvents",
                type: "BLOB",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "Id",
                table: "AuditEvents",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "UserId",
                table: "AspNetUserTokens",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "AgencyId",
                table: "AspNetUsers",
                type: "BLOB",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "Id",
                table: "AspNetUsers",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "RoleId",
                table: "AspNetUserRoles",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "UserId",
                table: "AspNetUserRoles",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "UserId",
                table: "AspNetUserLogins",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "UserId",
                table: "AspNetUserClaims",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Id",
                table: "AspNetRoles",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "RoleId",
                table: "AspNetRoleClaims",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "AgencyId",
                table: "ApiClients",
                type: "BLOB",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "Id",
                table: "ApiClients",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "PreviousVersionId",
                table: "Agreements",
                type: "BLOB",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "Id",
                table: "Agreements",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "AgreementId",
                table: "AgreementHandovers",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Id",
                table: "AgreementHandovers",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Id",
                table: "Agencies",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            // The ids already stored become their 16 big-endian bytes (GuidBlob): the text without dashes, unhexed (values
            // already stored as blobs are left alone). A text that is not a GUID becomes NULL and fails its NOT NULL column:
            // the migration stops rather than guess.
            // Parents and children change in the same transaction: the foreign keys are checked at its commit.
            migrationBuilder.Sql("PRAGMA defer_foreign_keys = ON;");
            migrationBuilder.Sql("""
                UPDATE "Agencies" SET "Id" = CASE WHEN typeof("Id") = 'text' THEN unhex(replace("Id", '-', '')) ELSE "Id" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "AgreementHandovers" SET "AgreementId" = CASE WHEN typeof("AgreementId") = 'text' THEN unhex(replace("AgreementId", '-', '')) ELSE "AgreementId" END, "Id" = CASE WHEN typeof("Id") = 'text' THEN unhex(replace("Id", '-', '')) ELSE "Id" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "Agreements" SET "Id" = CASE WHEN typeof("Id") = 'text' THEN unhex(replace("Id", '-', '')) ELSE "Id" END, "PreviousVersionId" = CASE WHEN typeof("PreviousVersionId") = 'text' THEN unhex(replace("PreviousVersionId", '-', '')) ELSE "PreviousVersionId" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "ApiClients" SET "AgencyId" = CASE WHEN typeof("AgencyId") = 'text' THEN unhex(replace("AgencyId", '-', '')) ELSE "AgencyId" END, "Id" = CASE WHEN typeof("Id") = 'text' THEN unhex(replace("Id", '-', '')) ELSE "Id" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "AspNetRoleClaims" SET "RoleId" = CASE WHEN typeof("RoleId") = 'text' THEN unhex(replace("RoleId", '-', '')) ELSE "RoleId" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "AspNetRoles" SET "Id" = CASE WHEN typeof("Id") = 'text' THEN unhex(replace("Id", '-', '')) ELSE "Id" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "AspNetUserClaims" SET "UserId" = CASE WHEN typeof("UserId") = 'text' THEN unhex(replace("UserId", '-', '')) ELSE "UserId" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "AspNetUserLogins" SET "UserId" = CASE WHEN typeof("UserId") = 'text' THEN unhex(replace("UserId", '-', '')) ELSE "UserId" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "AspNetUserRoles" SET "RoleId" = CASE WHEN typeof("RoleId") = 'text' THEN unhex(replace("RoleId", '-', '')) ELSE "RoleId" END, "UserId" = CASE WHEN typeof("UserId") = 'text' THEN unhex(replace("UserId", '-', '')) ELSE "UserId" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "AspNetUserTokens" SET "UserId" = CASE WHEN typeof("UserId") = 'text' THEN unhex(replace("UserId", '-', '')) ELSE "UserId" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "AspNetUsers" SET "AgencyId" = CASE WHEN typeof("AgencyId") = 'text' THEN unhex(replace("AgencyId", '-', '')) ELSE "AgencyId" END, "Id" = CASE WHEN typeof("Id") = 'text' THEN unhex(replace("Id", '-', '')) ELSE "Id" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "AuditEvents" SET "Id" = CASE WHEN typeof("Id") = 'text' THEN unhex(replace("Id", '-', '')) ELSE "Id" END, "UserId" = CASE WHEN typeof("UserId") = 'text' THEN unhex(replace("UserId", '-', '')) ELSE "UserId" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "BpjsImports" SET "Id" = CASE WHEN typeof("Id") = 'text' THEN unhex(replace("Id", '-', '')) ELSE "Id" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "BpjsInvoiceLines" SET "Id" = CASE WHEN typeof("Id") = 'text' THEN unhex(replace("Id", '-', '')) ELSE "Id" END, "InvoiceId" = CASE WHEN typeof("InvoiceId") = 'text' THEN unhex(replace("InvoiceId", '-', '')) ELSE "InvoiceId" END, "PersonId" = CASE WHEN typeof("PersonId") = 'text' THEN unhex(replace("PersonId", '-', '')) ELSE "PersonId" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "BpjsInvoices" SET "Id" = CASE WHEN typeof("Id") = 'text' THEN unhex(replace("Id", '-', '')) ELSE "Id" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "BpjsNikAliases" SET "Id" = CASE WHEN typeof("Id") = 'text' THEN unhex(replace("Id", '-', '')) ELSE "Id" END, "PersonId" = CASE WHEN typeof("PersonId") = 'text' THEN unhex(replace("PersonId", '-', '')) ELSE "PersonId" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "BpjsStatuses" SET "Id" = CASE WHEN typeof("Id") = 'text' THEN unhex(replace("Id", '-', '')) ELSE "Id" END, "ImportId" = CASE WHEN typeof("ImportId") = 'text' THEN unhex(replace("ImportId", '-', '')) ELSE "ImportId" END, "PersonId" = CASE WHEN typeof("PersonId") = 'text' THEN unhex(replace("PersonId", '-', '')) ELSE "PersonId" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "BreachIncidents" SET "Id" = CASE WHEN typeof("Id") = 'text' THEN unhex(replace("Id", '-', '')) ELSE "Id" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "BudgetScenarios" SET "Id" = CASE WHEN typeof("Id") = 'text' THEN unhex(replace("Id", '-', '')) ELSE "Id" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "ClaimDocuments" SET "ClaimId" = CASE WHEN typeof("ClaimId") = 'text' THEN unhex(replace("ClaimId", '-', '')) ELSE "ClaimId" END, "Id" = CASE WHEN typeof("Id") = 'text' THEN unhex(replace("Id", '-', '')) ELSE "Id" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "Claims" SET "Id" = CASE WHEN typeof("Id") = 'text' THEN unhex(replace("Id", '-', '')) ELSE "Id" END, "IncidentId" = CASE WHEN typeof("IncidentId") = 'text' THEN unhex(replace("IncidentId", '-', '')) ELSE "IncidentId" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "ConstructionProjects" SET "AgencyId" = CASE WHEN typeof("AgencyId") = 'text' THEN unhex(replace("AgencyId", '-', '')) ELSE "AgencyId" END, "Id" = CASE WHEN typeof("Id") = 'text' THEN unhex(replace("Id", '-', '')) ELSE "Id" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "CoverageSnapshotGroup" SET "Id" = CASE WHEN typeof("Id") = 'text' THEN unhex(replace("Id", '-', '')) ELSE "Id" END, "SnapshotId" = CASE WHEN typeof("SnapshotId") = 'text' THEN unhex(replace("SnapshotId", '-', '')) ELSE "SnapshotId" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "CoverageSnapshots" SET "Id" = CASE WHEN typeof("Id") = 'text' THEN unhex(replace("Id", '-', '')) ELSE "Id" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "CoverageTargets" SET "CategoryId" = CASE WHEN typeof("CategoryId") = 'text' THEN unhex(replace("CategoryId", '-', '')) ELSE "CategoryId" END, "Id" = CASE WHEN typeof("Id") = 'text' THEN unhex(replace("Id", '-', '')) ELSE "Id" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "Engagements" SET "AgencyId" = CASE WHEN typeof("AgencyId") = 'text' THEN unhex(replace("AgencyId", '-', '')) ELSE "AgencyId" END, "CategoryId" = CASE WHEN typeof("CategoryId") = 'text' THEN unhex(replace("CategoryId", '-', '')) ELSE "CategoryId" END, "Id" = CASE WHEN typeof("Id") = 'text' THEN unhex(replace("Id", '-', '')) ELSE "Id" END, "PersonId" = CASE WHEN typeof("PersonId") = 'text' THEN unhex(replace("PersonId", '-', '')) ELSE "PersonId" END, "SubmissionId" = CASE WHEN typeof("SubmissionId") = 'text' THEN unhex(replace("SubmissionId", '-', '')) ELSE "SubmissionId" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "HandoverRecipients" SET "HandoverId" = CASE WHEN typeof("HandoverId") = 'text' THEN unhex(replace("HandoverId", '-', '')) ELSE "HandoverId" END, "Id" = CASE WHEN typeof("Id") = 'text' THEN unhex(replace("Id", '-', '')) ELSE "Id" END, "PersonId" = CASE WHEN typeof("PersonId") = 'text' THEN unhex(replace("PersonId", '-', '')) ELSE "PersonId" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "Heirs" SET "ClaimId" = CASE WHEN typeof("ClaimId") = 'text' THEN unhex(replace("ClaimId", '-', '')) ELSE "ClaimId" END, "Id" = CASE WHEN typeof("Id") = 'text' THEN unhex(replace("Id", '-', '')) ELSE "Id" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "Incidents" SET "AgencyId" = CASE WHEN typeof("AgencyId") = 'text' THEN unhex(replace("AgencyId", '-', '')) ELSE "AgencyId" END, "EngagementId" = CASE WHEN typeof("EngagementId") = 'text' THEN unhex(replace("EngagementId", '-', '')) ELSE "EngagementId" END, "Id" = CASE WHEN typeof("Id") = 'text' THEN unhex(replace("Id", '-', '')) ELSE "Id" END, "PersonId" = CASE WHEN typeof("PersonId") = 'text' THEN unhex(replace("PersonId", '-', '')) ELSE "PersonId" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "People" SET "Id" = CASE WHEN typeof("Id") = 'text' THEN unhex(replace("Id", '-', '')) ELSE "Id" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "PersonalDataRequests" SET "CorrectionAuditEventId" = CASE WHEN typeof("CorrectionAuditEventId") = 'text' THEN unhex(replace("CorrectionAuditEventId", '-', '')) ELSE "CorrectionAuditEventId" END, "Id" = CASE WHEN typeof("Id") = 'text' THEN unhex(replace("Id", '-', '')) ELSE "Id" END, "PersonId" = CASE WHEN typeof("PersonId") = 'text' THEN unhex(replace("PersonId", '-', '')) ELSE "PersonId" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "ProjectTermPayments" SET "Id" = CASE WHEN typeof("Id") = 'text' THEN unhex(replace("Id", '-', '')) ELSE "Id" END, "ProjectId" = CASE WHEN typeof("ProjectId") = 'text' THEN unhex(replace("ProjectId", '-', '')) ELSE "ProjectId" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "PublicHolidays" SET "Id" = CASE WHEN typeof("Id") = 'text' THEN unhex(replace("Id", '-', '')) ELSE "Id" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "RateVersions" SET "Id" = CASE WHEN typeof("Id") = 'text' THEN unhex(replace("Id", '-', '')) ELSE "Id" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "RegistrationExportBatches" SET "Id" = CASE WHEN typeof("Id") = 'text' THEN unhex(replace("Id", '-', '')) ELSE "Id" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "RegistrationExportItems" SET "BatchId" = CASE WHEN typeof("BatchId") = 'text' THEN unhex(replace("BatchId", '-', '')) ELSE "BatchId" END, "EngagementId" = CASE WHEN typeof("EngagementId") = 'text' THEN unhex(replace("EngagementId", '-', '')) ELSE "EngagementId" END, "PersonId" = CASE WHEN typeof("PersonId") = 'text' THEN unhex(replace("PersonId", '-', '')) ELSE "PersonId" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "RegistryConflicts" SET "ExistingEngagementId" = CASE WHEN typeof("ExistingEngagementId") = 'text' THEN unhex(replace("ExistingEngagementId", '-', '')) ELSE "ExistingEngagementId" END, "Id" = CASE WHEN typeof("Id") = 'text' THEN unhex(replace("Id", '-', '')) ELSE "Id" END, "NewEngagementId" = CASE WHEN typeof("NewEngagementId") = 'text' THEN unhex(replace("NewEngagementId", '-', '')) ELSE "NewEngagementId" END, "PersonId" = CASE WHEN typeof("PersonId") = 'text' THEN unhex(replace("PersonId", '-', '')) ELSE "PersonId" END, "SubmissionId" = CASE WHEN typeof("SubmissionId") = 'text' THEN unhex(replace("SubmissionId", '-', '')) ELSE "SubmissionId" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "RetentionRuns" SET "Id" = CASE WHEN typeof("Id") = 'text' THEN unhex(replace("Id", '-', '')) ELSE "Id" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "Scholarships" SET "ClaimId" = CASE WHEN typeof("ClaimId") = 'text' THEN unhex(replace("ClaimId", '-', '')) ELSE "ClaimId" END, "Id" = CASE WHEN typeof("Id") = 'text' THEN unhex(replace("Id", '-', '')) ELSE "Id" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "Submissions" SET "AgencyId" = CASE WHEN typeof("AgencyId") = 'text' THEN unhex(replace("AgencyId", '-', '')) ELSE "AgencyId" END, "Id" = CASE WHEN typeof("Id") = 'text' THEN unhex(replace("Id", '-', '')) ELSE "Id" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "TenantSettings" SET "Id" = CASE WHEN typeof("Id") = 'text' THEN unhex(replace("Id", '-', '')) ELSE "Id" END;
                """);
            migrationBuilder.Sql("""
                UPDATE "WorkerCategories" SET "Id" = CASE WHEN typeof("Id") = 'text' THEN unhex(replace("Id", '-', '')) ELSE "Id" END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "WorkerCategories",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "TenantSettings",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "AgencyId",
                table: "Submissions",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "Submissions",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "ClaimId",
                table: "Scholarships",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "Scholarships",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "RetentionRuns",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "SubmissionId",
                table: "RegistryConflicts",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "BLOB",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "RegistryConflicts",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "NewEngagementId",
                table: "RegistryConflicts",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "ExistingEngagementId",
                table: "RegistryConflicts",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "RegistryConflicts",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "RegistrationExportItems",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "EngagementId",
                table: "RegistrationExportItems",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "BatchId",
                table: "RegistrationExportItems",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "RegistrationExportBatches",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "RateVersions",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "PublicHolidays",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "ProjectId",
                table: "ProjectTermPayments",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "ProjectTermPayments",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "PersonalDataRequests",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CorrectionAuditEventId",
                table: "PersonalDataRequests",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "BLOB",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "PersonalDataRequests",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "People",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "Incidents",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "EngagementId",
                table: "Incidents",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "AgencyId",
                table: "Incidents",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "Incidents",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "ClaimId",
                table: "Heirs",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "Heirs",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "HandoverRecipients",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "BLOB",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "HandoverId",
                table: "HandoverRecipients",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "HandoverRecipients",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "SubmissionId",
                table: "Engagements",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "BLOB",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "Engagements",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CategoryId",
                table: "Engagements",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "AgencyId",
                table: "Engagements",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "Engagements",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "CategoryId",
                table: "CoverageTargets",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "BLOB",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "CoverageTargets",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "CoverageSnapshots",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "SnapshotId",
                table: "CoverageSnapshotGroup",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "CoverageSnapshotGroup",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "AgencyId",
                table: "ConstructionProjects",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "ConstructionProjects",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "IncidentId",
                table: "Claims",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "Claims",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "ClaimId",
                table: "ClaimDocuments",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "ClaimDocuments",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "BudgetScenarios",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "BreachIncidents",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "BpjsStatuses",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "BLOB",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "ImportId",
                table: "BpjsStatuses",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "BpjsStatuses",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "BpjsNikAliases",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "BpjsNikAliases",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "BpjsInvoices",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "BpjsInvoiceLines",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "BLOB",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "InvoiceId",
                table: "BpjsInvoiceLines",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "BpjsInvoiceLines",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "BpjsImports",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "UserId",
                table: "AuditEvents",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "BLOB",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "AuditEvents",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "UserId",
                table: "AspNetUserTokens",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "AgencyId",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "BLOB",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "RoleId",
                table: "AspNetUserRoles",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "UserId",
                table: "AspNetUserRoles",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "UserId",
                table: "AspNetUserLogins",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "UserId",
                table: "AspNetUserClaims",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "AspNetRoles",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "RoleId",
                table: "AspNetRoleClaims",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "AgencyId",
                table: "ApiClients",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "BLOB",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "ApiClients",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "PreviousVersionId",
                table: "Agreements",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "BLOB",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "Agreements",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "AgreementId",
                table: "AgreementHandovers",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "AgreementHandovers",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "Agencies",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            // Back to the upper-case text form Microsoft.Data.Sqlite writes.
            // Parents and children change in the same transaction: the foreign keys are checked at its commit.
            migrationBuilder.Sql("PRAGMA defer_foreign_keys = ON;");
            migrationBuilder.Sql("""
                UPDATE "Agencies" SET "Id" = CASE WHEN typeof("Id") <> 'blob' THEN "Id" ELSE upper(substr(hex("Id"), 1, 8) || '-' || substr(hex("Id"), 9, 4) || '-' || substr(hex("Id"), 13, 4) || '-' || substr(hex("Id"), 17, 4) || '-' || substr(hex("Id"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "AgreementHandovers" SET "AgreementId" = CASE WHEN typeof("AgreementId") <> 'blob' THEN "AgreementId" ELSE upper(substr(hex("AgreementId"), 1, 8) || '-' || substr(hex("AgreementId"), 9, 4) || '-' || substr(hex("AgreementId"), 13, 4) || '-' || substr(hex("AgreementId"), 17, 4) || '-' || substr(hex("AgreementId"), 21)) END, "Id" = CASE WHEN typeof("Id") <> 'blob' THEN "Id" ELSE upper(substr(hex("Id"), 1, 8) || '-' || substr(hex("Id"), 9, 4) || '-' || substr(hex("Id"), 13, 4) || '-' || substr(hex("Id"), 17, 4) || '-' || substr(hex("Id"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "Agreements" SET "Id" = CASE WHEN typeof("Id") <> 'blob' THEN "Id" ELSE upper(substr(hex("Id"), 1, 8) || '-' || substr(hex("Id"), 9, 4) || '-' || substr(hex("Id"), 13, 4) || '-' || substr(hex("Id"), 17, 4) || '-' || substr(hex("Id"), 21)) END, "PreviousVersionId" = CASE WHEN typeof("PreviousVersionId") <> 'blob' THEN "PreviousVersionId" ELSE upper(substr(hex("PreviousVersionId"), 1, 8) || '-' || substr(hex("PreviousVersionId"), 9, 4) || '-' || substr(hex("PreviousVersionId"), 13, 4) || '-' || substr(hex("PreviousVersionId"), 17, 4) || '-' || substr(hex("PreviousVersionId"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "ApiClients" SET "AgencyId" = CASE WHEN typeof("AgencyId") <> 'blob' THEN "AgencyId" ELSE upper(substr(hex("AgencyId"), 1, 8) || '-' || substr(hex("AgencyId"), 9, 4) || '-' || substr(hex("AgencyId"), 13, 4) || '-' || substr(hex("AgencyId"), 17, 4) || '-' || substr(hex("AgencyId"), 21)) END, "Id" = CASE WHEN typeof("Id") <> 'blob' THEN "Id" ELSE upper(substr(hex("Id"), 1, 8) || '-' || substr(hex("Id"), 9, 4) || '-' || substr(hex("Id"), 13, 4) || '-' || substr(hex("Id"), 17, 4) || '-' || substr(hex("Id"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "AspNetRoleClaims" SET "RoleId" = CASE WHEN typeof("RoleId") <> 'blob' THEN "RoleId" ELSE upper(substr(hex("RoleId"), 1, 8) || '-' || substr(hex("RoleId"), 9, 4) || '-' || substr(hex("RoleId"), 13, 4) || '-' || substr(hex("RoleId"), 17, 4) || '-' || substr(hex("RoleId"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "AspNetRoles" SET "Id" = CASE WHEN typeof("Id") <> 'blob' THEN "Id" ELSE upper(substr(hex("Id"), 1, 8) || '-' || substr(hex("Id"), 9, 4) || '-' || substr(hex("Id"), 13, 4) || '-' || substr(hex("Id"), 17, 4) || '-' || substr(hex("Id"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "AspNetUserClaims" SET "UserId" = CASE WHEN typeof("UserId") <> 'blob' THEN "UserId" ELSE upper(substr(hex("UserId"), 1, 8) || '-' || substr(hex("UserId"), 9, 4) || '-' || substr(hex("UserId"), 13, 4) || '-' || substr(hex("UserId"), 17, 4) || '-' || substr(hex("UserId"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "AspNetUserLogins" SET "UserId" = CASE WHEN typeof("UserId") <> 'blob' THEN "UserId" ELSE upper(substr(hex("UserId"), 1, 8) || '-' || substr(hex("UserId"), 9, 4) || '-' || substr(hex("UserId"), 13, 4) || '-' || substr(hex("UserId"), 17, 4) || '-' || substr(hex("UserId"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "AspNetUserRoles" SET "RoleId" = CASE WHEN typeof("RoleId") <> 'blob' THEN "RoleId" ELSE upper(substr(hex("RoleId"), 1, 8) || '-' || substr(hex("RoleId"), 9, 4) || '-' || substr(hex("RoleId"), 13, 4) || '-' || substr(hex("RoleId"), 17, 4) || '-' || substr(hex("RoleId"), 21)) END, "UserId" = CASE WHEN typeof("UserId") <> 'blob' THEN "UserId" ELSE upper(substr(hex("UserId"), 1, 8) || '-' || substr(hex("UserId"), 9, 4) || '-' || substr(hex("UserId"), 13, 4) || '-' || substr(hex("UserId"), 17, 4) || '-' || substr(hex("UserId"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "AspNetUserTokens" SET "UserId" = CASE WHEN typeof("UserId") <> 'blob' THEN "UserId" ELSE upper(substr(hex("UserId"), 1, 8) || '-' || substr(hex("UserId"), 9, 4) || '-' || substr(hex("UserId"), 13, 4) || '-' || substr(hex("UserId"), 17, 4) || '-' || substr(hex("UserId"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "AspNetUsers" SET "AgencyId" = CASE WHEN typeof("AgencyId") <> 'blob' THEN "AgencyId" ELSE upper(substr(hex("AgencyId"), 1, 8) || '-' || substr(hex("AgencyId"), 9, 4) || '-' || substr(hex("AgencyId"), 13, 4) || '-' || substr(hex("AgencyId"), 17, 4) || '-' || substr(hex("AgencyId"), 21)) END, "Id" = CASE WHEN typeof("Id") <> 'blob' THEN "Id" ELSE upper(substr(hex("Id"), 1, 8) || '-' || substr(hex("Id"), 9, 4) || '-' || substr(hex("Id"), 13, 4) || '-' || substr(hex("Id"), 17, 4) || '-' || substr(hex("Id"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "AuditEvents" SET "Id" = CASE WHEN typeof("Id") <> 'blob' THEN "Id" ELSE upper(substr(hex("Id"), 1, 8) || '-' || substr(hex("Id"), 9, 4) || '-' || substr(hex("Id"), 13, 4) || '-' || substr(hex("Id"), 17, 4) || '-' || substr(hex("Id"), 21)) END, "UserId" = CASE WHEN typeof("UserId") <> 'blob' THEN "UserId" ELSE upper(substr(hex("UserId"), 1, 8) || '-' || substr(hex("UserId"), 9, 4) || '-' || substr(hex("UserId"), 13, 4) || '-' || substr(hex("UserId"), 17, 4) || '-' || substr(hex("UserId"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "BpjsImports" SET "Id" = CASE WHEN typeof("Id") <> 'blob' THEN "Id" ELSE upper(substr(hex("Id"), 1, 8) || '-' || substr(hex("Id"), 9, 4) || '-' || substr(hex("Id"), 13, 4) || '-' || substr(hex("Id"), 17, 4) || '-' || substr(hex("Id"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "BpjsInvoiceLines" SET "Id" = CASE WHEN typeof("Id") <> 'blob' THEN "Id" ELSE upper(substr(hex("Id"), 1, 8) || '-' || substr(hex("Id"), 9, 4) || '-' || substr(hex("Id"), 13, 4) || '-' || substr(hex("Id"), 17, 4) || '-' || substr(hex("Id"), 21)) END, "InvoiceId" = CASE WHEN typeof("InvoiceId") <> 'blob' THEN "InvoiceId" ELSE upper(substr(hex("InvoiceId"), 1, 8) || '-' || substr(hex("InvoiceId"), 9, 4) || '-' || substr(hex("InvoiceId"), 13, 4) || '-' || substr(hex("InvoiceId"), 17, 4) || '-' || substr(hex("InvoiceId"), 21)) END, "PersonId" = CASE WHEN typeof("PersonId") <> 'blob' THEN "PersonId" ELSE upper(substr(hex("PersonId"), 1, 8) || '-' || substr(hex("PersonId"), 9, 4) || '-' || substr(hex("PersonId"), 13, 4) || '-' || substr(hex("PersonId"), 17, 4) || '-' || substr(hex("PersonId"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "BpjsInvoices" SET "Id" = CASE WHEN typeof("Id") <> 'blob' THEN "Id" ELSE upper(substr(hex("Id"), 1, 8) || '-' || substr(hex("Id"), 9, 4) || '-' || substr(hex("Id"), 13, 4) || '-' || substr(hex("Id"), 17, 4) || '-' || substr(hex("Id"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "BpjsNikAliases" SET "Id" = CASE WHEN typeof("Id") <> 'blob' THEN "Id" ELSE upper(substr(hex("Id"), 1, 8) || '-' || substr(hex("Id"), 9, 4) || '-' || substr(hex("Id"), 13, 4) || '-' || substr(hex("Id"), 17, 4) || '-' || substr(hex("Id"), 21)) END, "PersonId" = CASE WHEN typeof("PersonId") <> 'blob' THEN "PersonId" ELSE upper(substr(hex("PersonId"), 1, 8) || '-' || substr(hex("PersonId"), 9, 4) || '-' || substr(hex("PersonId"), 13, 4) || '-' || substr(hex("PersonId"), 17, 4) || '-' || substr(hex("PersonId"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "BpjsStatuses" SET "Id" = CASE WHEN typeof("Id") <> 'blob' THEN "Id" ELSE upper(substr(hex("Id"), 1, 8) || '-' || substr(hex("Id"), 9, 4) || '-' || substr(hex("Id"), 13, 4) || '-' || substr(hex("Id"), 17, 4) || '-' || substr(hex("Id"), 21)) END, "ImportId" = CASE WHEN typeof("ImportId") <> 'blob' THEN "ImportId" ELSE upper(substr(hex("ImportId"), 1, 8) || '-' || substr(hex("ImportId"), 9, 4) || '-' || substr(hex("ImportId"), 13, 4) || '-' || substr(hex("ImportId"), 17, 4) || '-' || substr(hex("ImportId"), 21)) END, "PersonId" = CASE WHEN typeof("PersonId") <> 'blob' THEN "PersonId" ELSE upper(substr(hex("PersonId"), 1, 8) || '-' || substr(hex("PersonId"), 9, 4) || '-' || substr(hex("PersonId"), 13, 4) || '-' || substr(hex("PersonId"), 17, 4) || '-' || substr(hex("PersonId"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "BreachIncidents" SET "Id" = CASE WHEN typeof("Id") <> 'blob' THEN "Id" ELSE upper(substr(hex("Id"), 1, 8) || '-' || substr(hex("Id"), 9, 4) || '-' || substr(hex("Id"), 13, 4) || '-' || substr(hex("Id"), 17, 4) || '-' || substr(hex("Id"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "BudgetScenarios" SET "Id" = CASE WHEN typeof("Id") <> 'blob' THEN "Id" ELSE upper(substr(hex("Id"), 1, 8) || '-' || substr(hex("Id"), 9, 4) || '-' || substr(hex("Id"), 13, 4) || '-' || substr(hex("Id"), 17, 4) || '-' || substr(hex("Id"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "ClaimDocuments" SET "ClaimId" = CASE WHEN typeof("ClaimId") <> 'blob' THEN "ClaimId" ELSE upper(substr(hex("ClaimId"), 1, 8) || '-' || substr(hex("ClaimId"), 9, 4) || '-' || substr(hex("ClaimId"), 13, 4) || '-' || substr(hex("ClaimId"), 17, 4) || '-' || substr(hex("ClaimId"), 21)) END, "Id" = CASE WHEN typeof("Id") <> 'blob' THEN "Id" ELSE upper(substr(hex("Id"), 1, 8) || '-' || substr(hex("Id"), 9, 4) || '-' || substr(hex("Id"), 13, 4) || '-' || substr(hex("Id"), 17, 4) || '-' || substr(hex("Id"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "Claims" SET "Id" = CASE WHEN typeof("Id") <> 'blob' THEN "Id" ELSE upper(substr(hex("Id"), 1, 8) || '-' || substr(hex("Id"), 9, 4) || '-' || substr(hex("Id"), 13, 4) || '-' || substr(hex("Id"), 17, 4) || '-' || substr(hex("Id"), 21)) END, "IncidentId" = CASE WHEN typeof("IncidentId") <> 'blob' THEN "IncidentId" ELSE upper(substr(hex("IncidentId"), 1, 8) || '-' || substr(hex("IncidentId"), 9, 4) || '-' || substr(hex("IncidentId"), 13, 4) || '-' || substr(hex("IncidentId"), 17, 4) || '-' || substr(hex("IncidentId"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "ConstructionProjects" SET "AgencyId" = CASE WHEN typeof("AgencyId") <> 'blob' THEN "AgencyId" ELSE upper(substr(hex("AgencyId"), 1, 8) || '-' || substr(hex("AgencyId"), 9, 4) || '-' || substr(hex("AgencyId"), 13, 4) || '-' || substr(hex("AgencyId"), 17, 4) || '-' || substr(hex("AgencyId"), 21)) END, "Id" = CASE WHEN typeof("Id") <> 'blob' THEN "Id" ELSE upper(substr(hex("Id"), 1, 8) || '-' || substr(hex("Id"), 9, 4) || '-' || substr(hex("Id"), 13, 4) || '-' || substr(hex("Id"), 17, 4) || '-' || substr(hex("Id"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "CoverageSnapshotGroup" SET "Id" = CASE WHEN typeof("Id") <> 'blob' THEN "Id" ELSE upper(substr(hex("Id"), 1, 8) || '-' || substr(hex("Id"), 9, 4) || '-' || substr(hex("Id"), 13, 4) || '-' || substr(hex("Id"), 17, 4) || '-' || substr(hex("Id"), 21)) END, "SnapshotId" = CASE WHEN typeof("SnapshotId") <> 'blob' THEN "SnapshotId" ELSE upper(substr(hex("SnapshotId"), 1, 8) || '-' || substr(hex("SnapshotId"), 9, 4) || '-' || substr(hex("SnapshotId"), 13, 4) || '-' || substr(hex("SnapshotId"), 17, 4) || '-' || substr(hex("SnapshotId"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "CoverageSnapshots" SET "Id" = CASE WHEN typeof("Id") <> 'blob' THEN "Id" ELSE upper(substr(hex("Id"), 1, 8) || '-' || substr(hex("Id"), 9, 4) || '-' || substr(hex("Id"), 13, 4) || '-' || substr(hex("Id"), 17, 4) || '-' || substr(hex("Id"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "CoverageTargets" SET "CategoryId" = CASE WHEN typeof("CategoryId") <> 'blob' THEN "CategoryId" ELSE upper(substr(hex("CategoryId"), 1, 8) || '-' || substr(hex("CategoryId"), 9, 4) || '-' || substr(hex("CategoryId"), 13, 4) || '-' || substr(hex("CategoryId"), 17, 4) || '-' || substr(hex("CategoryId"), 21)) END, "Id" = CASE WHEN typeof("Id") <> 'blob' THEN "Id" ELSE upper(substr(hex("Id"), 1, 8) || '-' || substr(hex("Id"), 9, 4) || '-' || substr(hex("Id"), 13, 4) || '-' || substr(hex("Id"), 17, 4) || '-' || substr(hex("Id"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "Engagements" SET "AgencyId" = CASE WHEN typeof("AgencyId") <> 'blob' THEN "AgencyId" ELSE upper(substr(hex("AgencyId"), 1, 8) || '-' || substr(hex("AgencyId"), 9, 4) || '-' || substr(hex("AgencyId"), 13, 4) || '-' || substr(hex("AgencyId"), 17, 4) || '-' || substr(hex("AgencyId"), 21)) END, "CategoryId" = CASE WHEN typeof("CategoryId") <> 'blob' THEN "CategoryId" ELSE upper(substr(hex("CategoryId"), 1, 8) || '-' || substr(hex("CategoryId"), 9, 4) || '-' || substr(hex("CategoryId"), 13, 4) || '-' || substr(hex("CategoryId"), 17, 4) || '-' || substr(hex("CategoryId"), 21)) END, "Id" = CASE WHEN typeof("Id") <> 'blob' THEN "Id" ELSE upper(substr(hex("Id"), 1, 8) || '-' || substr(hex("Id"), 9, 4) || '-' || substr(hex("Id"), 13, 4) || '-' || substr(hex("Id"), 17, 4) || '-' || substr(hex("Id"), 21)) END, "PersonId" = CASE WHEN typeof("PersonId") <> 'blob' THEN "PersonId" ELSE upper(substr(hex("PersonId"), 1, 8) || '-' || substr(hex("PersonId"), 9, 4) || '-' || substr(hex("PersonId"), 13, 4) || '-' || substr(hex("PersonId"), 17, 4) || '-' || substr(hex("PersonId"), 21)) END, "SubmissionId" = CASE WHEN typeof("SubmissionId") <> 'blob' THEN "SubmissionId" ELSE upper(substr(hex("SubmissionId"), 1, 8) || '-' || substr(hex("SubmissionId"), 9, 4) || '-' || substr(hex("SubmissionId"), 13, 4) || '-' || substr(hex("SubmissionId"), 17, 4) || '-' || substr(hex("SubmissionId"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "HandoverRecipients" SET "HandoverId" = CASE WHEN typeof("HandoverId") <> 'blob' THEN "HandoverId" ELSE upper(substr(hex("HandoverId"), 1, 8) || '-' || substr(hex("HandoverId"), 9, 4) || '-' || substr(hex("HandoverId"), 13, 4) || '-' || substr(hex("HandoverId"), 17, 4) || '-' || substr(hex("HandoverId"), 21)) END, "Id" = CASE WHEN typeof("Id") <> 'blob' THEN "Id" ELSE upper(substr(hex("Id"), 1, 8) || '-' || substr(hex("Id"), 9, 4) || '-' || substr(hex("Id"), 13, 4) || '-' || substr(hex("Id"), 17, 4) || '-' || substr(hex("Id"), 21)) END, "PersonId" = CASE WHEN typeof("PersonId") <> 'blob' THEN "PersonId" ELSE upper(substr(hex("PersonId"), 1, 8) || '-' || substr(hex("PersonId"), 9, 4) || '-' || substr(hex("PersonId"), 13, 4) || '-' || substr(hex("PersonId"), 17, 4) || '-' || substr(hex("PersonId"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "Heirs" SET "ClaimId" = CASE WHEN typeof("ClaimId") <> 'blob' THEN "ClaimId" ELSE upper(substr(hex("ClaimId"), 1, 8) || '-' || substr(hex("ClaimId"), 9, 4) || '-' || substr(hex("ClaimId"), 13, 4) || '-' || substr(hex("ClaimId"), 17, 4) || '-' || substr(hex("ClaimId"), 21)) END, "Id" = CASE WHEN typeof("Id") <> 'blob' THEN "Id" ELSE upper(substr(hex("Id"), 1, 8) || '-' || substr(hex("Id"), 9, 4) || '-' || substr(hex("Id"), 13, 4) || '-' || substr(hex("Id"), 17, 4) || '-' || substr(hex("Id"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "Incidents" SET "AgencyId" = CASE WHEN typeof("AgencyId") <> 'blob' THEN "AgencyId" ELSE upper(substr(hex("AgencyId"), 1, 8) || '-' || substr(hex("AgencyId"), 9, 4) || '-' || substr(hex("AgencyId"), 13, 4) || '-' || substr(hex("AgencyId"), 17, 4) || '-' || substr(hex("AgencyId"), 21)) END, "EngagementId" = CASE WHEN typeof("EngagementId") <> 'blob' THEN "EngagementId" ELSE upper(substr(hex("EngagementId"), 1, 8) || '-' || substr(hex("EngagementId"), 9, 4) || '-' || substr(hex("EngagementId"), 13, 4) || '-' || substr(hex("EngagementId"), 17, 4) || '-' || substr(hex("EngagementId"), 21)) END, "Id" = CASE WHEN typeof("Id") <> 'blob' THEN "Id" ELSE upper(substr(hex("Id"), 1, 8) || '-' || substr(hex("Id"), 9, 4) || '-' || substr(hex("Id"), 13, 4) || '-' || substr(hex("Id"), 17, 4) || '-' || substr(hex("Id"), 21)) END, "PersonId" = CASE WHEN typeof("PersonId") <> 'blob' THEN "PersonId" ELSE upper(substr(hex("PersonId"), 1, 8) || '-' || substr(hex("PersonId"), 9, 4) || '-' || substr(hex("PersonId"), 13, 4) || '-' || substr(hex("PersonId"), 17, 4) || '-' || substr(hex("PersonId"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "People" SET "Id" = CASE WHEN typeof("Id") <> 'blob' THEN "Id" ELSE upper(substr(hex("Id"), 1, 8) || '-' || substr(hex("Id"), 9, 4) || '-' || substr(hex("Id"), 13, 4) || '-' || substr(hex("Id"), 17, 4) || '-' || substr(hex("Id"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "PersonalDataRequests" SET "CorrectionAuditEventId" = CASE WHEN typeof("CorrectionAuditEventId") <> 'blob' THEN "CorrectionAuditEventId" ELSE upper(substr(hex("CorrectionAuditEventId"), 1, 8) || '-' || substr(hex("CorrectionAuditEventId"), 9, 4) || '-' || substr(hex("CorrectionAuditEventId"), 13, 4) || '-' || substr(hex("CorrectionAuditEventId"), 17, 4) || '-' || substr(hex("CorrectionAuditEventId"), 21)) END, "Id" = CASE WHEN typeof("Id") <> 'blob' THEN "Id" ELSE upper(substr(hex("Id"), 1, 8) || '-' || substr(hex("Id"), 9, 4) || '-' || substr(hex("Id"), 13, 4) || '-' || substr(hex("Id"), 17, 4) || '-' || substr(hex("Id"), 21)) END, "PersonId" = CASE WHEN typeof("PersonId") <> 'blob' THEN "PersonId" ELSE upper(substr(hex("PersonId"), 1, 8) || '-' || substr(hex("PersonId"), 9, 4) || '-' || substr(hex("PersonId"), 13, 4) || '-' || substr(hex("PersonId"), 17, 4) || '-' || substr(hex("PersonId"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "ProjectTermPayments" SET "Id" = CASE WHEN typeof("Id") <> 'blob' THEN "Id" ELSE upper(substr(hex("Id"), 1, 8) || '-' || substr(hex("Id"), 9, 4) || '-' || substr(hex("Id"), 13, 4) || '-' || substr(hex("Id"), 17, 4) || '-' || substr(hex("Id"), 21)) END, "ProjectId" = CASE WHEN typeof("ProjectId") <> 'blob' THEN "ProjectId" ELSE upper(substr(hex("ProjectId"), 1, 8) || '-' || substr(hex("ProjectId"), 9, 4) || '-' || substr(hex("ProjectId"), 13, 4) || '-' || substr(hex("ProjectId"), 17, 4) || '-' || substr(hex("ProjectId"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "PublicHolidays" SET "Id" = CASE WHEN typeof("Id") <> 'blob' THEN "Id" ELSE upper(substr(hex("Id"), 1, 8) || '-' || substr(hex("Id"), 9, 4) || '-' || substr(hex("Id"), 13, 4) || '-' || substr(hex("Id"), 17, 4) || '-' || substr(hex("Id"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "RateVersions" SET "Id" = CASE WHEN typeof("Id") <> 'blob' THEN "Id" ELSE upper(substr(hex("Id"), 1, 8) || '-' || substr(hex("Id"), 9, 4) || '-' || substr(hex("Id"), 13, 4) || '-' || substr(hex("Id"), 17, 4) || '-' || substr(hex("Id"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "RegistrationExportBatches" SET "Id" = CASE WHEN typeof("Id") <> 'blob' THEN "Id" ELSE upper(substr(hex("Id"), 1, 8) || '-' || substr(hex("Id"), 9, 4) || '-' || substr(hex("Id"), 13, 4) || '-' || substr(hex("Id"), 17, 4) || '-' || substr(hex("Id"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "RegistrationExportItems" SET "BatchId" = CASE WHEN typeof("BatchId") <> 'blob' THEN "BatchId" ELSE upper(substr(hex("BatchId"), 1, 8) || '-' || substr(hex("BatchId"), 9, 4) || '-' || substr(hex("BatchId"), 13, 4) || '-' || substr(hex("BatchId"), 17, 4) || '-' || substr(hex("BatchId"), 21)) END, "EngagementId" = CASE WHEN typeof("EngagementId") <> 'blob' THEN "EngagementId" ELSE upper(substr(hex("EngagementId"), 1, 8) || '-' || substr(hex("EngagementId"), 9, 4) || '-' || substr(hex("EngagementId"), 13, 4) || '-' || substr(hex("EngagementId"), 17, 4) || '-' || substr(hex("EngagementId"), 21)) END, "PersonId" = CASE WHEN typeof("PersonId") <> 'blob' THEN "PersonId" ELSE upper(substr(hex("PersonId"), 1, 8) || '-' || substr(hex("PersonId"), 9, 4) || '-' || substr(hex("PersonId"), 13, 4) || '-' || substr(hex("PersonId"), 17, 4) || '-' || substr(hex("PersonId"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "RegistryConflicts" SET "ExistingEngagementId" = CASE WHEN typeof("ExistingEngagementId") <> 'blob' THEN "ExistingEngagementId" ELSE upper(substr(hex("ExistingEngagementId"), 1, 8) || '-' || substr(hex("ExistingEngagementId"), 9, 4) || '-' || substr(hex("ExistingEngagementId"), 13, 4) || '-' || substr(hex("ExistingEngagementId"), 17, 4) || '-' || substr(hex("ExistingEngagementId"), 21)) END, "Id" = CASE WHEN typeof("Id") <> 'blob' THEN "Id" ELSE upper(substr(hex("Id"), 1, 8) || '-' || substr(hex("Id"), 9, 4) || '-' || substr(hex("Id"), 13, 4) || '-' || substr(hex("Id"), 17, 4) || '-' || substr(hex("Id"), 21)) END, "NewEngagementId" = CASE WHEN typeof("NewEngagementId") <> 'blob' THEN "NewEngagementId" ELSE upper(substr(hex("NewEngagementId"), 1, 8) || '-' || substr(hex("NewEngagementId"), 9, 4) || '-' || substr(hex("NewEngagementId"), 13, 4) || '-' || substr(hex("NewEngagementId"), 17, 4) || '-' || substr(hex("NewEngagementId"), 21)) END, "PersonId" = CASE WHEN typeof("PersonId") <> 'blob' THEN "PersonId" ELSE upper(substr(hex("PersonId"), 1, 8) || '-' || substr(hex("PersonId"), 9, 4) || '-' || substr(hex("PersonId"), 13, 4) || '-' || substr(hex("PersonId"), 17, 4) || '-' || substr(hex("PersonId"), 21)) END, "SubmissionId" = CASE WHEN typeof("SubmissionId") <> 'blob' THEN "SubmissionId" ELSE upper(substr(hex("SubmissionId"), 1, 8) || '-' || substr(hex("SubmissionId"), 9, 4) || '-' || substr(hex("SubmissionId"), 13, 4) || '-' || substr(hex("SubmissionId"), 17, 4) || '-' || substr(hex("SubmissionId"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "RetentionRuns" SET "Id" = CASE WHEN typeof("Id") <> 'blob' THEN "Id" ELSE upper(substr(hex("Id"), 1, 8) || '-' || substr(hex("Id"), 9, 4) || '-' || substr(hex("Id"), 13, 4) || '-' || substr(hex("Id"), 17, 4) || '-' || substr(hex("Id"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "Scholarships" SET "ClaimId" = CASE WHEN typeof("ClaimId") <> 'blob' THEN "ClaimId" ELSE upper(substr(hex("ClaimId"), 1, 8) || '-' || substr(hex("ClaimId"), 9, 4) || '-' || substr(hex("ClaimId"), 13, 4) || '-' || substr(hex("ClaimId"), 17, 4) || '-' || substr(hex("ClaimId"), 21)) END, "Id" = CASE WHEN typeof("Id") <> 'blob' THEN "Id" ELSE upper(substr(hex("Id"), 1, 8) || '-' || substr(hex("Id"), 9, 4) || '-' || substr(hex("Id"), 13, 4) || '-' || substr(hex("Id"), 17, 4) || '-' || substr(hex("Id"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "Submissions" SET "AgencyId" = CASE WHEN typeof("AgencyId") <> 'blob' THEN "AgencyId" ELSE upper(substr(hex("AgencyId"), 1, 8) || '-' || substr(hex("AgencyId"), 9, 4) || '-' || substr(hex("AgencyId"), 13, 4) || '-' || substr(hex("AgencyId"), 17, 4) || '-' || substr(hex("AgencyId"), 21)) END, "Id" = CASE WHEN typeof("Id") <> 'blob' THEN "Id" ELSE upper(substr(hex("Id"), 1, 8) || '-' || substr(hex("Id"), 9, 4) || '-' || substr(hex("Id"), 13, 4) || '-' || substr(hex("Id"), 17, 4) || '-' || substr(hex("Id"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "TenantSettings" SET "Id" = CASE WHEN typeof("Id") <> 'blob' THEN "Id" ELSE upper(substr(hex("Id"), 1, 8) || '-' || substr(hex("Id"), 9, 4) || '-' || substr(hex("Id"), 13, 4) || '-' || substr(hex("Id"), 17, 4) || '-' || substr(hex("Id"), 21)) END;
                """);
            migrationBuilder.Sql("""
                UPDATE "WorkerCategories" SET "Id" = CASE WHEN typeof("Id") <> 'blob' THEN "Id" ELSE upper(substr(hex("Id"), 1, 8) || '-' || substr(hex("Id"), 9, 4) || '-' || substr(hex("Id"), 13, 4) || '-' || substr(hex("Id"), 17, 4) || '-' || substr(hex("Id"), 21)) END;
                """);
        }
    }
}
