using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lindung.Core.Data;

/// <summary>
/// A bulk load into a SQLite table much smaller than the load itself: the table's secondary indexes are dropped inside
/// the caller's transaction and created again, from their own stored definitions, before it commits. SQLite's DDL is
/// transactional, so a failure or rollback leaves the indexes exactly as they were; readers keep their snapshot (WAL)
/// and never see the table without them; a unique index that no longer holds fails the rebuild, and with it the load.
/// The caller holds the write lock (SQLite has one writer). PostgreSQL: never (COPY is fast enough; DDL locks).
/// </summary>
public sealed class DeferredIndexes
{
    private readonly List<string> definitions;

    private DeferredIndexes(List<string> definitions) => this.definitions = definitions;

    /// <summary>Drops <paramref name="table"/>'s secondary indexes when <paramref name="incomingRows"/> reaches
    /// <paramref name="minimumRows"/> and is at least the table's current row count; null when it does not.</summary>
    public static async Task<DeferredIndexes?> DropIfWorthItAsync(LindungDbContext db, string table, long incomingRows, long minimumRows,
        CancellationToken ct)
    {
        if (!db.Database.IsSqlite() || incomingRows < minimumRows || db.Database.CurrentTransaction is null)
        {
            return null;
        }

        var conn = db.Database.GetDbConnection();
        var tx = db.Database.CurrentTransaction.GetDbTransaction();
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"SELECT count(*) FROM \"{table}\"";
        var existing = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        if (incomingRows < existing)
        {
            return null;
        }

        // sql IS NULL: the primary key's and UNIQUE constraints' own indexes, which cannot be dropped.
        cmd.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = $t AND sql IS NOT NULL ORDER BY name";
        var p = cmd.CreateParameter();
        p.ParameterName = "$t";
        p.Value = table;
        cmd.Parameters.Add(p);
        var indexes = new List<(string Name, string Sql)>();
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        cmd.Parameters.Clear();
        foreach (var (name, _) in indexes)
        {
            cmd.CommandText = $"DROP INDEX \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            await cmd.ExecuteNonQueryAsync(ct);
        }

        return new DeferredIndexes(indexes.Select(i => i.Sql).ToList());
    }

    /// <summary>
    /// Creates the dropped indexes again, in the same transaction. Each <c>CREATE INDEX</c> sorts the table's keys; SQLite's
    /// sorter sorts runs of at most the page cache's size and merges them, and only with temporary files can it sort those
    /// runs on helper threads: with a small cache, <c>temp_store</c> on file and two threads, building one million-entry
    /// index took 1.4–1.7 s instead of 3.4 s with a 64 MB cache in memory (docs/performance.md, "Stop 15"). The
    /// connection's cache size and thread count are put back afterwards (it returns to the pool).
    /// </summary>
    public async Task RestoreAsync(LindungDbContext db, CancellationToken ct)
    {
        var conn = db.Database.GetDbConnection();
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        cmd.CommandText = "PRAGMA cache_size";
        var cacheSize = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        cmd.CommandText = $"PRAGMA cache_size = {SortCacheKib.ToString(System.Globalization.CultureInfo.InvariantCulture)}; PRAGMA threads = {SortThreads.ToString(System.Globalization.CultureInfo.InvariantCulture)};";
        await cmd.ExecuteNonQueryAsync(ct);
        try
        {
            foreach (var sql in definitions)
            {
                cmd.CommandText = sql;
                await cmd.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            cmd.CommandText = $"PRAGMA cache_size = {cacheSize.ToString(System.Globalization.CultureInfo.InvariantCulture)}; PRAGMA threads = 0;";
            await cmd.ExecuteNonQueryAsync(CancellationToken.None);
        }

        definitions.Clear();
    }

    /// <summary>The page cache while indexes are built (negative: KiB), which is also the size of the sorter's runs.</summary>
    internal const int SortCacheKib = -4096;

    /// <summary>Helper threads SQLite's sorter may use (two cores).</summary>
    internal const int SortThreads = 2;
}
