using System.CommandLine;
using Lindung.Core.Bpjs;
using Lindung.Core.Import;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Core.Registry.Protection;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Cli.Commands;

/// <summary>
/// <c>lindung bpjs import FILE --period YYYY-MM [--json]</c>: takes in BPJS's registration result or monthly
/// participant list and reconciles it with the registry. JSON: <c>rows, matchedExact, matchedFuzzy, needsReview,
/// unmatched, active, inactive</c> and more.
/// </summary>
public static class BpjsCommand
{
    public static Command Build(CliIo io)
    {
        var file = new Argument<FileInfo>("FILE") { Description = CliText.BpjsImportFile };
        var period = new Option<string>("--period") { Description = CliText.PeriodOption, Required = true };
        var import = new Command("import", CliText.BpjsImportDescription) { file, period };
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
            BpjsImportReport r;
            try
            {
                await using var stream = new FileStream(path.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                r = await new BpjsStatusImporter(host.Db, host.Services.GetRequiredService<NikProtector>(), host.Limits)
                    .RunAsync(stream, path.Name, parse.GetValue(period)!, ct);
            }
            catch (UnusableImportException e)
            {
                var exitCode = e.Code == "bpjs.period" ? LindungCli.Usage : LindungCli.Unusable;
                return await io.FailAsync(parse, exitCode, CliMessage.From(e.Text));
            }
            catch (UnreadableFileException e)
            {
                return await io.FailAsync(parse, LindungCli.Unusable, CliMessage.From(e.Text));
            }

            return await io.ResultAsync(parse, new
            {
                period = r.Period,
                rows = r.Rows,
                matchedExact = r.MatchedExact,
                matchedFuzzy = r.MatchedFuzzy,
                needsReview = r.NeedsReview,
                unmatched = r.Unmatched,
                active = r.Active,
                inactive = r.Inactive,
                statusAssumed = r.StatusAssumed,
                unchanged = r.Unchanged,
                kpjFilled = r.KpjFilled,
                kpjDiffers = r.KpjDiffers,
                registered = r.Registered,
            }, o =>
            {
                o.WriteLine(r.Unchanged
                    ? CliText.BpjsImportUnchanged(r.Period)
                    : CliText.BpjsImportSummary(r.Period, r.Rows, r.MatchedExact, r.MatchedFuzzy, r.NeedsReview, r.Unmatched, r.Active,
                        r.Inactive, r.KpjFilled, r.Registered));
                if (r.StatusAssumed)
                {
                    o.WriteLine("  " + CliText.BpjsImportStatusAssumed);
                }
            });
        });

        var output = new Argument<FileInfo>("FILE") { Description = CliText.BpjsExportFile };
        var format = new Option<string?>("--format") { Description = CliText.BpjsExportFormat };
        var export = new Command("export", CliText.BpjsExportDescription) { output, format };
        export.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(output)!;
            var kind = (parse.GetValue(format) ?? path.Extension.TrimStart('.')).ToLowerInvariant();
            if (kind is not ("xlsx" or "csv"))
            {
                return await io.FailAsync(parse, LindungCli.Usage, CliText.BpjsExportUnknownFormat(kind));
            }

            await using var host = CliHost.Create(parse);
            await host.PrepareAsync(ct);
            var (tenant, error) = await host.ResolveTenantAsync(parse, ct);
            if (tenant is null)
            {
                return await io.FailAsync(parse, LindungCli.Unusable, error!);
            }

            host.ActFor(tenant);
            int rows;
            await using (var stream = File.Create(path.FullName))
            {
                rows = await new RegistrationExport(host.Db, host.Services.GetRequiredService<NikProtector>()).WriteAsync(stream, kind == "csv", ct);
            }

            return await io.ResultAsync(parse, new { file = path.FullName, format = kind, rows },
                o => o.WriteLine(CliText.BpjsExportDone(rows, path.FullName)));
        });

        var bpjs = new Command("bpjs", CliText.BpjsDescription);
        bpjs.Subcommands.Add(import);
        bpjs.Subcommands.Add(export);
        return bpjs;
    }
}
