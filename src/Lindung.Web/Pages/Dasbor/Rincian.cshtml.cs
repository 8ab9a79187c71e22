using System.Globalization;
using Lindung.Core.Audit;
using Lindung.Core.Coverage;
using Lindung.Core.Data;
using Lindung.Core.Formatting;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lindung.Web.Pages.Dasbor;

/// <summary>
/// The people behind a number on the dashboard (<see cref="CoverageDrillDown"/>): a month, a group of one dimension, active
/// or not yet active. An Operator OPD sees only their own OPD's people, whatever the link asks. NIK masked; the XLSX is audited.
/// </summary>
public sealed class RincianModel(LindungDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int PageSize = 50;

    private const int ExportBatch = 10_000;

    [BindProperty(SupportsGet = true, Name = "periode")]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true, Name = "dimensi")]
    public string? Dimension { get; set; }

    [BindProperty(SupportsGet = true, Name = "kunci")]
    public string? Key { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "hal")]
    public int PageNumber { get; set; } = 1;

    public DrillStatus Which => Status switch { "aktif" => DrillStatus.Active, "belum" => DrillStatus.NotActive, _ => DrillStatus.Eligible };

    /// <summary>The group's label in the month's snapshot, when there is one.</summary>
    public string? Label { get; private set; }

    /// <summary>The frozen figure the link came from (null for the live current month or an unknown group).</summary>
    public int? SnapshotCount { get; private set; }

    public bool Frozen { get; private set; }
    public int Count { get; private set; }
    public IReadOnlyList<DrillPerson> People { get; private set; } = [];
    public Dictionary<string, string> RegionNames { get; private set; } = [];
    public string? OwnAgencyName { get; private set; }

    /// <summary>Whether the user may open a worker's page (Pimpinan reads the list, not the registry).</summary>
    public bool CanOpenWorker => Lindung.Web.Authorization.AreaAccess.Folders["/Pekerja"].Any(User.IsInRole);
    public int Pages => Math.Max(1, (Count + PageSize - 1) / PageSize);

    public string Query(string? status = null, int? page = null) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["periode"] = Period,
            ["dimensi"] = Dimension,
            ["kunci"] = Key,
            ["status"] = status ?? Status,
            ["hal"] = (page ?? PageNumber).ToString(CultureInfo.InvariantCulture),
        }).ToString();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        var drill = new CoverageDrillDown(db);
        People = await drill.PageAsync(await QueryAsync(ct), Period!, (PageNumber - 1) * PageSize, PageSize, ct);
        var codes = People.Select(p => p.DistrictCode).Where(c => c is not null).Distinct().ToList();
        RegionNames = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var drill = new CoverageDrillDown(db);
        var query = await QueryAsync(ct);
        var regions = await db.Regions.AsNoTracking().Where(r => r.Code.StartsWith(db.CurrentTenantCode + ".")).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var output = new MemoryStream();
        var written = 0;
        using (var xlsx = new XlsxWriter(output))
        {
            xlsx.BeginSheet(Period!, [new XlsxColumn(t["Col_Name"], 30), new XlsxColumn("NIK", 20, Text: true), new XlsxColumn("KPJ", 16, Text: true),
                new XlsxColumn(t["Col_Agency"], 24), new XlsxColumn(t["Col_District"], 20), new XlsxColumn(t["Col_Sex"], 6),
                new XlsxColumn(t["Col_BirthDate"], 12), new XlsxColumn("Status", 14)]);
            // Page by page: a list of a million people is never held whole.
            for (IReadOnlyList<DrillPerson> page; (page = await drill.PageAsync(query, Period!, written, ExportBatch, ct)).Count > 0; written += page.Count)
            {
                foreach (var p in page)
                {
                    xlsx.WriteRow(p.Name, p.NikMasked, p.Kpj, p.Agencies, p.DistrictCode is { } d ? regions.GetValueOrDefault(d, d) : null, p.Sex.ToString(),
                        IndonesianFormat.Date(p.BirthDate), p.Active ? t["Drill_Active"].Value : t["Drill_NotActive"].Value);
                }
            }
        }

        db.Audit(AuditActions.Exported, "CoverageList", null,
            $"daftar cakupan {Period} {Dimension ?? "semua"}={Key} {Which}: {written} orang (NIK tersamar)");
        await db.SaveChangesAsync(ct);
        output.Position = 0;
        return File(output, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"cakupan-{Period}-{Dimension ?? "semua"}-{Status ?? "semua"}.xlsx");
    }

    private async Task<IQueryable<Lindung.Core.Registry.Person>> QueryAsync(CancellationToken ct) =>
        await new CoverageDrillDown(db).PeopleAsync(Period!, Dimension, Key, Which, UserScope.Of(User).OwnAgencyId, ct);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (Period is null || !Periods.TryParse(Period, out _)
            || (Dimension is { Length: > 0 } d && !CoverageService.Dimensions.Contains(d)))
        {
            return false;
        }

        if (string.IsNullOrEmpty(Dimension))
        {
            Dimension = null;
            Key = null;
        }

        var scope = UserScope.Of(User);
        if (scope.OwnAgencyId is { } own)
        {
            OwnAgencyName = await db.Agencies.Where(a => a.Id == own).Select(a => a.ShortName).FirstOrDefaultAsync(ct);
        }

        var snapshot = await db.CoverageSnapshots.AsNoTracking().Include(s => s.Groups).FirstOrDefaultAsync(s => s.Period == Period, ct);
        Frozen = snapshot is not null;
        if (snapshot is not null)
        {
            var group = Dimension is null ? null : snapshot.Groups.FirstOrDefault(g => g.Dimension == Dimension && g.Key == (Key ?? ""));
            Label = group?.Label;
            // The frozen figure only when it is the same set of people (an operator's view is narrower than a snapshot group).
            if (scope.OwnAgencyId is null)
            {
                var (eligible, active) = Dimension is null ? (snapshot.Eligible, snapshot.Active) : group is null ? (0, 0) : (group.Eligible, group.Active);
                SnapshotCount = Which switch { DrillStatus.Active => active, DrillStatus.NotActive => eligible - active, _ => eligible };
            }
        }

        Count = await (await QueryAsync(ct)).CountAsync(ct);
        return true;
    }
}
