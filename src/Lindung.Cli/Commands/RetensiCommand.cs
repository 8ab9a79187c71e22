using System.CommandLine;
using Lindung.Core.Formatting;
using Lindung.Core.Privacy;

namespace Lindung.Cli.Commands;

/// <summary>
/// <c>lindung retensi jalankan [--dry-run]</c>: anonymises the people due under the tenant's retention setting (the same
/// rule and eraser as the daily job and /Admin/Retensi), recording a RetentionRun and an audit event. Runs whether or not
/// the scheduled job is switched on: the operator's command is the decision. JSON:
/// <c>dryRun, runId, retentionYears, mustKeepYears, cutoff, confirmed, people, personIds</c>.
/// </summary>
public static class RetensiCommand
{
    public static Command Build(CliIo io)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = CliText.RetensiDryRun };
        var run = new Command("jalankan", CliText.RetensiRunDescription) { dryRun };
        run.SetAction(async (parse, ct) =>
        {
            await using var host = CliHost.Create(parse);
            await host.PrepareAsync(ct);
            var (tenant, error) = await host.ResolveTenantAsync(parse, ct);
            if (tenant is null)
            {
                return await io.FailAsync(parse, LindungCli.Unusable, error!);
            }

            host.ActFor(tenant);
            var policy = await RetentionPolicy.LoadAsync(host.Db, ct);
            if (policy.Problem() is { } problem)
            {
                return await io.FailAsync(parse, LindungCli.Unusable, CliText.RetensiBadPolicy(problem));
            }

            var today = DateOnly.FromDateTime(host.Db.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
            var dry = parse.GetValue(dryRun);
            var result = await new RetentionService(host.Db).RunAsync(RetentionTrigger.Cli, today, dry, ct);
            var cutoff = RetentionService.CutoffFor(policy, today);
            return await io.ResultAsync(parse, new
            {
                dryRun = dry,
                runId = result.Run?.Id,
                retentionYears = policy.RetentionYears,
                mustKeepYears = policy.MustKeepYears,
                cutoff = cutoff.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                confirmed = policy.Confirmed,
                people = result.Due.Count,
                personIds = result.Due.Select(d => d.Id),
            }, o =>
            {
                var (people, cutoffDate) = (IndonesianFormat.Number(result.Due.Count), IndonesianFormat.Date(cutoff));
                var ending = policy.Confirmed ? "." : " " + CliText.RetensiUnconfirmed;
                o.WriteLine(dry
                    ? CliText.RetensiDue(people, policy.RetentionYears, cutoffDate, policy.MustKeepYears, ending)
                    : CliText.RetensiAnonymised(people, policy.RetentionYears, cutoffDate, policy.MustKeepYears, ending));
                foreach (var d in result.Due)
                {
                    o.WriteLine("  " + CliText.RetensiPersonEnded(d.Id, IndonesianFormat.Date(d.LastEnded)));
                }
            });
        });

        var retensi = new Command("retensi", CliText.RetensiDescription);
        retensi.Subcommands.Add(run);
        return retensi;
    }
}
