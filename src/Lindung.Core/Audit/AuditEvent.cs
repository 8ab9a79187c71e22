using Lindung.Core.Data;
using Lindung.Core.Tenancy;

namespace Lindung.Core.Audit;

/// <summary>
/// One audited change or sensitive read. Written in the same SaveChanges (hence the same transaction) as
/// the change it describes, so it commits or rolls back with it.
/// </summary>
public sealed class AuditEvent : ITenantOwned
{
    public Guid Id { get; set; } = VersionSevenId.New();
    public string TenantCode { get; set; } = "";
    public DateTime At { get; set; }
    public Guid? UserId { get; set; }
    public required string UserName { get; set; }
    public string? IpAddress { get; set; }

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public required string Action { get; set; }

    public string? EntityType { get; set; }
    public string? EntityId { get; set; }

    /// <summary>JSON of the audited properties before the change (null for an insert).</summary>
    public string? Before { get; set; }

    /// <summary>JSON of the audited properties after the change (null for a delete).</summary>
    public string? After { get; set; }

    public string? Detail { get; set; }
}

/// <summary>The closed list of audit actions. Extend it here, never with ad-hoc strings.</summary>
public static class AuditActions
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Deleted = "deleted";
    public const string SignIn = "auth.sign_in";
    public const string SignInFailed = "auth.sign_in_failed";
    public const string SignOut = "auth.sign_out";
    public const string PasswordChanged = "auth.password_changed";
    public const string PasswordReset = "auth.password_reset";
    public const string UserCreated = "user.created";
    public const string TenantCreated = "tenant.created";
    public const string MasterDataSeeded = "masterdata.seeded";
    public const string NikRevealed = "nik.revealed";
    public const string Exported = "data.exported";
    public const string ImportCommitted = "import.committed";
    public const string ConflictDecided = "conflict.decided";
    public const string BpjsImported = "bpjs.imported";
    public const string BpjsReviewDecided = "bpjs.review_decided";
    public const string ApiCall = "api.call";
    public const string ApiRefused = "api.refused";

    // Accounts and sessions (issue 7).
    public const string SecondFactorEnabled = "auth.2fa_enabled";
    public const string SecondFactorDisabled = "auth.2fa_disabled";
    public const string SecondFactorFailed = "auth.2fa_failed";
    public const string SecondFactorReset = "auth.2fa_reset";
    public const string RecoveryCodeUsed = "auth.recovery_code_used";
    public const string RecoveryCodesRenewed = "auth.recovery_codes_renewed";
    public const string SignedOutEverywhere = "auth.sign_out_everywhere";
    public const string UserLocked = "user.locked";
    public const string UserUnlocked = "user.unlocked";

    // Privacy (UU 27/2022 PDP; docs/privacy.md).
    public const string SubjectReportProduced = "privacy.subject_report";
    // UU PDP correction/deletion requests and retention (docs/privacy-requests.md).
    public const string PersonalDataErased = "privacy.erased";
    public const string RetentionRan = "privacy.retention_run";
    // Backup and restore (issue 7, lindung backup / restore).
    public const string BackupCreated = "backup.created";
    public const string BackupRestored = "backup.restored";

    /// <summary>Every action, for the audit search's choice list.</summary>
    public static readonly IReadOnlyList<string> All = typeof(AuditActions)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).ToList();
}
