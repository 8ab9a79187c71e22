using System.Globalization;
using Lindung.Core.Data;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Core.MasterData;
using Lindung.Core.Projects;
using Lindung.Core.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Tests.Projects;

public class ProjectImporterTests
{
    private const string Tenant = "16.09";

    private static readonly XlsxColumn[] Header =
    [
        new("OPD"), new("No. Kontrak"), new("Nama Paket Pekerjaan"), new("Kontraktor"), new("Nilai Kontrak (Rp)"), new("Termasuk PPN"),
        new("Tgl SPK"), new("Jangka Waktu (hari)"), new("Kecamatan"), new("Desa"), new("TA"), new("Sumber Dana"),
    ];

    private static MemoryStream Xlsx(params object?[][] rows)
    {
        var output = new MemoryStream();
        using (var xlsx = new XlsxWriter(output))
        {
            xlsx.BeginSheet("Proyek", Header);
            foreach (var row in rows)
            {
                xlsx.WriteRow(row);
            }
        }

        output.Position = 0;
        return output;
    }

    private static object?[] Good(string number, long value = 850_000_000, string vat = "Tidak") =>
        ["PUPR", number, "Rehab jalan " + number, "CV Uji Konstruksi", value, vat, "02/11/2026", 120, "Muaradua", null, 2026, "APBD"];

    private static async Task<TestDatabase> SeededAsync(DatabaseProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        await using var ctx = db.Context(Tenant);
        await MasterDataSeeder.SeedAsync(ctx, Tenant);
        return db;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WithOneBadRow_SavesNothingAndSaysWhyPerRow(DatabaseProvider provider)
    {
        await using var db = await SeededAsync(provider);
        await using var ctx = db.Context(Tenant);

        var report = await new ProjectImporter(ctx, SpreadsheetLimits.Default).RunAsync(
            Xlsx(Good("K-1"), ["PUPR", "K-2", "Jembatan", "CV B", "satu milyar", "Ya", "31/02/2026", 90, "Muaradua", null, 2026, "APBD"], Good("K-3")),
            new ProjectImportRequest("proyek.xlsx", null));

        Assert.False(report.Committed);
        Assert.All(report.Errors, e => Assert.Equal(3, e.Row));
        Assert.Contains(report.Errors, e => e.Message.Contains("Nilai kontrak \"satu milyar\" bukan angka rupiah", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e.Message.Contains("Tanggal SPK \"31/02/2026\" tidak dapat dibaca", StringComparison.Ordinal));
        Assert.Equal(0, await ctx.ConstructionProjects.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_GoodFileTwice_AddsThenChangesNothing_AndAnEditedRowUpdates(DatabaseProvider provider)
    {
        await using var db = await SeededAsync(provider);
        await using (var ctx = db.Context(Tenant))
        {
            var first = await new ProjectImporter(ctx, SpreadsheetLimits.Default).RunAsync(Xlsx(Good("K-1"), Good("K-2", 2_775_000_000, "Ya")),
                new ProjectImportRequest("proyek.xlsx", null));
            Assert.True(first.Committed, string.Join("; ", first.Errors.Select(e => e.Message)));
            Assert.Equal((2, 2, 0, 0), (first.Rows, first.Added, first.Updated, first.Unchanged));
        }

        await using (var ctx = db.Context(Tenant))
        {
            var again = await new ProjectImporter(ctx, SpreadsheetLimits.Default).RunAsync(Xlsx(Good("K-1"), Good("K-2", 3_000_000_000, "Ya")),
                new ProjectImportRequest("proyek.xlsx", null));
            Assert.Equal((2, 0, 1, 1), (again.Rows, again.Added, again.Updated, again.Unchanged));
        }

        await using var read = db.Context(Tenant);
        var projects = await read.ConstructionProjects.OrderBy(p => p.ContractNumber).ToListAsync();
        Assert.Equal(2, projects.Count);
        Assert.Equal("16.09.01", projects[0].DistrictCode);
        Assert.True(projects[1].IncludesVat);
        Assert.Equal(3_000_000_000, projects[1].ContractValue);
        Assert.Equal(new DateOnly(2026, 11, 2), projects[0].SpkDate);
        Assert.Equal(await read.Agencies.Where(a => a.Code == "PUPR").Select(a => a.Id).SingleAsync(), projects[0].AgencyId);
        Assert.Equal(2, await read.AuditEvents.CountAsync(e => e.Action == "import.committed"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_ByAnOperatorOfAnotherOpd_CannotTakeOverAnExistingContract(DatabaseProvider provider)
    {
        await using var db = await SeededAsync(provider);
        await using (var ctx = db.Context(Tenant))
        {
            Assert.True((await new ProjectImporter(ctx, SpreadsheetLimits.Default).RunAsync(Xlsx(Good("K-1")), new ProjectImportRequest("a.xlsx", null))).Committed);
        }

        await using var other = db.Context(Tenant);
        var dlh = await other.Agencies.Where(a => a.Code == "DLH").Select(a => a.Id).SingleAsync();
        var report = await new ProjectImporter(other, SpreadsheetLimits.Default).RunAsync(Xlsx(Good("K-1"), Good("K-9")), new ProjectImportRequest("b.xlsx", dlh));

        Assert.False(report.Committed);
        Assert.Contains(report.Errors, e => e.Row == 2 && e.Message.Contains("OPD lain", StringComparison.Ordinal));
        await using var read = db.Context(Tenant);
        Assert.Equal(["K-1"], await read.ConstructionProjects.Select(p => p.ContractNumber).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WithoutRequiredColumns_NamesThemInIndonesian(DatabaseProvider provider)
    {
        await using var db = await SeededAsync(provider);
        await using var ctx = db.Context(Tenant);
        var output = new MemoryStream();
        using (var xlsx = new XlsxWriter(output))
        {
            xlsx.BeginSheet("Proyek", [new XlsxColumn("OPD"), new XlsxColumn("Nomor Kontrak")]);
            xlsx.WriteRow("PUPR", "K-1");
        }

        output.Position = 0;
        var report = await new ProjectImporter(ctx, SpreadsheetLimits.Default).RunAsync(output, new ProjectImportRequest("x.xlsx", null));

        Assert.False(report.Committed);
        Assert.Contains("Kolom wajib tidak ditemukan", report.Errors.Single().Message, StringComparison.Ordinal);
        Assert.Contains("Nilai Kontrak", report.Errors.Single().Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_InEnglish_SaysWhyInEnglish_AndEachMessageStillReadsInIndonesian(DatabaseProvider provider)
    {
        await using var db = await SeededAsync(provider);
        await using var ctx = db.Context(Tenant);
        ProjectImportReport report;
        using (TestCulture.Use(CultureInfo.GetCultureInfo("en")))
        {
            report = await new ProjectImporter(ctx, SpreadsheetLimits.Default).RunAsync(
                Xlsx(Good("K-1"), ["XYZ", "K-1", "", "CV B", 5, "Mungkin", "02/11/2026", 0, "Muaradua", null, 2026, "APBD"]),
                new ProjectImportRequest("proyek.xlsx", null));

            Assert.False(report.Committed);
            var english = report.Errors.Where(e => e.Row == 3).Select(e => e.Message).ToList();
            Assert.Contains("OPD \"XYZ\" is not known; write the OPD's code (for example PUPR) or its short name.", english);
            Assert.Contains("The column \"termasuk PPN\" says \"Mungkin\"; it must be Ya or Tidak.", english);
            Assert.Contains("The name of the work package is required.", english);
            Assert.Contains("The duration must be 1 to 3650 calendar days.", english);
        }

        var indonesian = report.Errors.Where(e => e.Row == 3).Select(e => e.Text.ToIndonesian()).ToList();
        Assert.Contains("Nama paket pekerjaan wajib diisi.", indonesian);
        Assert.Contains("Jangka waktu harus 1 sampai 3650 hari kalender.", indonesian);
        Assert.Equal(indonesian, report.Errors.Where(e => e.Row == 3).Select(e => e.Message));
    }
}
