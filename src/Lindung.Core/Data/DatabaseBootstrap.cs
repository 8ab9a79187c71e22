using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Data;

public static class DatabaseBootstrap
{
    /// <summary>
    /// The embedded SQLite database is created and migrated automatically; PostgreSQL only by
    /// <c>lindung db migrate</c>, so a start against an unmigrated server says so instead of changing it.
    /// </summary>
    public static async Task PrepareAsync(LindungDbContext db, DatabaseSettings settings, CancellationToken ct = default)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            await MigrateAsync(db, settings, ct);
            return;
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            throw new InvalidOperationException(
                $"Basis data PostgreSQL belum dimigrasi ({pending.Count} migrasi tertunda). Jalankan: lindung db migrate");
        }
    }

    public static async Task<IReadOnlyList<string>> MigrateAsync(LindungDbContext db, DatabaseSettings settings, CancellationToken ct = default)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(settings.EffectiveConnectionString).DataSource;
            var dir = Path.GetDirectoryName(Path.GetFullPath(file));
            if (dir is not null)
            {
                Directory.CreateDirectory(dir);
            }

            // The page size of a new SQLite database: 8 KB instead of SQLite's 4 KB. A million-worker import writes its 15
            // B-trees with ≈ 20% less CPU in the writer (fewer pages to balance and to look up in the WAL): 32–37 s instead
            // of 40–42 s, measured alternately (docs/performance.md, "Stop 17"). It only applies when the file is created
            // (the connection stays open so the migrations create it): an existing database keeps its page size, which in
            // WAL mode SQLite cannot change; docs/performance.md says how to convert one.
            var opened = db.Database.GetDbConnection().State != System.Data.ConnectionState.Open;
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA page_size = 8192;", ct);
                return await MigrateOpenAsync(db, settings, ct);
            }
            finally
            {
                if (opened)
                {
                    await db.Database.CloseConnectionAsync();
                }
            }
        }

        return await MigrateOpenAsync(db, settings, ct);
    }

    private static async Task<IReadOnlyList<string>> MigrateOpenAsync(LindungDbContext db, DatabaseSettings settings, CancellationToken ct)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets the web app read while the CLI imports; it is a persistent property of the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            if (pending.Count > 0 && await HasPlannerStatisticsAsync(db, ct))
            {
                // A migration may add an index the statistics do not know yet; SQLite then guesses it selective and
                // the registry list at a million rows went from 0.1 s to 1.4 s (docs/performance.md).
                await QueryPlannerStatistics.RefreshAsync(db, ct);
            }
        }

        return pending;
    }

    private static async Task<bool> HasPlannerStatisticsAsync(LindungDbContext db, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM sqlite_master WHERE name = 'sqlite_stat1'").SingleAsync(ct) > 0;
}
