using System.Globalization;
using System.Text.Json;
using Lindung.Core.Contributions;
using Lindung.Core.Coverage;
using Lindung.Core.Data;
using Lindung.Core.Formatting;
using Lindung.Core.Identity;
using Lindung.Core.MasterData;
using Lindung.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Pages.Dasbor;

public sealed class IndexModel(LindungDbContext db, CoverageSnapshotCache cache, SnapshotWorker worker,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>Frozen monthly snapshots, oldest first (the SnapshotWorker takes them; this page only reads).</summary>
    public List<CoverageSnapshot> Snapshots { get; private set; } = [];

    /// <summary>The month shown: the one asked for (?periode=YYYY-MM) when it has a snapshot, else the latest.</summary>
    public CoverageSnapshot? Latest => Snapshots.FirstOrDefault(s => s.Period == Period) ?? (Snapshots.Count > 0 ? Snapshots[^1] : null);

    /// <summary>The tenant's snapshot back-fill while the worker runs it; null otherwise (and when it never ran, as in tests).</summary>
    public SnapshotWorker.BackfillProgress? Backfill { get; private set; }

    /// <summary>While back-filling: the headline is an older month because the month that just ended is not taken yet.</summary>
    public bool HeadlineBehind => Backfill is { } b && Latest is { } l && l.Period != Period && string.CompareOrdinal(l.Period, b.JustEnded) < 0;

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "periode")]
    public string? Period { get; set; }

    /// <summary>Dimensions shown as tables under the headline (not to an Operator OPD: they span every OPD).</summary>
    public static readonly string[] Breakdowns = ["category", "funding", "kecamatan", "sex", "age"];

    /// <summary>A dimension's groups of the month shown, lowest coverage first (age bands and sexes in their natural order).</summary>
    public IReadOnlyList<CoverageSnapshotGroup> Breakdown(string dimension)
    {
        // Asked for by the chart and the table of each dimension: sorted once per request.
        if (!breakdowns.TryGetValue(dimension, out var groups))
        {
            breakdowns[dimension] = groups = Latest is null ? [] : dimension is "age" or "sex"
                ? [.. Latest.Groups.Where(g => g.Dimension == dimension).OrderBy(g => g.Key == "<25" ? "" : g.Key, StringComparer.Ordinal)]
                : [.. Latest.Groups.Where(g => g.Dimension == dimension).OrderBy(g => CoverageService.Percent(g.Active, g.Eligible)).ThenBy(g => g.Label, StringComparer.Ordinal)];
        }

        return groups;
    }

    private readonly Dictionary<string, IReadOnlyList<CoverageSnapshotGroup>> breakdowns = [];

    /// <summary>The drill-down link of a figure: the people behind it (hundreds per page, so built without a dictionary each).</summary>
    public string DrillLink(string? dimension, string? key, string status)
    {
        var link = new System.Text.StringBuilder("/Dasbor/Rincian?");
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                link.Append(link[^1] == '?' ? "" : "&").Append(name).Append('=').Append(Uri.EscapeDataString(value));
            }
        }

        Add("periode", Latest?.Period);
        Add("dimensi", dimension);
        Add("kunci", key);
        Add("status", status);
        return link.ToString();
    }

    /// <summary>The headline's group: BPU, or the operator's OPD.</summary>
    public (string Dimension, string Key) HeadlineGroup => OwnAgencyCode is { } code ? ("opd", code) : ("scheme", "BPU");

    /// <summary>A bar chart of a dimension's coverage, each bar linking to its people.</summary>
    public string BarsJson(string dimension) => JsonSerializer.Serialize(new
    {
        kind = "bars",
        labels = Breakdown(dimension).Select(g => g.Label.Length == 0 ? "—" : g.Label),
        links = Breakdown(dimension).Select(g => DrillLink(dimension, g.Key, "semua")),
        datasets = new object[]
        {
            new { label = "%", backgroundColor = "#0b6e4f", maxBarThickness = 28, data = Breakdown(dimension).Select(g => CoverageService.Percent(g.Active, g.Eligible)) },
        },
    });

    /// <summary>The vulnerable-worker (BPU) target of the latest snapshot's year: RKPD before RPJMD.</summary>
    public CoverageTarget? Target { get; private set; }

    /// <summary>An Operator OPD's own OPD code: the page then shows that OPD's group only.</summary>
    public string? OwnAgencyCode { get; private set; }

    public Dictionary<string, Agency> AgencyByCode { get; private set; } = [];
    public long MonthlyPackage { get; private set; }
    public string ChartJson { get; private set; } = "{}";

    /// <summary>The headline group: BPU workers (what the targets are about), or the operator's OPD.</summary>
    public (int Eligible, int Active)? Headline(CoverageSnapshot s) =>
        OwnAgencyCode is { } code
            ? s.Groups.FirstOrDefault(g => g.Dimension == "opd" && g.Key == code) is { } own ? (own.Eligible, own.Active) : (0, 0)
            : s.Groups.FirstOrDefault(g => g.Dimension == "scheme" && g.Key == "BPU") is { } bpu ? (bpu.Eligible, bpu.Active) : (0, 0);

    /// <summary>People still to cover to reach the target in the latest month.</summary>
    public int GapPeople => Latest is { } s && Target is { } t && Headline(s) is { } h
        ? Math.Max(0, (int)Math.Ceiling(h.Eligible * t.TargetPercent / 100m) - h.Active) : 0;

    /// <summary>OPD groups of the latest snapshot: priority OPDs first, then the lowest coverage.</summary>
    public IEnumerable<CoverageSnapshotGroup> OpdRows => Latest is null ? [] : Latest.Groups
        .Where(g => g.Dimension == "opd" && (OwnAgencyCode is null || g.Key == OwnAgencyCode))
        .OrderByDescending(g => AgencyByCode.GetValueOrDefault(g.Key)?.IsPriority == true)
        .ThenBy(g => CoverageService.Percent(g.Active, g.Eligible)).ThenBy(g => g.Key, StringComparer.Ordinal);

    public string DisplayName { get; private set; } = "";
    public int Agencies { get; private set; }
    public int Categories { get; private set; }
    public int Districts { get; private set; }
    public int Villages { get; private set; }
    public List<Agency> Priority { get; private set; } = [];
    public int Engagements { get; private set; }

    /// <summary>The month's snapshot, every group of every dimension, as XLSX (aggregates only: no person in it).</summary>
    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        await OnGetAsync();
        if (Latest is not { } s || OwnAgencyCode is not null)
        {
            return NotFound();
        }

        var output = new MemoryStream();
        using (var xlsx = new Lindung.Core.Import.Spreadsheets.XlsxWriter(output))
        {
            xlsx.BeginSheet(s.Period, [new("Dimensi", 16), new("Kode", 16, Text: true), new(t["Dash_Group"], 34), new(t["Bpjs_Active"], 10),
                new(t["Dash_Eligible"], 10), new("%", 8)]);
            xlsx.WriteRow(t["Drill_Everyone"].Value, "", "", s.Active, s.Eligible, CoverageService.Percent(s.Active, s.Eligible));
            foreach (var g in s.Groups.OrderBy(g => Array.IndexOf(CoverageService.Dimensions, g.Dimension)).ThenBy(g => g.Key, StringComparer.Ordinal))
            {
                xlsx.WriteRow(t["Dim_" + g.Dimension].Value, g.Key, g.Label, g.Active, g.Eligible, CoverageService.Percent(g.Active, g.Eligible));
            }

            xlsx.WriteNote(s.Source == ActiveSource.BpjsList ? t["Dash_SourceBpjs"].Value : t["Dash_SourceRegistry"].Value);
        }

        output.Position = 0;
        return File(output, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"cakupan-{s.Period}.xlsx");
    }

    public async Task OnGetAsync()
    {
        DisplayName = User.FindFirst(LindungClaims.DisplayName)?.Value ?? User.Identity?.Name ?? "";
        // One connection for the page's few queries (and the alerts component's): on SQLite every open also
        // registers functions and takes the pool's lock, which showed in the dashboard's profile under load.
        await db.Database.OpenConnectionAsync();
        AgencyByCode = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code);
        Agencies = AgencyByCode.Values.Count(a => a.IsActive);
        Priority = [.. AgencyByCode.Values.Where(a => a.IsPriority).OrderBy(a => a.Name, StringComparer.Ordinal)];
        Categories = await db.WorkerCategories.CountAsync(c => c.IsActive);
        (Districts, Villages) = await cache.RegionCountsAsync(db);
        Engagements = await cache.EngagementCountAsync(db);
        if (UserScope.Of(User).OwnAgencyId is { } own)
        {
            OwnAgencyCode = AgencyByCode.Values.FirstOrDefault(a => a.Id == own)?.Code ?? "";
        }

        Backfill = worker.ProgressOf(db.CurrentTenantCode ?? "");
        Snapshots = await cache.LatestAsync(db, SnapshotWorker.MaxMonthsBack);
        if (Latest is { } latest)
        {
            var year = int.Parse(latest.Period[..4], CultureInfo.InvariantCulture);
            Target = await db.CoverageTargets.AsNoTracking().Where(t => t.Year == year && t.CategoryId == null)
                .OrderByDescending(t => t.Plan == TargetPlan.Rkpd).FirstOrDefaultAsync();
            var rates = (await RateBookStore.LoadAsync(db)).For(Periods.Start(latest.Period));
            MonthlyPackage = Calculators.Bpu(rates, rates.BpuMinIncome, new HashSet<ContributionProgram> { ContributionProgram.JKK, ContributionProgram.JKM }).Total;
            ChartJson = JsonSerializer.Serialize(new
            {
                kind = "coverage",
                labels = Snapshots.Select(s => s.Period),
                datasets = new object[]
                {
                    new { type = "line", label = OwnAgencyCode is null ? "BPU (%)" : OwnAgencyCode + " (%)", yAxisID = "percent", borderColor = "#0b6e4f", backgroundColor = "#0b6e4f",
                        data = Snapshots.Select(s => Headline(s) is { } h ? CoverageService.Percent(h.Active, h.Eligible) : 0) },
                    new { type = "line", label = "Target (%)", yAxisID = "percent", borderColor = "#c17c00", backgroundColor = "#c17c00", borderDash = new[] { 6, 4 },
                        data = Snapshots.Select(_ => Target?.TargetPercent) },
                },
            });
        }
    }
}
