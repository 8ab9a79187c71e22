using Lindung.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lindung.Web.Pages.Admin.Opd;

public sealed class EditModel(LindungDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string Code { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var a = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        if (a is null)
        {
            return NotFound();
        }

        Code = a.Code;
        Input = new InputModel
        {
            Name = a.Name,
            ShortName = a.ShortName,
            JkkRiskGroup = a.JkkRiskGroup,
            Npp = a.Npp,
            IsPriority = a.IsPriority,
            IsActive = a.IsActive,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var a = await db.Agencies.FirstOrDefaultAsync(x => x.Id == id);
        if (a is null)
        {
            return NotFound();
        }

        Code = a.Code;
        if (string.IsNullOrWhiteSpace(Input.Name))
        {
            ModelState.AddModelError("Input.Name", t["Val_Required", t["Col_Name"]]);
        }

        if (string.IsNullOrWhiteSpace(Input.ShortName))
        {
            ModelState.AddModelError("Input.ShortName", t["Val_Required", t["Col_ShortName"]]);
        }

        if (Input.JkkRiskGroup is < 1 or > 5)
        {
            ModelState.AddModelError("Input.JkkRiskGroup", t["Val_RiskGroup"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        a.Name = Input.Name!.Trim();
        a.ShortName = Input.ShortName!.Trim();
        a.JkkRiskGroup = Input.JkkRiskGroup;
        a.Npp = string.IsNullOrWhiteSpace(Input.Npp) ? null : Input.Npp.Trim();
        a.IsPriority = Input.IsPriority;
        a.IsActive = Input.IsActive;
        await db.SaveChangesAsync();
        TempData["Saved"] = "1";
        return RedirectToPage("Index");
    }

    public sealed class InputModel
    {
        public string? Name { get; set; }
        public string? ShortName { get; set; }
        public int JkkRiskGroup { get; set; } = 1;
        public string? Npp { get; set; }
        public bool IsPriority { get; set; }
        public bool IsActive { get; set; } = true;
    }
}
