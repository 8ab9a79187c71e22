using System.Security.Claims;
using System.Threading.RateLimiting;
using Lindung.Core.Data;
using Lindung.Core.Identity;
using Lindung.Web.Authorization;
using Lindung.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lindung.Web.Setup;

public static class AuthSetup
{
    public const string SignInPath = "/Akun/Masuk";

    /// <summary>The second step of signing in: the authenticator code or a recovery code.</summary>
    public const string SecondFactorPath = "/Akun/MasukKode";

    public static void AddLindungAuth(this WebApplicationBuilder builder)
    {
        var identity = builder.Services.AddIdentity<AppUser, IdentityRole<Guid>>(IdentitySetup.ConfigurePolicy)
            .AddEntityFrameworkStores<LindungDbContext>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddErrorDescriber<LindungIdentityErrors>()
            .AddClaimsPrincipalFactory<LindungClaimsFactory>()
            .AddDefaultTokenProviders();

        var session = builder.Configuration.GetSection("Lindung");
        if (session.GetValue<bool?>(nameof(LindungOptions.TotpReplayProtection)) ?? true)
        {
            // Replaces Identity's authenticator provider (registered under the same name just above): a code works once.
            identity.AddTokenProvider<OneTimeAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);
        }

        var idleMinutes = session.GetValue<int?>(nameof(LindungOptions.SessionIdleMinutes)) ?? 30;
        var stampMinutes = session.GetValue<double?>(nameof(LindungOptions.SecurityStampValidationMinutes)) ?? 1;
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(stampMinutes));
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = SignInPath;
            o.LogoutPath = "/Akun/Keluar";
            o.AccessDeniedPath = "/Status/403";
            o.Cookie.Name = "Lindung.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(idleMinutes);
            o.SlidingExpiration = true;
            // A forbidden page answers 403 (rendered by the status page), not a redirect that hides it.
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        builder.Services.AddAuthorization(o =>
        {
            o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            o.AddPolicy(AreaAccess.AnyRole, p => p.RequireRole(Roles.All));
            foreach (var (folder, roles) in AreaAccess.Folders.Concat(AreaAccess.Pages))
            {
                o.AddPolicy(AreaAccess.PolicyFor(folder), p => p.RequireRole(roles));
            }
        });

        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
            {
                // Sign-in attempts per client address, uploads per user; the API has its own policy (ApiSetup).
                if (ctx.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
                {
                    // The status page rendering a refusal is not another upload.
                    return RateLimitPartition.GetNoLimiter("none");
                }

                if (HttpMethods.IsPost(ctx.Request.Method) && ctx.Request.HasFormContentType
                    && ctx.Request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true)
                {
                    var uploads = ctx.RequestServices.GetRequiredService<IOptions<LindungOptions>>().Value.UploadsPerMinute;
                    var who = ctx.User.Identity?.IsAuthenticated == true ? "user:" + ctx.User.Identity.Name : "ip:" + ctx.Connection.RemoteIpAddress;
                    return RateLimitPartition.GetFixedWindowLimiter("upload:" + who,
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = uploads, Window = TimeSpan.FromMinutes(1) });
                }

                if (HttpMethods.IsPost(ctx.Request.Method)
                    && (ctx.Request.Path.StartsWithSegments(SignInPath, StringComparison.OrdinalIgnoreCase)
                        || ctx.Request.Path.StartsWithSegments(SecondFactorPath, StringComparison.OrdinalIgnoreCase)))
                {
                    var limit = ctx.RequestServices.GetRequiredService<IOptions<LindungOptions>>().Value.SignInAttemptsPerMinute;
                    return RateLimitPartition.GetFixedWindowLimiter(
                        "signin:" + (ctx.Connection.RemoteIpAddress?.ToString() ?? "local"),
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1) });
                }

                return RateLimitPartition.GetNoLimiter("none");
            });
        });
    }
}

/// <summary>Puts the tenant, OPD, display name and the must-change-password flag into the sign-in cookie.</summary>
public sealed class LindungClaimsFactory(
    UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options, LindungDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(LindungClaims.Tenant, user.TenantCode));
        var tenant = await db.Tenants.FindAsync(user.TenantCode);
        identity.AddClaim(new Claim(LindungClaims.TenantName, tenant?.Name ?? user.TenantCode));
        identity.AddClaim(new Claim(LindungClaims.DisplayName, user.DisplayName));
        if (user.AgencyId is { } agency)
        {
            identity.AddClaim(new Claim(LindungClaims.Agency, agency.ToString()));
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(LindungClaims.MustChangePassword, "1"));
        }

        if (!user.TwoFactorEnabled)
        {
            var roleNames = await UserManager.GetRolesAsync(user);
            if (roleNames.Any(r => Roles.RequireSecondFactor.Contains(r)))
            {
                identity.AddClaim(new Claim(LindungClaims.SecondFactorMissing, "1"));
            }
        }

        return identity;
    }
}
