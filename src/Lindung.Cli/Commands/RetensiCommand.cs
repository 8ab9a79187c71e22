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
        var dryRun = new Option<bool>("--dry-run") { Description = "Hanya tampilkan siapa yang jatuh tempo; tidak mengubah apa pun" };
        var run = new Command("jalankan", "Anonimkan data pribadi yang melewati masa retensi") { dryRun };
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
                return await io.FailAsync(parse, LindungCli.Unusable, $"Pengaturan retensi tidak sah ({problem}); perbaiki di /Admin/Retensi.");
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
                o.WriteLine((dry ? "Uji coba: " : "")
                    + $"{IndonesianFormat.Number(result.Due.Count)} orang {(dry ? "jatuh tempo" : "dianonimkan")} — retensi {policy.RetentionYears} tahun "
                    + $"setelah penugasan terakhir berakhir (batas {IndonesianFormat.Date(cutoff)}), wajib simpan {policy.MustKeepYears} tahun"
                    + (policy.Confirmed ? "." : " (perlu konfirmasi: dasar hukum belum dicatat)."));
                foreach (var d in result.Due)
                {
                    o.WriteLine($"  {d.Id}  berakhir {IndonesianFormat.Date(d.LastEnded)}");
                }
            });
        });

        var retensi = new Command("retensi", "Retensi data pribadi (UU PDP)");
        retensi.Subcommands.Add(run);
        return retensi;
    }
}
