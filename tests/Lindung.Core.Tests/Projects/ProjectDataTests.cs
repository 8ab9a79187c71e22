using Lindung.Core.Contributions;
using Lindung.Core.Data;
using Lindung.Core.MasterData;
using Lindung.Core.Projects;
using Lindung.Core.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Tests.Projects;

/// <summary>Projects on both engines: contribution, deadlines against configured holidays, the flagged lists, auditing, holiday seeding.</summary>
public class ProjectDataTests
{
    private const string Tenant = "16.09";
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static async Task<(TestDatabase Db, Guid Pupr, Guid Dlh)> DatabaseAsync(DatabaseProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        await using var ctx = db.Context(Tenant);
        ctx.Tenants.Add(new Lindung.Core.Tenancy.Tenant { Code = Tenant, Name = "OKU Selatan" });
        var pupr = new Agency { Code = "PUPR", ShortName = "Dinas PUPR", Name = "Dinas Pekerjaan Umum dan Penataan Ruang" };
        var dlh = new Agency { Code = "DLH", ShortName = "DLH", Name = "Dinas Lingkungan Hidup" };
        ctx.Agencies.AddRange(pupr, dlh);
        await ctx.SaveChangesAsync();
        return (db, pupr.Id, dlh.Id);
    }

    private static ConstructionProject Project(Guid agency, string number, DateOnly spk, long value = 850_000_000, bool vat = false) =>
        ProjectEditor.New(new ProjectInput(agency, number, "Paket " + number, "CV Uji Konstruksi", value, vat, spk, 120, null, null, 2026, "APBD"));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Contribution_OfAStoredProject_IsTheCalculatorsForItsContractValue(DatabaseProvider provider)
    {
        var (db, pupr, _) = await DatabaseAsync(provider);
        await using (db)
        {
            await using (var ctx = db.Context(Tenant))
            {
                ctx.ConstructionProjects.Add(Project(pupr, "600/01/PUPR/2026", new DateOnly(2026, 11, 2)));
                ctx.ConstructionProjects.Add(Project(pupr, "600/02/PUPR/2026", new DateOnly(2026, 11, 2), 2_775_000_000, vat: true));
                await ctx.SaveChangesAsync();
            }

            await using var read = db.Context(Tenant);
            var rows = await ProjectQueries.ListAsync(read, new ProjectQuery(), Today);
            var rates = RateBook.LoadSeed().For(new DateOnly(2026, 11, 2));

            // The reference's worked example: Rp850.000.000 → JKK 1.345.000 + JKM 180.000.
            var plain = rows.Single(r => r.ContractNumber == "600/01/PUPR/2026");
            Assert.Equal(1_525_000, plain.Status.Contribution);
            Assert.Equal(Calculators.Jakon(rates, 850_000_000, includesVat: false).Total, plain.Status.Contribution);

            // PPN-inclusive: the calculator takes the value without PPN as its base (2.775.000.000 / 1,11 = 2.500.000.000 → Rp3.550.000).
            var withVat = rows.Single(r => r.ContractNumber == "600/02/PUPR/2026");
            Assert.Equal(Calculators.Jakon(rates, 2_775_000_000, includesVat: true).Total, withVat.Status.Contribution);
            Assert.NotEqual(Calculators.Jakon(rates, 2_775_000_000, includesVat: false).Total, withVat.Status.Contribution);
            var stored = await read.ConstructionProjects.SingleAsync(p => p.ContractNumber == "600/02/PUPR/2026");
            Assert.Equal(3_550_000, ProjectQueries.Contribution(RateBook.LoadSeed(), stored).Total);
            Assert.Equal(2_500_000_000, ProjectQueries.Contribution(RateBook.LoadSeed(), stored).Base);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OverdueAndTermLists_AcrossAWeekendAndAConfiguredHoliday_FlagExactlyTheLateOnes(DatabaseProvider provider)
    {
        var (db, pupr, dlh) = await DatabaseAsync(provider);
        await using (db)
        {
            await using (var ctx = db.Context(Tenant))
            {
                ctx.PublicHolidays.Add(new PublicHoliday { Date = new DateOnly(2026, 11, 10), Name = "Libur uji" });
                // SPK Thu 05/11: 14 working days end Wed 25/11, the holiday on Tue 10/11 moves it to Thu 26/11 = today: not late yet.
                ctx.ConstructionProjects.Add(Project(pupr, "A", new DateOnly(2026, 11, 5)));
                // SPK Wed 04/11: deadline Wed 25/11 with the holiday: late today.
                ctx.ConstructionProjects.Add(Project(pupr, "B", new DateOnly(2026, 11, 4)));
                // Same SPK, registered: not late.
                var c = Project(dlh, "C", new DateOnly(2026, 11, 4));
                c.RegistrationNumber = "PRY-0001";
                ctx.ConstructionProjects.Add(c);
                // Term due 20/11 without a certificate: flagged; a term due next month: not yet.
                var d = Project(dlh, "D", new DateOnly(2026, 11, 20));
                d.TermPayments.Add(new ProjectTermPayment { DueOn = new DateOnly(2026, 11, 20), Amount = 100_000_000 });
                ctx.ConstructionProjects.Add(d);
                var e = Project(dlh, "E", new DateOnly(2026, 11, 20));
                e.TermPayments.Add(new ProjectTermPayment { DueOn = new DateOnly(2026, 12, 1), Amount = 100_000_000 });
                ctx.ConstructionProjects.Add(e);
                // Registered with its certificate on file: a due term needs nothing more.
                var f = Project(dlh, "F", new DateOnly(2026, 11, 4));
                f.RegistrationNumber = "PRY-0002";
                f.CertificateFileName = "sertifikat.pdf";
                f.TermPayments.Add(new ProjectTermPayment { DueOn = new DateOnly(2026, 11, 20), Amount = 100_000_000 });
                ctx.ConstructionProjects.Add(f);
                await ctx.SaveChangesAsync();
            }

            await using (var read = db.Context(Tenant))
            {
                var overdue = await ProjectQueries.ListAsync(read, new ProjectQuery(Filter: ProjectFilter.Overdue), Today);
                Assert.Equal(["B"], overdue.Select(r => r.ContractNumber));
                Assert.Equal(new DateOnly(2026, 11, 25), overdue[0].Status.Deadline);
                var terms = await ProjectQueries.ListAsync(read, new ProjectQuery(Filter: ProjectFilter.TermWithoutProof), Today);
                Assert.Equal(["D"], terms.Select(r => r.ContractNumber));
                var all = await ProjectQueries.ListAsync(read, new ProjectQuery(), Today);
                Assert.Equal(new DateOnly(2026, 11, 26), all.Single(r => r.ContractNumber == "A").Status.Deadline);
                var ownOnly = await ProjectQueries.ListAsync(read, new ProjectQuery(OwnAgencyId: dlh), Today);
                Assert.DoesNotContain(ownOnly, r => r.AgencyId == pupr);
            }

            // An Administrator removes the holiday: A's deadline falls back to Wed 25/11 and A is late too.
            await using (var admin = db.Context(Tenant))
            {
                admin.PublicHolidays.Remove(await admin.PublicHolidays.SingleAsync());
                await admin.SaveChangesAsync();
            }

            await using var after = db.Context(Tenant);
            var overdueAfter = await ProjectQueries.ListAsync(after, new ProjectQuery(Filter: ProjectFilter.Overdue), Today);
            Assert.Equal(["A", "B"], overdueAfter.Select(r => r.ContractNumber).Order(StringComparer.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Changes_ToProjectsTermsAndHolidays_AreAuditedInTheSameSave(DatabaseProvider provider)
    {
        var (db, pupr, _) = await DatabaseAsync(provider);
        await using (db)
        {
            await using (var ctx = db.Context(Tenant, user: "operator.pupr"))
            {
                var p = Project(pupr, "AUD-1", new DateOnly(2026, 11, 2));
                ctx.ConstructionProjects.Add(p);
                await ctx.SaveChangesAsync();
                p.RegistrationNumber = "PRY-9";
                ctx.ProjectTermPayments.Add(new ProjectTermPayment { ProjectId = p.Id, DueOn = new DateOnly(2026, 12, 1), Amount = 5 });
                ctx.PublicHolidays.Add(new PublicHoliday { Date = new DateOnly(2026, 12, 31), Name = "Uji" });
                await ctx.SaveChangesAsync();
            }

            await using var read = db.Context(Tenant);
            var events = await read.AuditEvents.Where(e => e.UserName == "operator.pupr").ToListAsync();
            Assert.Contains(events, e => e.EntityType == nameof(ConstructionProject) && e.Action == "created");
            Assert.Contains(events, e => e.EntityType == nameof(ConstructionProject) && e.Action == "updated" && e.After!.Contains("PRY-9", StringComparison.Ordinal));
            Assert.Contains(events, e => e.EntityType == nameof(ProjectTermPayment) && e.Action == "created");
            Assert.Contains(events, e => e.EntityType == nameof(PublicHoliday) && e.Action == "created");
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task HolidaySeeding_AddsShippedYearsOnce_AndDoesNotBringBackADeletedHoliday(DatabaseProvider provider)
    {
        var (db, _, _) = await DatabaseAsync(provider);
        await using (db)
        {
            await using (var ctx = db.Context(Tenant))
            {
                Assert.Equal(HolidayCalendar.Shipped().Count, await HolidayCalendar.EnsureSeededAsync(ctx));
                Assert.True(await ctx.PublicHolidays.AllAsync(h => h.NeedsConfirmation));
                ctx.PublicHolidays.Remove(await ctx.PublicHolidays.SingleAsync(h => h.Date == new DateOnly(2026, 12, 24)));
                await ctx.SaveChangesAsync();
            }

            await using var again = db.Context(Tenant);
            Assert.Equal(0, await HolidayCalendar.EnsureSeededAsync(again));
            Assert.False(await again.PublicHolidays.AnyAsync(h => h.Date == new DateOnly(2026, 12, 24)));
            Assert.Equal(HolidayCalendar.Shipped().Count - 1, await again.PublicHolidays.CountAsync());
        }
    }
}
