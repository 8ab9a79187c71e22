using Lindung.Core.Audit;
using Lindung.Core.Data;
using Lindung.Core.MasterData;
using Lindung.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Tests.Data;

public class AuditTests
{
    private static async Task<Guid> SeedAgencyAsync(TestDatabase db)
    {
        await using var ctx = db.Context("16.09");
        ctx.Tenants.Add(new Tenant { Code = "16.09", Name = "OKU Selatan" });
        var agency = new Agency { Code = "DLH", ShortName = "DLH", Name = "Dinas Lingkungan Hidup" };
        ctx.Agencies.Add(agency);
        await ctx.SaveChangesAsync();
        return agency.Id;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Update_Committed_WritesAuditEventWithBeforeAndAfter(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var id = await SeedAgencyAsync(db);

        await using (var ctx = db.Context("16.09", user: "koordinator"))
        {
            var agency = await ctx.Agencies.SingleAsync(a => a.Id == id);
            agency.JkkRiskGroup = 3;
            await ctx.SaveChangesAsync();
        }

        await using var check = db.Context("16.09");
        var ev = await check.AuditEvents.SingleAsync(e => e.Action == AuditActions.Updated);
        Assert.Equal("koordinator", ev.UserName);
        Assert.Equal(nameof(Agency), ev.EntityType);
        Assert.Equal(id.ToString(), ev.EntityId);
        Assert.Equal("{\"JkkRiskGroup\":1}", ev.Before);
        Assert.Equal("{\"JkkRiskGroup\":3}", ev.After);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Update_RolledBack_LeavesNeitherChangeNorAuditEvent(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var id = await SeedAgencyAsync(db);
        int before;
        await using (var count = db.Context("16.09"))
        {
            before = await count.AuditEvents.CountAsync();
        }

        await using (var ctx = db.Context("16.09"))
        {
            await using var tx = await ctx.Database.BeginTransactionAsync();
            var agency = await ctx.Agencies.SingleAsync(a => a.Id == id);
            agency.Name = "Diubah lalu dibatalkan";
            await ctx.SaveChangesAsync();
            await tx.RollbackAsync();
        }

        await using var check = db.Context("16.09");
        Assert.Equal("Dinas Lingkungan Hidup", (await check.Agencies.SingleAsync(a => a.Id == id)).Name);
        Assert.Equal(before, await check.AuditEvents.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Insert_FailingInTheSameSave_WritesNoAuditEvent(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await SeedAgencyAsync(db);
        int before;
        await using (var count = db.Context("16.09"))
        {
            before = await count.AuditEvents.CountAsync();
        }

        await using (var ctx = db.Context("16.09"))
        {
            // A duplicate OPD code violates the unique index: the whole SaveChanges, audit included, fails.
            ctx.Agencies.Add(new Agency { Code = "BPBD", ShortName = "BPBD", Name = "BPBD" });
            ctx.Agencies.Add(new Agency { Code = "DLH", ShortName = "DLH", Name = "Duplikat" });
            await Assert.ThrowsAsync<DbUpdateException>(() => ctx.SaveChangesAsync());
        }

        await using var check = db.Context("16.09");
        Assert.Equal(before, await check.AuditEvents.CountAsync());
        Assert.Equal(1, await check.Agencies.CountAsync());
    }
}
