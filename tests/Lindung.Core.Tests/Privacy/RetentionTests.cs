using System.Text.Json;
using Lindung.Core.Audit;
using Lindung.Core.Claims;
using Lindung.Core.Data;
using Lindung.Core.Privacy;
using Lindung.Core.Registry;
using Lindung.Core.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Tests.Privacy;

/// <summary>The retention job: exactly the people due, idempotent, with evidence; SQLite and PostgreSQL.</summary>
public class RetentionTests
{
    private const string Tenant = "16.09";
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Run_AnonymisesExactlyThePeopleDue_IsIdempotent_AndLeavesEvidence(DatabaseProvider provider)
    {
        await using var db = await ErasureTests.DatabaseAsync(provider);
        ErasureTests.Seeded longAgo, recent, activeElsewhere, openClaim, paidClaim;
        await using (var ctx = db.Context(Tenant))
        {
            longAgo = await ErasureTests.PersonAsync(ctx, "1609014708850401", "Lama Berakhir", Today.AddYears(-6), RegistrationStatus.Registered);
            recent = await ErasureTests.PersonAsync(ctx, "1609014708850402", "Baru Berakhir", Today.AddYears(-2), RegistrationStatus.Registered);
            activeElsewhere = await ErasureTests.PersonAsync(ctx, "1609014708850403", "Aktif Di Opd Lain", Today.AddYears(-7));
            ctx.Engagements.Add(new Engagement
            {
                PersonId = activeElsewhere.PersonId,
                AgencyId = await ctx.Agencies.Where(a => a.Code == "BPBD").Select(a => a.Id).SingleAsync(),
                CategoryId = await ctx.WorkerCategories.Where(c => c.Code == "NONASN").Select(c => c.Id).SingleAsync(),
                FundingSource = "APBD",
                Programs = "JKK;JKM",
                StartDate = Today.AddYears(-3),
                Verification = VerificationStatus.Verified,
            });
            openClaim = await ErasureTests.PersonAsync(ctx, "1609014708850404", "Klaim Belum Selesai", Today.AddYears(-8));
            await ErasureTests.ClaimAsync(ctx, openClaim, ClaimStatus.Submitted);
            paidClaim = await ErasureTests.PersonAsync(ctx, "1609014708850405", "Klaim Sudah Dibayar", Today.AddYears(-9));
            await ErasureTests.ClaimAsync(ctx, paidClaim, ClaimStatus.Paid);
            await ctx.SaveChangesAsync();
        }

        await using (var ctx = db.Context(Tenant, "system:retensi"))
        {
            var preview = await new RetentionService(ctx).RunAsync(RetentionTrigger.Cli, Today, dryRun: true);
            Assert.Null(preview.Run);
            Assert.Equal(new[] { paidClaim.PersonId, longAgo.PersonId }, preview.Due.Select(d => d.Id));
            Assert.Equal(0, await ctx.RetentionRuns.CountAsync());

            var result = await new RetentionService(ctx).RunAsync(RetentionTrigger.Scheduled, Today, dryRun: false);
            Assert.Equal(2, result.Run!.People);
        }

        await using (var ctx = db.Context(Tenant))
        {
            var erased = await ctx.People.Where(p => p.ErasedAt != null).Select(p => p.Id).ToListAsync();
            Assert.Equal(new[] { longAgo.PersonId, paidClaim.PersonId }.Order(), erased.Order());
            Assert.Empty(await ErasureTests.TextColumnsContainingAsync(ctx, "Lama Berakhir"));
            Assert.Empty(await ErasureTests.TextColumnsContainingAsync(ctx, "Klaim Sudah Dibayar"));
            foreach (var kept in new[] { "Baru Berakhir", "Aktif Di Opd Lain", "Klaim Belum Selesai" })
            {
                Assert.True(await ctx.People.AnyAsync(p => p.FullName == kept && p.ErasedAt == null), kept);
            }

            var run = await ctx.RetentionRuns.SingleAsync();
            Assert.Equal((RetentionTrigger.Scheduled, "system:retensi", 5, 5, Today.AddYears(-5), 2),
                (run.Trigger, run.RanBy, run.RetentionYears, run.MustKeepYears, run.Cutoff, run.People));
            Assert.Equal(new[] { longAgo.PersonId, paidClaim.PersonId }.Order(), JsonSerializer.Deserialize<List<Guid>>(run.PersonIds)!.Order());
            var ev = await ctx.AuditEvents.SingleAsync(e => e.Action == AuditActions.RetentionRan);
            Assert.Equal(run.Id.ToString(), ev.EntityId);
            Assert.Contains("2 orang", ev.Detail, StringComparison.Ordinal);
            Assert.Equal(2, await ctx.AuditEvents.CountAsync(e => e.Action == AuditActions.PersonalDataErased && e.Detail == "retensi " + run.Id));
        }

        await using (var ctx = db.Context(Tenant, "system:retensi"))
        {
            var again = await new RetentionService(ctx).RunAsync(RetentionTrigger.Manual, Today, dryRun: false);
            Assert.Equal(0, again.Run!.People);
            Assert.Equal(2, await ctx.People.CountAsync(p => p.ErasedAt != null));
            Assert.Equal(2, await ctx.RetentionRuns.CountAsync());
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Run_AppliesTheTenantsSetting_AndRecordsItsLegalBasis(DatabaseProvider provider)
    {
        await using var db = await ErasureTests.DatabaseAsync(provider);
        await using var ctx = db.Context(Tenant);
        var threeYears = await ErasureTests.PersonAsync(ctx, "1609014708850501", "Tiga Tahun Lalu", Today.AddYears(-3));
        await new RetentionPolicy(0, 2, true, "Perbup uji 1/2026").StoreAsync(ctx);
        await ctx.SaveChangesAsync();

        var result = await new RetentionService(ctx).RunAsync(RetentionTrigger.Manual, Today, dryRun: false);

        Assert.Equal([threeYears.PersonId], result.Due.Select(d => d.Id));
        var run = await ctx.RetentionRuns.SingleAsync();
        Assert.Equal((2, 0, "Perbup uji 1/2026"), (run.RetentionYears, run.MustKeepYears, run.LegalBasis));
    }
}
