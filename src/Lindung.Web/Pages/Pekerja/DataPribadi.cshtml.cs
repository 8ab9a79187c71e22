using System.Globalization;
using Lindung.Core.Data;
using Lindung.Core.Privacy;
using Lindung.Core.Registry.Protection;
using Lindung.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lindung.Web.Pages.Pekerja;

/// <summary>
/// The data subject report (UU 27/2022 PDP): what Lindung holds about one person, where it came from, who saw or changed
/// it and to whom it was sent — printable, and as XLSX. Every production is audited (<see cref="SubjectReportBuilder"/>);
/// the full NIK only on a POST by a role that may reveal it, audited as a reveal. An Operator OPD gets their own OPD's
/// people only (404 otherwise), and the report then covers their OPD's records.
/// </summary>
public sealed class DataPribadiModel(LindungDbContext db, NikProtector protector) : PageModel
{
    public SubjectReport Report { get; private set; } = null!;
    public bool MayReveal { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await BuildAsync(id, reveal: false, "html", ct) ? Page() : NotFound();

    /// <summary>The report with the full NIK, for a role allowed to see it.</summary>
    public async Task<IActionResult> OnPostRevealAsync(Guid id, CancellationToken ct)
    {
        if (!UserScope.Of(User).MayRevealNik)
        {
            return Forbid();
        }

        return await BuildAsync(id, reveal: true, "html", ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnGetXlsxAsync(Guid id, CancellationToken ct) => XlsxAsync(id, reveal: false, ct);

    /// <summary>The XLSX with the full NIK (a POST: it is a reveal).</summary>
    public async Task<IActionResult> OnPostXlsxAsync(Guid id, CancellationToken ct) =>
        UserScope.Of(User).MayRevealNik ? await XlsxAsync(id, reveal: true, ct) : Forbid();

    private async Task<IActionResult> XlsxAsync(Guid id, bool reveal, CancellationToken ct)
    {
        if (!await BuildAsync(id, reveal, "xlsx", ct))
        {
            return NotFound();
        }

        var output = new MemoryStream();
        SubjectReportExport.Write(output, Report);
        output.Position = 0;
        var stamp = Report.ProducedAt.AddHours(7).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        return File(output, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"data-pribadi-{stamp}.xlsx");
    }

    private async Task<bool> BuildAsync(Guid id, bool reveal, string format, CancellationToken ct)
    {
        var scope = UserScope.Of(User);
        MayReveal = scope.MayRevealNik;
        var report = await new SubjectReportBuilder(db, protector).BuildAsync(id, scope.OwnAgencyId, reveal && scope.MayRevealNik, format, ct);
        if (report is null)
        {
            return false;
        }

        Report = report;
        return true;
    }
}
