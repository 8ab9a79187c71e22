using Lindung.Core.Data;
using Lindung.Core.Tenancy;

namespace Lindung.Core.Registry;

/// <summary>A batch of workers one OPD submits (an upload or a set of form entries): Draf → Diajukan → Selesai.</summary>
public sealed class Submission : ITenantOwned, IStamped, IAudited
{
    public Guid Id { get; set; } = VersionSevenId.New();
    public string TenantCode { get; set; } = "";
    public Guid AgencyId { get; set; }

    /// <summary>Submission window, <c>YYYY-MM</c>.</summary>
    public required string Period { get; set; }

    public SubmissionStatus Status { get; set; } = SubmissionStatus.Draft;
    public string? FileName { get; set; }

    /// <summary>SHA-256 of the uploaded file: the same file committed twice is recognised.</summary>
    public string? FileSha256 { get; set; }

    public int Rows { get; set; }
    public int Accepted { get; set; }
    public int Rejected { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }
}

public enum SubmissionStatus
{
    Draft = 0,
    Submitted = 1,
    Verified = 2,
}
