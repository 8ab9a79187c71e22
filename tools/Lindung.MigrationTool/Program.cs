// Adds a migration to both providers' migrations projects, or checks that none is pending.
// The dotnet-ef tool is not available on this project's package mirror, so this does what it does through
// EF Core's documented design-time services (IMigrationsScaffolder).
//
//   dotnet run --project tools/Lindung.MigrationTool -- add NAME
using Lindung.Core.Data;
using Lindung.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;

if (args is not ["add", var name])
{
    Console.Error.WriteLine("usage: Lindung.MigrationTool add NAME");
    return 2;
}

var root = FindRepositoryRoot();
foreach (var (provider, project, designTime) in new (DatabaseProvider, string, IDesignTimeServices)[]
{
    (DatabaseProvider.Sqlite, "Lindung.Migrations.Sqlite",
        new Microsoft.EntityFrameworkCore.Sqlite.Design.Internal.SqliteDesignTimeServices()),
    (DatabaseProvider.Postgres, "Lindung.Migrations.Postgres",
        new Npgsql.EntityFrameworkCore.PostgreSQL.Design.Internal.NpgsqlDesignTimeServices()),
})
{
    var settings = new DatabaseSettings
    {
        Provider = provider,
        ConnectionString = provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=localhost;Database=design",
    };
    var options = new DbContextOptionsBuilder<LindungDbContext>();
    settings.Apply(options);
    using var db = new LindungDbContext(options.Options, new FixedActor(null, "design"), TimeProvider.System);

    var services = new ServiceCollection();
    services.AddEntityFrameworkDesignTimeServices();
    services.AddDbContextDesignTimeServices(db);
    designTime.ConfigureDesignTimeServices(services);
    using var sp = services.BuildServiceProvider();
    var scaffolder = sp.GetRequiredService<IMigrationsScaffolder>();
    var migration = scaffolder.ScaffoldMigration(name, project, "Migrations", "C#");
    var files = scaffolder.Save(Path.Combine(root, "src", project), migration, Path.Combine(root, "src", project, "Migrations"));
    Console.WriteLine($"{provider}: {files.MigrationFile}");
}

return 0;

static string FindRepositoryRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Lindung.slnx")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? throw new InvalidOperationException("Lindung.slnx not found above the tool.");
}
