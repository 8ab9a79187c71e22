using Lindung.Core.Data;
using Lindung.Core.Registry;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Tests.Data;

public class QueryPlannerStatisticsTests
{
    /// <summary>People of one tenant, written the way a big import writes them (bulk, no statistics yet).</summary>
    private static async Task<(TestDatabase Db, List<Guid> Ids)> RegistryAsync(int count)
    {
        var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var ctx = db.Context("16.09");
        var people = Enumerable.Range(0, count).Select(SqlitePlans.Person).ToList();
        await using (var tx = await ctx.Database.BeginTransactionAsync())
        {
            await BulkInsert.InsertAsync(ctx, people);
            await tx.CommitAsync();
        }

        return (db, people.Select(p => p.Id).ToList());
    }

    /// <summary>The plan of the lookup the BPJS apply runs per 2,000 people (EF sends the ids as an IN list).</summary>
    private static async Task<string> PlanOfLookupAsync(LindungDbContext ctx, IEnumerable<Guid> ids)
    {
        var list = string.Join(", ", ids.Select(id => "'" + id.ToString().ToUpperInvariant() + "'"));
        return await SqlitePlans.OfAsync(ctx, $"SELECT \"Id\", \"Kpj\" FROM \"People\" WHERE \"TenantCode\" = '16.09' AND \"Id\" IN ({list})");
    }

    [Fact]
    public async Task Refresh_AfterABulkWrite_LookupOfAThousandIdsUsesThePrimaryKeyNotAScanOfTheTenant()
    {
        // A sampled ANALYZE (analysis_limit=400) recorded "401 rows per tenant" for a single-tenant table of any size,
        // and SQLite then preferred scanning the tenant's index over 2,000 primary-key lookups: the 1M-row BPJS apply
        // stalled on exactly this query.
        var (db, ids) = await RegistryAsync(30_000);
        await using (db)
        {
            await using var ctx = db.Context("16.09");

            await QueryPlannerStatistics.RefreshAsync(ctx, [typeof(Person)]);

            var stat = await ctx.Database.SqlQuery<string>($"SELECT stat AS \"Value\" FROM sqlite_stat1 WHERE idx = 'IX_People_TenantCode_NikHash'").SingleAsync();
            Assert.StartsWith("30000 30000 ", stat, StringComparison.Ordinal);
            var plan = await PlanOfLookupAsync(ctx, ids.Where((_, i) => i % 30 == 0));
            Assert.Contains("sqlite_autoindex_People_1", plan, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Ensure_AnalysesOnlyTablesWithoutStatistics()
    {
        var (db, _) = await RegistryAsync(500);
        await using (db)
        {
            await using var ctx = db.Context("16.09");
            await QueryPlannerStatistics.EnsureAsync(ctx, [typeof(Person)]);
            var first = await ctx.Database.SqlQuery<string>($"SELECT stat AS \"Value\" FROM sqlite_stat1 WHERE idx = 'IX_People_TenantCode_NikHash'").SingleAsync();
            await using (var tx = await ctx.Database.BeginTransactionAsync())
            {
                await ctx.Database.ExecuteSqlRawAsync("UPDATE sqlite_stat1 SET stat = '1 1 1' WHERE idx = 'IX_People_TenantCode_NikHash'");
                await tx.CommitAsync();
            }

            await QueryPlannerStatistics.EnsureAsync(ctx, [typeof(Person)]);

            Assert.StartsWith("500 500 ", first, StringComparison.Ordinal);
            Assert.Equal("1 1 1", await ctx.Database.SqlQuery<string>($"SELECT stat AS \"Value\" FROM sqlite_stat1 WHERE idx = 'IX_People_TenantCode_NikHash'").SingleAsync());
        }
    }
}
