using System.Globalization;
using Lindung.Core.Audit;
using Lindung.Core.Contributions;
using Lindung.Core.Data;
using Lindung.Core.Import.Spreadsheets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Pages.Iuran;

/// <summary>Keuangan's monthly bill (docs/billing.md): totals per program, funding source and OPD; XLSX down to the worker.</summary>
public sealed class TagihanModel(LindungDbContext db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    public Bill? Bill { get; private set; }
    public Dictionary<string, string> AgencyNames { get; private set; } = [];
    public bool BadPeriod { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is null)
        {
            BadPeriod = true;
        }
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } bill)
        {
            return NotFound();
        }

        var output = new MemoryStream();
        using (var xlsx = new XlsxWriter(output))
        {
            var programs = Enum.GetValues<ContributionProgram>().Where(p => p != ContributionProgram.JKP).ToList();
            xlsx.BeginSheet("Ringkasan", [new XlsxColumn("Sumber dana", 16), new XlsxColumn("Pekerja", 10), .. programs.Select(p => new XlsxColumn(p + " (Rp)", 14)),
                new XlsxColumn("Jumlah (Rp)", 16)]);
            foreach (var f in bill.By(l => l.FundingSource))
            {
                xlsx.WriteRow([f.Key, f.Workers, .. programs.Select(p => (object?)f.Programs.GetValueOrDefault(p)), f.Total]);
            }

            xlsx.WriteRow(["Jumlah", bill.Lines.Count, .. programs.Select(p => (object?)bill.Programs.GetValueOrDefault(p)), bill.Total]);
            xlsx.WriteNote($"Periode {bill.Period}, jatuh tempo {bill.DueDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}, tabel tarif {bill.RateVersion}. "
                + "Sebulan penuh per pekerja terdaftar (tanpa pro-rata, asumsi); denda keterlambatan tidak dihitung.");
            xlsx.BeginSheet("Rincian", [new XlsxColumn("Nama", 28), new XlsxColumn("NIK", 20, Text: true), new XlsxColumn("KPJ", 14, Text: true),
                new XlsxColumn("OPD", 12), new XlsxColumn("Kategori", 16), new XlsxColumn("Sumber dana", 12), new XlsxColumn("Skema", 8),
                new XlsxColumn("Dasar (Rp)", 14), new XlsxColumn("Risiko JKK", 8), .. programs.Select(p => new XlsxColumn(p + " (Rp)", 12)),
                new XlsxColumn("Jumlah (Rp)", 14), new XlsxColumn("Pemberi kerja (Rp)", 14), new XlsxColumn("Pekerja (Rp)", 14)]);
            foreach (var l in bill.Lines)
            {
                xlsx.WriteRow([l.Name, l.NikMasked, l.Kpj, l.AgencyCode, l.CategoryCode, l.FundingSource, l.Scheme, l.Base, l.RiskGroup,
                    .. programs.Select(p => (object?)l.Programs.GetValueOrDefault(p)), l.Total, l.Employer, l.Worker]);
            }
        }

        db.Audit(AuditActions.Exported, "MonthlyBill", null, $"tagihan {bill.Period}: {bill.Lines.Count} pekerja (NIK tersamar)");
        await db.SaveChangesAsync(ct);
        output.Position = 0;
        return File(output, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"tagihan-iuran-{bill.Period}.xlsx");
    }

    private async Task<Bill?> LoadAsync(CancellationToken ct)
    {
        Period ??= time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        if (!DateOnly.TryParseExact(Period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start) || start.Year < 2022)
        {
            return null;
        }

        AgencyNames = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.ShortName, ct);
        Bill = await new MonthlyBill(db).ForAsync(Period, ct);
        return Bill;
    }
}
