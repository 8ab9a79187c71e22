using Lindung.Core.Data;
using Lindung.Core.Identity;
using Lindung.Core.MasterData;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lindung.Web.Pages.Admin.Pengguna;

public sealed class TambahModel(LindungDbContext db, UserAdministration admin, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public List<Agency> Agencies { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.UserName))
        {
            ModelState.AddModelError("Input.UserName", t["Val_Required", t["Col_UserName"]]);
        }

        if (string.IsNullOrWhiteSpace(Input.DisplayName))
        {
            ModelState.AddModelError("Input.DisplayName", t["Val_Required", t["Col_DisplayName"]]);
        }

        // The OPD must be one of this tenant's: the filtered query refuses any other.
        if (Input.AgencyId is { } agencyId && !await db.Agencies.AnyAsync(a => a.Id == agencyId))
        {
            return NotFound();
        }

        if (Input.Role == Roles.OperatorOpd && Input.AgencyId is null)
        {
            ModelState.AddModelError("Input.AgencyId", t["User_AgencyRequired"]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        try
        {
            var created = await admin.CreateAsync(new NewUser(Input.UserName!, Input.DisplayName!.Trim(), Input.Role,
                db.CurrentTenantCode!, Input.AgencyId, Password: null, MustChangePassword: true));
            TempData["UserMessage"] = t["User_Created", created.User.UserName ?? "", created.Password].Value;
            return RedirectToPage("Index");
        }
        catch (UserAdministrationException e)
        {
            ModelState.AddModelError("", e.Message);
            await LoadAsync();
            return Page();
        }
    }

    private async Task LoadAsync() =>
        Agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).ToListAsync();

    public sealed class InputModel
    {
        public string? UserName { get; set; }
        public string? DisplayName { get; set; }
        public string Role { get; set; } = Roles.OperatorOpd;
        public Guid? AgencyId { get; set; }
    }
}
