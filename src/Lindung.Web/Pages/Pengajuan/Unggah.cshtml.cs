using System.Globalization;
using Lindung.Core.Data;
using Lindung.Core.Formatting;
using Lindung.Core.Import;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Core.MasterData;
using Lindung.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lindung.Web.Pages.Pengajuan;

/// <summary>Upload a CSV/XLSX of workers for an OPD; the file is checked (nothing saved) and previewed.</summary>
[SpreadsheetUploadLimit]
public sealed class UnggahModel(LindungDbContext db, UploadStore uploads, SpreadsheetLimits limits, TimeProvider time,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public Guid? AgencyId { get; set; }

    [BindProperty]
    public Guid? CategoryId { get; set; }

    [BindProperty]
    public string? Period { get; set; }

    public List<Agency> Agencies { get; private set; } = [];
    public List<WorkerCategory> Categories { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!UserScope.Of(User).MayEditRegistry)
        {
            return Forbid();
        }

        Period = time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        var scope = UserScope.Of(User);
        if (!scope.MayEditRegistry)
        {
            return Forbid();
        }

        var agencyId = scope.OwnAgencyId ?? AgencyId;
        if (agencyId is null || !await db.Agencies.AnyAsync(a => a.Id == agencyId, ct)
            || (CategoryId is { } c && !await db.WorkerCategories.AnyAsync(x => x.Id == c, ct)))
        {
            Error = t["Upload_ChooseOpd"];
        }
        else if (file is null || file.Length == 0)
        {
            Error = t["Upload_NoFile"];
        }
        else if (file.Length > limits.MaxFileBytes)
        {
            Error = ImportMessages.TooLarge(file.Length, limits.MaxFileBytes).ToString();
        }
        else if (Period is null || !Periods.TryParse(Period, out _))
        {
            Error = t["Upload_BadPeriod"];
        }

        if (Error is not null)
        {
            await LoadAsync();
            return Page();
        }

        var meta = new PendingUpload(Guid.CreateVersion7(), Guid.Parse(User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value),
            db.CurrentTenantCode!, agencyId!.Value, CategoryId, Period!, Path.GetFileName(file!.FileName));
        await using (var stream = file.OpenReadStream())
        {
            await uploads.SaveAsync(stream, meta, ct);
        }

        return RedirectToPage("Pratinjau", new { id = meta.Id });
    }

    private async Task LoadAsync()
    {
        var own = UserScope.Of(User).OwnAgencyId;
        Agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive && (own == null || a.Id == own)).OrderBy(a => a.Name).ToListAsync();
        Categories = await db.WorkerCategories.AsNoTracking().Where(c => c.IsActive && c.Scheme != Scheme.Jakon).OrderBy(c => c.Name).ToListAsync();
    }
}
