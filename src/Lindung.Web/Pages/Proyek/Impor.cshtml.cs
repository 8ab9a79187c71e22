using Lindung.Core.Data;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Core.MasterData;
using Lindung.Core.Projects;
using Lindung.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Pages.Proyek;

/// <summary>Imports a project list (XLSX/CSV) all-or-nothing; an Operator OPD's rows all go to their own OPD.</summary>
[SpreadsheetUploadLimit]
public sealed class ImporModel(LindungDbContext db, SpreadsheetLimits limits, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public Guid? Opd { get; set; }

    public List<Agency> Agencies { get; private set; } = [];
    public ProjectImportReport? Report { get; private set; }
    public string? FileError { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ProjectAccess.MayEdit(User))
        {
            return Forbid();
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (!ProjectAccess.MayEdit(User))
        {
            return Forbid();
        }

        await LoadAsync(ct);
        if (file is null || file.Length == 0)
        {
            FileError = t["Proj_ImportChooseFile"];
            return Page();
        }

        var own = UserScope.Of(User).OwnAgencyId;
        var fixedAgency = own ?? (Opd is { } chosen && Agencies.Any(a => a.Id == chosen) ? chosen : null);
        try
        {
            await using var stream = file.OpenReadStream();
            Report = await new ProjectImporter(db, limits).RunAsync(stream, new ProjectImportRequest(Path.GetFileName(file.FileName), fixedAgency), ct);
        }
        catch (UnreadableFileException e)
        {
            FileError = e.Message;
        }

        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var own = UserScope.Of(User).OwnAgencyId;
        Agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive && (own == null || a.Id == own)).OrderBy(a => a.ShortName).ToListAsync(ct);
    }
}
