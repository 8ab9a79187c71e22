using Lindung.Core.Data;
using Lindung.Core.Tenancy;

namespace Lindung.Core.Bpjs;

/// <summary>
/// One collective registration file handed to BPJS: when, by whom, how many rows. Its rows are
/// <see cref="RegistrationExportItem"/>s, so a data subject report (UU PDP) can say "dikirim ke BPJS pada … oleh …"
/// and a breach review can list who was in a file. Not <see cref="IAudited"/>: the <c>data.exported</c> audit event
/// of the same transaction names it.
/// </summary>
public sealed class RegistrationExportBatch : ITenantOwned, IStamped
{
    public Guid Id { get; set; } = VersionSevenId.New();
    public string TenantCode { get; set; } = "";
    public DateTime At { get; set; }
    public required string ExportedBy { get; set; }

    /// <summary>"xlsx" or "csv".</summary>
    public required string Format { get; set; }

    public int Rows { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }
}

/// <summary>One engagement (hence one person) included in a registration file; written with <see cref="BulkInsert"/>.</summary>
public sealed class RegistrationExportItem : ITenantOwned
{
    public string TenantCode { get; set; } = "";
    public Guid BatchId { get; set; }
    public Guid EngagementId { get; set; }
    public Guid PersonId { get; set; }
}
