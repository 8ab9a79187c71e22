using System.Security.Claims;
using Lindung.Core.Identity;
using Lindung.Core.Tenancy;

namespace Lindung.Web.Infrastructure;

/// <summary>The signed-in user as the DbContext sees them: tenant from the sign-in claim, never from input.</summary>
public sealed class HttpActor(IHttpContextAccessor accessor) : ICurrentActor
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    public string? TenantCode => User?.Identity?.IsAuthenticated == true ? User.FindFirstValue(LindungClaims.Tenant) : null;

    public Guid? UserId => Guid.TryParse(User?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string UserName => User?.Identity?.Name ?? "anonim";

    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public Guid? AgencyId => Guid.TryParse(User?.FindFirstValue(LindungClaims.Agency), out var id) ? id : null;
}
