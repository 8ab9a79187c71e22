using Lindung.Core.Audit;
using Lindung.Core.Claims;
using Lindung.Core.Data;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Pages.Klaim;

/// <summary>
/// What the programme has paid to the regency's workers, by year and program (claims and scholarships), with XLSX;
/// and the incidents whose worker was not active in that month (rule: <see cref="ClaimRules.ActivityAsync"/>).
/// An Operator OPD sees their own OPD's figures.
/// </summary>
public sealed class LaporanModel(LindungDbContext db) : PageModel
{
    public sealed record Warning(Guid IncidentId, DateOnly OccurredOn, string Name, IncidentKind Kind, ActivitySource Source);

    public IReadOnlyList<PaidOutLine> Lines { get; private set; } = [];
    public List<Warning> Warnings { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var own = UserScope.Of(User).OwnAgencyId;
        Lines = await PaidOutReport.BuildAsync(db, own, ct);
        var incidents = await ClaimAccess.VisibleIncidents(db, own).AsNoTracking().ToListAsync(ct);
        var activity = await ClaimRules.ActivityAsync(db, incidents, ct);
        var names = await db.People.AsNoTracking().Where(p => incidents.Select(i => i.PersonId).Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        Warnings = incidents.Where(i => !activity[i.Id].Active).OrderByDescending(i => i.OccurredOn)
            .Select(i => new Warning(i.Id, i.OccurredOn, names.GetValueOrDefault(i.PersonId, ""), i.Kind, activity[i.Id].Source)).ToList();
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        var lines = await PaidOutReport.BuildAsync(db, UserScope.Of(User).OwnAgencyId, ct);
        var output = new MemoryStream();
        using (var xlsx = new XlsxWriter(output))
        {
            xlsx.BeginSheet("Pembayaran", [new XlsxColumn("Tahun", 8), new XlsxColumn("Program", 10), new XlsxColumn("Klaim dibayar", 14),
                new XlsxColumn("Santunan (Rp)", 18), new XlsxColumn("Beasiswa dibayar", 16), new XlsxColumn("Beasiswa (Rp)", 18), new XlsxColumn("Jumlah (Rp)", 18)]);
            foreach (var l in lines)
            {
                xlsx.WriteRow([l.Year, l.Program, l.Claims, l.ClaimAmount, l.Scholarships, l.ScholarshipAmount, l.Total]);
            }

            xlsx.WriteRow(["Jumlah", null, lines.Sum(l => l.Claims), lines.Sum(l => l.ClaimAmount), lines.Sum(l => l.Scholarships),
                lines.Sum(l => l.ScholarshipAmount), lines.Sum(l => l.Total)]);
            xlsx.WriteNote("Klaim berstatus Dibayar menurut tahun tanggal bayar; beasiswa yang ditandai dibayar menurut tahun tanggal bayar, "
                + "dikelompokkan menurut program klaimnya. Sumber: catatan kejadian dan klaim di Lindung.");
        }

        db.Audit(AuditActions.Exported, "PaidOutReport", null, $"laporan pembayaran klaim: {lines.Count} baris");
        await db.SaveChangesAsync(ct);
        output.Position = 0;
        return File(output, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "pembayaran-klaim.xlsx");
    }
}
