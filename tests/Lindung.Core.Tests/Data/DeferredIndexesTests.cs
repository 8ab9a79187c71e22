using Lindung.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Tests.Data;

/// <summary>
/// The rebuild of deferred indexes sorts with a small page cache on helper threads (<c>DeferredIndexes.RestoreAsync</c>);
/// the connection returns to the pool afterwards, so its own settings must be put back, also when the rebuild fails.
/// </summary>
public class DeferredIndexesTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Restore_BuildsTheIndexesAgain_AndPutsTheConnectionsCacheAndThreadsBack(bool brokenUniqueKey)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var ctx = db.Context("16.09");
        await ctx.Database.OpenConnectionAsync();
        var before = await IndexesAsync(ctx);
        await ctx.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -65536; PRAGMA threads = 0;");
        var people = Enumerable.Range(0, 300).Select(SqlitePlans.Person).ToList();
        if (brokenUniqueKey)
        {
            people[299].NikHash = people[7].NikHash;
        }

        await using (var tx = await ctx.Database.BeginTransactionAsync())
        {
            var deferred = await DeferredIndexes.DropIfWorthItAsync(ctx, "People", people.Count, 1, CancellationToken.None);
            Assert.NotNull(deferred);
            Assert.Empty(await IndexesAsync(ctx));
            await BulkInsert.InsertAsync(ctx, people);

            if (brokenUniqueKey)
            {
                var failure = await Assert.ThrowsAsync<SqliteException>(() => deferred.RestoreAsync(ctx, CancellationToken.None));
                Assert.Equal(19, failure.SqliteErrorCode);
                await tx.RollbackAsync();
            }
            else
            {
                await deferred.RestoreAsync(ctx, CancellationToken.None);
                await tx.CommitAsync();
            }
        }

        Assert.Equal(-65536, await PragmaAsync(ctx, "cache_size"));
        Assert.Equal(0, await PragmaAsync(ctx, "threads"));
        Assert.Equal(before, await IndexesAsync(ctx));
        Assert.Equal(brokenUniqueKey ? 0 : 300, await ctx.People.CountAsync());
    }

    private static async Task<long> PragmaAsync(LindungDbContext ctx, string name)
    {
        await using var cmd = ctx.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = "PRAGMA " + name;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> IndexesAsync(LindungDbContext ctx) =>
        await ctx.Database.SqlQuery<string>(
            $"SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'index' AND tbl_name = 'People' AND sql IS NOT NULL ORDER BY name").ToListAsync();
}
