using System.CommandLine;
using System.Globalization;
using Lindung.Core.Budget;
using Lindung.Core.Contributions;
using Lindung.Core.Formatting;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Cli.Commands;

/// <summary>
/// <c>lindung budget --from YYYY --to YYYY [--cap YYYY=N …] [--scenario NAME]</c>: the multi-year APBD need from the
/// registry, the coverage targets and the dated rate tables. JSON: <c>{"years":[{"year","people","rupiah","uncovered"}]}</c>.
/// </summary>
public static class BudgetCommand
{
    public static Command Build(CliIo io)
    {
        var from = new Option<int>("--from") { Description = CliText.BudgetFrom, DefaultValueFactory = _ => 2025 };
        var to = new Option<int>("--to") { Description = CliText.BudgetTo, DefaultValueFactory = _ => 2029 };
        var caps = new Option<string[]>("--cap") { Description = CliText.BudgetCap, AllowMultipleArgumentsPerToken = false };
        var populationGrowth = new Option<decimal?>("--population-growth") { Description = CliText.BudgetPopulationGrowth, CustomParser = CliParsers.Percent };
        var wageGrowth = new Option<decimal?>("--wage-growth") { Description = CliText.BudgetWageGrowth, CustomParser = CliParsers.Percent };
        var scenarioName = new Option<string?>("--scenario") { Description = CliText.BudgetScenario };
        var command = new Command("budget", CliText.BudgetDescription) { from, to, caps, populationGrowth, wageGrowth, scenarioName };
        command.SetAction(async (parse, ct) =>
        {
            var (fromYear, toYear) = (parse.GetValue(from), parse.GetValue(to));
            if (fromYear is < 2015 or > 2100 || toYear < fromYear || toYear - fromYear > 25)
            {
                return await io.FailAsync(parse, LindungCli.Usage, CliText.BudgetBadYears(fromYear, toYear));
            }

            var capValues = new Dictionary<int, long>();
            foreach (var text in parse.GetValue(caps) ?? [])
            {
                var parts = text.Split('=', 2);
                if (parts.Length != 2
                    || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                    || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var cap))
                {
                    return await io.FailAsync(parse, LindungCli.Usage, CliText.BudgetBadCap(text));
                }

                capValues[year] = cap;
            }

            await using var host = CliHost.Create(parse);
            await host.PrepareAsync(ct);
            var (tenant, error) = await host.ResolveTenantAsync(parse, ct);
            if (tenant is null)
            {
                return await io.FailAsync(parse, LindungCli.Unusable, error!);
            }

            host.ActFor(tenant);
            var db = host.Db;
            var scenario = new BudgetScenario { Name = "cli" };
            if (parse.GetValue(scenarioName) is { Length: > 0 } name)
            {
                var saved = await db.BudgetScenarios.AsNoTracking().FirstOrDefaultAsync(s => s.Name == name, ct);
                if (saved is null)
                {
                    return await io.FailAsync(parse, LindungCli.Usage, CliText.BudgetScenarioMissing(name, tenant));
                }

                scenario = saved;
            }

            scenario.FromYear = fromYear;
            scenario.ToYear = toYear;
            scenario.PopulationGrowthPercent = parse.GetValue(populationGrowth) ?? scenario.PopulationGrowthPercent;
            scenario.WageGrowthPercent = parse.GetValue(wageGrowth) ?? scenario.WageGrowthPercent;
            if (capValues.Count > 0)
            {
                scenario.Caps = scenario.Caps.Concat(capValues).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value);
            }

            var today = DateOnly.FromDateTime(db.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
            var plan = await new BudgetService(db, await RateBookStore.LoadAsync(db, ct)).PlanAsync(scenario, today, ct);
            return await io.ResultAsync(parse, new
            {
                tenant,
                asOf = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                years = plan.Years.Select(y => new { year = y.Year, target = y.Target, people = y.People, rupiah = y.Rupiah, uncovered = y.Uncovered, cap = y.Cap }),
                unplanned = plan.Unplanned.Select(u => new { year = u.Year, category = u.CategoryName, population = u.Population }),
            }, o =>
            {
                foreach (var y in plan.Years)
                {
                    o.WriteLine(CliText.BudgetYear(y.Year, IndonesianFormat.Number(y.People), IndonesianFormat.Number(y.Target),
                            IndonesianFormat.Rupiah(y.Rupiah))
                        + (y.Cap is { } c ? " " + CliText.BudgetYearCap(IndonesianFormat.Rupiah(c), IndonesianFormat.Number(y.Uncovered)) : ""));
                }

                foreach (var u in plan.Unplanned)
                {
                    o.WriteLine("  " + CliText.BudgetUnplanned(u.Year, u.CategoryName ?? CliText.BudgetAllVulnerableWorkers,
                        IndonesianFormat.Number(u.Population)));
                }
            });
        });
        return command;
    }
}
