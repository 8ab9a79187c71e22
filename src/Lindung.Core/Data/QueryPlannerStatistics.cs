using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Data;

/// <summary>
/// SQLite plans queries from <c>sqlite_stat1</c>; without it, it assumes an equality on any indexed column matches
/// about ten rows, so <c>TenantCode = @t</c> looks as selective as a primary key and a lookup of 2,000 ids by
/// <c>Id IN (…)</c> becomes a scan of the tenant's million people. After a bulk write the statistics of the tables
/// written are refreshed.
/// <para>
/// SQLite's statistics are computed from every index entry (<c>analysis_limit=0</c>): a sampled ANALYZE sees only the
/// first few hundred entries of an index, in which the tenant column has a single value, and records "401 rows per
/// tenant" — which made the same 2,000-id lookup scan the tenant again (measured: a 1M-row BPJS apply stalled on it,
/// docs/performance.md). A full ANALYZE of People and Engagements takes ≈ 2.6 s at a million workers.
/// PostgreSQL's ANALYZE samples 30,000 rows a table with sound distinct-value estimates, rather than waiting for
/// autovacuum.
/// </para>
/// </summary>
public static class QueryPlannerStatistics
{
    /// <summary>Statistics of every table (after a migration, or a seed that wrote everywhere).</summary>
    public static Task RefreshAsync(LindungDbContext db, CancellationToken ct = default) => RunAsync(db, "ANALYZE;", ct);

    /// <summary>Statistics of the tables of these entities (the ones a bulk write changed).</summary>
    public static Task RefreshAsync(LindungDbContext db, IEnumerable<Type> entities, CancellationToken ct = default) =>
        RunAsync(db, string.Concat(Tables(db, entities).Select(t => $"ANALYZE {BulkInsert.Quote(t)}; ")), ct);

    /// <summary>Statistics of the tables that have none yet (SQLite; PostgreSQL's autovacuum keeps some): cheap when they exist.</summary>
    public static async Task EnsureAsync(LindungDbContext db, IEnumerable<Type> entities, CancellationToken ct = default)
    {
        if (!db.Database.IsSqlite())
        {
            return;
        }

        var analysed = await db.Database.SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE name = 'sqlite_stat1'").SingleAsync(ct) == 0
            ? []
            : await db.Database.SqlQuery<string>($"SELECT DISTINCT tbl AS \"Value\" FROM sqlite_stat1").ToListAsync(ct);
        var missing = Tables(db, entities).Except(analysed, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            await RunAsync(db, string.Concat(missing.Select(t => $"ANALYZE {BulkInsert.Quote(t)}; ")), ct);
        }
    }

    private static IEnumerable<string> Tables(LindungDbContext db, IEnumerable<Type> entities) =>
        entities.Select(e => db.Model.FindEntityType(e)?.GetTableName() ?? throw new InvalidOperationException($"{e} is not mapped.")).Distinct();

    private static async Task RunAsync(LindungDbContext db, string analyze, CancellationToken ct)
    {
        // SQLite: analysis_limit is per connection and may have been set by an older build on a pooled one.
        await db.Database.ExecuteSqlRawAsync(db.Database.IsSqlite() ? "PRAGMA analysis_limit=0; " + analyze : analyze, ct);
    }
}
