using System.Text;
using Lindung.Core.Audit;
using Lindung.Core.Data;
using Lindung.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lindung.Web.Pages.Akun;

/// <summary>
/// The second factor of the signed-in user (TOTP with ASP.NET Core Identity's authenticator support): enrol by
/// typing the key (or opening the otpauth:// link) into an authenticator app and confirming a first code; ten
/// recovery codes are shown once. Administrator, Koordinator and Auditor cannot turn it off. Every step audited.
/// </summary>
public sealed class DuaFaktorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, LindungDbContext db,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public const int RecoveryCodeCount = 10;

    // The login provider and token name under which Identity's EF user store keeps the authenticator key.
    private const string AuthenticatorKeyProvider = "[AspNetUserStore]";
    private const string AuthenticatorKeyName = "AuthenticatorKey";

    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public string? SharedKey { get; private set; }
    public string? AuthenticatorUri { get; private set; }
    public int RecoveryCodesLeft { get; private set; }

    /// <summary>Shown once, right after enrolment or renewal.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public string? Error { get; private set; }
    public string? Message { get; private set; }

    [BindProperty]
    public string? Code { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Message = TempData["TwoFactorMessage"] as string;
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        var code = new string((Code ?? "").Where(char.IsAsciiDigit).ToArray());
        var valid = code.Length == 6
            && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            db.Audit(AuditActions.SecondFactorFailed, nameof(AppUser), user.Id.ToString(), "enrolment", tenantCode: user.TenantCode);
            await db.SaveChangesAsync();
            Error = t["TwoFactor_CodeWrong"];
            await LoadAsync(user);
            return Page();
        }

        db.Audit(AuditActions.SecondFactorEnabled, nameof(AppUser), user.Id.ToString(), user.UserName, tenantCode: user.TenantCode);
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        await signIn.RefreshSignInAsync(user);
        await LoadAsync(user);
        Message = t["TwoFactor_Enabled"];
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        db.Audit(AuditActions.RecoveryCodesRenewed, nameof(AppUser), user.Id.ToString(), user.UserName, tenantCode: user.TenantCode);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        await LoadAsync(user);
        return Page();
    }

    /// <summary>Turns the second factor off, for roles that do not require it; the key is replaced.</summary>
    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (await IsRequiredAsync(user))
        {
            return Forbid();
        }

        db.Audit(AuditActions.SecondFactorDisabled, nameof(AppUser), user.Id.ToString(), user.UserName, tenantCode: user.TenantCode);
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["TwoFactorMessage"] = t["TwoFactor_Disabled"].Value;
        return RedirectToPage();
    }

    private async Task<bool> IsRequiredAsync(AppUser user) =>
        (await users.GetRolesAsync(user)).Any(r => Roles.RequireSecondFactor.Contains(r));

    private async Task LoadAsync(AppUser user)
    {
        Enabled = user.TwoFactorEnabled;
        Required = await IsRequiredAsync(user);
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Stored as Identity's own store does (ResetAuthenticatorKeyAsync would also renew the security stamp and so
            // end the user's other sessions merely for opening this page).
            key = users.GenerateNewAuthenticatorKey();
            await users.SetAuthenticationTokenAsync(user, AuthenticatorKeyProvider, AuthenticatorKeyName, key);
        }

        SharedKey = FormatKey(key);
        AuthenticatorUri = AuthenticatorUriFor(user.UserName ?? "", key);
    }

    /// <summary>The key in groups of four, lower case, as authenticator apps accept it.</summary>
    public static string FormatKey(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0)
            {
                sb.Append(' ');
            }

            sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return sb.ToString().ToLowerInvariant();
    }

    public static string AuthenticatorUriFor(string userName, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString("Lindung:" + userName)}?secret={key}&issuer=Lindung&digits=6&period=30";
}
