using Lindung.Core.Audit;
using Lindung.Core.Data;
using Lindung.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lindung.Web.Pages.Akun;

public sealed class GantiSandiModel(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, LindungDbContext db, IStringLocalizer<SharedResource> t)
    : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool MustChange => User.HasClaim(c => c.Type == LindungClaims.MustChangePassword);

    public bool Done { get; private set; }

    public List<string> Errors { get; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (Input.New != Input.Confirm)
        {
            Errors.Add(t["ChangePw_Mismatch"]);
            return Page();
        }

        await using var tx = await db.Database.BeginTransactionAsync();
        var result = await users.ChangePasswordAsync(user, Input.Current ?? "", Input.New ?? "");
        if (!result.Succeeded)
        {
            Errors.AddRange(result.Errors.Select(e => e.Code == "PasswordMismatch" ? t["ChangePw_WrongCurrent"] : e.Description));
            return Page();
        }

        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        db.Audit(AuditActions.PasswordChanged, nameof(AppUser), user.Id.ToString(), tenantCode: user.TenantCode);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        await signIn.RefreshSignInAsync(user);
        Done = true;
        return Page();
    }

    public sealed class InputModel
    {
        public string? Current { get; set; }

        public string? New { get; set; }

        public string? Confirm { get; set; }
    }
}
