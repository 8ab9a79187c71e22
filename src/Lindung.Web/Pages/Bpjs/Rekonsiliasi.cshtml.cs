using Lindung.Core.Audit;
using Lindung.Core.Bpjs;
using Lindung.Core.Data;
using Lindung.Core.Import.Spreadsheets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lindung.Web.Pages.Bpjs;

/// <summary>A period's reconciliation lists (docs/bpjs.md), each with its count, the first rows and an XLSX of all.</summary>
public sealed class RekonsiliasiModel(LindungDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int Shown = 200;

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public ReconciliationList List { get; set; } = ReconciliationList.RegisteredNotActive;

    public List<string> Periods { get; private set; } = [];
    public IReadOnlyDictionary<ReconciliationList, int> Counts { get; private set; } = new Dictionary<ReconciliationList, int>();
    public IReadOnlyList<ReconciliationLine> Lines { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Periods = await db.BpjsImports.AsNoTracking().Select(i => i.Period).Distinct().OrderByDescending(p => p).ToListAsync(ct);
        Period = Period is { } p && Periods.Contains(p) ? p : Periods.FirstOrDefault();
        if (Period is not null)
        {
            var reconciliation = new BpjsReconciliation(db);
            Counts = await reconciliation.CountsAsync(Period, ct);
            Lines = await reconciliation.ListAsync(Period, List, Shown, ct);
        }
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        if (Period is null || !await db.BpjsImports.AnyAsync(i => i.Period == Period, ct))
        {
            return NotFound();
        }

        var lines = await new BpjsReconciliation(db).ListAsync(Period, List, int.MaxValue, ct);
        var output = new MemoryStream();
        using (var xlsx = new XlsxWriter(output))
        {
            xlsx.BeginSheet(Period, [new XlsxColumn(t["Col_Name"], 30), new XlsxColumn("NIK", 20, Text: true), new XlsxColumn("KPJ", 16, Text: true),
                new XlsxColumn(t["Col_Agency"], 24), new XlsxColumn("Status", 14), new XlsxColumn(t["Col_Notes"], 60)]);
            foreach (var l in lines)
            {
                xlsx.WriteRow(l.Name, l.NikMasked, l.Kpj, l.Agencies, l.Status, l.Explanation);
            }
        }

        db.Audit(AuditActions.Exported, "BpjsReconciliation", null, $"rekonsiliasi {Period} {List}: {lines.Count} baris (NIK tersamar)");
        await db.SaveChangesAsync(ct);
        output.Position = 0;
        return File(output, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"rekonsiliasi-{Period}-{List.ToString().ToLowerInvariant()}.xlsx");
    }
}
