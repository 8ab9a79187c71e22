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
        var file = new Argument<FileInfo>("FILE") { Description = "Berkas CSV atau XLSX" };
        var opd = new Option<string>("--opd") { Description = "Kode OPD, mis. DLH", Required = true };
        var category = new Option<string?>("--category") { Description = "Kode kategori, mis. GURU_NGAJI (bawaan: kolom Kategori)" };
        var period = new Option<string?>("--period") { Description = "Periode pengajuan YYYY-MM (bawaan: bulan ini)" };
        var sheet = new Option<string?>("--sheet") { Description = "Nama lembar kerja XLSX (bawaan: yang pertama)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Periksa saja; tidak ada yang disimpan" };
        var errorsOut = new Option<FileInfo?>("--errors-out") { Description = "Tulis baris bermasalah ke XLSX dengan kolom Keterangan" };
        var workers = new Command("workers", "Impor pekerja dari CSV/XLSX") { file, opd, category, period, sheet, dryRun, errorsOut };
        workers.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                return await io.FailAsync(parse, LindungCli.Unusable, $"Berkas {path.FullName} tidak ada.");
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
                return await io.FailAsync(parse, LindungCli.Usage, $"OPD {parse.GetValue(opd)} tidak ada di tenant {tenant}.");
            }

            Guid? categoryId = null;
            if (parse.GetValue(category) is { Length: > 0 } code)
            {
                categoryId = await db.WorkerCategories.Where(c => c.Code == code).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
                if (categoryId is null)
                {
                    return await io.FailAsync(parse, LindungCli.Usage, $"Kategori {code} tidak ada.");
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
                report = await importer.RunAsync(stream, request, io.Progress("Impor"), ct);
            }
            catch (UnusableImportException e)
            {
                return await io.FailAsync(parse, LindungCli.Unusable, e.Message);
            }
            catch (UnreadableFileException e)
            {
                return await io.FailAsync(parse, LindungCli.Unusable, e.Message);
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
                o.WriteLine($"{report.Rows} baris dibaca: {report.Accepted} diterima{(report.DryRun ? " (uji, tidak disimpan)" : "")}, "
                    + $"{report.Unchanged} tidak berubah, {report.Rejected} ditolak, {report.DuplicatesInFile} ganda dalam berkas, "
                    + $"{report.Conflicts} ke antrean konflik, {report.Warnings} dengan peringatan.");
                foreach (var (codeName, count) in report.Errors)
                {
                    o.WriteLine($"  galat {codeName}: {count}");
                }

                foreach (var (codeName, count) in report.WarningCodes)
                {
                    o.WriteLine($"  peringatan {codeName}: {count}");
                }
            });
        });

        var import = new Command("import", "Impor data");
        import.Subcommands.Add(workers);
        return import;
    }
}
