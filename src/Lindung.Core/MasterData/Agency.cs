using Lindung.Core.Data;
using Lindung.Core.Tenancy;

namespace Lindung.Core.MasterData;

/// <summary>An OPD (organisasi perangkat daerah): a regency agency or kecamatan office.</summary>
public sealed class Agency : ITenantOwned, IStamped, IAudited
{
    public Guid Id { get; set; } = VersionSevenId.New();
    public string TenantCode { get; set; } = "";
    public required string Code { get; set; }
    public required string ShortName { get; set; }
    public required string Name { get; set; }

    /// <summary>High-risk OPDs the regency registers first. A priority, not a JKK risk group.</summary>
    public bool IsPriority { get; set; }

    /// <summary>JKK risk group 1–5 (PP 44/2015); government staff default to group 1 (0.24%).</summary>
    public int JkkRiskGroup { get; set; } = 1;

    /// <summary>BPJS employer number (Nomor Pendaftaran Perusahaan); blank until an administrator fills it.</summary>
    public string? Npp { get; set; }

    /// <summary>For kecamatan offices: the kecamatan's Kemendagri code.</summary>
    public string? RegionCode { get; set; }

    public bool MentionedInSources { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }
}
