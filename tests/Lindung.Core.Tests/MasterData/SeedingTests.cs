using Lindung.Core.Data;
using Lindung.Core.MasterData;
using Lindung.Core.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Tests.MasterData;

public class SeedingTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Seed_OkuSelatan_Has19KecamatanAnd259DesaKelurahan(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var ctx = db.Context("16.09");

        var result = await MasterDataSeeder.SeedAsync(ctx, "16.09");

        Assert.Equal(91_599, result.Regions);
        Assert.Equal(91_599, await ctx.Regions.CountAsync());
        Assert.Equal(19, await ctx.Regions.CountAsync(r => r.Level == RegionLevel.District && r.ParentCode == "16.09"));
        var villages = await ctx.Regions.Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith("16.09.")).ToListAsync();
        Assert.Equal(259, villages.Count);
        Assert.Equal(7, villages.Count(v => v.IsKelurahan));
        Assert.Equal("Kabupaten Ogan Komering Ulu Selatan", (await ctx.Tenants.SingleAsync()).Name);
        Assert.Equal(52, await ctx.Agencies.CountAsync());
        Assert.Equal(["BPBD", "DAMKAR", "DISHUB", "DLH", "SATPOLPP"],
            await ctx.Agencies.Where(a => a.IsPriority).OrderBy(a => a.Code).Select(a => a.Code).ToListAsync());
        Assert.True(await ctx.Agencies.AllAsync(a => a.JkkRiskGroup == 1));
        Assert.Equal(9, await ctx.WorkerCategories.CountAsync());
        var marbot = await ctx.WorkerCategories.SingleAsync(c => c.Code == "MARBOT");
        Assert.Equal((Scheme.BPU, "SG", 1_000_000L), (marbot.Scheme, marbot.BpjsParticipationCode, marbot.DefaultIncome));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Seed_Twice_ChangesNothingAndKeepsAdministratorEdits(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var first = db.Context("16.09"))
        {
            await MasterDataSeeder.SeedAsync(first, "16.09");
            var dlh = await first.Agencies.SingleAsync(a => a.Code == "DLH");
            dlh.Npp = "NPP-TEST-01";
            dlh.JkkRiskGroup = 2;
            await first.SaveChangesAsync();
        }

        int events;
        await using (var count = db.Context("16.09"))
        {
            events = await count.AuditEvents.CountAsync();
        }

        await using var second = db.Context("16.09");
        var again = await MasterDataSeeder.SeedAsync(second, "16.09");

        Assert.False(again.ChangedAnything);
        Assert.Equal(91_599, await second.Regions.CountAsync());
        Assert.Equal(52, await second.Agencies.CountAsync());
        Assert.Equal(9, await second.WorkerCategories.CountAsync());
        var edited = await second.Agencies.SingleAsync(a => a.Code == "DLH");
        Assert.Equal(("NPP-TEST-01", 2), (edited.Npp, edited.JkkRiskGroup));
        Assert.Equal(events, await second.AuditEvents.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Seed_SecondTenant_GetsItsOwnKecamatanOfficesAndSeesNoneOfTheFirst(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var a = db.Context("16.09"))
        {
            await MasterDataSeeder.SeedAsync(a, "16.09");
        }

        await using var b = db.Context("16.08");
        await MasterDataSeeder.SeedAsync(b, "16.08");

        var offices = await b.Agencies.Where(x => x.RegionCode != null).Select(x => x.RegionCode!).ToListAsync();
        Assert.Equal(20, offices.Count);
        Assert.All(offices, code => Assert.StartsWith("16.08.", code, StringComparison.Ordinal));
        Assert.Equal("Kabupaten Ogan Komering Ulu Timur", (await b.Tenants.SingleAsync(t => t.Code == "16.08")).Name);
    }

    [Fact]
    public async Task EnsureTenant_UnknownCode_IsRefusedWithIndonesianMessage()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var ctx = db.Context(null);
        await RegionLoader.EnsureLoadedAsync(ctx);

        var e = await Assert.ThrowsAsync<ArgumentException>(() => MasterDataSeeder.EnsureTenantAsync(ctx, "99.99"));
        Assert.Contains("bukan kode kabupaten", e.Message, StringComparison.Ordinal);
    }
}
