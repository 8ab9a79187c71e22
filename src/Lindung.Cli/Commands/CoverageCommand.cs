using System.CommandLine;
using System.Globalization;
using Lindung.Core.Coverage;
using Lindung.Core.Formatting;

namespace Lindung.Cli.Commands;

/// <summary>
/// <c>lindung coverage [--period YYYY-MM] [--by opd|category|kecamatan|desa|…]</c>: active ÷ eligible for a month
/// (an ended month is frozen when first asked). JSON: <c>period, eligible, active, coveragePercent, groups</c>.
/// </summary>
public static class CoverageCommand
{
    public static Command Build(CliIo io)
    {
        var period = new Option<string?>("--period") { Description = CliText.CoveragePeriod };
        var by = new Option<string?>("--by") { Description = CliText.CoverageBy(string.Join('|', CoverageService.Dimensions)) };
        var command = new Command("coverage", CliText.CoverageDescription) { period, by };
        command.SetAction(async (parse, ct) =>
        {
            var dimension = parse.GetValue(by);
            if (dimension is not null && !CoverageService.Dimensions.Contains(dimension))
            {
                return await io.FailAsync(parse, LindungCli.Usage, CliText.CoverageUnknownBy(dimension, string.Join(", ", CoverageService.Dimensions)));
            }

            await using var host = CliHost.Create(parse);
            await host.PrepareAsync(ct);
            var (tenant, error) = await host.ResolveTenantAsync(parse, ct);
            if (tenant is null)
            {
                return await io.FailAsync(parse, LindungCli.Unusable, error!);
            }

            host.ActFor(tenant);
            var today = DateOnly.FromDateTime(host.Db.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
            var month = parse.GetValue(period) ?? today.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            if (!Periods.TryParse(month, out var start) || start > today)
            {
                return await io.FailAsync(parse, LindungCli.Usage, CliText.CoverageBadPeriod(month));
            }

            var (s, frozen) = await new CoverageService(host.Db).ForAsync(month, today, ct);
            var groups = dimension is null ? [] : s.Groups.Where(g => g.Dimension == dimension).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            return await io.ResultAsync(parse, new
            {
                period = s.Period,
                eligible = s.Eligible,
                active = s.Active,
                coveragePercent = CoverageService.Percent(s.Active, s.Eligible),
                activeSource = s.Source == ActiveSource.BpjsList ? "bpjs" : "registry",
                frozen,
                groups = groups.Select(g => new { key = g.Key, label = g.Label, eligible = g.Eligible, active = g.Active, coveragePercent = CoverageService.Percent(g.Active, g.Eligible) }),
            }, o =>
            {
                o.WriteLine(CliText.CoverageSummary(s.Period, IndonesianFormat.Number(s.Active), IndonesianFormat.Number(s.Eligible),
                        IndonesianFormat.Percent(CoverageService.Percent(s.Active, s.Eligible)))
                    + " " + (s.Source == ActiveSource.BpjsList ? CliText.CoverageFromBpjs : CliText.CoverageFromRegistry)
                    + (frozen ? "" : " " + CliText.CoverageNotFrozen));
                foreach (var g in groups)
                {
                    o.WriteLine($"  {g.Label,-40} {IndonesianFormat.Number(g.Active),8} / {IndonesianFormat.Number(g.Eligible),-8} {IndonesianFormat.Percent(CoverageService.Percent(g.Active, g.Eligible))}");
                }
            });
        });
        return command;
    }
}
