using System.Globalization;
using System.Text.Json;
using Lindung.Core.Budget;
using Lindung.Core.Contributions;
using Lindung.Core.Data;
using Lindung.Core.MasterData;
using Lindung.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lindung.Web.Pages.Anggaran;

/// <summary>
/// Budget scenarios (PRODUCT §4.9): Keuangan and Perencana save assumptions (growth, yearly caps, priority
/// weights); saved scenarios are computed on today's registry and shown side by side, as a table and a chart;
/// one scenario's budget lines per OPD, category or funding source for a year; export to XLSX.
/// </summary>
public sealed class SkenarioModel(LindungDbContext db, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int MaxCompared = 4;

    public List<BudgetScenario> Saved { get; private set; } = [];
    public List<(BudgetScenario Scenario, BudgetPlan Plan)> Compared { get; private set; } = [];
    public List<WorkerCategory> Categories { get; private set; } = [];
    public Dictionary<string, string> AgencyNames { get; private set; } = [];
    public DateOnly AsOf { get; private set; }
    public bool MayBudget { get; private set; }
    public string? Error { get; private set; }
    public string ChartJson { get; private set; } = "{}";

    /// <summary>Scenarios ticked for comparison; none ticked = the latest ones.</summary>
    [BindProperty(SupportsGet = true, Name = "s")]
    public List<Guid> Selected { get; set; } = [];

    /// <summary>The scenario, year and dimension of the detail table.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Detail { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string By { get; set; } = "opd";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public (BudgetScenario Scenario, BudgetPlan Plan)? DetailPlan => Compared.FirstOrDefault(c => c.Scenario.Id == Detail) is { Scenario: not null } x ? x : null;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!UserScope.Of(User).MayBudget)
        {
            return Forbid();
        }

        Input.Name = Input.Name?.Trim() ?? "";
        Error = Input.Name.Length is 0 or > 120 ? t["Scenario_NameRequired"].Value
            : Input.FromYear is < 2020 or > 2045 || Input.ToYear < Input.FromYear || Input.ToYear - Input.FromYear > 10 ? t["Scenario_YearsInvalid"].Value
            : Input.PopulationGrowthPercent is < -50 or > 100 || Input.WageGrowthPercent is < -50 or > 100 ? t["Scenario_GrowthInvalid"].Value
            : Input.PriorityAgencyWeight is < 0 or > 1000 || Input.CategoryWeights.Values.Any(w => w is < 0 or > 1000) ? t["Scenario_WeightInvalid"].Value
            : Input.Caps.Values.Any(c => c is < 0) ? t["Scenario_CapInvalid"].Value
            : await db.BudgetScenarios.AnyAsync(s => s.Name == Input.Name, ct) ? t["Scenario_NameTaken", Input.Name].Value
            : null;
        var codes = await db.WorkerCategories.Select(c => c.Code).ToListAsync(ct);
        if (Input.CategoryWeights.Keys.Any(k => !codes.Contains(k)))
        {
            return BadRequest();
        }

        if (Error is not null)
        {
            await LoadAsync(ct);
            return Page();
        }

        var scenario = new BudgetScenario
        {
            Name = Input.Name,
            FromYear = Input.FromYear,
            ToYear = Input.ToYear,
            PopulationGrowthPercent = Input.PopulationGrowthPercent,
            WageGrowthPercent = Input.WageGrowthPercent,
            PriorityAgencyWeight = Input.PriorityAgencyWeight,
            Caps = Input.Caps.Where(c => c.Value is not null && c.Key >= Input.FromYear && c.Key <= Input.ToYear).ToDictionary(c => c.Key, c => c.Value!.Value),
            CategoryWeights = Input.CategoryWeights.ToDictionary(),
            Notes = string.IsNullOrWhiteSpace(Input.Notes) ? null : Input.Notes.Trim(),
            CreatedBy = User.Identity?.Name,
        };
        db.BudgetScenarios.Add(scenario);
        await db.SaveChangesAsync(ct);
        TempData["Saved"] = "1";
        return RedirectToPage(new { s = Selected.Append(scenario.Id).Distinct().TakeLast(MaxCompared).ToArray() });
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        if (!UserScope.Of(User).MayBudget)
        {
            return Forbid();
        }

        var scenario = await db.BudgetScenarios.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (scenario is null)
        {
            return NotFound();
        }

        db.BudgetScenarios.Remove(scenario);
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { s = Selected.Where(x => x != id).ToArray() });
    }

    public async Task<IActionResult> OnGetXlsxAsync(Guid id, CancellationToken ct)
    {
        var scenario = await db.BudgetScenarios.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (scenario is null)
        {
            return NotFound();
        }

        AsOf = Today();
        var plan = await new BudgetService(db, await RateBookStore.LoadAsync(db, ct)).PlanAsync(scenario, AsOf, ct);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Name, ct);
        var categories = await db.WorkerCategories.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        var output = new MemoryStream();
        BudgetExport.Write(output, scenario, plan, AsOf, agencies, categories);
        output.Position = 0;
        var safeName = new string(scenario.Name.Select(ch => char.IsAsciiLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : '-').ToArray()).Trim('-');
        return File(output, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"anggaran-{(safeName.Length > 0 ? safeName : "skenario")}-{AsOf:yyyyMMdd}.xlsx");
    }

    /// <summary>The budget lines of the detail scenario and year, summed by OPD, category, funding source or account code.</summary>
    public IEnumerable<(string Key, string Label, int Target, int People, long Rupiah, int Uncovered)> DetailRows()
    {
        if (DetailPlan is not { } detail || detail.Plan.Years.FirstOrDefault(y => y.Year == Year) is not { } year)
        {
            return [];
        }

        var categoryNames = Categories.ToDictionary(c => c.Code, c => c.Name, StringComparer.Ordinal);
        Func<BudgetLine, (string, string)> key = By switch
        {
            "kategori" => l => (l.Group.CategoryCode, categoryNames.GetValueOrDefault(l.Group.CategoryCode, l.Group.CategoryCode)),
            "dana" => l => (l.Group.FundingSource, l.Group.FundingSource),
            "rekening" => l => (l.Group.AccountCode ?? "", l.Group.AccountCode ?? t["Scenario_NoAccountCode"]),
            _ => l => (l.Group.AgencyCode, AgencyNames.GetValueOrDefault(l.Group.AgencyCode, l.Group.AgencyCode)),
        };
        return year.Lines.GroupBy(key)
            .Select(g => (g.Key.Item1, g.Key.Item2, g.Sum(l => l.Target), g.Sum(l => l.People), g.Sum(l => l.Rupiah), g.Sum(l => l.Uncovered)))
            .OrderByDescending(r => r.Item5).ThenBy(r => r.Item1, StringComparer.Ordinal);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        MayBudget = UserScope.Of(User).MayBudget;
        AsOf = Today();
        Saved = await db.BudgetScenarios.AsNoTracking().OrderByDescending(s => s.CreatedAt).ToListAsync(ct);
        Categories = await db.WorkerCategories.AsNoTracking().Where(c => c.Scheme != Scheme.Jakon).OrderBy(c => c.Name).ToListAsync(ct);
        AgencyNames = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.ShortName, ct);
        var chosen = Selected.Count > 0
            ? Saved.Where(s => Selected.Contains(s.Id)).Take(MaxCompared).ToList()
            : Saved.Take(2).ToList();
        Selected = chosen.Select(s => s.Id).ToList();
        if (chosen.Count > 0)
        {
            var service = new BudgetService(db, await RateBookStore.LoadAsync(db, ct));
            var groups = await service.LoadGroupsAsync(AsOf, ct);
            foreach (var scenario in chosen.OrderBy(s => s.CreatedAt))
            {
                Compared.Add((scenario, await service.PlanAsync(scenario, groups, ct)));
            }
        }

        Detail ??= Compared.FirstOrDefault().Scenario?.Id;
        Year ??= DetailPlan is { } d && d.Plan.Years.Count > 0 ? d.Plan.Years[0].Year : null;
        ChartJson = BuildChart();
        if (Input.Caps.Count == 0)
        {
            for (var year = Input.FromYear; year <= Input.ToYear; year++)
            {
                Input.Caps[year] = null;
            }
        }
    }

    /// <summary>Chart.js configuration: rupiah per year per scenario as bars, people covered as lines on a second axis.</summary>
    private string BuildChart()
    {
        var years = Compared.SelectMany(c => c.Plan.Years.Select(y => y.Year)).Distinct().Order().ToList();
        var palette = new[] { "#0b6e4f", "#c17c00", "#3a5a98", "#a63d40" };
        var datasets = Compared.SelectMany((c, i) => new object[]
        {
            new
            {
                type = "bar", label = t["Scenario_ChartRupiah", c.Scenario.Name].Value, yAxisID = "rupiah", backgroundColor = palette[i % palette.Length],
                data = years.Select(y => c.Plan.Years.FirstOrDefault(x => x.Year == y)?.Rupiah),
            },
            new
            {
                type = "line", label = t["Scenario_ChartPeople", c.Scenario.Name].Value, yAxisID = "people", borderColor = palette[i % palette.Length],
                backgroundColor = palette[i % palette.Length], borderDash = new[] { 6, 4 },
                data = years.Select(y => c.Plan.Years.FirstOrDefault(x => x.Year == y)?.People),
            },
        });
        return JsonSerializer.Serialize(new
        {
            labels = years.Select(y => y.ToString(CultureInfo.InvariantCulture)),
            datasets,
            axes = new { rupiah = t["Scenario_AxisRupiah"].Value, people = t["Scenario_AxisPeople"].Value },
        });
    }

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);

    public sealed class InputModel
    {
        public string? Name { get; set; }
        public int FromYear { get; set; } = 2025;
        public int ToYear { get; set; } = 2029;
        public decimal PopulationGrowthPercent { get; set; }
        public decimal WageGrowthPercent { get; set; }
        public decimal PriorityAgencyWeight { get; set; } = 10;
        public Dictionary<int, long?> Caps { get; set; } = [];
        public Dictionary<string, decimal> CategoryWeights { get; set; } = [];
        public string? Notes { get; set; }
    }
}
