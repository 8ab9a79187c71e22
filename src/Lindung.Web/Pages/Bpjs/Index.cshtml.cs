using System.Globalization;
using Lindung.Core.Bpjs;
using Lindung.Core.Data;
using Lindung.Core.Formatting;
using Lindung.Core.Import;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Core.Registry.Protection;
using Lindung.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lindung.Web.Pages.Bpjs;

/// <summary>
/// BPJS round-trip, first part: the Koordinator uploads BPJS's registration result or monthly participant list
/// for a period; the page lists every file taken in with its reconciliation counts and links the review queue.
/// </summary>
[SpreadsheetUploadLimit]
public sealed class IndexModel(LindungDbContext db, NikProtector protector, SpreadsheetLimits limits, TimeProvider time,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public List<BpjsImport> Imports { get; private set; } = [];
    public int PendingReviews { get; private set; }

    /// <summary>Verified, not-ended engagements not yet registered or sent: what the next export holds.</summary>
    public int ReadyToSend { get; private set; }
    public bool MayImport { get; private set; }
    public string? Error { get; private set; }
    public BpjsImportReport? Report { get; private set; }

    [BindProperty]
    public string? Period { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Period = time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (!UserScope.Of(User).MayVerify)
        {
            return Forbid();
        }

        if (file is null || file.Length == 0)
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
        else
        {
            try
            {
                await using var stream = file.OpenReadStream();
                Report = await new BpjsStatusImporter(db, protector, limits).RunAsync(stream, file.FileName, Period, ct);
            }
            catch (UnusableImportException e)
            {
                Error = e.Message;
            }
            catch (UnreadableFileException e)
            {
                Error = e.Message;
            }
        }

        db.ChangeTracker.Clear();
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The collective registration file; exporting marks the rows "Dikirim ke BPJS", hence a POST.</summary>
    public async Task<IActionResult> OnPostExportAsync(string format, CancellationToken ct)
    {
        if (!UserScope.Of(User).MayVerify)
        {
            return Forbid();
        }

        var csv = format == "csv";
        var output = new MemoryStream();
        await new RegistrationExport(db, protector).WriteAsync(output, csv, ct);
        output.Position = 0;
        var stamp = time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        return File(output, csv ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"pendaftaran-bpjs-{stamp}.{(csv ? "csv" : "xlsx")}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        MayImport = UserScope.Of(User).MayVerify;
        Imports = await db.BpjsImports.AsNoTracking().OrderByDescending(i => i.Period).ThenByDescending(i => i.CreatedAt).Take(60).ToListAsync(ct);
        PendingReviews = await db.BpjsStatuses.CountAsync(s => s.Review == ReviewState.Pending, ct);
        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        ReadyToSend = await db.Engagements.CountAsync(e => e.Verification == Core.Registry.VerificationStatus.Verified
            && e.Registration == Core.Registry.RegistrationStatus.NotRegistered && e.Scheme != Core.MasterData.Scheme.Jakon
            && (e.EndDate == null || e.EndDate >= today), ct);
    }
}
