using System.Security.Cryptography;
using Lindung.Core.Audit;
using Lindung.Core.Bpjs;
using Lindung.Core.Data;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Core.MasterData;
using Lindung.Core.Privacy;
using Lindung.Core.Registry;
using Lindung.Core.Registry.Protection;
using Lindung.Core.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Tests.Privacy;

public class SubjectReportTests
{
    private static readonly NikProtector Protector = new(RandomNumberGenerator.GetBytes(64));

    /// <summary>Siti (verified, not registered, in KESRA) and Ahmad (verified, not registered, in DLH).</summary>
    private static async Task<(TestDatabase Db, Guid Siti, Guid Kesra, Guid Dlh)> RegistryAsync(DatabaseProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        await using var ctx = db.Context("16.09", user: "operator.kesra");
        await MasterDataSeeder.SeedAsync(ctx, "16.09");
        var category = await ctx.WorkerCategories.SingleAsync(c => c.Code == "MARBOT");
        var kesra = await ctx.Agencies.SingleAsync(a => a.Code == "KESRA");
        var dlh = await ctx.Agencies.SingleAsync(a => a.Code == "DLH");
        Guid siti = default;
        foreach (var (nik, name, agency) in new[] { ("1609014708850001", "Siti Nurhayati", kesra), ("1609011208850002", "Ahmad Fauzi", dlh) })
        {
            var fromNik = BpjsMatcher.FromNik(nik)!.Value;
            var person = new NewPerson(nik, name, fromNik.BirthDate, fromNik.Sex, "Muaradua", Address: "Jl. Merdeka 1",
                DistrictCode: "16.09.01", VillageCode: "16.09.01.2002").ToPerson(Protector);
            person.Engagements.Add(new Engagement
            {
                AgencyId = agency.Id,
                CategoryId = category.Id,
                Scheme = Scheme.BPU,
                DeclaredIncome = 1_000_000,
                FundingSource = "APBD",
                Programs = "JKK;JKM",
                StartDate = new DateOnly(2024, 1, 1),
                Verification = VerificationStatus.Verified,
            });
            ctx.People.Add(person);
            siti = name == "Siti Nurhayati" ? person.Id : siti;
        }

        await ctx.SaveChangesAsync();
        return (db, siti, kesra.Id, dlh.Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Build_AfterARegistrationExportIncludingThePerson_ListsTheFileSentToBpjsWithWhoAndWhen(DatabaseProvider provider)
    {
        var (db, siti, _, _) = await RegistryAsync(provider);
        await using var _db = db;
        await using (var koordinator = db.Context("16.09", user: "koordinator.uji"))
        {
            Assert.Equal(2, await new RegistrationExport(koordinator, Protector).WriteAsync(new MemoryStream(), csv: false));
        }

        await using var ctx = db.Context("16.09", user: "auditor.uji");
        var report = await new SubjectReportBuilder(ctx, Protector).BuildAsync(siti, null, revealNik: false, "html");

        var sent = Assert.Single(report!.Disclosures);
        Assert.Equal(("koordinator.uji", "BPJS Ketenagakerjaan", 2, "xlsx"), (sent.By, sent.Recipient, sent.RowsInFile, sent.Format));
        Assert.NotNull(sent.BatchId);
        Assert.Equal((await ctx.Agencies.SingleAsync(a => a.Code == "KESRA")).Name, sent.Agency);
        Assert.Contains(report.Access, a => a.Kind == SubjectAccessKind.Export && a.UserName == "koordinator.uji");
        Assert.Equal(RegistrationStatus.SentToBpjs, Assert.Single(report.Engagements).Registration);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Build_IsAuditedAndARevealInItIsAuditedAsAReveal(DatabaseProvider provider)
    {
        var (db, siti, _, _) = await RegistryAsync(provider);
        await using var _db = db;
        await using (var ctx = db.Context("16.09", user: "auditor.uji"))
        {
            var masked = await new SubjectReportBuilder(ctx, Protector).BuildAsync(siti, null, revealNik: false, "html");
            Assert.Equal(("1609••••••••0001", false), (masked!.Identity.Nik, masked.Identity.NikRevealed));
            var revealed = await new SubjectReportBuilder(ctx, Protector).BuildAsync(siti, null, revealNik: true, "xlsx");
            Assert.Equal("1609014708850001", revealed!.Identity.Nik);
            // The first report's production is itself listed in the second.
            Assert.Contains(revealed.Access, a => a.Kind == SubjectAccessKind.Report && a.UserName == "auditor.uji");
        }

        await using var check = db.Context("16.09");
        var events = await check.AuditEvents.Where(e => e.EntityId == siti.ToString()).ToListAsync();
        Assert.Equal(2, events.Count(e => e.Action == AuditActions.SubjectReportProduced && e.UserName == "auditor.uji"));
        var reveal = Assert.Single(events, e => e.Action == AuditActions.NikRevealed);
        Assert.Equal("auditor.uji", reveal.UserName);
        Assert.DoesNotContain(events, e => (e.Detail ?? "").Contains("1609014708850001", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Build_ForAnOperatorOfAnotherOpd_IsNotFoundAndNotAudited(DatabaseProvider provider)
    {
        var (db, siti, kesra, dlh) = await RegistryAsync(provider);
        await using var _db = db;
        await using var ctx = db.Context("16.09", user: "operator.dlh");

        Assert.Null(await new SubjectReportBuilder(ctx, Protector).BuildAsync(siti, dlh, revealNik: false, "html"));
        Assert.NotNull(await new SubjectReportBuilder(ctx, Protector).BuildAsync(siti, kesra, revealNik: false, "html"));
        Assert.Equal(1, await ctx.AuditEvents.CountAsync(e => e.Action == AuditActions.SubjectReportProduced));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Build_AfterAFormEditAndAnotherUsersReveal_ShowsTheSourceTheChangeAndWhoSawIt(DatabaseProvider provider)
    {
        var (db, siti, _, _) = await RegistryAsync(provider);
        await using var _db = db;
        await using (var ctx = db.Context("16.09", user: "koordinator.uji"))
        {
            var person = await ctx.People.SingleAsync(p => p.Id == siti);
            person.Phone = "+6281234567890";
            ctx.Audit(AuditActions.NikRevealed, nameof(Person), siti.ToString());
            await ctx.SaveChangesAsync();
        }

        await using var reader = db.Context("16.09", user: "auditor.uji");
        var report = (await new SubjectReportBuilder(reader, Protector).BuildAsync(siti, null, revealNik: false, "html"))!;

        Assert.Equal("+6281234567890", report.Identity.Phone);
        Assert.Contains(report.Sources, s => s.Kind == SubjectSourceKind.FormChange && s.By == "koordinator.uji" && s.Detail == "Phone");
        Assert.Contains(report.Access, a => a.Kind == SubjectAccessKind.Reveal && a.UserName == "koordinator.uji");
        Assert.Contains(report.Access, a => a.Kind == SubjectAccessKind.Change && a.UserName == "koordinator.uji");
    }

    [Fact]
    public async Task Export_WritesEverySheetWithFormulasNeutralised()
    {
        var (db, siti, _, _) = await RegistryAsync(DatabaseProvider.Sqlite);
        await using var _db = db;
        await using (var ctx = db.Context("16.09"))
        {
            (await ctx.People.SingleAsync(p => p.Id == siti)).Address = "=HYPERLINK(\"x\")";
            await ctx.SaveChangesAsync();
        }

        await using var reader = db.Context("16.09", user: "auditor.uji");
        var report = (await new SubjectReportBuilder(reader, Protector).BuildAsync(siti, null, revealNik: false, "xlsx"))!;
        var output = new MemoryStream();

        SubjectReportExport.Write(output, report);

        output.Position = 0;
        using var sheet = new XlsxSheetReader(output);
        var rows = new List<string[]>();
        while (sheet.Read())
        {
            rows.Add([.. sheet.Cells.Select(c => c.Text ?? "")]);
        }

        Assert.Contains(rows, r => r[0] == "NIK (tersamar)" && r[1] == "1609••••••••0001");
        Assert.Contains(rows, r => r[0] == "Alamat" && r[1].StartsWith("'=", StringComparison.Ordinal));
    }
}
