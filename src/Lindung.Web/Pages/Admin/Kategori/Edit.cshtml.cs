using Lindung.Core.Data;
using Lindung.Core.MasterData;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lindung.Web.Pages.Admin.Kategori;

public sealed class EditModel(LindungDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string Code { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var c = await db.WorkerCategories.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        if (c is null)
        {
            return NotFound();
        }

        Code = c.Code;
        Input = new InputModel
        {
            Name = c.Name,
            Scheme = c.Scheme,
            DefaultPrograms = c.DefaultPrograms,
            OptionalPrograms = c.OptionalPrograms,
            FundingSource = c.FundingSource,
            BpjsParticipationCode = c.BpjsParticipationCode,
            DefaultIncome = c.DefaultIncome,
            BudgetAccountCode = c.BudgetAccountCode,
            JkkRiskGroup = c.JkkRiskGroup,
            MinAge = c.MinAge,
            MaxAge = c.MaxAge,
            Notes = c.Notes,
            IsActive = c.IsActive,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var c = await db.WorkerCategories.FirstOrDefaultAsync(x => x.Id == id);
        if (c is null)
        {
            return NotFound();
        }

        Code = c.Code;
        if (string.IsNullOrWhiteSpace(Input.Name))
        {
            ModelState.AddModelError("Input.Name", t["Val_Required", t["Col_Name"]]);
        }

        if (Input.JkkRiskGroup is < 1 or > 5)
        {
            ModelState.AddModelError("Input.JkkRiskGroup", t["Val_RiskGroup"]);
        }

        if (Input.MinAge is < 0 or > 100 || Input.MaxAge is < 0 or > 100)
        {
            ModelState.AddModelError("Input.MinAge", t["Val_Age"]);
        }

        if (Input.BudgetAccountCode is { } account && !System.Text.RegularExpressions.Regex.IsMatch(account.Trim(), @"^[0-9]+(\.[0-9]+)*$"))
        {
            ModelState.AddModelError("Input.BudgetAccountCode", t["Val_AccountCode"]);
        }

        if (Input.DefaultIncome is < 0)
        {
            ModelState.AddModelError("Input.DefaultIncome", t["Val_Income"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        c.Name = Input.Name!.Trim();
        c.Scheme = Input.Scheme;
        c.DefaultPrograms = (Input.DefaultPrograms ?? "").Trim().ToUpperInvariant();
        c.OptionalPrograms = (Input.OptionalPrograms ?? "").Trim().ToUpperInvariant();
        c.FundingSource = (Input.FundingSource ?? "").Trim();
        c.BpjsParticipationCode = string.IsNullOrWhiteSpace(Input.BpjsParticipationCode) ? null : Input.BpjsParticipationCode.Trim().ToUpperInvariant();
        c.DefaultIncome = Input.DefaultIncome;
        c.BudgetAccountCode = string.IsNullOrWhiteSpace(Input.BudgetAccountCode) ? null : Input.BudgetAccountCode.Trim();
        c.JkkRiskGroup = Input.JkkRiskGroup;
        c.MinAge = Input.MinAge;
        c.MaxAge = Input.MaxAge;
        c.Notes = Input.Notes?.Trim();
        c.IsActive = Input.IsActive;
        await db.SaveChangesAsync();
        TempData["Saved"] = "1";
        return RedirectToPage("Index");
    }

    public sealed class InputModel
    {
        public string? Name { get; set; }
        public Scheme Scheme { get; set; }
        public string? DefaultPrograms { get; set; }
        public string? OptionalPrograms { get; set; }
        public string? FundingSource { get; set; }
        public string? BpjsParticipationCode { get; set; }
        public long? DefaultIncome { get; set; }
        public string? BudgetAccountCode { get; set; }
        public int? JkkRiskGroup { get; set; }
        public int? MinAge { get; set; }
        public int? MaxAge { get; set; }
        public string? Notes { get; set; }
        public bool IsActive { get; set; } = true;
    }
}
