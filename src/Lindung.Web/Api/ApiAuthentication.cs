using System.Security.Claims;
using System.Text.Encodings.Web;
using Lindung.Core.Api;
using Lindung.Core.Data;
using Lindung.Core.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Lindung.Web.Api;

/// <summary>Claims of an API client principal (never given to a browser user).</summary>
public static class ApiClaims
{
    /// <summary>"read" for every client, plus "write" for a client that may submit.</summary>
    public const string Scope = "lindung:api_scope";
    public const string RevealNik = "lindung:api_reveal_nik";
    public const string ClientId = "lindung:api_client";
    public const string ReadScope = "read";
    public const string WriteScope = "write";
}

/// <summary>
/// <c>Authorization: Bearer lnd_…</c>: a separate authentication scheme used only by the API's policies, so a
/// browser's sign-in cookie never opens <c>/api/v1</c> and a token never opens a page (the API principal has no
/// Lindung role). Tokens are compared by SHA-256; a revoked or unknown token fails (401).
/// </summary>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    LindungDbContext db, TimeProvider time, IStringLocalizer<SharedResource> t)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "LindungApi";
    private const string MalformedToken = "Malformed API token";
    private const string UnknownToken = "Unknown or revoked API token";

    /// <summary>Last-used time is written at most this often per client (one UPDATE, not one per call).</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        if (!token.StartsWith(ApiTokens.Prefix, StringComparison.Ordinal) || token.Length > 128)
        {
            return AuthenticateResult.Fail(MalformedToken);
        }

        var hash = ApiTokens.Hash(token);
        // Before authentication there is no tenant: the token's hash is unique across tenants.
        var client = await db.ApiClients.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(c => c.TokenHash == hash, Context.RequestAborted);
        if (client is null || client.RevokedAt is not null)
        {
            return AuthenticateResult.Fail(UnknownToken);
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (client.LastUsedAt is not { } last || now - last >= LastUsedResolution)
        {
            await db.ApiClients.IgnoreQueryFilters().Where(c => c.Id == client.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastUsedAt, now), Context.RequestAborted);
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, client.Id.ToString()),
            new(ClaimTypes.Name, "api:" + client.Name),
            new(ApiClaims.ClientId, client.Id.ToString()),
            new(LindungClaims.Tenant, client.TenantCode),
            new(ApiClaims.Scope, ApiClaims.ReadScope),
        };
        if (client.MayWrite)
        {
            claims.Add(new Claim(ApiClaims.Scope, ApiClaims.WriteScope));
        }

        if (client.MayRevealNik)
        {
            claims.Add(new Claim(ApiClaims.RevealNik, "1"));
        }

        if (client.AgencyId is { } agency)
        {
            claims.Add(new Claim(LindungClaims.Agency, agency.ToString()));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var reason = result.None ? "tanpa token"
            : result.Failure?.Message == MalformedToken ? "token salah bentuk"
            : "token tidak dikenal atau sudah dicabut";
        await ApiRefusals.AuditAsync(Context, StatusCodes.Status401Unauthorized, reason);
        Response.Headers.WWWAuthenticate = "Bearer";
        await ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, t["Api_Unauthorized"]);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        await ApiRefusals.AuditAsync(Context, StatusCodes.Status403Forbidden, "cakupan token tidak mengizinkan");
        await ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, t["Api_Forbidden"]);
    }
}

/// <summary>The API client of the current request, read from its claims.</summary>
public sealed record ApiCaller(Guid ClientId, string TenantCode, Guid? AgencyId, bool MayWrite, bool MayRevealNik)
{
    public static ApiCaller Of(ClaimsPrincipal user) => new(
        Guid.Parse(user.FindFirstValue(ApiClaims.ClientId)!),
        user.FindFirstValue(LindungClaims.Tenant)!,
        Guid.TryParse(user.FindFirstValue(LindungClaims.Agency), out var agency) ? agency : null,
        user.HasClaim(ApiClaims.Scope, ApiClaims.WriteScope),
        user.HasClaim(ApiClaims.RevealNik, "1"));
}

/// <summary>RFC 7807 problems with the message in Bahasa Indonesia.</summary>
public static class ApiProblems
{
    public static Task WriteAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(Body(status, detail), (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }

    public static IResult Result(int status, string detail) => Results.Json(Body(status, detail), statusCode: status, contentType: "application/problem+json");

    private static Dictionary<string, object> Body(int status, string detail) => new()
    {
        ["type"] = "about:blank",
        ["title"] = ReasonPhrases(status),
        ["status"] = status,
        ["detail"] = detail,
    };

    private static string ReasonPhrases(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
}
