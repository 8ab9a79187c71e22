using Lindung.Core.Data;
using Lindung.Core.Tenancy;

namespace Lindung.Core.Bpjs;

/// <summary>One BPJS file taken in for a period (a registration result or the monthly participant list).</summary>
public sealed class BpjsImport : ITenantOwned, IStamped, IAudited
{
    public Guid Id { get; set; } = VersionSevenId.New();
    public string TenantCode { get; set; } = "";

    /// <summary>YYYY-MM.</summary>
    public required string Period { get; set; }

    public required string FileName { get; set; }

    /// <summary>SHA-256 of the file, hex: the same file for the same period changes nothing.</summary>
    public required string FileHash { get; set; }

    public int Rows { get; set; }
    public int MatchedExact { get; set; }
    public int MatchedFuzzy { get; set; }
    public int NeedsReview { get; set; }
    public int Unmatched { get; set; }
    public int Active { get; set; }
    public int Inactive { get; set; }

    /// <summary>The file had no status column: every listed person was taken as registered and active.</summary>
    public bool StatusAssumed { get; set; }

    public string? ImportedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }
}

/// <summary>
/// One row of a BPJS file for a period, with the match decision and its explanation. The NIK is kept only as
/// keyed hash and masked form. Rows are written in bulk; the import as a whole and each review decision are audited.
/// </summary>
public sealed class BpjsStatus : ITenantOwned, IStamped
{
    public Guid Id { get; set; } = VersionSevenId.New();
    public string TenantCode { get; set; } = "";
    public Guid ImportId { get; set; }
    public required string Period { get; set; }
    public int RowNumber { get; set; }
    public Guid? PersonId { get; set; }
    public string? Kpj { get; set; }
    public byte[]? NikHash { get; set; }
    public string? NikMasked { get; set; }
    public required string Name { get; set; }
    public DateOnly? BirthDate { get; set; }
    public char? Sex { get; set; }
    public bool Active { get; set; }
    public string? StatusText { get; set; }
    public DateOnly? ParticipationDate { get; set; }
    public string? LastPaidPeriod { get; set; }
    public MatchKind Match { get; set; }
    public double? NameScore { get; set; }
    public required string Explanation { get; set; }
    public ReviewState Review { get; set; }

    /// <summary>Candidate person ids for review, comma-separated.</summary>
    public string? Candidates { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }
}

public enum ReviewState
{
    None = 0,
    Pending = 1,
    Accepted = 2,
    Rejected = 3,
}

/// <summary>
/// A NIK as BPJS writes it, confirmed by a person to belong to a registry person (a mistyped NIK at BPJS).
/// Later imports match it exactly.
/// </summary>
public sealed class BpjsNikAlias : ITenantOwned, IStamped, IAudited
{
    public Guid Id { get; set; } = VersionSevenId.New();
    public string TenantCode { get; set; } = "";
    public required byte[] NikHash { get; set; }
    public Guid PersonId { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }
}
