using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Data;

/// <summary>
/// SQLite plans queries from <c>sqlite_stat1</c>; without it, it assumes an equality on any indexed column matches
/// about ten rows, so <c>TenantCode = @t</c> looks as selective as a primary key and a lookup of 2,000 ids by
/// <c>Id IN (…)</c> becomes a scan of the tenant's million people. After a bulk write the statistics are refreshed
/// from a sample (<c>analysis_limit</c>: well under a second at a million rows). PostgreSQL: a sampled ANALYZE too,
/// rather than waiting for autovacuum.
/// </summary>
public static class QueryPlannerStatistics
{
    public static async Task RefreshAsync(LindungDbContext db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=400; ANALYZE;", ct);
        }
        else
        {
            // Autovacuum analyses eventually, but a query right after a bulk write may be planned on no statistics at
            // all: the coverage drill-down once ran into a 30-second timeout that way (a nested loop over the BPJS
            // list). ANALYZE samples (30,000 rows a table), so it stays in seconds at a million rows.
            await db.Database.ExecuteSqlRawAsync("ANALYZE;", ct);
        }
    }
}
