using Lindung.Core.Coverage;
using Lindung.Core.Data;
using Lindung.Core.Demo;
using Lindung.Core.MasterData;
using Lindung.Core.Registry.Protection;
using Lindung.Core.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Tests.Coverage;

public class CoverageDrillDownTests
{
    /// <summary>
    /// Every figure of a snapshot — each group of each dimension, active and eligible — equals the number of people its
    /// drill-down lists, for a month without a BPJS list (active = Terdaftar) and a month with one.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryFigureOfASnapshot_EqualsTheListBehindIt(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var protector = new NikProtector(System.Security.Cryptography.RandomNumberGenerator.GetBytes(64));
        await using var ctx = db.Context("16.09");
        await MasterDataSeeder.SeedAsync(ctx, "16.09");
        await DemoSeeder.SeedAsync(ctx, protector, new DemoOptions(1_200));
        var today = new DateOnly(2026, 11, 23);
        var (registryMonth, _) = await new CoverageService(ctx).ForAsync("2023-12", today);
        await DemoBpjsHistory.SeedAsync(ctx, today);
        var (listMonth, _) = await new CoverageService(ctx).ForAsync("2025-04", today);
        Assert.Equal(ActiveSource.RegistryRegistered, registryMonth.Source);
        Assert.Equal(ActiveSource.BpjsList, listMonth.Source);

        var drill = new CoverageDrillDown(ctx);
        foreach (var snapshot in new[] { registryMonth, listMonth })
        {
            Assert.True(snapshot.Active > 0);
            Assert.Equal(snapshot.Eligible, await (await drill.PeopleAsync(snapshot.Period, null, null, DrillStatus.Eligible)).CountAsync());
            Assert.Equal(snapshot.Active, await (await drill.PeopleAsync(snapshot.Period, null, null, DrillStatus.Active)).CountAsync());
            // Every group of every dimension; desa (hundreds of groups, the same rule as kecamatan) by its first ten.
            foreach (var g in snapshot.Groups.Where(g => g.Dimension != "desa").Concat(snapshot.Groups.Where(g => g.Dimension == "desa").Take(10)))
            {
                var what = $"{snapshot.Period} {g.Dimension}={g.Key}";
                Assert.True(g.Eligible == await (await drill.PeopleAsync(snapshot.Period, g.Dimension, g.Key, DrillStatus.Eligible)).CountAsync(), what);
                Assert.True(g.Active == await (await drill.PeopleAsync(snapshot.Period, g.Dimension, g.Key, DrillStatus.Active)).CountAsync(), what);
                Assert.True(g.Eligible - g.Active == await (await drill.PeopleAsync(snapshot.Period, g.Dimension, g.Key, DrillStatus.NotActive)).CountAsync(), what);
            }
        }

        // An Operator OPD's view: only their OPD counts, whatever group the link names.
        var kesra = await ctx.Agencies.SingleAsync(a => a.Code == "KESRA");
        var own = listMonth.Groups.Single(g => g.Dimension == "opd" && g.Key == "KESRA");
        Assert.Equal(own.Eligible, await (await drill.PeopleAsync("2025-04", null, null, DrillStatus.Eligible, kesra.Id)).CountAsync());
        Assert.Equal(0, await (await drill.PeopleAsync("2025-04", "opd", "DLH", DrillStatus.Eligible, kesra.Id)).CountAsync());
        var page = await drill.PageAsync(await drill.PeopleAsync("2025-04", "opd", "KESRA", DrillStatus.NotActive), "2025-04", 0, 5);
        Assert.Equal(5, page.Count);
        Assert.All(page, p => Assert.False(p.Active));
        Assert.All(page, p => Assert.Contains("Kesra", p.Agencies, StringComparison.Ordinal));
    }

    /// <summary>
    /// On SQLite the snapshot's two parts (by sex) and the BPJS list are read on connections of their own at once; inside
    /// a transaction they are read one after the other on the context's. Both give the same snapshot, groups by key.
    /// </summary>
    [Fact]
    public async Task Snapshot_ReadInParallelOrInATransaction_IsTheSameAndGroupsAreOrderedByKey()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var protector = new NikProtector(System.Security.Cryptography.RandomNumberGenerator.GetBytes(64));
        await using var ctx = db.Context("16.09");
        await MasterDataSeeder.SeedAsync(ctx, "16.09");
        await DemoSeeder.SeedAsync(ctx, protector, new DemoOptions(1_200));
        var today = new DateOnly(2026, 11, 23);
        await DemoBpjsHistory.SeedAsync(ctx, today);

        // A month with a BPJS list (the third reader). The snapshot taken in the transaction is stored there and rolled
        // back with it, so the second one is computed again, not read.
        CoverageSnapshot inTransaction;
        await using (var tx = await ctx.Database.BeginTransactionAsync())
        {
            (inTransaction, _) = await new CoverageService(ctx).ForAsync("2026-10", today);
        }

        ctx.ChangeTracker.Clear();
        Assert.False(await ctx.CoverageSnapshots.AnyAsync(s => s.Period == "2026-10"));
        var (live, _) = await new CoverageService(ctx).ForAsync("2026-10", today);

        static string Text(CoverageSnapshot s) => $"{s.Eligible}/{s.Active}/{s.Source}: "
            + string.Join("; ", s.Groups.Select(g => $"{g.Dimension}|{g.Key}|{g.Label}|{g.Eligible}|{g.Active}"));
        Assert.Equal(ActiveSource.BpjsList, live.Source);
        Assert.True(live.Eligible > 1_000 && live.Active > 0);
        Assert.Contains(live.Groups, g => g.Dimension == "sex" && g.Key == "L" && g.Eligible > 0);
        Assert.Contains(live.Groups, g => g.Dimension == "sex" && g.Key == "P" && g.Eligible > 0);
        Assert.Equal(Text(live), Text(inTransaction));
        foreach (var dimension in live.Groups.GroupBy(g => g.Dimension))
        {
            Assert.Equal(dimension.Select(g => g.Key).Order(StringComparer.Ordinal), dimension.Select(g => g.Key));
        }
    }

    [Theory]
    [InlineData("<25", "2001-05-01", "2026-04-30", true)]
    [InlineData("<25", "2001-04-30", "2026-04-30", false)] // 25 that day
    [InlineData("25-34", "2001-04-30", "2026-04-30", true)]
    [InlineData("55+", "1971-04-30", "2026-04-30", true)]
    [InlineData("45-54", "1971-04-30", "2026-04-30", false)]
    public void BirthRange_AgreesWithTheSnapshotsAgeBands(string band, string birth, string at, bool inside)
    {
        var b = DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture);
        var a = DateOnly.Parse(at, System.Globalization.CultureInfo.InvariantCulture);
        var (after, atMost) = CoverageDrillDown.BirthRange(band, a);

        Assert.Equal(inside, b > after && b <= atMost);
        Assert.Equal(inside, CoverageService.AgeBand(b, a).Key == band);
    }
}
