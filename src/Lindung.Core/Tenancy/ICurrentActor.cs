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

/// <summary>
/// The scoped actor: normally the request's user; startup seeding, the CLI and background jobs set
/// <see cref="Override"/> for their scope so every service in it (DbContext, Identity) acts alike.
/// </summary>
public sealed class SwitchableActor(ICurrentActor fallback) : ICurrentActor
{
    public ICurrentActor? Override { get; set; }

    private ICurrentActor Current => Override ?? fallback;

    public string? TenantCode => Current.TenantCode;

    public Guid? UserId => Current.UserId;

    public string UserName => Current.UserName;

    public string? IpAddress => Current.IpAddress;
}
