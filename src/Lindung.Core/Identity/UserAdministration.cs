using Lindung.Core.Audit;
using Lindung.Core.Data;
using Lindung.Core.Formatting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Identity;

public sealed record NewUser(string UserName, string DisplayName, string Role, string TenantCode, Guid? AgencyId,
    string? Password, bool MustChangePassword);

public sealed record CreatedUser(AppUser User, string Password);

/// <summary>Creating users and resetting passwords, shared by the admin pages and <c>lindung user add</c>.</summary>
public sealed class UserAdministration(UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles, LindungDbContext db)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var result = await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() });
                Check(result);
            }
        }
    }

    public async Task<CreatedUser> CreateAsync(NewUser request)
    {
        if (!Roles.IsKnown(request.Role))
        {
            throw new UserAdministrationException(IdentityMessages.RoleUnknown(request.Role));
        }

        if (request.Role == Roles.OperatorOpd && request.AgencyId is null)
        {
            throw new UserAdministrationException(IdentityMessages.OperatorNeedsAgency);
        }

        if (!await db.Tenants.AnyAsync(t => t.Code == request.TenantCode))
        {
            throw new UserAdministrationException(IdentityMessages.TenantMissing(request.TenantCode));
        }

        await EnsureRolesAsync();
        var password = request.Password ?? PasswordGenerator.Generate();
        var user = new AppUser
        {
            UserName = request.UserName.Trim().ToLowerInvariant(),
            DisplayName = request.DisplayName,
            TenantCode = request.TenantCode,
            AgencyId = request.Role == Roles.OperatorOpd ? request.AgencyId : null,
            MustChangePassword = request.MustChangePassword,
            CreatedAt = db.Time.GetUtcNow().UtcDateTime,
        };

        await using var tx = await db.Database.BeginTransactionAsync();
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, request.Role));
        db.Audit(AuditActions.UserCreated, nameof(AppUser), user.Id.ToString(), $"{user.UserName} ({request.Role})",
            tenantCode: request.TenantCode);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return new CreatedUser(user, password);
    }

    /// <summary>Issues a temporary password the user must change at the next sign-in (no e-mail server assumed).</summary>
    public async Task<string> ResetPasswordAsync(AppUser user)
    {
        var password = PasswordGenerator.Generate();
        await using var tx = await db.Database.BeginTransactionAsync();
        Check(await users.RemovePasswordAsync(user));
        Check(await users.AddPasswordAsync(user, password));
        user.MustChangePassword = true;
        Check(await users.UpdateAsync(user));
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        db.Audit(AuditActions.PasswordReset, nameof(AppUser), user.Id.ToString(), user.UserName, tenantCode: user.TenantCode);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return password;
    }

    /// <summary>
    /// Locks the account at once: no sign-in until unlocked, and a new security stamp so every open session ends
    /// at its next stamp check.
    /// </summary>
    public async Task LockAsync(AppUser user)
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        Check(await users.SetLockoutEnabledAsync(user, true));
        Check(await users.SetLockoutEndDateAsync(user, new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero)));
        Check(await users.UpdateSecurityStampAsync(user));
        db.Audit(AuditActions.UserLocked, nameof(AppUser), user.Id.ToString(), user.UserName, tenantCode: user.TenantCode);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
    }

    /// <summary>
    /// A lost phone without recovery codes: the second factor is switched off, the authenticator key replaced (the
    /// old app's codes stop working), the recovery codes dropped, the open sessions ended, and a temporary password
    /// issued — the Administrator hands it over in person after checking who asks. At the next sign-in the user
    /// changes the password and, for Administrator/Koordinator/Auditor, must enrol an authenticator again.
    /// </summary>
    public async Task<string> ResetSecondFactorAsync(AppUser user)
    {
        var password = PasswordGenerator.Generate();
        await using var tx = await db.Database.BeginTransactionAsync();
        Check(await users.SetTwoFactorEnabledAsync(user, false));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes"));
        Check(await users.RemovePasswordAsync(user));
        Check(await users.AddPasswordAsync(user, password));
        user.MustChangePassword = true;
        Check(await users.UpdateAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        db.Audit(AuditActions.SecondFactorReset, nameof(AppUser), user.Id.ToString(), user.UserName, tenantCode: user.TenantCode);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return password;
    }

    public async Task UnlockAsync(AppUser user)
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
        db.Audit(AuditActions.UserUnlocked, nameof(AppUser), user.Id.ToString(), user.UserName, tenantCode: user.TenantCode);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            // An error Identity describes itself (not through LindungIdentityErrors) is not expected here; it is named by its code.
            throw new UserAdministrationException(CoreMessage.Sentences(result.Errors
                .Select(e => e is LindungIdentityError ours ? ours.Text : IdentityMessages.DefaultError)));
        }
    }
}

/// <summary>Why an account cannot be created or changed; <see cref="Exception.Message"/> is <see cref="Text"/> in the current UI culture.</summary>
public sealed class UserAdministrationException(CoreMessage text) : Exception
{
    public CoreMessage Text { get; } = text;

    public override string Message => Text.ToString();
}
