using Lindung.Core.Coverage;
using Lindung.Core.Data;
using Lindung.Core.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Tests.Coverage;

public class CoverageSnapshotCacheTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LatestAsync_ReadsAgainWhenASnapshotIsWrittenOrChanged_AndKeepsTenantsApart(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cache = new CoverageSnapshotCache();
        await using (var ctx = db.Context("16.09"))
        {
            ctx.CoverageSnapshots.Add(new CoverageSnapshot { Period = "2025-04", Eligible = 10, Active = 4 });
            await ctx.SaveChangesAsync();
            Assert.Equal(["2025-04"], (await cache.LatestAsync(ctx, 12)).Select(s => s.Period));
        }

        // Written by another context (as the snapshot worker or the CLI would): the next read sees it.
        await using (var ctx = db.Context("16.09"))
        {
            ctx.CoverageSnapshots.Add(new CoverageSnapshot { Period = "2025-05", Eligible = 10, Active = 5 });
            await ctx.SaveChangesAsync();
        }

        await using (var ctx = db.Context("16.09"))
        {
            Assert.Equal([("2025-04", 4), ("2025-05", 5)], (await cache.LatestAsync(ctx, 12)).Select(s => (s.Period, s.Active)));
            Assert.Equal(["2025-05"], (await cache.LatestAsync(ctx, 1)).Select(s => s.Period));
        }

        await using (var ctx = db.Context("16.09", time: new LaterTime()))
        {
            var may = await ctx.CoverageSnapshots.SingleAsync(s => s.Period == "2025-05");
            may.Active = 6;
            await ctx.SaveChangesAsync();
        }

        await using (var ctx = db.Context("16.09"))
        {
            Assert.Equal(6, (await cache.LatestAsync(ctx, 12))[^1].Active);
        }

        await using var other = db.Context("16.08");
        Assert.Empty(await cache.LatestAsync(other, 12));
    }

    /// <summary>A clock an hour ahead, so a change's ModifiedAt differs from the snapshot's first one.</summary>
    private sealed class LaterTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddHours(1);
    }
}
