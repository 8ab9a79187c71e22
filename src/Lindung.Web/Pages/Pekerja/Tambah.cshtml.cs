using System.Globalization;
using System.Text;
using Lindung.Core.Data;
using Lindung.Core.Import;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Core.MasterData;
using Lindung.Core.Registry.Protection;
using Lindung.Core.Registry.Validation;
using Lindung.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Pages.Pekerja;

/// <summary>
/// Adds one worker by form. The form is a one-row submission through the same import pipeline as uploads, so
/// validation, duplicates and the cross-OPD conflict queue behave exactly alike.
/// </summary>
public sealed class TambahModel(LindungDbContext db, NikProtector protector, TimeProvider time,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public List<Agency> Agencies { get; private set; } = [];
    public List<WorkerCategory> Categories { get; private set; } = [];
    public List<Region> Villages { get; private set; } = [];
    public Dictionary<string, string> Districts { get; private set; } = [];
    public List<ValidationIssue> Issues { get; private set; } = [];
    public string? Outcome { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!UserScope.Of(User).MayEditRegistry)
        {
            return Forbid();
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = UserScope.Of(User);
        if (!scope.MayEditRegistry)
        {
            return Forbid();
        }

        var agencyId = scope.OwnAgencyId ?? Input.AgencyId;
        if (agencyId is not { } agency || !await db.Agencies.AnyAsync(a => a.Id == agency, ct)
            || !await db.WorkerCategories.AnyAsync(c => c.Id == Input.CategoryId, ct))
        {
            Issues = [new ValidationIssue("form.agency", t["Upload_ChooseOpd"])];
            Outcome = "rejected";
            await LoadAsync();
            return Page();
        }

        var village = Input.VillageCode is { Length: > 0 } code ? await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, ct) : null;
        var district = village?.ParentCode is { } parent ? await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == parent, ct) : null;
        var csv = new StringBuilder("NIK,Nama,Tempat Lahir,Tanggal Lahir,JK,Alamat,Desa,Kecamatan,No HP,Upah,Jabatan,TMT\n");
        csv.AppendJoin(',', new[]
        {
            Input.Nik, Input.Name, Input.BirthPlace, Input.BirthDate, Input.Sex, Input.Address, village?.Name, district?.Name, Input.Phone,
            Input.Amount?.ToString(CultureInfo.InvariantCulture), Input.Position, Input.StartDate,
        }.Select(Quote)).Append('\n');
        var period = time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var report = await new WorkerImporter(db, protector, SpreadsheetLimits.Default).RunAsync(
            new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())),
            new WorkerImportRequest(agency, Input.CategoryId, period, DryRun: false, "formulir"), null, ct);
        Issues = report.Problems.SelectMany(p => p.Issues).ToList();
        if (report.Accepted + report.Conflicts == 1)
        {
            var hash = protector.Hash(new string(Input.Nik!.Where(char.IsAsciiDigit).ToArray()));
            var personId = await db.People.Where(p => p.NikHash == hash).Select(p => p.Id).SingleAsync(ct);
            TempData["WorkerMessage"] = report.Conflicts == 1 ? "conflict" : "saved";
            return RedirectToPage("Detail", new { id = personId });
        }

        Outcome = report.Unchanged == 1 ? "unchanged" : "rejected";
        await LoadAsync();
        return Page();
    }

    private static string Quote(string? value) =>
        "\"" + (value ?? "").Replace("\"", "\"\"", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal) + "\"";

    private async Task LoadAsync()
    {
        var own = UserScope.Of(User).OwnAgencyId;
        Agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive && (own == null || a.Id == own)).OrderBy(a => a.Name).ToListAsync();
        Categories = await db.WorkerCategories.AsNoTracking().Where(c => c.IsActive && c.Scheme != Scheme.Jakon).OrderBy(c => c.Name).ToListAsync();
        var tenant = db.CurrentTenantCode + ".";
        var regions = await db.Regions.AsNoTracking().Where(r => r.Code.StartsWith(tenant)).OrderBy(r => r.Code).ToListAsync();
        Districts = regions.Where(r => r.Level == RegionLevel.District).ToDictionary(r => r.Code, r => r.Name);
        Villages = regions.Where(r => r.Level == RegionLevel.Village).ToList();
    }

    public sealed class InputModel
    {
        public string? Nik { get; set; }
        public string? Name { get; set; }
        public string? BirthPlace { get; set; }
        public string? BirthDate { get; set; }
        public string? Sex { get; set; }
        public string? Address { get; set; }
        public string? VillageCode { get; set; }
        public string? Phone { get; set; }
        public Guid? AgencyId { get; set; }
        public Guid CategoryId { get; set; }
        public long? Amount { get; set; }
        public string? Position { get; set; }
        public string? StartDate { get; set; }
    }
}
