using Lindung.Core.Data;
using Lindung.Core.Identity;
using Lindung.Core.MasterData;
using Lindung.Core.Registry.Protection;
using Lindung.Core.Tenancy;
using Lindung.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lindung.Web.Setup;

public static class DataSetup
{
    public static void AddLindungData(this WebApplicationBuilder builder)
    {
        var settings = ReadSettings(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<HttpActor>();
        builder.Services.AddScoped(sp => new SwitchableActor(sp.GetRequiredService<HttpActor>()));
        builder.Services.AddScoped<ICurrentActor>(sp => sp.GetRequiredService<SwitchableActor>());
        builder.Services.AddDbContext<LindungDbContext>(settings.Apply);
        builder.Services.AddScoped<UserAdministration>();
        builder.Services.AddSingleton<UploadStore>();
        builder.Services.AddSingleton<Lindung.Core.Projects.CertificateStore>();
        builder.Services.AddSingleton<Lindung.Core.Agreements.AgreementDocuments>();
        builder.Services.AddSingleton(Lindung.Core.Import.Spreadsheets.SpreadsheetLimits.FromConfiguration(builder.Configuration));
        builder.Services.AddSingleton(NikProtector.FromSettings(builder.Configuration["Lindung:NikKey"], settings.FullDataDirectory));
        builder.Services.AddOptions<LindungOptions>().Bind(builder.Configuration.GetSection("Lindung"))
            .Validate(o => o.SignInAttemptsPerMinute > 0, "Lindung:SignInAttemptsPerMinute must be positive")
            .ValidateOnStart();
        builder.Services.AddDataProtection()
            .SetApplicationName("Lindung")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(settings.FullDataDirectory, "keys")));
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.Services.AddSingleton<SnapshotWorker>();
        builder.Services.AddSingleton<RetentionWorker>();
        builder.Services.AddSingleton<Lindung.Core.Coverage.CoverageSnapshotCache>();
        if (!builder.Environment.IsEnvironment("Testing"))
        {
            // Tests call SnapshotWorker.TakeMissingAsync / RetentionWorker.RunAllAsync themselves, at a known moment.
            builder.Services.AddHostedService(sp => sp.GetRequiredService<SnapshotWorker>());
            builder.Services.AddHostedService(sp => sp.GetRequiredService<RetentionWorker>());
        }
    }

    public static DatabaseSettings ReadSettings(IConfiguration configuration) => new()
    {
        Provider = DatabaseSettings.ParseProvider(configuration["Lindung:Provider"]),
        DataDirectory = configuration["Lindung:DataDirectory"] is { Length: > 0 } dir ? dir : "data",
        ConnectionString = configuration.GetConnectionString("Lindung"),
    };

    /// <summary>
    /// Migrates the embedded database, makes sure the roles exist and, in Development only, seeds the demo
    /// installation and prints where to sign in.
    /// </summary>
    public static async Task PrepareLindungDatabaseAsync(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        var options = app.Services.GetRequiredService<IOptions<LindungOptions>>().Value;
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Lindung.Startup");
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var demo = app.Environment.IsDevelopment();
        sp.GetRequiredService<SwitchableActor>().Override = new FixedActor(demo ? options.Tenant : null, "startup");
        var db = sp.GetRequiredService<LindungDbContext>();
        await DatabaseBootstrap.PrepareAsync(db, settings);
        var admin = sp.GetRequiredService<UserAdministration>();
        await admin.EnsureRolesAsync();

        if (demo)
        {
            await DemoMode.SeedAsync(app, db, admin, options.Tenant, settings, log);
        }
        else if (!await db.Users.AnyAsync())
        {
            log.LogWarning(
                "Belum ada pengguna. Buat administrator pertama dengan: lindung seed && lindung user add --username admin --role Administrator --name \"Nama Anda\"");
        }
    }
}

internal static class DemoMode
{
    public static async Task SeedAsync(WebApplication app, LindungDbContext db, UserAdministration admin, string tenant,
        DatabaseSettings settings, ILogger log)
    {
        var seeded = await MasterDataSeeder.SeedAsync(db, tenant);
        if (seeded.ChangedAnything)
        {
            log.LogInformation("Data induk dimuat: {Regions} wilayah, {Agencies} OPD, {Categories} kategori",
                seeded.Regions, seeded.AgenciesAdded, seeded.CategoriesAdded);
        }

        var accounts = await DemoAccounts.EnsureAsync(db, admin, tenant, settings.FullDataDirectory);
        var registry = await Lindung.Core.Demo.DemoSeeder.SeedAsync(db, app.Services.GetRequiredService<NikProtector>(),
            new Lindung.Core.Demo.DemoOptions());
        if (!registry.AlreadyPresent)
        {
            log.LogInformation("Registri demo dimuat: {People} pekerja fiktif", registry.People);
        }

        var today = DateOnly.FromDateTime(db.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        var history = await Lindung.Core.Demo.DemoBpjsHistory.SeedAsync(db, today);
        if (!history.AlreadyPresent)
        {
            log.LogInformation("Riwayat daftar peserta BPJS demo dimuat: {Months} bulan, {Rows} baris", history.Months, history.Rows);
        }
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Urls.Count > 0 ? string.Join(", ", app.Urls) : "http://localhost:5080";
            var lines = new System.Text.StringBuilder();
            lines.AppendLine();
            lines.AppendLine("==============================================================");
            lines.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $" Lindung (mode demo) berjalan di {addresses}");
            lines.AppendLine(" Masuk dengan salah satu akun demo (nama pengguna / kata sandi):");
            foreach (var a in accounts)
            {
                lines.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"   {a.Role,-14} {a.UserName,-14} {a.Password}");
            }

            lines.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $" (tersimpan juga di {Path.Combine(settings.FullDataDirectory, DemoAccounts.FileName)})");
            if (!(app.Services.GetRequiredService<IOptions<LindungOptions>>().Value.RequireSecondFactor ?? false))
            {
                lines.AppendLine(" Mode demo: verifikasi dua langkah (TOTP) tidak diwajibkan untuk Administrator, Koordinator dan");
                lines.AppendLine(" Auditor; dapat diaktifkan di Keamanan akun. Lindung:RequireSecondFactor=true mewajibkannya.");
            }
            lines.AppendLine("==============================================================");
            Console.WriteLine(lines.ToString());
        });
    }
}
