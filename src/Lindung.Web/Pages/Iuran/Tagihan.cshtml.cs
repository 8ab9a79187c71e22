using System.Globalization;
using Lindung.Core.Audit;
using Lindung.Core.Bpjs;
using Lindung.Core.Contributions;
using Lindung.Core.Data;
using Lindung.Core.Formatting;
using Lindung.Core.Identity;
using Lindung.Core.Import;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Core.Registry.Protection;
using Lindung.Core.Registry.Validation;
using Lindung.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Pages.Iuran;

/// <summary>Keuangan's monthly bill (docs/billing.md): totals per program, funding source and OPD; XLSX down to the worker.</summary>
[SpreadsheetUploadLimit]
public sealed class TagihanModel(LindungDbContext db, TimeProvider time, NikProtector protector, SpreadsheetLimits limits,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> t) : PageModel
{
    public const int ShownDifferences = 200;

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    public Bill? Bill { get; private set; }
    public Dictionary<string, string> AgencyNames { get; private set; } = [];
    public Dictionary<string, string> CategoryNames { get; private set; } = [];
    public bool BadPeriod { get; private set; }

    /// <summary>Lindung's bill against BPJS's invoice for the month, when one was entered.</summary>
    public InvoiceComparison? Comparison { get; private set; }

    public string? InvoiceError { get; private set; }
    public InvoiceImportReport? InvoiceReport { get; private set; }

    /// <summary>Keuangan (and the Koordinator, the Administrator) enter BPJS's invoice; the others read the comparison.</summary>
    public bool MayEnterInvoice => User.IsInRole(Roles.Keuangan) || User.IsInRole(Roles.Koordinator) || User.IsInRole(Roles.Administrator);

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

    /// <summary>BPJS's invoice typed in: the total as printed (Indonesian rupiah text), participants and reference optional.</summary>
    public async Task<IActionResult> OnPostInvoiceTotalAsync(string? total, int? participants, string? reference, CancellationToken ct)
    {
        if (!MayEnterInvoice)
        {
            return Forbid();
        }

        if (!FieldParsing.TryParseRupiah(total, out var amount))
        {
            InvoiceError = t["Invoice_BadTotal"];
        }
        else if (ValidPeriod())
        {
            try
            {
                await new BpjsInvoiceStore(db, protector, limits).SaveTypedAsync(Period!, amount, participants, reference, ct);
            }
            catch (UnusableImportException e)
            {
                InvoiceError = e.Message;
            }
        }

        db.ChangeTracker.Clear();
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>BPJS's invoice file (XLSX/CSV, a line per participant): all-or-nothing, the same file twice changes nothing.</summary>
    public async Task<IActionResult> OnPostInvoiceFileAsync(IFormFile? file, CancellationToken ct)
    {
        if (!MayEnterInvoice)
        {
            return Forbid();
        }

        if (file is null || file.Length == 0)
        {
            InvoiceError = t["Upload_NoFile"];
        }
        else if (file.Length > limits.MaxFileBytes)
        {
            InvoiceError = ImportMessages.TooLarge(file.Length, limits.MaxFileBytes).ToString();
        }
        else if (ValidPeriod())
        {
            try
            {
                await using var stream = file.OpenReadStream();
                InvoiceReport = await new BpjsInvoiceStore(db, protector, limits).ImportAsync(stream, file.FileName, Period!, ct);
            }
            catch (UnusableImportException e)
            {
                InvoiceError = e.Message;
            }
            catch (UnreadableFileException e)
            {
                InvoiceError = e.Message;
            }
        }

        db.ChangeTracker.Clear();
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The invoice differences down to the worker, as XLSX (audited).</summary>
    public async Task<IActionResult> OnGetDifferencesAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is null || Comparison is not { } c)
        {
            return NotFound();
        }

        var output = new MemoryStream();
        using (var xlsx = new XlsxWriter(output))
        {
            xlsx.BeginSheet("Selisih", [new XlsxColumn(t["Invoice_Kind"], 30), new XlsxColumn(t["Col_Name"], 28), new XlsxColumn("NIK", 20, Text: true),
                new XlsxColumn("KPJ", 14, Text: true), new XlsxColumn(t["Invoice_Ours"] + " (Rp)", 16), new XlsxColumn(t["Invoice_Theirs"] + " (Rp)", 16)]);
            foreach (var d in c.Differences)
            {
                xlsx.WriteRow(t["Invoice_" + d.Kind].Value, d.Name, d.NikMasked, d.Kpj, d.Ours, d.Theirs);
            }

            xlsx.WriteNote($"Periode {c.Period}: tagihan Lindung {IndonesianFormat.Rupiah(c.BillTotal)}, tagihan BPJS {IndonesianFormat.Rupiah(c.Invoice.Total)}, selisih {IndonesianFormat.Rupiah(c.Difference)}.");
        }

        db.Audit(AuditActions.Exported, "InvoiceComparison", null, $"selisih tagihan {c.Period}: {c.Differences.Count} baris (NIK tersamar)");
        await db.SaveChangesAsync(ct);
        output.Position = 0;
        return File(output, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"selisih-tagihan-{c.Period}.xlsx");
    }

    private bool ValidPeriod()
    {
        if (Period is null || !Periods.TryParse(Period, out _))
        {
            InvoiceError = t["Upload_BadPeriod"];
            return false;
        }

        return true;
    }

    private async Task<Bill?> LoadAsync(CancellationToken ct)
    {
        Period ??= time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        if (!Periods.TryParse(Period, out var start) || start.Year < 2022)
        {
            return null;
        }

        AgencyNames = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.ShortName, ct);
        CategoryNames = await db.WorkerCategories.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        Bill = await new MonthlyBill(db).ForAsync(Period, ct);
        Comparison = await new InvoiceComparer(db).CompareAsync(Bill, ct);
        return Bill;
    }
}
