using System.Globalization;
using Lindung.Core.Audit;
using Lindung.Core.Data;
using Lindung.Core.MasterData;
using Lindung.Core.Registry.Protection;
using Lindung.Core.Registry.Validation;
using Lindung.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Pages.Audit;

/// <summary>
/// The audit trail search (issue 7, PRODUCT §4.14): Auditor and Administrator, read-only. Every NIK reveal, export,
/// sign-in and change is here; the XLSX export of a result is itself audited.
/// </summary>
public sealed class IndexModel(LindungDbContext db, NikProtector nik) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "pengguna")] public string? UserName { get; set; }
    [BindProperty(SupportsGet = true, Name = "tindakan")] public string? Action { get; set; }
    [BindProperty(SupportsGet = true, Name = "jenis")] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true, Name = "id")] public string? EntityId { get; set; }
    [BindProperty(SupportsGet = true, Name = "orang")] public string? Person { get; set; }
    [BindProperty(SupportsGet = true, Name = "opd")] public Guid? AgencyId { get; set; }
    [BindProperty(SupportsGet = true, Name = "dari")] public string? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "sampai")] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "teks")] public string? Text { get; set; }
    [BindProperty(SupportsGet = true, Name = "hal")] public int PageNumber { get; set; } = 1;

    /// <summary>The sealed NIK of the previous search, posted back while the box still shows it masked.</summary>
    [BindProperty] public string? SealedPerson { get; set; }

    /// <summary>What the person box shows: a NIK masked (it travels sealed in the URL, see <see cref="NikInUrls"/>).</summary>
    public string? PersonText => NikInUrls.ForDisplay(nik, Person);

    public AuditPage Result { get; private set; } = new([], 0, 1, AuditSearch.PageSize);
    public List<Agency> Agencies { get; private set; } = [];
    public IReadOnlyList<string> Actions => AuditActions.All;
    public bool BadDate { get; private set; }

    /// <summary>The search form posts (a NIK must not travel in a URL) and lands on the result.</summary>
    public IActionResult OnPost()
    {
        Person = NikInUrls.FromForm(nik, Person, SealedPerson);
        return RedirectToPage(RouteValues());
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        Result = await AuditSearch.SearchAsync(db, nik, Query(), PageNumber, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        var query = Query();
        var events = await AuditSearch.FilterAsync(db, nik, query, ct);
        var rows = await events.Take(AuditSearch.MaxExportRows + 1).ToListAsync(ct);
        var truncated = rows.Count > AuditSearch.MaxExportRows;
        if (truncated)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        var criteria = Describe(query);
        var output = new MemoryStream();
        AuditExport.Write(output, rows, criteria, truncated);
        db.Audit(AuditActions.Exported, nameof(AuditEvent), null, $"jejak audit: {rows.Count} baris; {criteria}");
        await db.SaveChangesAsync(ct);
        output.Position = 0;
        var today = DateOnly.FromDateTime(db.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        return File(output, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"jejak-audit-{today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.xlsx");
    }

    /// <summary>The query string of the current search, for paging and the export link.</summary>
    public Dictionary<string, string> RouteValues(int? page = null)
    {
        var values = new Dictionary<string, string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                values[key] = value;
            }
        }

        Add("pengguna", UserName);
        Add("tindakan", Action);
        Add("jenis", EntityType);
        Add("id", EntityId);
        Add("orang", Person);
        Add("opd", AgencyId?.ToString());
        Add("dari", From);
        Add("sampai", To);
        Add("teks", Text);
        if (page is { } p)
        {
            values["hal"] = p.ToString(CultureInfo.InvariantCulture);
        }

        return values;
    }

    private AuditQuery Query()
    {
        DateOnly? from = null, to = null;
        if (!string.IsNullOrWhiteSpace(From))
        {
            if (DateParsing.TryParse(From.Trim(), out var f)) { from = f; } else { BadDate = true; }
        }

        if (!string.IsNullOrWhiteSpace(To))
        {
            if (DateParsing.TryParse(To.Trim(), out var t)) { to = t; } else { BadDate = true; }
        }

        return new AuditQuery(UserName, Action, EntityType, EntityId, NikInUrls.Unseal(nik, Person) ?? Person, AgencyId, from, to, Text);
    }

    private static string Describe(AuditQuery q)
    {
        var parts = new List<string>();
        void Add(string label, object? value)
        {
            if (value is not null && value.ToString() is { Length: > 0 } s)
            {
                parts.Add(label + "=" + s);
            }
        }

        Add("pengguna", q.User);
        Add("tindakan", q.Action);
        Add("jenis", q.EntityType);
        Add("id", q.EntityId);
        Add("orang", q.Person is { } p && p.Count(char.IsAsciiDigit) == 16 ? NikProtector.Mask(new string(p.Where(char.IsAsciiDigit).ToArray())) : q.Person);
        Add("opd", q.AgencyId);
        Add("dari", q.From?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        Add("sampai", q.To?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        Add("teks", q.Text);
        return parts.Count == 0 ? "semua" : string.Join("; ", parts);
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.ShortName).ToListAsync(ct);
    }
}
