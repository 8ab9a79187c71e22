namespace Lindung.Core.Tenancy;

/// <summary>
/// A row that belongs to one tenant. The DbContext filters every query on it by the current tenant and
/// stamps new rows with it, so a national deployment can partition or shard on <see cref="TenantCode"/>.
/// </summary>
public interface ITenantOwned
{
    string TenantCode { get; set; }
}
