using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where the data lives. Bound from the <c>Lindung</c> configuration section by the web app and the CLI alike:
/// <c>Lindung:Provider</c> (sqlite|postgres), <c>Lindung:DataDirectory</c> (default <c>data</c> under the
/// current directory) and <c>ConnectionStrings:Lindung</c> (default: <c>lindung.db</c> in the data directory).
/// </summary>
public sealed class DatabaseSettings
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string DataDirectory { get; set; } = "data";
    public string? ConnectionString { get; set; }

    public string FullDataDirectory => Path.GetFullPath(DataDirectory);

    public string EffectiveConnectionString => ConnectionString is { Length: > 0 } cs
        ? cs
        : Provider == DatabaseProvider.Sqlite
            ? new SqliteConnectionStringBuilder { DataSource = Path.Combine(FullDataDirectory, "lindung.db") }.ToString()
            : throw new InvalidOperationException(
                "PostgreSQL dipilih tetapi ConnectionStrings:Lindung kosong. / PostgreSQL selected without a connection string.");

    public static DatabaseProvider ParseProvider(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        _ => throw new ArgumentException($"Provider tidak dikenal: {text} (sqlite|postgres)"),
    };

    public void Apply(DbContextOptionsBuilder options)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            options.UseSqlite(EffectiveConnectionString, o => o.MigrationsAssembly("Lindung.Migrations.Sqlite"));
        }
        else
        {
            options.UseNpgsql(EffectiveConnectionString, o => o.MigrationsAssembly("Lindung.Migrations.Postgres"));
        }
    }
}
