using Lindung.Core.Data;
using Lindung.Core.Tenancy;

namespace Lindung.Core.Coverage;

/// <summary>
/// Coverage of one ended month, frozen when taken: editing the registry later never changes it. Totals count each
/// person once; the groups below it count a person in every group one of their engagements falls in.
/// </summary>
public sealed class CoverageSnapshot : ITenantOwned, IStamped
{
    public Guid Id { get; set; } = VersionSevenId.New();
    public string TenantCode { get; set; } = "";

    /// <summary>YYYY-MM.</summary>
    public required string Period { get; set; }

    public int Eligible { get; set; }
    public int Active { get; set; }

    /// <summary>Where "active" came from: BPJS's list for the month, or the registry's Terdaftar when BPJS sent none.</summary>
    public ActiveSource Source { get; set; }

    public List<CoverageSnapshotGroup> Groups { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }
}

public sealed class CoverageSnapshotGroup : ITenantOwned
{
    public Guid Id { get; set; } = VersionSevenId.New();
    public string TenantCode { get; set; } = "";
    public Guid SnapshotId { get; set; }

    /// <summary>opd, category, scheme, funding, kecamatan, desa, sex, age.</summary>
    public required string Dimension { get; set; }

    public required string Key { get; set; }
    public required string Label { get; set; }
    public int Eligible { get; set; }
    public int Active { get; set; }
}

public enum ActiveSource
{
    /// <summary>Active = listed active in BPJS's participant list for the month.</summary>
    BpjsList = 1,

    /// <summary>No BPJS list for the month: active = an engagement Terdaftar by the month's end.</summary>
    RegistryRegistered = 2,
}
