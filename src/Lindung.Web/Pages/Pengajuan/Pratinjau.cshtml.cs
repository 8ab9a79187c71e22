using System.Security.Claims;
using Lindung.Core.Data;
using Lindung.Core.Import;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Core.Registry.Protection;
using Lindung.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Pages.Pengajuan;

/// <summary>
/// The preview of an upload: counts, every problem row with its reason, the problem rows as XLSX, and
/// committing the good rows (one transaction; the same file again creates nothing new).
/// </summary>
public sealed class PratinjauModel(LindungDbContext db, UploadStore uploads, NikProtector protector, SpreadsheetLimits limits) : PageModel
{
    public const int RowsShown = 200;

    public PendingUpload Upload { get; private set; } = null!;
    public WorkerImportReport? Report { get; private set; }
    public string? Unusable { get; private set; }
    public string AgencyName { get; private set; } = "";
    public bool Committed { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await RunAsync(id, dryRun: true, ct) ? Page() : NotFound();

    /// <summary>The problem rows, to fix and upload again.</summary>
    public async Task<IActionResult> OnGetErrorsAsync(Guid id, CancellationToken ct)
    {
        if (!await RunAsync(id, dryRun: true, ct) || Report is null)
        {
            return NotFound();
        }

        var output = new MemoryStream();
        ErrorReport.Write(output, Report);
        output.Position = 0;
        return File(output, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Path.GetFileNameWithoutExtension(Upload.FileName) + "-perbaikan.xlsx");
    }

    public async Task<IActionResult> OnPostCommitAsync(Guid id, CancellationToken ct)
    {
        if (!UserScope.Of(User).MayEditRegistry)
        {
            return Forbid();
        }

        if (!await RunAsync(id, dryRun: false, ct))
        {
            return NotFound();
        }

        if (Report is not null)
        {
            uploads.Delete(id);
            Committed = true;
        }

        return Page();
    }

    private async Task<bool> RunAsync(Guid id, bool dryRun, CancellationToken ct)
    {
        var userId = Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var u) ? u : Guid.Empty;
        if (uploads.Find(id, userId, db.CurrentTenantCode) is not { } upload)
        {
            return false;
        }

        Upload = upload;
        var own = UserScope.Of(User).OwnAgencyId;
        if (own is not null && own != upload.AgencyId)
        {
            return false;
        }

        AgencyName = await db.Agencies.Where(a => a.Id == upload.AgencyId).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? "";
        try
        {
            await using var file = uploads.Open(id);
            Report = await new WorkerImporter(db, protector, limits).RunAsync(file,
                new WorkerImportRequest(upload.AgencyId, upload.CategoryId, upload.Period, dryRun, upload.FileName), null, ct);
        }
        catch (UnusableImportException e)
        {
            Unusable = e.Message;
        }
        catch (UnreadableFileException e)
        {
            Unusable = e.Message;
        }

        return true;
    }
}
