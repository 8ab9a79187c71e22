using Lindung.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Tests.Data;

public class MigrationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_EmptyDatabase_AppliesEveryMigration(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, migrate: false);
        await using var ctx = db.Context(null);

        var applied = await DatabaseBootstrap.MigrateAsync(ctx, db.Settings);

        Assert.NotEmpty(applied);
        Assert.Empty(await ctx.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await ctx.Tenants.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public void Model_EachProvider_HasNoChangesMissingFromItsMigrations(DatabaseProvider provider)
    {
        // No server needed: compares the model with the provider's migrations snapshot.
        var settings = new DatabaseSettings
        {
            Provider = provider,
            ConnectionString = provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=localhost;Database=none",
        };
        var options = new DbContextOptionsBuilder<LindungDbContext>();
        settings.Apply(options);
        using var ctx = new LindungDbContext(options.Options, new Tenancy.FixedActor(null, "test"), TimeProvider.System);

        Assert.False(ctx.Database.HasPendingModelChanges(),
            $"The model has changes without a {provider} migration: run tools/add-migration.sh NAME");
    }
}
