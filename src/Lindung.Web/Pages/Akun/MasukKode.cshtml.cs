using Lindung.Core.Audit;
using Lindung.Core.Data;
using Lindung.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lindung.Web.Pages.Akun;

/// <summary>
/// The second step of signing in: a 6-digit code from the authenticator app, or one of the recovery codes (each
/// works once). Reached only after the right password (Identity's two-factor cookie); every outcome is audited.
/// </summary>
public sealed class MasukKodeModel(SignInManager<AppUser> signIn, LindungDbContext db, IStringLocalizer<SharedResource> t)
    : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Akun/Masuk");
        }

        var code = new string((Code ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        var isTotp = code.Length == 6 && code.All(char.IsAsciiDigit);
        var result = isTotp
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code);

        var action = result.Succeeded
            ? (isTotp ? AuditActions.SignIn : AuditActions.RecoveryCodeUsed)
            : AuditActions.SecondFactorFailed;
        db.Audit(action, nameof(AppUser), user.Id.ToString(), result.IsLockedOut ? "locked out" : (isTotp ? "totp" : "recovery code"),
            tenantCode: user.TenantCode);
        if (result.Succeeded && !isTotp)
        {
            db.Audit(AuditActions.SignIn, nameof(AppUser), user.Id.ToString(), "recovery code", tenantCode: user.TenantCode);
        }

        await db.SaveChangesAsync();
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        Error = result.IsLockedOut ? t["SignIn_LockedOut"] : t["TwoFactor_CodeWrong"];
        return Page();
    }
}
