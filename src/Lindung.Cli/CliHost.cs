using System.CommandLine;
using Lindung.Core.Data;
using Lindung.Core.Identity;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Core.Registry.Protection;
using Lindung.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lindung.Cli;

/// <summary>
/// The services a command needs, configured like the web app: <c>appsettings.json</c> in the current
/// directory and <c>Lindung__…</c> / <c>ConnectionStrings__Lindung</c> environment variables, then the
/// command-line options on top.
/// </summary>
public sealed class CliHost : IAsyncDisposable
{
    private readonly ServiceProvider root;
    private readonly AsyncServiceScope scope;
    private readonly string? configuredNikKey;

    private CliHost(DatabaseSettings settings, string? configuredTenant, IConfiguration config)
    {
        Settings = settings;
        ConfiguredTenant = configuredTenant;
        configuredNikKey = config["Lindung:NikKey"];
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped(_ => new SwitchableActor(new FixedActor(null, CliUser)));
        services.AddScoped<ICurrentActor>(sp => sp.GetRequiredService<SwitchableActor>());
        services.AddDbContext<LindungDbContext>(settings.Apply);
        services.AddLindungIdentityCore();
        services.AddScoped<UserAdministration>();
        services.AddSingleton(_ => NikProtector.FromSettings(config["Lindung:NikKey"], settings.FullDataDirectory));
        services.AddSingleton(SpreadsheetLimits.FromConfiguration(config));
        root = services.BuildServiceProvider();
        scope = root.CreateAsyncScope();
    }

    public static string CliUser => "cli:" + Environment.UserName;

    public DatabaseSettings Settings { get; }

    public string? ConfiguredTenant { get; }

    /// <summary><c>Lindung:NikKey</c> when configured (production); null when the key lives in <c>data/nik.key</c>.</summary>
    public byte[]? ConfiguredNikKey => configuredNikKey is { Length: > 0 } key ? Convert.FromBase64String(key) : null;

    public IServiceProvider Services => scope.ServiceProvider;

    public LindungDbContext Db => Services.GetRequiredService<LindungDbContext>();

    /// <summary>File limits of the imports, as the web app's (<c>Lindung:Import:MaxFileBytes</c>).</summary>
    public SpreadsheetLimits Limits => Services.GetRequiredService<SpreadsheetLimits>();

    /// <summary>Acts for a tenant from now on (filters, stamps and audit of everything in this scope).</summary>
    public void ActFor(string? tenant) =>
        Services.GetRequiredService<SwitchableActor>().Override = new FixedActor(tenant, CliUser);

    public static CliHost Create(ParseResult parse)
    {
        var config = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var global = GlobalOptions.Of(parse);
        var settings = new DatabaseSettings
        {
            Provider = DatabaseSettings.ParseProvider(parse.GetValue(global.Provider) ?? config["Lindung:Provider"]),
            DataDirectory = parse.GetValue(global.DataDir) ?? config["Lindung:DataDirectory"] ?? "data",
            ConnectionString = config.GetConnectionString("Lindung"),
        };

        if (parse.GetValue(global.Db) is { Length: > 0 } db)
        {
            var looksPostgres = db.Contains("Host=", StringComparison.OrdinalIgnoreCase);
            if (parse.GetValue(global.Provider) is null)
            {
                settings.Provider = looksPostgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
            }

            settings.ConnectionString = settings.Provider == DatabaseProvider.Sqlite && !db.Contains('=', StringComparison.Ordinal)
                ? "Data Source=" + Path.GetFullPath(db)
                : db;
        }

        return Create(settings, config);
    }

    /// <summary>A host on these settings and this configuration (the tests give their own).</summary>
    internal static CliHost Create(DatabaseSettings settings, IConfiguration config) => new(settings, config["Lindung:Tenant"], config);

    /// <summary>Creates and migrates the embedded database; PostgreSQL must already be migrated.</summary>
    public async Task PrepareAsync(CancellationToken ct)
    {
        ActFor(null);
        await DatabaseBootstrap.PrepareAsync(Db, Settings, ct);
    }

    /// <summary>
    /// The tenant a command acts for: <c>--tenant</c>, else the configured one if it exists, else the only
    /// one. Null with <paramref name="error"/> set when none can be chosen.
    /// </summary>
    public async Task<(string? Tenant, CliMessage? Error)> ResolveTenantAsync(ParseResult parse, CancellationToken ct)
    {
        var global = GlobalOptions.Of(parse);
        var codes = await Db.Tenants.AsNoTracking().Select(t => t.Code).OrderBy(c => c).ToListAsync(ct);
        if (parse.GetValue(global.Tenant) is { Length: > 0 } asked)
        {
            return codes.Contains(asked)
                ? (asked, null)
                : (null, CliText.TenantMissing(asked));
        }

        if (ConfiguredTenant is { Length: > 0 } configured && codes.Contains(configured))
        {
            return (configured, null);
        }

        return codes.Count switch
        {
            1 => (codes[0], null),
            0 => (null, CliText.TenantNone),
            _ => (null, CliText.TenantSeveral(string.Join(", ", codes))),
        };
    }

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        await root.DisposeAsync();
    }
}
