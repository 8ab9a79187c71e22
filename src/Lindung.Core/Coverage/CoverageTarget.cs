using Lindung.Core.Data;
using Lindung.Core.Tenancy;

namespace Lindung.Core.Coverage;

/// <summary>
/// A yearly coverage target (RPJMD 2025–2029 or the year's RKPD) for one worker category or for all
/// vulnerable workers, with the denominator it is measured against: the registry's eligible workers, or an
/// external population figure an official enters (e.g. vulnerable workers counted by the social registry).
/// </summary>
public sealed class CoverageTarget : ITenantOwned, IStamped, IAudited
{
    public Guid Id { get; set; } = VersionSevenId.New();
    public string TenantCode { get; set; } = "";
    public int Year { get; set; }
    public TargetPlan Plan { get; set; }

    /// <summary>Null = every vulnerable-worker (BPU) category together.</summary>
    public Guid? CategoryId { get; set; }

    /// <summary>Target coverage in percent, e.g. 63.4.</summary>
    public decimal TargetPercent { get; set; }

    public TargetDenominator Denominator { get; set; }

    /// <summary>For an external denominator: the population figure for the year.</summary>
    public int? ExternalPopulation { get; set; }

    /// <summary>For an external denominator: where the figure comes from (e.g. "DTSEN Dinas Sosial 2025").</summary>
    public string? ExternalSource { get; set; }

    public string? Notes { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }
}

public enum TargetPlan
{
    Rpjmd = 1,
    Rkpd = 2,
}

public enum TargetDenominator
{
    /// <summary>Verified engagements not ended in the month, counted once per person (PRODUCT §4.5).</summary>
    RegistryEligible = 1,

    /// <summary>A population figure entered by an official.</summary>
    External = 2,
}
