using System.Globalization;
using Lindung.Core.Data;
using Lindung.Core.Privacy;
using Lindung.Core.Registry.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lindung.Web.Pages.Admin.Insiden;

/// <summary>
/// Records a suspected breach: when it was discovered (WIB), what happened, and what is suspected — an account and/or a
/// time window and/or kinds of data. Audited as a created <see cref="BreachIncident"/>.
/// </summary>
public sealed class BaruModel(LindungDbContext db, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public BreachInput Input { get; set; } = new();

    public List<string> UserNames { get; private set; } = [];
    public string? Error { get; private set; }

    public sealed class BreachInput
    {
        public string? DiscoveredDate { get; set; }
        public string? DiscoveredTime { get; set; }
        public string? Description { get; set; }
        public string? SuspectedUser { get; set; }
        public string? FromDate { get; set; }
        public string? FromTime { get; set; }
        public string? ToDate { get; set; }
        public string? ToTime { get; set; }
        public List<string> Kinds { get; set; } = [];
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().ToOffset(TimeSpan.FromHours(7));
        Input.DiscoveredDate = now.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        Input.DiscoveredTime = now.ToString("HH:mm", CultureInfo.InvariantCulture);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var nowUtc = time.GetUtcNow().UtcDateTime;
        Error = Validate(out var discovered, out var from, out var to);
        if (Error is null && discovered > nowUtc.AddMinutes(5))
        {
            Error = t["Br_Err_Future"];
        }

        if (Error is not null)
        {
            await LoadAsync(ct);
            return Page();
        }

        var incident = new BreachIncident
        {
            DiscoveredAt = discovered,
            Description = Input.Description!.Trim(),
            SuspectedUserName = string.IsNullOrWhiteSpace(Input.SuspectedUser) ? null : Input.SuspectedUser.Trim(),
            WindowFrom = from,
            WindowTo = to,
            DataKinds = BreachDataKinds.Join(Input.Kinds),
            RecordedBy = db.Actor.UserName,
        };
        db.BreachIncidents.Add(incident);
        await db.SaveChangesAsync(ct);
        return RedirectToPage("Detail", new { id = incident.Id });
    }

    private string? Validate(out DateTime discovered, out DateTime? from, out DateTime? to)
    {
        (discovered, from, to) = (default, null, null);
        if (string.IsNullOrWhiteSpace(Input.Description) || Input.Description.Trim().Length > 4000)
        {
            return t["Br_Err_Description"];
        }

        if (Wib(Input.DiscoveredDate, Input.DiscoveredTime, endOfDay: false) is not { } d)
        {
            return t["Br_Err_Discovered"];
        }

        discovered = d;
        if (!string.IsNullOrWhiteSpace(Input.FromDate))
        {
            from = Wib(Input.FromDate, Input.FromTime, endOfDay: false) ?? (DateTime?)null;
            if (from is null)
            {
                return t["Br_Err_Window"];
            }
        }

        if (!string.IsNullOrWhiteSpace(Input.ToDate))
        {
            to = Wib(Input.ToDate, Input.ToTime, endOfDay: true);
            if (to is null)
            {
                return t["Br_Err_Window"];
            }
        }

        if (from is not null && to is not null && to <= from)
        {
            return t["Br_Err_WindowOrder"];
        }

        return (Input.SuspectedUser?.Trim().Length ?? 0) > 256 ? t["Br_Err_User"].Value : null;
    }

    /// <summary>A WIB date (dd/mm/yyyy or yyyy-mm-dd) and optional HH:mm as UTC; a window's end without a time is the end of that day.</summary>
    private static DateTime? Wib(string? date, string? clock, bool endOfDay)
    {
        if (!DateParsing.TryParse(date, out var day))
        {
            return null;
        }

        TimeOnly at;
        if (string.IsNullOrWhiteSpace(clock))
        {
            at = TimeOnly.MinValue;
        }
        else if (!TimeOnly.TryParseExact(clock.Trim(), ["HH:mm", "H:mm", "HH.mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out at))
        {
            return null;
        }

        var local = day.ToDateTime(at, DateTimeKind.Unspecified);
        if (endOfDay && string.IsNullOrWhiteSpace(clock))
        {
            local = local.AddDays(1);
        }

        return DateTime.SpecifyKind(local.AddHours(-7), DateTimeKind.Utc);
    }

    private async Task LoadAsync(CancellationToken ct) =>
        UserNames = await db.Users.AsNoTracking().Where(u => u.TenantCode == db.CurrentTenantCode).OrderBy(u => u.UserName)
            .Select(u => u.UserName!).ToListAsync(ct);
}
