using Lindung.Core.Bpjs;
using Lindung.Core.Data;
using Lindung.Core.Registry.Protection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lindung.Web.Pages.Admin.KolomBpjs;

/// <summary>The columns of the collective registration file: which fields, in which order, under which header.</summary>
public sealed class IndexModel(LindungDbContext db, NikProtector protector, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public List<Row> Rows { get; set; } = [];

    public string? Error { get; private set; }

    [BindProperty]
    public MatchInput Match { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var current = await MatchSettingsStore.LoadAsync(db, ct);
        Match = new MatchInput
        {
            ReviewPercent = (decimal)current.ReviewNameScore * 100,
            AutoPercent = (decimal)current.AutoNameScore * 100,
            TryDayMonthSwap = current.TryDayMonthSwap,
        };
        var mapping = await new RegistrationExport(db, protector).MappingAsync(ct);
        Rows = [.. Enum.GetValues<ExportField>().Select(f =>
        {
            var index = mapping.ToList().FindIndex(c => c.Field == f);
            return new Row
            {
                Field = f, Include = index >= 0, Order = index >= 0 ? index + 1 : 99,
                Header = index >= 0 ? mapping[index].Header : RegistrationExport.DefaultColumns.First(c => c.Field == f).Header,
            };
        }).OrderBy(r => r.Order)];
    }

    public async Task<IActionResult> OnPostMatchAsync(CancellationToken ct)
    {
        var saved = await MatchSettingsStore.SaveAsync(db, new MatchSettings((double)Match.AutoPercent / 100, (double)Match.ReviewPercent / 100, Match.TryDayMonthSwap), ct);
        if (!saved)
        {
            Error = t["Match_Invalid"];
            await OnGetAsync(ct);
            return Page();
        }

        TempData["Saved"] = "1";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAsync(bool reset, CancellationToken ct)
    {
        var export = new RegistrationExport(db, protector);
        if (reset)
        {
            await export.SaveMappingAsync(RegistrationExport.DefaultColumns, ct);
            TempData["Saved"] = "1";
            return RedirectToPage();
        }

        var chosen = Rows.Where(r => r.Include).ToList();
        if (chosen.Count == 0 || chosen.Any(r => string.IsNullOrWhiteSpace(r.Header) || r.Header.Trim().Length > 60)
            || chosen.Select(r => r.Header.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != chosen.Count
            || Rows.Select(r => r.Field).Distinct().Count() != Rows.Count || !chosen.Any(r => r.Field == ExportField.Nik))
        {
            Error = t["BpjsCols_Invalid"];
            return Page();
        }

        await export.SaveMappingAsync([.. chosen.OrderBy(r => r.Order).Select(r => new ExportColumn(r.Field, r.Header.Trim()))], ct);
        TempData["Saved"] = "1";
        return RedirectToPage();
    }

    public sealed class MatchInput
    {
        public decimal ReviewPercent { get; set; }
        public decimal AutoPercent { get; set; }
        public bool TryDayMonthSwap { get; set; }
    }

    public sealed class Row
    {
        public ExportField Field { get; set; }
        public bool Include { get; set; }
        public int Order { get; set; }
        public string Header { get; set; } = "";
    }
}
