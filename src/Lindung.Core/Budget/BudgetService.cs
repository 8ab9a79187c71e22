using Lindung.Core.Contributions;
using Lindung.Core.Coverage;
using Lindung.Core.Data;
using Lindung.Core.MasterData;
using Lindung.Core.Registry;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Budget;

/// <summary>A computed plan: the years, and what the planner could not do (e.g. an external target with no workers behind it).</summary>
public sealed record BudgetPlan(IReadOnlyList<BudgetYear> Years, IReadOnlyList<UnplannedTarget> Unplanned);

/// <summary>A target with an external population figure whose categories have no verified worker in the registry yet.</summary>
public sealed record UnplannedTarget(int Year, string? CategoryName, int Population);

/// <summary>
/// Turns the registry, the coverage targets and a <see cref="BudgetScenario"/> into a <see cref="BudgetPlan"/>
/// (docs/contributions.md "Budget planner"). The base population is the tenant's verified, not-ended PU and BPU
/// engagements on <c>asOf</c>, grouped into budget lines by OPD, category, funding source, programs and JKK risk group.
/// </summary>
public sealed class BudgetService(LindungDbContext db, RateBook rates)
{
    public async Task<IReadOnlyList<BudgetGroup>> LoadGroupsAsync(DateOnly asOf, CancellationToken ct = default)
    {
        var rows = await db.Engagements.AsNoTracking()
            .EligibleIn(asOf, asOf)
            .GroupBy(e => new { e.AgencyId, e.CategoryId, e.Scheme, e.FundingSource, e.Programs, e.JkkRiskGroup })
            .Select(g => new
            {
                g.Key.AgencyId,
                g.Key.CategoryId,
                g.Key.Scheme,
                g.Key.FundingSource,
                g.Key.Programs,
                g.Key.JkkRiskGroup,
                People = g.Count(),
                WithBase = g.Count(e => e.Wage != null || e.DeclaredIncome != null),
                BaseSum = g.Sum(e => e.Wage ?? e.DeclaredIncome ?? 0),
            })
            .ToListAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, ct);
        var categories = await db.WorkerCategories.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);

        return rows.Select(r =>
            {
                var agency = agencies[r.AgencyId];
                var category = categories[r.CategoryId];
                var monthlyBase = r.WithBase > 0
                    ? Calculators.Round((decimal)r.BaseSum / r.WithBase)
                    : category.DefaultIncome ?? 0;
                return new BudgetGroup(agency.Code, agency.IsPriority, category.Code, r.Scheme.ToString(), r.FundingSource,
                    category.BudgetAccountCode, r.People, monthlyBase, Calculators.ParsePrograms(r.Programs),
                    RiskGroups.Resolve(r.JkkRiskGroup, category.JkkRiskGroup, agency.JkkRiskGroup));
            })
            .OrderBy(g => g.AgencyCode, StringComparer.Ordinal).ThenBy(g => g.CategoryCode, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<BudgetPlan> PlanAsync(BudgetScenario scenario, DateOnly asOf, CancellationToken ct = default) =>
        await PlanAsync(scenario, await LoadGroupsAsync(asOf, ct), ct);

    /// <summary>Plans on budget lines already loaded (several scenarios side by side read the registry once).</summary>
    public async Task<BudgetPlan> PlanAsync(BudgetScenario scenario, IReadOnlyList<BudgetGroup> groups, CancellationToken ct = default)
    {
        var targets = await db.CoverageTargets.AsNoTracking().ToListAsync(ct);
        var categories = await db.WorkerCategories.AsNoTracking().ToDictionaryAsync(c => c.Code, StringComparer.Ordinal, ct);
        var unplanned = new List<UnplannedTarget>();

        // RKPD (the year's plan) before RPJMD; a category's own target before the all-vulnerable one; a year
        // after the last target keeps the last target. A group no target speaks for is planned at 100%.
        CoverageTarget? TargetFor(int year, BudgetGroup g)
        {
            var category = categories[g.CategoryCode];
            var applicable = targets.Where(t => t.Year <= year
                    && (t.CategoryId == category.Id || (t.CategoryId is null && category.Scheme == Scheme.BPU)))
                .ToList();
            return applicable
                .OrderByDescending(t => t.Year == year)
                .ThenByDescending(t => t.CategoryId is not null)
                .ThenByDescending(t => t.Year)
                .ThenByDescending(t => t.Plan == TargetPlan.Rkpd)
                .FirstOrDefault();
        }

        // An external denominator replaces the registry's count for the groups the target covers: its figure
        // is shared among them in proportion to their registry counts (largest remainder, whole people).
        var external = new Dictionary<(int Year, BudgetGroup Group), int>();
        for (var year = scenario.FromYear; year <= scenario.ToYear; year++)
        {
            foreach (var scope in groups.Select(g => (Group: g, Target: TargetFor(year, g)))
                         .Where(x => x.Target is { Denominator: TargetDenominator.External, ExternalPopulation: > 0 })
                         .GroupBy(x => x.Target!.Id))
            {
                var target = scope.First().Target!;
                var members = scope.Select(x => x.Group).ToList();
                foreach (var (group, share) in Share(target.ExternalPopulation!.Value, members))
                {
                    external[(year, group)] = share;
                }
            }

            foreach (var orphan in targets.Where(t => t.Year == year && t.Denominator == TargetDenominator.External
                                                      && !groups.Any(g => TargetFor(year, g)?.Id == t.Id)))
            {
                var scopeName = orphan.CategoryId is { } id ? categories.Values.First(c => c.Id == id).Name : null;
                unplanned.Add(new UnplannedTarget(year, scopeName, orphan.ExternalPopulation ?? 0));
            }
        }

        var input = new BudgetPlanInput(scenario.FromYear, scenario.ToYear, groups,
            (year, g) => TargetFor(year, g)?.TargetPercent ?? 100m,
            scenario.PopulationGrowthPercent, scenario.WageGrowthPercent,
            scenario.Caps, scenario.PriorityAgencyWeight, scenario.CategoryWeights,
            (year, g) => external.TryGetValue((year, g), out var n) ? n : null);
        return new BudgetPlan(BudgetPlanner.Plan(input, rates), unplanned);
    }

    /// <summary>Shares <paramref name="total"/> among groups in proportion to their base population, largest remainder.</summary>
    public static IEnumerable<(BudgetGroup Group, int Share)> Share(int total, IReadOnlyList<BudgetGroup> groups)
    {
        var sum = groups.Sum(g => (long)g.BasePopulation);
        if (sum == 0)
        {
            return groups.Select((g, i) => (g, i == 0 ? total : 0));
        }

        var exact = groups.Select(g => (Group: g, Floor: (int)(total * (long)g.BasePopulation / sum), Remainder: total * (long)g.BasePopulation % sum)).ToList();
        var left = total - exact.Sum(x => x.Floor);
        var bonus = exact.OrderByDescending(x => x.Remainder).ThenBy(x => x.Group.AgencyCode, StringComparer.Ordinal)
            .ThenBy(x => x.Group.CategoryCode, StringComparer.Ordinal).Take(left).Select(x => x.Group).ToHashSet();
        return exact.Select(x => (x.Group, x.Floor + (bonus.Contains(x.Group) ? 1 : 0)));
    }
}
