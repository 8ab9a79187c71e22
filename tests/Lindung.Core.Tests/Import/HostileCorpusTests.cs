using System.Security.Cryptography;
using System.Text;
using Lindung.Core.Bpjs;
using Lindung.Core.Data;
using Lindung.Core.Import;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Core.MasterData;
using Lindung.Core.Projects;
using Lindung.Core.Registry.Protection;
using Lindung.Core.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Tests.Import;

/// <summary>
/// The hostile-input corpus (tests/hostile, written by tools/make-hostile-corpus.py) fed to every importer: each
/// file is refused as a whole with a message in Bahasa Indonesia — never an unexpected exception — and nothing is
/// written. The 10 MB single cells are made here (too big for git). Formula text is covered separately: the rows
/// are refused one by one and the formula is never stored.
/// </summary>
public class HostileCorpusTests
{
    private static readonly NikProtector Protector = new(RandomNumberGenerator.GetBytes(64));

    public static readonly string CorpusDirectory = Path.Combine(AppContext.BaseDirectory, "hostile");

    /// <summary>Every corpus file that must be refused as a whole (the formula files are row-level, below).</summary>
    public static TheoryData<DatabaseProvider, string> RefusedFiles()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            foreach (var file in Directory.GetFiles(CorpusDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal))
            {
                if (!file!.Contains("formulas", StringComparison.Ordinal) && !file.EndsWith(".md", StringComparison.Ordinal))
                {
                    data.Add(provider, file);
                }
            }

            data.Add(provider, "generated:huge-cell.csv");
            data.Add(provider, "generated:huge-cell.xlsx");
        }

        return data;
    }

    [Fact]
    public void Corpus_HoldsEveryKindTheIssueNames()
    {
        var files = Directory.GetFiles(CorpusDirectory).Select(Path.GetFileName).ToList();
        foreach (var kind in new[] { "csv-unterminated-quote", "csv-binary", "csv-windows-1252", "csv-utf16-no-bom", "csv-formulas",
                     "xlsx-zip-bomb", "xlsx-external-entity", "xlsx-billion-laughs", "xlsx-truncated", "xlsx-formulas" })
        {
            Assert.Contains(files, f => f!.StartsWith(kind, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task EveryImporter_RefusesTheFileCleanly_AndWritesNothing(DatabaseProvider provider, string file)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var seed = db.Context("16.09"))
        {
            await MasterDataSeeder.SeedAsync(seed, "16.09");
        }

        var (name, bytes) = Load(file);
        var before = await CountsAsync(db);

        foreach (var importer in Importers)
        {
            await using var ctx = db.Context("16.09", user: "operator.uji");
            var outcome = await RunAsync(importer, ctx, bytes, name);
            Assert.True(outcome.Refused, $"{importer} accepted {file}");
            Assert.False(string.IsNullOrWhiteSpace(outcome.Message), $"{importer} gave no message for {file}");
            Assert.DoesNotContain("Exception", outcome.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("root:", outcome.Message, StringComparison.Ordinal);
        }

        Assert.Equal(before, await CountsAsync(db));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FormulaText_IsRefusedRowByRow_AndNeverStored(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var seed = db.Context("16.09"))
        {
            await MasterDataSeeder.SeedAsync(seed, "16.09");
        }

        await using (var ctx = db.Context("16.09", user: "operator.uji"))
        {
            var csv = await WorkerAsync(ctx, File.ReadAllBytes(Path.Combine(CorpusDirectory, "csv-formulas.csv")), "csv-formulas.csv");
            Assert.Equal((4, 0, 4), (csv.Rows, csv.Accepted, csv.Rejected));
        }

        await using (var ctx = db.Context("16.09", user: "operator.uji"))
        {
            // Row 2 holds a formula cell: its cached result ("Siti Nurhayati", what the operator saw) is the value;
            // the formula itself is never read. Rows 3 and 4 carry formula text as a name and are refused.
            var xlsx = await WorkerAsync(ctx, File.ReadAllBytes(Path.Combine(CorpusDirectory, "xlsx-formulas.xlsx")), "xlsx-formulas.xlsx");
            Assert.Equal((3, 1, 2), (xlsx.Rows, xlsx.Accepted, xlsx.Rejected));
        }

        await using var check = db.Context("16.09");
        var names = await check.People.Select(p => p.FullName).ToListAsync();
        Assert.Equal(["Siti Nurhayati"], names);
        var texts = await check.AuditEvents.Select(e => e.Detail ?? "").ToListAsync();
        Assert.DoesNotContain(texts, t => t.Contains("HYPERLINK", StringComparison.OrdinalIgnoreCase) || t.Contains("PROPER", StringComparison.Ordinal)
            || t.Contains("cmd|", StringComparison.Ordinal));
    }

    private enum Importer
    {
        Workers,
        BpjsStatus,
        BpjsInvoice,
        Projects,
    }

    private static readonly Importer[] Importers = Enum.GetValues<Importer>();

    private sealed record Outcome(bool Refused, string Message);

    private static async Task<Outcome> RunAsync(Importer importer, LindungDbContext ctx, byte[] bytes, string name)
    {
        try
        {
            switch (importer)
            {
                case Importer.Workers:
                    var workers = await WorkerAsync(ctx, bytes, name);
                    return new(false, $"{workers.Accepted} diterima");
                case Importer.BpjsStatus:
                    var bpjs = await new BpjsStatusImporter(ctx, Protector, SpreadsheetLimits.Default).RunAsync(new MemoryStream(bytes), name, "2025-04");
                    return new(false, $"{bpjs.Rows} baris");
                case Importer.BpjsInvoice:
                    var invoice = await new BpjsInvoiceStore(ctx, Protector, SpreadsheetLimits.Default).ImportAsync(new MemoryStream(bytes), name, "2025-04");
                    return new(false, invoice.ToString() ?? "");
                default:
                    var agency = await ctx.Agencies.SingleAsync(a => a.Code == "PUPR");
                    var projects = await new ProjectImporter(ctx, SpreadsheetLimits.Default).RunAsync(new MemoryStream(bytes),
                        new ProjectImportRequest(name, agency.Id));
                    return projects.Committed ? new(false, $"{projects.Added} ditambahkan") : new(true, projects.Errors[0].Message);
            }
        }
        catch (UnreadableFileException e)
        {
            return new(true, e.Message);
        }
        catch (UnusableImportException e)
        {
            return new(true, e.Message);
        }
    }

    private static async Task<WorkerImportReport> WorkerAsync(LindungDbContext ctx, byte[] bytes, string name)
    {
        var agency = await ctx.Agencies.SingleAsync(a => a.Code == "KESRA");
        var category = await ctx.WorkerCategories.SingleAsync(c => c.Code == "GURU_NGAJI");
        return await new WorkerImporter(ctx, Protector, SpreadsheetLimits.Default).RunAsync(new MemoryStream(bytes),
            new WorkerImportRequest(agency.Id, category.Id, "2025-04", false, name));
    }

    private static (string Name, byte[] Bytes) Load(string file)
    {
        if (!file.StartsWith("generated:", StringComparison.Ordinal))
        {
            return (file, File.ReadAllBytes(Path.Combine(CorpusDirectory, file)));
        }

        // 10 MB of letters in one cell: far over Excel's own 32,767-character limit.
        var random = new Random(7);
        var huge = string.Create(10 * 1024 * 1024, random, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('a' + r.Next(26));
            }
        });
        var name = file["generated:".Length..];
        if (name.EndsWith(".csv", StringComparison.Ordinal))
        {
            return (name, Encoding.UTF8.GetBytes("NIK;Nama;Tgl Lahir;JK\n1609014708850001;" + huge + ";07/08/1985;P\n"));
        }

        return (name, SpreadsheetTests.MinimalXlsx(
            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
            + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>NIK</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>Nama</t></is></c></row>"
            + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>1609014708850001</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>" + huge
            + "</t></is></c></row></sheetData></worksheet>").ToArray());
    }

    private static async Task<string> CountsAsync(TestDatabase db)
    {
        await using var ctx = db.Context("16.09");
        var counts = new long[]
        {
            await ctx.People.IgnoreQueryFilters().LongCountAsync(), await ctx.Engagements.IgnoreQueryFilters().LongCountAsync(),
            await ctx.Submissions.IgnoreQueryFilters().LongCountAsync(), await ctx.RegistryConflicts.IgnoreQueryFilters().LongCountAsync(),
            await ctx.BpjsImports.IgnoreQueryFilters().LongCountAsync(), await ctx.BpjsStatuses.IgnoreQueryFilters().LongCountAsync(),
            await ctx.BpjsNikAliases.IgnoreQueryFilters().LongCountAsync(), await ctx.BpjsInvoices.IgnoreQueryFilters().LongCountAsync(),
            await ctx.BpjsInvoiceLines.IgnoreQueryFilters().LongCountAsync(), await ctx.ConstructionProjects.IgnoreQueryFilters().LongCountAsync(),
            await ctx.AuditEvents.IgnoreQueryFilters().LongCountAsync(),
        };
        return string.Join(",", counts);
    }
}
