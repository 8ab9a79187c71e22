using Lindung.Core.Data;
using Lindung.Core.Tenancy;

namespace Lindung.Core.MasterData;

/// <summary>A kategori pekerja: non-ASN, perangkat desa, marbot, guru ngaji … with its defaults.</summary>
public sealed class WorkerCategory : ITenantOwned, IStamped, IAudited
{
    public Guid Id { get; set; } = VersionSevenId.New();
    public string TenantCode { get; set; } = "";
    public required string Code { get; set; }
    public required string Name { get; set; }
    public Scheme Scheme { get; set; }

    /// <summary>Programs always included, e.g. <c>JKK;JKM</c>.</summary>
    public string DefaultPrograms { get; set; } = "";

    /// <summary>Programs a worker of this category may add, e.g. <c>JHT;JP</c>.</summary>
    public string OptionalPrograms { get; set; } = "";

    public string FundingSource { get; set; } = "";

    /// <summary>BPJS participation-type code for vulnerable workers (SG, SA, SD …); blank otherwise.</summary>
    public string? BpjsParticipationCode { get; set; }

    /// <summary>Default declared income (BPU) in rupiah; null when the wage comes from the data.</summary>
    public long? DefaultIncome { get; set; }

    /// <summary>Overrides the OPD's JKK risk group for workers of this category; null = use the OPD's.</summary>
    public int? JkkRiskGroup { get; set; }

    /// <summary>Age limits at registration; none by default (none is confirmed in the reference).</summary>
    public int? MinAge { get; set; }

    public int? MaxAge { get; set; }

    /// <summary>SIPD account code (kode rekening) of the budget line that pays this category's iuran; blank until filled.</summary>
    public string? BudgetAccountCode { get; set; }
    public string? Notes { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }
}

/// <summary>PU = wage earner, BPU = non-wage earner, Jakon = construction project.</summary>
public enum Scheme
{
    PU = 1,
    BPU = 2,
    Jakon = 3,
}
