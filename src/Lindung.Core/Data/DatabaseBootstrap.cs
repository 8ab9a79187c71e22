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
        }

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
