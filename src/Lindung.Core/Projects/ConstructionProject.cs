using Lindung.Core.Data;
using Lindung.Core.Tenancy;

namespace Lindung.Core.Projects;

/// <summary>
/// A regency-financed construction contract (proyek jasa konstruksi) owned by one OPD, and its BPJS project
/// registration once recorded. The contribution is not stored: it is computed from the contract value with the
/// rate table in force on the SPK date, so a corrected rate version corrects every project (docs/projects.md).
/// </summary>
public sealed class ConstructionProject : ITenantOwned, IStamped, IAudited
{
    public Guid Id { get; set; } = VersionSevenId.New();
    public string TenantCode { get; set; } = "";
    public Guid AgencyId { get; set; }
    public required string ContractNumber { get; set; }
    public required string PackageName { get; set; }
    public required string Contractor { get; set; }

    /// <summary>Contract value (nilai kontrak) in whole rupiah, as written in the contract.</summary>
    public long ContractValue { get; set; }

    /// <summary>Whether <see cref="ContractValue"/> includes PPN; the contribution base then excludes it.</summary>
    public bool IncludesVat { get; set; }

    public DateOnly SpkDate { get; set; }
    public int DurationDays { get; set; }
    public string? DistrictCode { get; set; }
    public string? VillageCode { get; set; }
    public int FundingYear { get; set; }
    public required string FundingSource { get; set; }

    /// <summary>BPJS project registration number; null until the project is registered.</summary>
    public string? RegistrationNumber { get; set; }

    public long? AmountPaid { get; set; }
    public DateOnly? PaidOn { get; set; }

    /// <summary>Original name of the uploaded certificate (PDF); the file itself lives under the data directory.</summary>
    public string? CertificateFileName { get; set; }

    public long? CertificateBytes { get; set; }
    public DateTime? CertificateUploadedAt { get; set; }
    public string? Notes { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }

    public List<ProjectTermPayment> TermPayments { get; set; } = [];

    public bool IsRegistered => RegistrationNumber is { Length: > 0 };

    public bool HasCertificate => CertificateFileName is not null;
}

/// <summary>A term payment (termin) of a project's contract: paying a contractor is the moment proof of registration is asked for.</summary>
public sealed class ProjectTermPayment : ITenantOwned, IStamped, IAudited
{
    public Guid Id { get; set; } = VersionSevenId.New();
    public string TenantCode { get; set; } = "";
    public Guid ProjectId { get; set; }
    public DateOnly DueOn { get; set; }
    public long Amount { get; set; }
    public string? Note { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }
}

/// <summary>A day off (national holiday or cuti bersama) that does not count as a working day for deadlines.</summary>
public sealed class PublicHoliday : ITenantOwned, IStamped, IAudited
{
    public Guid Id { get; set; } = VersionSevenId.New();
    public string TenantCode { get; set; } = "";
    public DateOnly Date { get; set; }
    public required string Name { get; set; }

    /// <summary>True for cuti bersama (joint leave), false for a national holiday.</summary>
    public bool JointLeave { get; set; }

    /// <summary>Shipped dates stay marked until an Administrator has checked them against the SKB of the year.</summary>
    public bool NeedsConfirmation { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }
}
