using Lindung.Core.Audit;
using Lindung.Core.Data;
using Lindung.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lindung.Web.Pages.Akun;

public sealed class KeluarModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, LindungDbContext db) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/Akun/Masuk");
    }

    /// <summary>
    /// "Keluar dari semua perangkat": a new security stamp, so every other session of this account fails its next
    /// stamp check (Lindung:SecurityStampValidationMinutes), then this one signs out.
    /// </summary>
    public async Task<IActionResult> OnPostEverywhereAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            db.Audit(AuditActions.SignedOutEverywhere, nameof(AppUser), user.Id.ToString(), user.UserName, tenantCode: user.TenantCode);
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return LocalRedirect("/Akun/Masuk");
    }
}
