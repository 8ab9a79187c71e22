using Lindung.Core.Api;
using Lindung.Core.Audit;
using Lindung.Core.Data;
using Lindung.Core.Identity;
using Lindung.Web.Setup;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Lindung.Web.Api;

/// <summary>
/// Refused API calls are audited like the served ones (issue 7, ASVS V7.1.3): 401 (no, malformed, unknown or revoked
/// token), 403 (a scope the token lacks) and 429 (rate limit). A 429 is written at most once per client and minute,
/// so a flood cannot fill the trail (the rate limit already caps the others). The line names the client when the
/// token is known, else the installation's tenant; never the token itself.
/// </summary>
public static class ApiRefusals
{
    public static async Task AuditAsync(HttpContext http, int status, string reason)
    {
        var user = http.User;
        if (user.FindFirst(ApiClaims.ClientId) is null && status == StatusCodes.Status429TooManyRequests)
        {
            // The rate limiter runs before authentication: find out whose token it was.
            var result = await http.AuthenticateAsync(ApiTokenHandler.SchemeName);
            if (result.Succeeded)
            {
                user = result.Principal;
            }
        }

        var client = user.FindFirst(ApiClaims.ClientId)?.Value;
        if (status == StatusCodes.Status429TooManyRequests)
        {
            var cache = http.RequestServices.GetRequiredService<IMemoryCache>();
            var key = "api-429:" + (client ?? http.Connection.RemoteIpAddress?.ToString() ?? "?");
            if (cache.TryGetValue(key, out _))
            {
                return;
            }

            cache.Set(key, true, TimeSpan.FromMinutes(1));
        }

        var tenant = user.FindFirst(LindungClaims.Tenant)?.Value
            ?? http.RequestServices.GetRequiredService<IOptions<LindungOptions>>().Value.Tenant;
        await using var scope = http.RequestServices.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        db.Audit(AuditActions.ApiRefused, nameof(ApiClient), client,
            FormattableString.Invariant($"{status} {http.Request.Method} {http.Request.Path}: {reason}"), tenantCode: tenant);
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
