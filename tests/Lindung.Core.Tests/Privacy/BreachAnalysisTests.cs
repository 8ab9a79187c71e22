using System.Security.Cryptography;
using Lindung.Core.Audit;
using Lindung.Core.Bpjs;
using Lindung.Core.Data;
using Lindung.Core.MasterData;
using Lindung.Core.Privacy;
using Lindung.Core.Registry;
using Lindung.Core.Registry.Protection;
using Lindung.Core.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Tests.Privacy;

public class BreachAnalysisTests
{
    private static readonly NikProtector Protector = new(RandomNumberGenerator.GetBytes(64));

    private static readonly DateTime WindowFrom = new(2026, 11, 10, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime WindowTo = new(2026, 11, 12, 0, 0, 0, DateTimeKind.Utc);

    private sealed class FixedTime(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utc, TimeSpan.Zero);
    }

    private static async Task<(TestDatabase Db, Dictionary<string, Guid> People)> RegistryAsync(DatabaseProvider provider, int count)
    {
        var db = await TestDatabase.CreateAsync(provider);
        await using var ctx = db.Context("16.09");
        await MasterDataSeeder.SeedAsync(ctx, "16.09");
        var category = await ctx.WorkerCategories.SingleAsync(c => c.Code == "MARBOT");
        var kesra = await ctx.Agencies.SingleAsync(a => a.Code == "KESRA");
        var people = new Dictionary<string, Guid>();
        for (var i = 1; i <= count; i++)
        {
            var nik = "16090115038500" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
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
                Verification = i <= 2 ? VerificationStatus.Verified : VerificationStatus.Pending,
            });
            ctx.People.Add(person);
            people["Pekerja " + i] = person.Id;
        }

        await ctx.SaveChangesAsync();
        return (db, people);
    }

    private static async Task RevealAsync(TestDatabase db, string user, Guid person, DateTime at)
    {
        await using var ctx = db.Context("16.09", user, new FixedTime(at));
        ctx.Audit(AuditActions.NikRevealed, nameof(Person), person.ToString());
        await ctx.SaveChangesAsync();
    }

    private static BreachIncident Incident(string? user, params string[] kinds) => new()
    {
        Description = "Akun operator diduga dipakai orang lain",
        RecordedBy = "admin.uji",
        DiscoveredAt = WindowTo.AddHours(3),
        SuspectedUserName = user,
        WindowFrom = WindowFrom,
        WindowTo = WindowTo,
        DataKinds = BreachDataKinds.Join(kinds),
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Affected_RevealsBySuspectedUserInsideWindowCount_OutsideOrByOthersDoNot(DatabaseProvider provider)
    {
        var (db, people) = await RegistryAsync(provider, 4);
        await using var _db = db;
        await RevealAsync(db, "operator.kesra", people["Pekerja 1"], WindowFrom.AddHours(5));
        await RevealAsync(db, "operator.kesra", people["Pekerja 2"], WindowFrom.AddHours(-1));
        await RevealAsync(db, "operator.kesra", people["Pekerja 3"], WindowTo.AddMinutes(1));
        await RevealAsync(db, "koordinator.uji", people["Pekerja 4"], WindowFrom.AddHours(6));

        await using var ctx = db.Context("16.09");
        var affected = await new BreachAnalysis(ctx).AffectedAsync(Incident("Operator.Kesra"));

        var only = Assert.Single(affected.Values);
        Assert.Equal((people["Pekerja 1"], BreachDataKinds.Nik, 1), (only.PersonId, Assert.Single(only.Kinds), only.Events));
        var page = await new BreachAnalysis(ctx).PageAsync(affected, 1, 50);
        Assert.Equal(("Pekerja 1", "1609••••••••0001"), (page[0].FullName, page[0].NikMasked));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Affected_ARegistrationFileOfTheSuspectedUserInTheWindow_AddsEveryoneInItAndIsListedWithItsCount(DatabaseProvider provider)
    {
        var (db, people) = await RegistryAsync(provider, 3);
        await using var _db = db;
        await using (var ctx = db.Context("16.09", "koordinator.uji", new FixedTime(WindowFrom.AddHours(2))))
        {
            Assert.Equal(2, await new RegistrationExport(ctx, Protector).WriteAsync(new MemoryStream(), csv: true));
        }

        await using var check = db.Context("16.09");
        Assert.Equal(2, await check.RegistrationExportItems.CountAsync());
        var analysis = new BreachAnalysis(check);

        var affected = await analysis.AffectedAsync(Incident("koordinator.uji"));
        var exports = await analysis.ExportsAsync(Incident("koordinator.uji"));
        var onlyNik = await analysis.AffectedAsync(Incident("koordinator.uji", BreachDataKinds.Nik));

        Assert.Equal(new[] { people["Pekerja 1"], people["Pekerja 2"] }.Order(), affected.Keys.Order());
        Assert.All(affected.Values, a => Assert.Equal([BreachDataKinds.Export], a.Kinds));
        var export = Assert.Single(exports);
        Assert.Equal((2, RegistrationExport.RegistrationAuditType), (export.People, export.EntityType));
        Assert.Empty(onlyNik);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Affected_ChangesToAPersonOrTheirEngagementInTheWindow_Count(DatabaseProvider provider)
    {
        var (db, people) = await RegistryAsync(provider, 3);
        await using var _db = db;
        await using (var ctx = db.Context("16.09", "operator.kesra", new FixedTime(WindowFrom.AddHours(1))))
        {
            (await ctx.People.SingleAsync(p => p.Id == people["Pekerja 1"])).Phone = "+6281111111111";
            (await ctx.Engagements.SingleAsync(e => e.PersonId == people["Pekerja 2"])).Position = "Marbot";
            await ctx.SaveChangesAsync();
        }

        await using var check = db.Context("16.09");
        var affected = await new BreachAnalysis(check).AffectedAsync(Incident("operator.kesra"));

        Assert.Equal([BreachDataKinds.Identity], affected[people["Pekerja 1"]].Kinds);
        Assert.Equal([BreachDataKinds.Engagement], affected[people["Pekerja 2"]].Kinds);
        Assert.False(affected.ContainsKey(people["Pekerja 3"]));
    }

    [Fact]
    public void Deadline_IsThreeTimes24HoursFromDiscovery_RunningOverdueOrMet()
    {
        var found = new DateTime(2026, 11, 20, 2, 30, 0, DateTimeKind.Utc);

        var running = BreachDeadline.Compute(found, null, found.AddHours(70));
        var overdue = BreachDeadline.Compute(found, null, found.AddHours(73));
        var inTime = BreachDeadline.Compute(found, found.AddHours(71), found.AddHours(100));
        var late = BreachDeadline.Compute(found, found.AddHours(72).AddMinutes(1), found.AddHours(100));

        Assert.Equal(new DateTime(2026, 11, 23, 2, 30, 0, DateTimeKind.Utc), running.Deadline);
        Assert.Equal((DeadlineState.Running, TimeSpan.FromHours(2)), (running.State, running.Remaining));
        Assert.Equal((DeadlineState.Overdue, TimeSpan.FromHours(-1)), (overdue.State, overdue.Remaining));
        Assert.Equal(DeadlineState.NotifiedInTime, inTime.State);
        Assert.Equal(DeadlineState.NotifiedLate, late.State);
    }

    [Fact]
    public void Workflow_StepsInOrderRecordWhoAndWhen_SkippingIsRefused()
    {
        var incident = Incident(null);
        var now = new DateTime(2026, 11, 20, 3, 0, 0, DateTimeKind.Utc);

        Assert.False(BreachWorkflow.Move(incident, BreachStatus.Notified, "admin.uji", now));
        Assert.True(BreachWorkflow.Move(incident, BreachStatus.Confirmed, "admin.uji", now));
        Assert.True(BreachWorkflow.Move(incident, BreachStatus.Notified, "admin.dua", now.AddHours(1)));
        Assert.True(BreachWorkflow.Move(incident, BreachStatus.Closed, "admin.uji", now.AddHours(2)));
        Assert.False(BreachWorkflow.Move(incident, BreachStatus.Closed, "admin.uji", now.AddHours(3)));

        Assert.Equal((BreachStatus.Closed, "admin.uji", now, "admin.dua", now.AddHours(1), now.AddHours(2)),
            (incident.Status, incident.ConfirmedBy, incident.ConfirmedAt, incident.NotifiedBy, incident.NotifiedAt, incident.ClosedAt));
    }
}
