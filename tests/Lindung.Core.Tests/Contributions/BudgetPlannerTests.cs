using Lindung.Core.Contributions;
using static Lindung.Core.Contributions.ContributionProgram;

namespace Lindung.Core.Tests.Contributions;

public class BudgetPlannerTests
{
    private static readonly RateBook Book = RateBook.LoadSeed();
    private static readonly HashSet<ContributionProgram> Minimum = [JKK, JKM];

    private static BudgetGroup Bpu(string agency, bool priority, string category, int population) =>
        new(agency, priority, category, "BPU", "APBD", "5.1.01.02.01.0001", population, 1_000_000, Minimum);

    private static BudgetGroup Pu(string agency, bool priority, int population, long wage) =>
        new(agency, priority, "NONASN", "PU", "APBD", null, population, wage, Minimum);

    [Fact]
    public void Plan_5000BpuAtTheMinimumFor12Months_Is1008000000()
    {
        var year = BudgetPlanner.Plan(new BudgetPlanInput(2025, 2025, [Bpu("KESRA", false, "MARBOT", 5_000)], (_, _) => 100), Book).Single();

        Assert.Equal((5_000, 1_008_000_000L, 0), (year.People, year.Rupiah, year.Uncovered));
        Assert.Equal(["2024-03-01", "2025-03-01"], year.RateVersions);
    }

    [Fact]
    public void Plan_TargetsAndGrowth_RoundPeopleUpPerGroup()
    {
        var years = BudgetPlanner.Plan(new BudgetPlanInput(2025, 2027, [Bpu("KESRA", false, "GURU_NGAJI", 1_000)],
            (y, _) => y switch { 2025 => 51.2m, 2026 => 63.4m, _ => 75.6m }, PopulationGrowthPercent: 2), Book);

        Assert.Equal([(1_000, 512), (1_020, 647), (1_040, 787)], years.Select(y => (y.Lines[0].Population, y.People)));
        Assert.All(years, y => Assert.Equal(y.People * 201_600L, y.Rupiah));
    }

    [Fact]
    public void Plan_Cap_FundsPriorityOpdsFirstAndSaysWhoIsLeftOut()
    {
        var groups = new[] { Bpu("KESRA", false, "MARBOT", 1_000), Pu("DLH", true, 500, 2_000_000) };
        var dlhYearly = BudgetPlanner.YearlyCost(groups[1], 2025, 0, 0, Book);

        var year = BudgetPlanner.Plan(new BudgetPlanInput(2025, 2025, groups, (_, _) => 100,
            Caps: new Dictionary<int, long> { [2025] = 500 * dlhYearly + 300 * 201_600L }), Book).Single();

        Assert.Equal(500, year.Lines.Single(l => l.Group.AgencyCode == "DLH").People);
        Assert.Equal(300, year.Lines.Single(l => l.Group.AgencyCode == "KESRA").People);
        Assert.Equal(700, year.Uncovered);
    }

    [Fact]
    public void Plan_CategoryWeights_CanPutAVulnerableCategoryFirst()
    {
        var groups = new[] { Bpu("KESRA", false, "GURU_NGAJI", 100), Pu("DLH", true, 100, 2_000_000) };

        var year = BudgetPlanner.Plan(new BudgetPlanInput(2025, 2025, groups, (_, _) => 100,
            Caps: new Dictionary<int, long> { [2025] = 100 * 201_600L }, CategoryWeights: new Dictionary<string, decimal> { ["GURU_NGAJI"] = 20 }), Book).Single();

        Assert.Equal((100, 0), (year.Lines.Single(l => l.Group.CategoryCode == "GURU_NGAJI").People, year.Lines.Single(l => l.Group.AgencyCode == "DLH").People));
    }

    [Fact]
    public void Plan_RatesFollowTheMonth_JpCapChangesInMarch()
    {
        var high = new BudgetGroup("SETDPRD", false, "DPRD", "PU", "APBD", null, 1, 15_000_000, new HashSet<ContributionProgram> { JP });

        var cost = BudgetPlanner.YearlyCost(high, 2025, 0, 0, Book);

        // Jan–Feb on the 2024 cap (301.269), Mar–Dec on the 2025 cap (3% of 10.547.400 = 316.422).
        Assert.Equal(2 * 301_269L + 10 * 316_422L, cost);
    }

    public static TheoryData<int> Seeds() => new() { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 };

    /// <summary>Random plans (fixed seeds): the properties the planner promises, checked over many shapes.</summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Plan_Properties_HoldForRandomInputs(int seed)
    {
        var random = new Random(seed);
        var groups = Enumerable.Range(0, 2 + random.Next(8)).Select(i => random.Next(2) == 0
            ? Bpu("OPD" + i, random.Next(3) == 0, "CAT" + random.Next(3), random.Next(2_000))
            : Pu("OPD" + i, random.Next(3) == 0, random.Next(800), 1_000_000 + random.Next(40) * 100_000L)).ToList();
        var targets = new Dictionary<int, decimal> { [2025] = random.Next(101), [2026] = random.Next(101) };
        var growth = random.Next(5);
        BudgetPlanInput Input(long? cap) => new(2025, 2026, groups, (y, _) => targets[y], growth,
            Caps: cap is { } c ? new Dictionary<int, long> { [2025] = c, [2026] = c } : null);

        var uncapped = BudgetPlanner.Plan(Input(null), Book);
        Assert.All(uncapped, y => Assert.Equal((0, y.Target), (y.Uncovered, y.People)));

        var previous = new int[2];
        foreach (var cap in new long[] { 0, 1_000_000, 50_000_000, 300_000_000, 2_000_000_000, 20_000_000_000 })
        {
            var plan = BudgetPlanner.Plan(Input(cap), Book);
            for (var i = 0; i < plan.Count; i++)
            {
                var y = plan[i];
                Assert.True(y.People >= previous[i], $"cap {cap} covers fewer people than a lower cap");
                previous[i] = y.People;
                Assert.True(y.Rupiah <= cap);
                Assert.Equal(y.Lines.Sum(l => l.Rupiah), y.Rupiah);
                Assert.Equal(y.Target - y.People, y.Uncovered);
                if (y.Lines.Any(l => !l.Group.PriorityAgency && l.People > 0))
                {
                    Assert.All(y.Lines.Where(l => l.Group.PriorityAgency), l => Assert.Equal(l.Target, l.People));
                }
            }
        }
    }
}
