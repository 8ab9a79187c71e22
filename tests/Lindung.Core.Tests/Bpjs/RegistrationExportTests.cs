using System.Security.Cryptography;
using System.Text;
using Lindung.Core.Audit;
using Lindung.Core.Bpjs;
using Lindung.Core.Data;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Core.MasterData;
using Lindung.Core.Registry;
using Lindung.Core.Registry.Protection;
using Lindung.Core.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Tests.Bpjs;

public class RegistrationExportTests
{
    private static readonly NikProtector Protector = new(RandomNumberGenerator.GetBytes(64));

    /// <summary>Siti (verified, not registered, a formula-looking address), Fauzi (pending), Rina (verified, already registered).</summary>
    private static async Task<TestDatabase> RegistryAsync(DatabaseProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        await using var ctx = db.Context("16.09");
        await MasterDataSeeder.SeedAsync(ctx, "16.09");
        var category = await ctx.WorkerCategories.SingleAsync(c => c.Code == "MARBOT");
        var kesra = await ctx.Agencies.SingleAsync(a => a.Code == "KESRA");
        foreach (var (nik, name, verification, registration) in new[]
                 {
                     ("1609014708850001", "Siti Nurhayati", VerificationStatus.Verified, RegistrationStatus.NotRegistered),
                     ("1609011208850002", "Ahmad Fauzi", VerificationStatus.Pending, RegistrationStatus.NotRegistered),
                     ("1609015203900003", "Rina Sari", VerificationStatus.Verified, RegistrationStatus.Registered),
                 })
        {
            var fromNik = BpjsMatcher.FromNik(nik)!.Value;
            var person = new NewPerson(nik, name, fromNik.BirthDate, fromNik.Sex, "Muaradua", Address: "=HYPERLINK(\"x\")",
                DistrictCode: "16.09.01", VillageCode: "16.09.01.2002").ToPerson(Protector);
            person.Engagements.Add(new Engagement
            {
                AgencyId = kesra.Id,
                CategoryId = category.Id,
                Scheme = Scheme.BPU,
                DeclaredIncome = 1_000_000,
                FundingSource = "APBD",
                Programs = "JKK;JKM",
                StartDate = new DateOnly(2024, 1, 1),
                Verification = verification,
                Registration = registration,
            });
            ctx.People.Add(person);
        }

        await ctx.SaveChangesAsync();
        return db;
    }

    private static List<string[]> Read(MemoryStream xlsx)
    {
        xlsx.Position = 0;
        using var reader = new XlsxSheetReader(xlsx);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. reader.Cells.Select(c => c.Text ?? "")]);
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Export_VerifiedNotRegistered_WritesFullRowsMarksThemSentAndAudits(DatabaseProvider provider)
    {
        await using var db = await RegistryAsync(provider);
        var output = new MemoryStream();

        await using (var ctx = db.Context("16.09", user: "koordinator.uji"))
        {
            Assert.Equal(1, await new RegistrationExport(ctx, Protector).WriteAsync(output, csv: false));
        }

        var rows = Read(output);
        Assert.Equal(RegistrationExport.DefaultColumns.Select(c => c.Header), rows[0]);
        Assert.Equal(2, rows.Count);
        var siti = rows[1];
        Assert.Equal(("1609014708850001", "Siti Nurhayati", "07/08/1985", "P", "SG", "Gedung Lepihan"),
            (siti[0], siti[1], siti[3], siti[4], siti[15], siti[6]));
        Assert.StartsWith("'=", siti[5], StringComparison.Ordinal);
        await using var check = db.Context("16.09");
        var sent = await check.Engagements.Include(e => e.Person).SingleAsync(e => e.Person!.FullName == "Siti Nurhayati");
        Assert.Equal(RegistrationStatus.SentToBpjs, sent.Registration);
        Assert.NotNull(sent.SentToBpjsAt);
        Assert.Equal(1, await check.AuditEvents.CountAsync(e => e.Action == AuditActions.Exported));
        Assert.DoesNotContain("1609014708850001", (await check.AuditEvents.SingleAsync(e => e.Action == AuditActions.Exported)).Detail!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SG", "APBD", "SG")]
    [InlineData("SG", "APBDes", "SD")]
    [InlineData("SG", "apbdes", "SD")]
    [InlineData("SG", "ADD", "SD")]
    [InlineData("SG", "CSR", "SC")]
    [InlineData("SG", "Perbankan", "SB")]
    [InlineData("SG", "", "SG")]
    [InlineData(null, "APBDes", null)]
    public void ParticipationCode_FollowsTheFundingSourceForAVulnerableWorker(string? category, string funding, string? expected) =>
        Assert.Equal(expected, ParticipationCodes.For(category, funding));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Export_VulnerableWorkerPaidFromApbdes_IsExportedAsSdNotTheCategorysSg(DatabaseProvider provider)
    {
        await using var db = await RegistryAsync(provider);
        await using (var ctx = db.Context("16.09"))
        {
            var siti = await ctx.Engagements.SingleAsync(e => e.Person!.FullName == "Siti Nurhayati");
            siti.FundingSource = "APBDes";
            await ctx.SaveChangesAsync();
        }

        var output = new MemoryStream();
        await using (var ctx = db.Context("16.09", user: "koordinator.uji"))
        {
            Assert.Equal(1, await new RegistrationExport(ctx, Protector).WriteAsync(output, csv: false));
        }

        var rows = Read(output);
        Assert.Equal(("Siti Nurhayati", "SD"), (rows[1][1], rows[1][15]));
    }

    [Fact]
    public async Task Export_EditedMappingAndCsv_UsesTheAdministratorsHeadersAndNeutralisesFormulas()
    {
        await using var db = await RegistryAsync(DatabaseProvider.Sqlite);
        await using var ctx = db.Context("16.09");
        var export = new RegistrationExport(ctx, Protector);
        await export.SaveMappingAsync([new(ExportField.Nik, "No KTP"), new(ExportField.Name, "Nama Peserta"), new(ExportField.Address, "Alamat")]);
        var output = new MemoryStream();

        await export.WriteAsync(output, csv: true);

        var lines = Encoding.UTF8.GetString(output.ToArray()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(l => l.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(["No KTP;Nama Peserta;Alamat", "1609014708850001;Siti Nurhayati;\"'=HYPERLINK(\"\"x\"\")\""], lines);
    }

    [Fact]
    public async Task Export_Twice_SecondFileIsEmptyBecauseRowsWereSent()
    {
        await using var db = await RegistryAsync(DatabaseProvider.Sqlite);
        await using var ctx = db.Context("16.09");

        var first = await new RegistrationExport(ctx, Protector).WriteAsync(new MemoryStream(), csv: false);
        var second = await new RegistrationExport(ctx, Protector).WriteAsync(new MemoryStream(), csv: false);

        Assert.Equal((1, 0), (first, second));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Export_RecordsEveryPersonInTheFileAsItemsOfOneBatch(DatabaseProvider provider)
    {
        await using var db = await RegistryAsync(provider);
        await using (var ctx = db.Context("16.09"))
        {
            var category = await ctx.WorkerCategories.SingleAsync(c => c.Code == "MARBOT");
            var kesra = await ctx.Agencies.SingleAsync(a => a.Code == "KESRA");
            for (var i = 0; i < 1500; i++)
            {
                var nik = "160901150385" + (1000 + i).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
                var person = new NewPerson(nik, "Pekerja " + i, new DateOnly(1985, 3, 15), 'L', "Muaradua").ToPerson(Protector);
                person.Engagements.Add(new Engagement
                {
                    AgencyId = kesra.Id,
                    CategoryId = category.Id,
                    Scheme = Scheme.BPU,
                    DeclaredIncome = 1_000_000,
                    FundingSource = "APBD",
                    Programs = "JKK;JKM",
                    StartDate = new DateOnly(2024, 1, 1),
                    Verification = VerificationStatus.Verified,
                });
                ctx.People.Add(person);
            }

            await ctx.SaveChangesAsync();
        }

        await using (var ctx = db.Context("16.09", user: "koordinator.uji"))
        {
            Assert.Equal(1501, await new RegistrationExport(ctx, Protector).WriteAsync(new MemoryStream(), csv: true));
        }

        await using var check = db.Context("16.09");
        var batch = await check.RegistrationExportBatches.SingleAsync();
        Assert.Equal((1501, "koordinator.uji", "csv"), (batch.Rows, batch.ExportedBy, batch.Format));
        Assert.Equal(1501, await check.RegistrationExportItems.CountAsync(i => i.BatchId == batch.Id));
        var sent = await check.Engagements.Where(e => e.Registration == RegistrationStatus.SentToBpjs).Select(e => new { e.Id, e.PersonId }).ToListAsync();
        var items = await check.RegistrationExportItems.Select(i => new { Id = i.EngagementId, i.PersonId }).ToListAsync();
        Assert.Equal(sent.OrderBy(e => e.Id), items.OrderBy(e => e.Id));
        Assert.Equal(batch.Id.ToString(), (await check.AuditEvents.SingleAsync(e => e.Action == AuditActions.Exported)).EntityId);
    }
}
