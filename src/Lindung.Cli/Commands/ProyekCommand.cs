using System.CommandLine;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Cli.Commands;

/// <summary>
/// <c>lindung proyek import FILE [--opd CODE] [--dry-run] [--json]</c>: imports a construction project list all-or-nothing
/// (docs/projects.md). Exit 0 when saved (or checked clean with --dry-run), 1 when any row or the file is refused.
/// </summary>
public static class ProyekCommand
{
    public static Command Build(CliIo io)
    {
        var file = new Argument<FileInfo>("FILE") { Description = CliText.ProyekImportFile };
        var opd = new Option<string?>("--opd") { Description = CliText.ProyekImportOpd };
        var dryRun = new Option<bool>("--dry-run") { Description = CliText.DryRunOption };
        var import = new Command("import", CliText.ProyekImportDescription) { file, opd, dryRun };
        import.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                return await io.FailAsync(parse, LindungCli.Unusable, CliText.FileMissing(path.FullName));
            }

            await using var host = CliHost.Create(parse);
            await host.PrepareAsync(ct);
            var (tenant, error) = await host.ResolveTenantAsync(parse, ct);
            if (tenant is null)
            {
                return await io.FailAsync(parse, LindungCli.Unusable, error!);
            }

            host.ActFor(tenant);
            Guid? agencyId = null;
            if (parse.GetValue(opd) is { Length: > 0 } code)
            {
                agencyId = await host.Db.Agencies.Where(a => a.Code == code).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
                if (agencyId is null)
                {
                    return await io.FailAsync(parse, LindungCli.Usage, CliText.OpdMissing(code, tenant));
                }
            }

            ProjectImportReport report;
            try
            {
                await using var stream = new FileStream(path.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                report = await new ProjectImporter(host.Db, host.Limits).RunAsync(stream,
                    new ProjectImportRequest(path.Name, agencyId, parse.GetValue(dryRun)), ct);
            }
            catch (UnreadableFileException e)
            {
                return await io.FailAsync(parse, LindungCli.Unusable, CliMessage.From(e.Text));
            }

            return await io.ResultAsync(parse, new
            {
                committed = report.Committed && !parse.GetValue(dryRun),
                rows = report.Rows,
                added = report.Added,
                updated = report.Updated,
                unchanged = report.Unchanged,
                errors = report.Errors.Select(e => new { row = e.Row, message = e.Text.ToIndonesian() }),
            }, o =>
            {
                if (report.Committed)
                {
                    o.WriteLine(CliText.ProyekImportAccepted(report.Rows, parse.GetValue(dryRun) ? " " + CliText.DryRunNote : "",
                        report.Added, report.Updated, report.Unchanged));
                }
                else
                {
                    o.WriteLine(CliText.ProyekImportNothingSaved);
                    foreach (var e in report.Errors)
                    {
                        o.WriteLine("  " + CliText.ProyekImportRowError(e.Row, e.Message));
                    }
                }
            }, report.Committed ? LindungCli.Ok : LindungCli.Unusable);
        });

        var proyek = new Command("proyek", CliText.ProyekDescription);
        proyek.Subcommands.Add(import);
        return proyek;
    }
}
