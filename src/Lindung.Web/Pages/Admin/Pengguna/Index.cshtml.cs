using Lindung.Core.Data;
using Lindung.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lindung.Web.Pages.Admin.Pengguna;

public sealed class IndexModel(LindungDbContext db, UserManager<AppUser> users, UserAdministration admin,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record Row(Guid Id, string UserName, string DisplayName, List<string> Roles, string? Agency,
        bool MustChangePassword, bool Locked, bool SecondFactor);

    public List<Row> Users { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task OnGetAsync()
    {
        Message = TempData["UserMessage"] as string;
        await LoadAsync();
    }

    /// <summary>Issues a temporary password; the administrator hands it over, the user must change it.</summary>
    public async Task<IActionResult> OnPostResetAsync(Guid id)
    {
        var user = await users.Users.FirstOrDefaultAsync(u => u.Id == id && u.TenantCode == db.CurrentTenantCode);
        if (user is null)
        {
            return NotFound();
        }

        var password = await admin.ResetPasswordAsync(user);
        TempData["UserMessage"] = t["User_Reset", user.UserName ?? "", password].Value;
        return RedirectToPage();
    }

    /// <summary>Resets a lost second factor (with a temporary password); the user enrols again at the next sign-in.</summary>
    public async Task<IActionResult> OnPostResetSecondFactorAsync(Guid id)
    {
        var user = await users.Users.FirstOrDefaultAsync(u => u.Id == id && u.TenantCode == db.CurrentTenantCode);
        if (user is null)
        {
            return NotFound();
        }

        if (user.Id.ToString() == users.GetUserId(User))
        {
            TempData["UserMessage"] = t["User_SecondFactorResetSelf"].Value;
            return RedirectToPage();
        }

        var password = await admin.ResetSecondFactorAsync(user);
        TempData["UserMessage"] = t["User_SecondFactorReset", user.UserName ?? "", password].Value;
        return RedirectToPage();
    }

    /// <summary>Locks the account at once: no sign-in, and its open sessions end (new security stamp).</summary>
    public async Task<IActionResult> OnPostLockAsync(Guid id)
    {
        var user = await users.Users.FirstOrDefaultAsync(u => u.Id == id && u.TenantCode == db.CurrentTenantCode);
        if (user is null)
        {
            return NotFound();
        }

        if (user.Id.ToString() == users.GetUserId(User))
        {
            TempData["UserMessage"] = t["User_LockSelf"].Value;
            return RedirectToPage();
        }

        await admin.LockAsync(user);
        TempData["UserMessage"] = t["User_Locked", user.UserName ?? ""].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUnlockAsync(Guid id)
    {
        var user = await users.Users.FirstOrDefaultAsync(u => u.Id == id && u.TenantCode == db.CurrentTenantCode);
        if (user is null)
        {
            return NotFound();
        }

        await admin.UnlockAsync(user);
        TempData["UserMessage"] = t["User_Unlocked", user.UserName ?? ""].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var tenant = db.CurrentTenantCode;
        var now = db.Time.GetUtcNow();
        var list = await db.Users.AsNoTracking().Where(u => u.TenantCode == tenant).OrderBy(u => u.UserName).ToListAsync();
        var roleNames = await (from ur in db.UserRoles
                               join r in db.Roles on ur.RoleId equals r.Id
                               select new { ur.UserId, r.Name }).ToListAsync();
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.ShortName);
        Users = list.Select(u => new Row(
                u.Id, u.UserName ?? "", u.DisplayName,
                roleNames.Where(x => x.UserId == u.Id).Select(x => x.Name ?? "").ToList(),
                u.AgencyId is { } a ? agencies.GetValueOrDefault(a) : null,
                u.MustChangePassword,
                u.LockoutEnd is { } end && end > now,
                u.TwoFactorEnabled))
            .ToList();
    }
}
