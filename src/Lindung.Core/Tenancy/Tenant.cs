namespace Lindung.Core.Tenancy;

/// <summary>A kabupaten/kota running Lindung, keyed by its Kemendagri code (e.g. <c>16.09</c>).</summary>
public sealed class Tenant
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public DateTime CreatedAt { get; set; }
}
