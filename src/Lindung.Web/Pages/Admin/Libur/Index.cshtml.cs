using Lindung.Core.Data;
using Lindung.Core.Projects;
using Lindung.Core.Registry.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lindung.Web.Pages.Admin.Libur;

/// <summary>
/// The days off that working-day deadlines skip, per year. Saving a date that exists updates it (name, kind,
/// confirmed); the shipped dates stay marked "perlu konfirmasi" until an Administrator confirms them.
/// </summary>
public sealed class IndexModel(LindungDbContext db, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Tahun { get; set; }

    [BindProperty]
    public HolidayInput Input { get; set; } = new();

    public List<PublicHoliday> Holidays { get; private set; } = [];
    public List<int> Years { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (Input.Date is not { Length: > 0 } text || !DateParsing.TryParse(text, out var date) || string.IsNullOrWhiteSpace(Input.Name) || Input.Name.Trim().Length > 200)
        {
            Error = t["Hol_Invalid"];
            await LoadAsync(ct);
            return Page();
        }

        var row = await db.PublicHolidays.FirstOrDefaultAsync(h => h.Date == date, ct);
        if (row is null)
        {
            row = new PublicHoliday { Date = date, Name = "" };
            db.PublicHolidays.Add(row);
        }

        row.Name = Input.Name.Trim();
        row.JointLeave = Input.JointLeave;
        row.NeedsConfirmation = !Input.Confirmed;
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { Tahun = date.Year });
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        var row = await db.PublicHolidays.FirstOrDefaultAsync(h => h.Id == id, ct);
        if (row is null)
        {
            return NotFound();
        }

        db.PublicHolidays.Remove(row);
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { Tahun = row.Date.Year });
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken ct)
    {
        var row = await db.PublicHolidays.FirstOrDefaultAsync(h => h.Id == id, ct);
        if (row is null)
        {
            return NotFound();
        }

        row.NeedsConfirmation = false;
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { Tahun = row.Date.Year });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Tahun ??= ProjectQueries.Today(time).Year;
        var year = Tahun.Value;
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        Holidays = await db.PublicHolidays.AsNoTracking().Where(h => h.Date >= from && h.Date <= to).OrderBy(h => h.Date).ToListAsync(ct);
        var dates = await db.PublicHolidays.AsNoTracking().Select(h => h.Date).ToListAsync(ct);
        Years = [.. dates.Select(d => d.Year).Append(year).Distinct().Order()];
    }

    public sealed class HolidayInput
    {
        public string? Date { get; set; }
        public string? Name { get; set; }
        public bool JointLeave { get; set; }
        public bool Confirmed { get; set; }
    }
}
