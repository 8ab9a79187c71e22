using Lindung.Core.Data;
using Lindung.Core.Tenancy;

namespace Lindung.Core.Registry;

/// <summary>
/// A person to protect: one per NIK per tenant. The NIK itself is stored only as a keyed hash and a
/// ciphertext; the facts analytics need (birth date, sex, region of issue) are their own columns.
/// </summary>
public sealed class Person : ITenantOwned, IStamped, IAudited
{
    public Guid Id { get; set; } = VersionSevenId.New();
    public string TenantCode { get; set; } = "";

    /// <summary>HMAC-SHA256 of the NIK with the installation's key: unique per tenant, exact lookup.</summary>
    public required byte[] NikHash { get; set; }

    /// <summary>AES-GCM ciphertext of the NIK, for an audited reveal and for exports to BPJS.</summary>
    public required byte[] NikCipher { get; set; }

    /// <summary>Masked form shown in lists, e.g. <c>1609••••••••0001</c>.</summary>
    public required string NikMasked { get; set; }

    /// <summary>Kecamatan code where the NIK was first issued (not the domicile).</summary>
    public string? NikRegionCode { get; set; }

    public required string FullName { get; set; }
    public string? FrontTitle { get; set; }
    public string? BackTitle { get; set; }

    /// <summary>Normalised name for matching (upper case, titles and punctuation removed, variants folded).</summary>
    public string NameKey { get; set; } = "";

    public string? BirthPlace { get; set; }
    public DateOnly BirthDate { get; set; }

    /// <summary>'L' (laki-laki) or 'P' (perempuan).</summary>
    public char Sex { get; set; }

    public string? Address { get; set; }
    public string? DistrictCode { get; set; }
    public string? VillageCode { get; set; }

    /// <summary>E.164, e.g. +6281234567890.</summary>
    public string? Phone { get; set; }

    /// <summary>BPJS participant number (11 digits), once BPJS returns it.</summary>
    public string? Kpj { get; set; }

    /// <summary>
    /// When the person's identifying data was erased (UU PDP request or retention, <c>Privacy/PersonalDataEraser</c>);
    /// the row stays with only non-identifying facts (birth year, sex, kecamatan) for statistics.
    /// </summary>
    public DateTime? ErasedAt { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }

    public List<Engagement> Engagements { get; set; } = [];
}
