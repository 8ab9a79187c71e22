using Lindung.Core.Data;
using Lindung.Core.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lindung.Core.Tests.Data;

/// <summary>
/// A fresh, migrated database per test on a real engine: a temporary SQLite file, or a new database on the
/// PostgreSQL server named by <c>LINDUNG_TEST_PG</c> (the test script starts one). Never EF InMemory.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "LINDUNG_TEST_PG";

    private readonly string? sqliteDir;
    private readonly string? pgDatabase;
    private readonly string? pgAdmin;

    private TestDatabase(DatabaseSettings settings, string? sqliteDir, string? pgDatabase, string? pgAdmin)
    {
        Settings = settings;
        this.sqliteDir = sqliteDir;
        this.pgDatabase = pgDatabase;
        this.pgAdmin = pgAdmin;
    }

    public DatabaseSettings Settings { get; }

    public DatabaseProvider Provider => Settings.Provider;

    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    public static string PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs
        ? cs
        : throw new InvalidOperationException(
            $"{PostgresVariable} is not set: run ./test.sh, which starts a throwaway PostgreSQL server, or set it yourself.");

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrate = true)
    {
        TestDatabase db;
        if (provider == DatabaseProvider.Sqlite)
        {
            var dir = Path.Combine(Path.GetTempPath(), "lindung-test-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            var settings = new DatabaseSettings
            {
                Provider = provider,
                DataDirectory = dir,
                ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dir, "lindung.db"), Pooling = false }.ToString(),
            };
            db = new TestDatabase(settings, dir, null, null);
        }
        else
        {
            var admin = PostgresServer;
            var name = "lindung_t_" + Guid.NewGuid().ToString("N");
            await using (var conn = new NpgsqlConnection(admin))
            {
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
                await cmd.ExecuteNonQueryAsync();
            }

            var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false };
            var dir = Path.Combine(Path.GetTempPath(), "lindung-test-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            db = new TestDatabase(new DatabaseSettings { Provider = provider, DataDirectory = dir, ConnectionString = builder.ToString() },
                dir, name, admin);
        }

        if (migrate)
        {
            await using var ctx = db.Context(null);
            await DatabaseBootstrap.MigrateAsync(ctx, db.Settings);
        }

        return db;
    }

    public LindungDbContext Context(string? tenant, string user = "test", TimeProvider? time = null)
    {
        var options = new DbContextOptionsBuilder<LindungDbContext>();
        Settings.Apply(options);
        return new LindungDbContext(options.Options, new FixedActor(tenant, user), time ?? TimeProvider.System);
    }

    public async ValueTask DisposeAsync()
    {
        if (pgDatabase is not null)
        {
            await using var conn = new NpgsqlConnection(pgAdmin);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{pgDatabase}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        if (sqliteDir is not null && Directory.Exists(sqliteDir))
        {
            Directory.Delete(sqliteDir, recursive: true);
        }
    }
}
