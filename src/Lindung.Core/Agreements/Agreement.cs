using Lindung.Core.Data;
using Lindung.Core.Tenancy;

namespace Lindung.Core.Agreements;

/// <summary>
/// A cooperation agreement (PKS) between the regency and BPJS Ketenagakerjaan, with the regent regulation (Perbup)
/// that grounds it. A renewal is a new row linked to the one it renews (<see cref="PreviousVersionId"/>); the old
/// row is never changed by a renewal, so what was in force on any past date stays readable.
/// </summary>
public sealed class Agreement : ITenantOwned, IStamped, IAudited
{
    public Guid Id { get; set; } = VersionSevenId.New();
    public string TenantCode { get; set; } = "";

    /// <summary>Nomor PKS as written on the signed document.</summary>
    public required string Number { get; set; }

    public DateOnly SignedOn { get; set; }

    /// <summary>The parties, e.g. "Bupati OKU Selatan; BPJS Ketenagakerjaan Cabang OKU Raya".</summary>
    public required string Parties { get; set; }

    /// <summary>Worker category codes the agreement covers, ';'-separated (e.g. <c>NONASN;PERANGKAT_DESA</c>).</summary>
    public string Categories { get; set; } = "";

    /// <summary>Programs, ';'-separated (<c>JKK;JKM;JHT</c>).</summary>
    public string Programs { get; set; } = "";

    /// <summary>Funding sources, ';'-separated as engagements spell them (<c>APBD;APBDes</c>).</summary>
    public string FundingSources { get; set; } = "";

    public DateOnly ValidFrom { get; set; }
    public DateOnly ValidTo { get; set; }

    public string? PerbupNumber { get; set; }
    public int? PerbupYear { get; set; }
    public string? PerbupTitle { get; set; }

    /// <summary>1 for the first agreement, +1 for each renewal.</summary>
    public int Version { get; set; } = 1;

    public Guid? PreviousVersionId { get; set; }

    /// <summary>The signed PDF, stored under the data directory by <see cref="AgreementDocuments"/>; null until uploaded.</summary>
    public string? DocumentName { get; set; }

    public long? DocumentSize { get; set; }

    public string? Notes { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }

    public List<AgreementHandover> Handovers { get; set; } = [];

    public static IReadOnlyList<string> Split(string list) =>
        list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string Join(IEnumerable<string> items) =>
        string.Join(';', items.Select(i => i.Trim()).Where(i => i.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase));

    public bool CoversCategory(string categoryCode) => Split(Categories).Contains(categoryCode, StringComparer.OrdinalIgnoreCase);

    public bool CoversFunding(string fundingSource) => Split(FundingSources).Contains(fundingSource, StringComparer.OrdinalIgnoreCase);

    public bool IsInForceOn(DateOnly date) => ValidFrom <= date && date <= ValidTo;
}

/// <summary>A symbolic handover (penyerahan simbolis) of cards at or after a signing.</summary>
public sealed class AgreementHandover : ITenantOwned, IStamped, IAudited
{
    public Guid Id { get; set; } = VersionSevenId.New();
    public string TenantCode { get; set; } = "";
    public Guid AgreementId { get; set; }
    public DateOnly Date { get; set; }
    public required string Place { get; set; }
    public string? Note { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }
    public List<HandoverRecipient> Recipients { get; set; } = [];
}

/// <summary>One recipient: a registry person, or a name typed freely (a guest not in the registry).</summary>
public sealed class HandoverRecipient : ITenantOwned, IStamped, IAudited
{
    public Guid Id { get; set; } = VersionSevenId.New();
    public string TenantCode { get; set; } = "";
    public Guid HandoverId { get; set; }
    public Guid? PersonId { get; set; }
    public required string Name { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }
}
