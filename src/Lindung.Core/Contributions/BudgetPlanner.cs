namespace Lindung.Core.Contributions;

/// <summary>One budget line: the workers of one category in one OPD (the SIPD account code travels with it).</summary>
public sealed record BudgetGroup(string AgencyCode, bool PriorityAgency, string CategoryCode, string Scheme, string FundingSource,
    string? AccountCode, int BasePopulation, long MonthlyBase, IReadOnlySet<ContributionProgram> Programs, int RiskGroup = 1);

public sealed record BudgetPlanInput(
    int FromYear,
    int ToYear,
    IReadOnlyList<BudgetGroup> Groups,
    Func<int, BudgetGroup, decimal> TargetPercent,
    decimal PopulationGrowthPercent = 0,
    decimal WageGrowthPercent = 0,
    IReadOnlyDictionary<int, long>? Caps = null,
    decimal PriorityAgencyWeight = 10,
    IReadOnlyDictionary<string, decimal>? CategoryWeights = null,
    Func<int, BudgetGroup, int?>? PopulationFor = null);

public sealed record BudgetLine(BudgetGroup Group, int Population, int Target, int People, long CostPerPerson, long Rupiah)
{
    public int Uncovered => Target - People;
}

public sealed record BudgetYear(int Year, int Target, int People, long Rupiah, int Uncovered, long? Cap, IReadOnlyList<BudgetLine> Lines)
{
    /// <summary>The rate-table versions in force during the year's months, in order (the amounts rest on these).</summary>
    public IReadOnlyList<string> RateVersions { get; init; } = [];
}

/// <summary>
/// Multi-year APBD need (PRODUCT §4.9, docs/contributions.md "Budget planner"). Per year and group: the eligible
/// population grows from the base year (or is given per year, e.g. from an external figure); the target is the rounded-up share of it; the cost per person is the sum of
/// the twelve monthly contributions with the rate table in force on the first of each month. Under a cap, groups
/// are funded in priority order — weight (priority OPD weight + category weight) descending, then cheaper per
/// person, then OPD code, then category code — each fully before the next; the first group the cap cannot fully
/// fund gets as many whole people as the rest of the cap pays for, and later groups get none. That strict order is
/// what makes "a higher cap never covers fewer people" and "priority OPDs are filled first" hold.
/// </summary>
public static class BudgetPlanner
{
    public static IReadOnlyList<BudgetYear> Plan(BudgetPlanInput input, RateBook rates)
    {
        var years = new List<BudgetYear>();
        for (var year = input.FromYear; year <= input.ToYear; year++)
        {
            var n = year - input.FromYear;
            var lines = input.Groups.Select(g =>
            {
                var population = input.PopulationFor?.Invoke(year, g)
                    ?? (int)Calculators.Round(g.BasePopulation * Pow(1 + input.PopulationGrowthPercent / 100m, n));
                var target = (int)Math.Ceiling(population * Math.Clamp(input.TargetPercent(year, g), 0, 100) / 100m);
                return new BudgetLine(g, population, target, 0, YearlyCost(g, year, n, input.WageGrowthPercent, rates), 0);
            }).ToList();

            long? cap = input.Caps is { } caps && caps.TryGetValue(year, out var c) ? c : null;
            var funded = new Dictionary<BudgetGroup, int>();
            var remaining = cap ?? long.MaxValue;
            var open = true;
            foreach (var line in lines.OrderByDescending(l => Weight(l.Group, input)).ThenBy(l => l.CostPerPerson)
                         .ThenBy(l => l.Group.AgencyCode, StringComparer.Ordinal).ThenBy(l => l.Group.CategoryCode, StringComparer.Ordinal))
            {
                var people = !open ? 0
                    : line.CostPerPerson == 0 ? line.Target
                    : (int)Math.Min(line.Target, remaining / line.CostPerPerson);
                funded[line.Group] = people;
                remaining -= people * line.CostPerPerson;
                open &= people == line.Target;
            }

            lines = lines.Select(l => l with { People = funded[l.Group], Rupiah = funded[l.Group] * l.CostPerPerson }).ToList();
            years.Add(new BudgetYear(year, lines.Sum(l => l.Target), lines.Sum(l => l.People), lines.Sum(l => l.Rupiah),
                lines.Sum(l => l.Uncovered), cap, lines)
            {
                RateVersions = [.. Enumerable.Range(1, 12).Select(m => rates.For(new DateOnly(year, m, 1)).Version).Distinct()],
            });
        }

        return years;
    }

    public static decimal Weight(BudgetGroup g, BudgetPlanInput input) =>
        (g.PriorityAgency ? input.PriorityAgencyWeight : 0) + (input.CategoryWeights?.GetValueOrDefault(g.CategoryCode) ?? 0);

    /// <summary>Twelve months of one person's contribution, each month on the rate table in force that month.</summary>
    public static long YearlyCost(BudgetGroup g, int year, int yearsFromBase, decimal wageGrowthPercent, RateBook rates)
    {
        var monthlyBase = g.Scheme == "PU"
            ? Calculators.Round(g.MonthlyBase * Pow(1 + wageGrowthPercent / 100m, yearsFromBase))
            : g.MonthlyBase;
        long total = 0;
        for (var month = 1; month <= 12; month++)
        {
            var table = rates.For(new DateOnly(year, month, 1));
            total += g.Scheme == "PU"
                ? Calculators.Pu(table, monthlyBase, g.RiskGroup, g.Programs).Total
                : Calculators.Bpu(table, monthlyBase, g.Programs).Total;
        }

        return total;
    }

    private static decimal Pow(decimal x, int n)
    {
        var result = 1m;
        for (var i = 0; i < n; i++)
        {
            result *= x;
        }

        return result;
    }
}
