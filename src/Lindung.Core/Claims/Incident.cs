using Lindung.Core.Data;
using Lindung.Core.Tenancy;

namespace Lindung.Core.Claims;

/// <summary>A work accident or a death of a registered worker (Kejadian). Its OPD is the engagement's, for the Operator OPD's scope.</summary>
public sealed class Incident : ITenantOwned, IStamped, IAudited
{
    public Guid Id { get; set; } = VersionSevenId.New();
    public string TenantCode { get; set; } = "";
    public Guid PersonId { get; set; }
    public Guid EngagementId { get; set; }
    public Guid AgencyId { get; set; }
    public IncidentKind Kind { get; set; }
    public DateOnly OccurredOn { get; set; }
    public required string Place { get; set; }
    public required string Description { get; set; }

    /// <summary>For a death: caused by work (then JKK pays, not JKM). A work accident is work-related by definition.</summary>
    public bool WorkRelated { get; set; }

    public string? RecordedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }
    public Claim? Claim { get; set; }
}

public enum IncidentKind
{
    WorkAccident = 1,
    Death = 2,
}

/// <summary>Where a claim stands with BPJS. Disiapkan (documents being gathered) → Diajukan → Diproses → Dibayar / Ditolak.</summary>
public enum ClaimStatus
{
    Preparing = 0,
    Submitted = 1,
    Processing = 2,
    Paid = 3,
    Rejected = 4,
}

/// <summary>The claim for an incident: program, document checklist, status with BPJS and the amount paid.</summary>
public sealed class Claim : ITenantOwned, IStamped, IAudited
{
    public Guid Id { get; set; } = VersionSevenId.New();
    public string TenantCode { get; set; } = "";
    public Guid IncidentId { get; set; }
    public Incident? Incident { get; set; }

    /// <summary>JKK or JKM (<see cref="ClaimRules.ProgramFor"/>).</summary>
    public required string Program { get; set; }

    public ClaimStatus Status { get; set; } = ClaimStatus.Preparing;
    public DateOnly? SubmittedOn { get; set; }
    public DateOnly? ProcessingOn { get; set; }
    public DateOnly? PaidOn { get; set; }
    public DateOnly? RejectedOn { get; set; }

    /// <summary>Rupiah BPJS paid (the benefit, excluding scholarships, which are followed per school year).</summary>
    public long? AmountPaid { get; set; }

    public string? StatusNote { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }
    public List<ClaimDocument> Documents { get; set; } = [];
    public List<Heir> Heirs { get; set; } = [];
    public List<Scholarship> Scholarships { get; set; } = [];
}

public enum ClaimDocumentKind
{
    KpjCard = 1,
    Ktp = 2,
    FamilyCard = 3,
    DeathCertificate = 4,
    HeirStatement = 5,
    AccidentReport = 6,
    BankBook = 7,
    MarriageBook = 8,
}

/// <summary>One line of a claim's checklist, marked when the paper is in hand.</summary>
public sealed class ClaimDocument : ITenantOwned, IStamped, IAudited
{
    public Guid Id { get; set; } = VersionSevenId.New();
    public string TenantCode { get; set; } = "";
    public Guid ClaimId { get; set; }
    public ClaimDocumentKind Kind { get; set; }
    public bool Received { get; set; }
    public DateOnly? ReceivedOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }
}

/// <summary>An heir (ahli waris) of a deceased worker.</summary>
public sealed class Heir : ITenantOwned, IStamped, IAudited
{
    public Guid Id { get; set; } = VersionSevenId.New();
    public string TenantCode { get; set; } = "";
    public Guid ClaimId { get; set; }
    public required string Name { get; set; }

    /// <summary>Hubungan, e.g. istri, suami, anak.</summary>
    public required string Relationship { get; set; }

    public string? Phone { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }
}

public enum SchoolLevel
{
    TK = 1,
    SD = 2,
    SMP = 3,
    SMA = 4,
    PT = 5,
}

/// <summary>A child's scholarship (beasiswa) for one school year, claimed every year, and whether BPJS paid it.</summary>
public sealed class Scholarship : ITenantOwned, IStamped, IAudited
{
    public Guid Id { get; set; } = VersionSevenId.New();
    public string TenantCode { get; set; } = "";
    public Guid ClaimId { get; set; }
    public required string ChildName { get; set; }
    public SchoolLevel Level { get; set; }

    /// <summary>Tahun ajaran, "2025/2026".</summary>
    public required string SchoolYear { get; set; }

    public long Amount { get; set; }
    public bool Paid { get; set; }
    public DateOnly? PaidOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }
}
