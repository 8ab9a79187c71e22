using Lindung.Core.Data;

namespace Lindung.Core.Tenancy;

/// <summary>A tenant's setting by key (JSON or text), e.g. the BPJS export column mapping. Changes are audited.</summary>
public sealed class TenantSetting : ITenantOwned, IStamped, IAudited
{
    public Guid Id { get; set; } = VersionSevenId.New();
    public string TenantCode { get; set; } = "";
    public required string Key { get; set; }
    public required string Value { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }
}
