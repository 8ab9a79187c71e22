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
        var file = new Argument<FileInfo>("FILE") { Description = "Berkas BPJS (CSV atau XLSX)" };
        var period = new Option<string>("--period") { Description = "Periode YYYY-MM", Required = true };
        var import = new Command("import", "Impor status kepesertaan dari BPJS dan cocokkan dengan registri") { file, period };
        import.SetAction(async (parse, ct) =>
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
            BpjsImportReport r;
            try
            {
                await using var stream = new FileStream(path.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                r = await new BpjsStatusImporter(host.Db, host.Services.GetRequiredService<NikProtector>(), host.Limits)
                    .RunAsync(stream, path.Name, parse.GetValue(period)!, ct);
            }
            catch (UnusableImportException e)
            {
                return await io.FailAsync(parse, e.Code == "bpjs.period" ? LindungCli.Usage : LindungCli.Unusable, e.Message);
            }
            catch (UnreadableFileException e)
            {
                return await io.FailAsync(parse, LindungCli.Unusable, e.Message);
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
                    ? $"Berkas yang sama sudah diimpor untuk periode {r.Period}; tidak ada yang berubah."
                    : $"Periode {r.Period}: {r.Rows} baris; cocok NIK {r.MatchedExact}, cocok otomatis {r.MatchedFuzzy}, perlu diperiksa {r.NeedsReview}, "
                      + $"tidak cocok {r.Unmatched}; aktif {r.Active}, tidak aktif {r.Inactive}; KPJ diisi {r.KpjFilled}, {r.Registered} penugasan menjadi Terdaftar.");
                if (r.StatusAssumed)
                {
                    o.WriteLine("  Berkas tanpa kolom status: semua yang tercantum dianggap terdaftar dan aktif.");
                }
            });
        });

        var output = new Argument<FileInfo>("FILE") { Description = "Berkas keluaran (.xlsx atau .csv)" };
        var format = new Option<string?>("--format") { Description = "xlsx atau csv (bawaan: dari akhiran nama berkas)" };
        var export = new Command("export", "Ekspor pendaftaran kolektif (terverifikasi, belum terdaftar) dan tandai Dikirim ke BPJS") { output, format };
        export.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(output)!;
            var kind = (parse.GetValue(format) ?? path.Extension.TrimStart('.')).ToLowerInvariant();
            if (kind is not ("xlsx" or "csv"))
            {
                return await io.FailAsync(parse, LindungCli.Usage, $"Format tidak dikenal: {kind} (xlsx atau csv).");
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
                o => o.WriteLine($"{rows} pekerja ditulis ke {path.FullName} dan ditandai Dikirim ke BPJS."));
        });

        var bpjs = new Command("bpjs", "Pertukaran data dengan BPJS Ketenagakerjaan");
        bpjs.Subcommands.Add(import);
        bpjs.Subcommands.Add(export);
        return bpjs;
    }
}
