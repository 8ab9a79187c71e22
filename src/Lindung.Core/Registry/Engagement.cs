using Lindung.Core.Data;
using Lindung.Core.MasterData;
using Lindung.Core.Tenancy;

namespace Lindung.Core.Registry;

/// <summary>
/// A person's role in one OPD (or desa) and category: wage or declared income, funding source, dates, and
/// the state lines of PRODUCT §4.5 (verification, registration). One person may hold several.
/// </summary>
public sealed class Engagement : ITenantOwned, IStamped, IAudited
{
    public Guid Id { get; set; } = VersionSevenId.New();
    public string TenantCode { get; set; } = "";
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public Guid AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public Guid CategoryId { get; set; }
    public WorkerCategory? Category { get; set; }
    public Scheme Scheme { get; set; }

    /// <summary>Jabatan, e.g. "Kepala Desa", "Petugas Kebersihan".</summary>
    public string? Position { get; set; }

    /// <summary>Monthly wage (PU) in rupiah.</summary>
    public long? Wage { get; set; }

    /// <summary>Declared monthly income (BPU) in rupiah.</summary>
    public long? DeclaredIncome { get; set; }

    public string FundingSource { get; set; } = "";

    /// <summary>Programs, e.g. <c>JKK;JKM;JHT</c>.</summary>
    public string Programs { get; set; } = "";

    /// <summary>Overrides the category's and OPD's JKK risk group; null = inherited.</summary>
    public int? JkkRiskGroup { get; set; }

    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public EndReason? EndReason { get; set; }

    public VerificationStatus Verification { get; set; } = VerificationStatus.Pending;
    public string? VerificationReason { get; set; }
    public string? VerifiedBy { get; set; }
    public DateTime? VerifiedAt { get; set; }

    public RegistrationStatus Registration { get; set; } = RegistrationStatus.NotRegistered;
    public DateTime? SentToBpjsAt { get; set; }
    public DateOnly? RegisteredOn { get; set; }

    public Guid? SubmissionId { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }

    /// <summary>Import bookkeeping only (not mapped): this instance carries new terms for an existing engagement.</summary>
    public bool IsUpdate { get; private set; }

    internal Engagement WithId(Guid id, Guid personId, bool update)
    {
        Id = id;
        PersonId = personId;
        IsUpdate = update;
        return this;
    }

    /// <summary>Eligible in a month (the coverage denominator): verified and not ended before the month starts.</summary>
    public bool IsEligibleIn(DateOnly monthStart) =>
        Verification == VerificationStatus.Verified && StartDate <= monthStart.AddMonths(1).AddDays(-1)
        && (EndDate is null || EndDate >= monthStart);
}

/// <summary>Menunggu verifikasi → Diverifikasi / Ditolak.</summary>
public enum VerificationStatus
{
    Pending = 0,
    Verified = 1,
    Rejected = 2,
}

/// <summary>Belum didaftarkan → Dikirim ke BPJS → Terdaftar.</summary>
public enum RegistrationStatus
{
    NotRegistered = 0,
    SentToBpjs = 1,
    Registered = 2,
}

/// <summary>Why an engagement ended (Berakhir).</summary>
public enum EndReason
{
    Resigned = 1,
    Died = 2,
    ContractEnded = 3,
    AppointedPppk = 4,
    Other = 9,
}
