using Lindung.Core.Data;
using Lindung.Core.Privacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lindung.Web.Pages.Admin.Retensi;

/// <summary>
/// The retention setting (years to keep after the last engagement ended, the keeping period for registered workers,
/// the scheduled job on/off, the legal basis), who is due now, the runs with their evidence, and "run now".
/// </summary>
public sealed class IndexModel(LindungDbContext db, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int PreviewRows = 200;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public RetentionPolicy Policy { get; private set; } = RetentionPolicy.Default;
    public IReadOnlyList<DuePerson> Due { get; private set; } = [];
    public List<RetentionRun> Runs { get; private set; } = [];
    public DateOnly Cutoff { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = new InputModel
        {
            MustKeepYears = Policy.MustKeepYears,
            RetentionYears = Policy.RetentionYears,
            AutomaticEnabled = Policy.AutomaticEnabled,
            LegalBasis = Policy.LegalBasis,
        };
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var policy = new RetentionPolicy(Input.MustKeepYears, Input.RetentionYears, Input.AutomaticEnabled,
            string.IsNullOrWhiteSpace(Input.LegalBasis) ? null : Input.LegalBasis.Trim());
        if (policy.Problem() is { } problem)
        {
            Error = t["Ret_Err_" + problem, RetentionPolicy.MaxYears];
            await LoadAsync(ct);
            return Page();
        }

        await policy.StoreAsync(db, ct);
        await db.SaveChangesAsync(ct);
        TempData["RetentionMessage"] = "saved";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRunAsync(CancellationToken ct)
    {
        var result = await new RetentionService(db).RunAsync(RetentionTrigger.Manual, Today(), dryRun: false, ct);
        TempData["RetentionMessage"] = "ran:" + result.Run!.People;
        return RedirectToPage();
    }

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);

    private async Task LoadAsync(CancellationToken ct)
    {
        Policy = await RetentionPolicy.LoadAsync(db, ct);
        Cutoff = RetentionService.CutoffFor(Policy, Today());
        Due = await new RetentionService(db).DueAsync(Policy, Today(), ct);
        Runs = await db.RetentionRuns.AsNoTracking().OrderByDescending(r => r.RanAt).Take(50).ToListAsync(ct);
    }

    public sealed class InputModel
    {
        public int MustKeepYears { get; set; }
        public int RetentionYears { get; set; }
        public bool AutomaticEnabled { get; set; }
        public string? LegalBasis { get; set; }
    }
}
