using System.CommandLine;
using Lindung.Core.Import;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Core.Registry.Protection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Cli.Commands;

/// <summary>
/// <c>lindung import workers FILE --opd CODE [--category CODE] [--dry-run] [--errors-out F.xlsx] [--json]</c>:
/// commits the valid rows in one transaction; exit 0 even when rows were rejected, 1 when the file as a
/// whole is unusable.
/// </summary>
public static class ImportCommand
{
    public static Command Build(CliIo io)
    {
        var file = new Argument<FileInfo>("FILE") { Description = CliText.ImportWorkersFile };
        var opd = new Option<string>("--opd") { Description = CliText.ImportWorkersOpd, Required = true };
        var category = new Option<string?>("--category") { Description = CliText.ImportWorkersCategory };
        var period = new Option<string?>("--period") { Description = CliText.ImportWorkersPeriod };
        var sheet = new Option<string?>("--sheet") { Description = CliText.ImportWorkersSheet };
        var dryRun = new Option<bool>("--dry-run") { Description = CliText.DryRunOption };
        var errorsOut = new Option<FileInfo?>("--errors-out") { Description = CliText.ImportWorkersErrorsOut };
        var workers = new Command("workers", CliText.ImportWorkersDescription) { file, opd, category, period, sheet, dryRun, errorsOut };
        workers.SetAction(async (parse, ct) =>
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
            var db = host.Db;
            var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Code == parse.GetValue(opd), ct);
            if (agency is null)
            {
                return await io.FailAsync(parse, LindungCli.Usage, CliText.OpdMissing(parse.GetValue(opd), tenant));
            }

            Guid? categoryId = null;
            if (parse.GetValue(category) is { Length: > 0 } code)
            {
                categoryId = await db.WorkerCategories.Where(c => c.Code == code).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
                if (categoryId is null)
                {
                    return await io.FailAsync(parse, LindungCli.Usage, CliText.ImportWorkersCategoryMissing(code));
                }
            }

            var importer = new WorkerImporter(db, host.Services.GetRequiredService<NikProtector>(), host.Limits);
            var request = new WorkerImportRequest(agency.Id, categoryId,
                parse.GetValue(period) ?? db.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                parse.GetValue(dryRun), path.Name, parse.GetValue(sheet));
            WorkerImportReport report;
            try
            {
                await using var stream = new FileStream(path.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16,
                    FileOptions.SequentialScan);
                report = await importer.RunAsync(stream, request, io.Progress(CliText.ProgressImport), ct);
            }
            catch (UnusableImportException e)
            {
                return await io.FailAsync(parse, LindungCli.Unusable, CliMessage.From(e.Text));
            }
            catch (UnreadableFileException e)
            {
                return await io.FailAsync(parse, LindungCli.Unusable, CliMessage.From(e.Text));
            }

            if (parse.GetValue(errorsOut) is { } output)
            {
                await using var outStream = File.Create(output.FullName);
                ErrorReport.Write(outStream, report);
            }

            return await io.ResultAsync(parse, new
            {
                rows = report.Rows,
                accepted = report.Accepted,
                unchanged = report.Unchanged,
                rejected = report.Rejected,
                warnings = report.Warnings,
                duplicatesInFile = report.DuplicatesInFile,
                duplicatesInRegistry = report.DuplicatesInRegistry,
                conflicts = report.Conflicts,
                errors = report.Errors,
                warningCodes = report.WarningCodes,
                dryRun = report.DryRun,
                submission = report.SubmissionId,
            }, o =>
            {
                o.WriteLine(CliText.ImportWorkersSummary(report.Rows, report.Accepted, report.DryRun ? " " + CliText.DryRunNote : "",
                    report.Unchanged, report.Rejected, report.DuplicatesInFile, report.Conflicts, report.Warnings));
                foreach (var (codeName, count) in report.Errors)
                {
                    o.WriteLine("  " + CliText.ImportWorkersErrorCount(codeName, count));
                }

                foreach (var (codeName, count) in report.WarningCodes)
                {
                    o.WriteLine("  " + CliText.ImportWorkersWarningCount(codeName, count));
                }
            });
        });

        var import = new Command("import", CliText.ImportDescription);
        import.Subcommands.Add(workers);
        return import;
    }
}
