using System.Globalization;
using Lindung.Core.Audit;
using Lindung.Core.Contributions;
using Lindung.Core.Data;
using Lindung.Core.Formatting;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lindung.Web.Pages.Laporan;

/// <summary>
/// The list of premium recipients attached to a regent's decree (lampiran SK Bupati, PRODUCT §4.13): for a month and a
/// funding source, every worker on the month's bill (<see cref="MonthlyBill"/>), numbered, with the monthly iuran and the
/// total — printable and as XLSX (audited). An Operator OPD gets their own OPD's part only.
/// </summary>
public sealed class LampiranModel(LindungDbContext db, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Funding { get; set; }

    public IReadOnlyList<BillLine> Lines { get; private set; } = [];
    public List<string> FundingSources { get; private set; } = [];
    public Dictionary<string, string> AgencyNames { get; private set; } = [];
    public Dictionary<string, string> CategoryNames { get; private set; } = [];
    public string? OwnAgency { get; private set; }
    public bool BadPeriod { get; private set; }
    public long Total => Lines.Sum(l => l.Total);

    public async Task OnGetAsync(CancellationToken ct) => BadPeriod = !await LoadAsync(ct);

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var output = new MemoryStream();
        using (var xlsx = new XlsxWriter(output))
        {
            xlsx.BeginSheet("Lampiran", [new XlsxColumn("No", 6), new XlsxColumn(t["Col_Name"], 30), new XlsxColumn("NIK", 20, Text: true),
                new XlsxColumn("KPJ", 14, Text: true), new XlsxColumn(t["Dim_category"], 24), new XlsxColumn(t["Col_Agency"], 14),
                new XlsxColumn(t["Report_Iuran"], 14)]);
            var n = 0;
            foreach (var l in Lines)
            {
                xlsx.WriteRow(++n, l.Name, l.NikMasked, l.Kpj, CategoryNames.GetValueOrDefault(l.CategoryCode, l.CategoryCode),
                    AgencyNames.GetValueOrDefault(l.AgencyCode, l.AgencyCode), l.Total);
            }

            xlsx.WriteRow(null, t["Scenario_Total"].Value, null, null, null, null, Total);
            xlsx.WriteNote(t["Report_AnnexNote", Period!, Funding!, IndonesianFormat.Number(Lines.Count), IndonesianFormat.Rupiah(Total)].Value);
        }

        db.Audit(AuditActions.Exported, "DecreeAnnex", null, $"lampiran SK {Period} {Funding}: {Lines.Count} penerima (NIK tersamar)");
        await db.SaveChangesAsync(ct);
        output.Position = 0;
        return File(output, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"lampiran-sk-{Period}-{Funding}.xlsx");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Period ??= time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        if (!Periods.TryParse(Period, out _))
        {
            return false;
        }

        var agencies = await db.Agencies.AsNoTracking().ToListAsync(ct);
        AgencyNames = agencies.ToDictionary(a => a.Code, a => a.ShortName);
        CategoryNames = await db.WorkerCategories.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        if (UserScope.Of(User).OwnAgencyId is { } own)
        {
            OwnAgency = agencies.FirstOrDefault(a => a.Id == own)?.Code ?? "";
        }

        var bill = await new MonthlyBill(db).ForAsync(Period, ct);
        var lines = bill.Lines.Where(l => OwnAgency is null || l.AgencyCode == OwnAgency).ToList();
        FundingSources = [.. lines.Select(l => l.FundingSource).Distinct().Order(StringComparer.Ordinal)];
        Funding ??= FundingSources.Contains("APBD") ? "APBD" : FundingSources.FirstOrDefault() ?? "APBD";
        Lines = [.. lines.Where(l => l.FundingSource == Funding).OrderBy(l => l.Name, StringComparer.Ordinal)];
        return true;
    }
}
