using Lindung.Core.Data;
using Lindung.Core.Tenancy;

namespace Lindung.Core.Registry;

/// <summary>
/// The same person (NIK) submitted by another OPD or in another category while an earlier engagement is
/// still running: queued for the Koordinator, never resolved by overwriting either record.
/// </summary>
public sealed class RegistryConflict : ITenantOwned, IStamped, IAudited
{
    public Guid Id { get; set; } = VersionSevenId.New();
    public string TenantCode { get; set; } = "";
    public Guid PersonId { get; set; }
    public Guid NewEngagementId { get; set; }
    public Guid ExistingEngagementId { get; set; }
    public Guid? SubmissionId { get; set; }
    public ConflictStatus Status { get; set; } = ConflictStatus.Open;
    public string? Note { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }
}

public enum ConflictStatus
{
    Open = 0,

    /// <summary>Both engagements are real (one person, two roles).</summary>
    KeepBoth = 1,

    /// <summary>The new submission is rejected; the earlier engagement stays.</summary>
    KeepExisting = 2,

    /// <summary>The earlier engagement ends; the new one proceeds to verification.</summary>
    KeepNew = 3,
}
