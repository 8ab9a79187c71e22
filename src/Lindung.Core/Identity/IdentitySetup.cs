using Lindung.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Core.Identity;

public static class IdentitySetup
{
    /// <summary>The password and lockout policy, shared by the web app and the CLI.</summary>
    public static void ConfigurePolicy(IdentityOptions o)
    {
        // ASVS V2.1: length over composition; common and context-specific passwords are refused by
        // CommonPasswordValidator.
        o.Password.RequiredLength = 12;
        o.Password.RequiredUniqueChars = 5;
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = false;
        o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyz0123456789._-@";
        o.SignIn.RequireConfirmedAccount = false;
    }

    /// <summary>Identity without cookies or UI, for the CLI and background work.</summary>
    public static IdentityBuilder AddLindungIdentityCore(this IServiceCollection services) =>
        services.AddIdentityCore<AppUser>(ConfigurePolicy)
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<LindungDbContext>()
            .AddErrorDescriber<LindungIdentityErrors>()
            .AddPasswordValidator<CommonPasswordValidator>();
}

/// <summary>Refuses passwords that are common or contain the user name or the product's name.</summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    private static readonly string[] Banned =
        ["password", "passw0rd", "123456", "qwerty", "lindung", "bpjs", "admin", "rahasia", "indonesia", "okuselatan"];

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        var text = password ?? "";
        var bad = Banned.Any(b => text.Contains(b, StringComparison.OrdinalIgnoreCase))
            || (user.UserName is { Length: >= 3 } name && text.Contains(name, StringComparison.OrdinalIgnoreCase));
        return Task.FromResult(bad
            ? IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooCommon",
                Description = "Kata sandi terlalu mudah ditebak (mengandung kata umum atau nama pengguna).",
            })
            : IdentityResult.Success);
    }
}
