using Lindung.Core.Audit;
using Lindung.Core.Data;
using Lindung.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lindung.Web.Pages.Akun;

public sealed class MasukModel(
    SignInManager<AppUser> signIn, UserManager<AppUser> users, LindungDbContext db, IStringLocalizer<SharedResource> t)
    : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var name = (Input.UserName ?? "").Trim().ToLowerInvariant();
        var result = await signIn.PasswordSignInAsync(name, Input.Password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            // The password was right; the sign-in is recorded once the second factor is given too.
            return RedirectToPage("/Akun/MasukKode", new { ReturnUrl });
        }

        var user = await users.FindByNameAsync(name);
        if (user is not null)
        {
            // Recorded for known accounts only, under the account's tenant; unknown names leave no trail to fill.
            db.Audit(result.Succeeded ? AuditActions.SignIn : AuditActions.SignInFailed, nameof(AppUser), user.Id.ToString(),
                result.IsLockedOut ? "locked out" : null, tenantCode: user.TenantCode);
            await db.SaveChangesAsync();
        }

        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        Error = result.IsLockedOut ? t["SignIn_LockedOut"] : t["SignIn_Failed"];
        return Page();
    }

    public sealed class InputModel
    {
        public string? UserName { get; set; }

        public string? Password { get; set; }
    }
}
