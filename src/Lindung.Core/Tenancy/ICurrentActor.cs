namespace Lindung.Core.Tenancy;

/// <summary>Who is acting, for which tenant and from where: read by the DbContext for filters and audit.</summary>
public interface ICurrentActor
{
    /// <summary>The tenant whose rows are visible; null means none are (deny by default).</summary>
    string? TenantCode { get; }

    Guid? UserId { get; }

    string UserName { get; }

    string? IpAddress { get; }
}

/// <summary>A fixed actor: the command line, background jobs and tests.</summary>
public sealed record FixedActor(string? TenantCode, string UserName, Guid? UserId = null, string? IpAddress = null)
    : ICurrentActor;
