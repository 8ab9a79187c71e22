using Lindung.Core.Coverage;
using Lindung.Core.Data;
using Lindung.Core.MasterData;
using Lindung.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lindung.Web.Pages.Anggaran;

/// <summary>Coverage targets per year (RPJMD/RKPD), owned by the planner; everyone else with access reads them.</summary>
public sealed class TargetModel(LindungDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public List<CoverageTarget> Targets { get; private set; } = [];
    public Dictionary<Guid, string> CategoryNames { get; private set; } = [];
    public List<WorkerCategory> Categories { get; private set; } = [];
    public bool MayPlan { get; private set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? Error { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (!UserScope.Of(User).MayPlan)
        {
            return Forbid();
        }

        if (Input.Year is < 2020 or > 2045 || Input.TargetPercent is < 0 or > 100)
        {
            Error = t["Target_Invalid"];
        }
        else if (Input.Denominator == TargetDenominator.External && Input.ExternalPopulation is not > 0)
        {
            Error = t["Target_ExternalRequired"];
        }

        if (Input.CategoryId is { } cat && !await db.WorkerCategories.AnyAsync(c => c.Id == cat))
        {
            return NotFound();
        }

        if (Error is not null)
        {
            await LoadAsync();
            return Page();
        }

        var target = await db.CoverageTargets.FirstOrDefaultAsync(x =>
            x.Year == Input.Year && x.Plan == Input.Plan && x.CategoryId == Input.CategoryId);
        if (target is null)
        {
            target = new CoverageTarget { Year = Input.Year, Plan = Input.Plan, CategoryId = Input.CategoryId };
            db.CoverageTargets.Add(target);
        }

        target.TargetPercent = Input.TargetPercent;
        target.Denominator = Input.Denominator;
        target.ExternalPopulation = Input.Denominator == TargetDenominator.External ? Input.ExternalPopulation : null;
        target.ExternalSource = Input.Denominator == TargetDenominator.External ? Input.ExternalSource?.Trim() : null;
        target.Notes = Input.Notes?.Trim();
        await db.SaveChangesAsync();
        TempData["Saved"] = "1";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        MayPlan = UserScope.Of(User).MayPlan;
        Targets = await db.CoverageTargets.AsNoTracking().OrderBy(x => x.Year).ThenBy(x => x.Plan).ToListAsync();
        Categories = await db.WorkerCategories.AsNoTracking().OrderBy(c => c.Name).ToListAsync();
        CategoryNames = Categories.ToDictionary(c => c.Id, c => c.Name);
    }

    public sealed class InputModel
    {
        public int Year { get; set; } = 2025;
        public TargetPlan Plan { get; set; } = TargetPlan.Rpjmd;
        public Guid? CategoryId { get; set; }
        public decimal TargetPercent { get; set; }
        public TargetDenominator Denominator { get; set; } = TargetDenominator.RegistryEligible;
        public int? ExternalPopulation { get; set; }
        public string? ExternalSource { get; set; }
        public string? Notes { get; set; }
    }
}
