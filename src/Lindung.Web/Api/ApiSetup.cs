using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Lindung.Web.Setup;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Lindung.Web.Api;

/// <summary>
/// Which scope each API endpoint requires. Deny by default: the enumeration test lists every endpoint under
/// <c>/api/v1</c> and fails for one whose policy is not named here.
/// </summary>
public static class ApiAccess
{
    public const string ReadPolicy = "Api:Read";
    public const string WritePolicy = "Api:Write";
}

public static class ApiSetup
{
    public const string RatePolicy = "Api";
    public const string DocumentName = "v1";
    public const string DocumentPath = ApiEndpoints.Prefix + "/openapi.json";

    public static void AddLindungApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null);
        builder.Services.AddAuthorization(o =>
        {
            o.AddPolicy(ApiAccess.ReadPolicy, p => p.AddAuthenticationSchemes(ApiTokenHandler.SchemeName).RequireAuthenticatedUser()
                .RequireClaim(ApiClaims.Scope, ApiClaims.ReadScope));
            o.AddPolicy(ApiAccess.WritePolicy, p => p.AddAuthenticationSchemes(ApiTokenHandler.SchemeName).RequireAuthenticatedUser()
                .RequireClaim(ApiClaims.Scope, ApiClaims.WriteScope));
        });

        builder.Services.AddMemoryCache();
        builder.Services.AddRateLimiter(o =>
        {
            // Runs before authentication, so the partition is the presented token's hash: one token = one client.
            o.AddPolicy(RatePolicy, ctx =>
            {
                var header = ctx.Request.Headers.Authorization.ToString();
                var key = header.Length == 0
                    ? "anon:" + ctx.Connection.RemoteIpAddress
                    : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(header)));
                var limit = ctx.RequestServices.GetRequiredService<IOptions<LindungOptions>>().Value.ApiRequestsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter("api:" + key,
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            var previous = o.OnRejected;
            o.OnRejected = async (context, ct) =>
            {
                if (IsApi(context.HttpContext.Request.Path))
                {
                    var t = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                    await ApiRefusals.AuditAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "batas permintaan per menit terlampaui");
                    context.HttpContext.Response.Headers.RetryAfter = "60";
                    await ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, t["Api_RateLimited"]);
                }
                else if (previous is not null)
                {
                    await previous(context, ct);
                }
            };
        });

        builder.Services.AddOpenApi(DocumentName, o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1/", StringComparison.OrdinalIgnoreCase) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Lindung API",
                    Version = "v1",
                    Description = "Registry, coverage and worker submission for other government systems (docs/api.md).",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "Token lnd_… issued by an Administrator (Admin → API).",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
                return Task.CompletedTask;
            });
        });
    }

    public static bool IsApi(PathString path) => path.StartsWithSegments(ApiEndpoints.Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// API answers are JSON problems, never the HTML status page; a body that could not be read as the
    /// expected JSON (binding answers an empty 400) gets a problem that says so.
    /// </summary>
    public static void UseLindungApiStatusCodes(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (!IsApi(context.Request.Path))
        {
            await next(context);
            return;
        }

        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }

        await next(context);
        if (context.Response is { StatusCode: StatusCodes.Status400BadRequest, HasStarted: false, ContentType: null })
        {
            var t = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            await ApiProblems.WriteAsync(context, StatusCodes.Status400BadRequest, t["Api_BadBody"]);
        }
    });

    public static void MapLindungApiDocs(this WebApplication app) =>
        app.MapOpenApi(DocumentPath).AllowAnonymous().RequireRateLimiting(RatePolicy);
}
