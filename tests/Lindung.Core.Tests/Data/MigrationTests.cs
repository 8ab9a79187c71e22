using System.Security.Cryptography;
using System.Text;
using Lindung.Core.Data;
using Lindung.Core.Import;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Core.MasterData;
using Lindung.Core.Registry.Protection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

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

    [Fact]
    public async Task Migrate_NewSqliteFile_IsCreatedWith8KbPages()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        await using var ctx = db.Context(null);

        await DatabaseBootstrap.MigrateAsync(ctx, db.Settings);

        Assert.Equal(8192, await PageSizeAsync(ctx));
        Assert.Equal("wal", await ctx.Database.SqlQueryRaw<string>("SELECT journal_mode AS \"Value\" FROM pragma_journal_mode").SingleAsync());
    }

    [Fact]
    public async Task Migrate_ExistingSqliteFileWith4KbPages_KeepsItsPagesAndItsData()
    {
        // An installation made before 8 KB pages: migrating must neither fail nor touch the file's layout.
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        await using (var old = db.Context(null))
        {
            await old.Database.OpenConnectionAsync();
            await old.Database.ExecuteSqlRawAsync("PRAGMA page_size = 4096; PRAGMA journal_mode = WAL;");
            await old.GetService<IMigrator>().MigrateAsync("PrivacyRequestsRetention");
        }

        await using (var seed = db.Context("16.09"))
        {
            await MasterDataSeeder.SeedAsync(seed, "16.09");
        }

        await using var ctx = db.Context(null);
        var applied = await DatabaseBootstrap.MigrateAsync(ctx, db.Settings);

        Assert.NotEmpty(applied);
        Assert.Equal(4096, await PageSizeAsync(ctx));
        Assert.Equal(1, await ctx.Database.SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM Agencies WHERE Code = 'DLH'").SingleAsync());
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

    [Fact]
    public async Task Migrate_SqliteWithStatistics_RefreshesThemSoANewIndexIsKnown()
    {
        // An installation with data (and planner statistics) one migration behind: the index the last migration adds
        // must get statistics at once, or SQLite guesses it selective and plans the registry list badly.
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        await using (var old = db.Context(null))
        {
            await old.GetService<IMigrator>().MigrateAsync("PrivacyRequestsRetention");
        }

        await using (var ctx = db.Context("16.09"))
        {
            await SeedTwoWorkersAsync(ctx);
        }

        await using var check = db.Context(null);
        Assert.Equal(0, await IndexStatisticsAsync(check, "IX_Engagements_TenantCode_CreatedAt"));

        var applied = await DatabaseBootstrap.MigrateAsync(check, db.Settings);

        Assert.Contains(applied, m => m.EndsWith("_EngagementCreatedAtIndex", StringComparison.Ordinal));
        Assert.Equal(1, await IndexStatisticsAsync(check, "IX_Engagements_TenantCode_CreatedAt"));
    }

    [Fact]
    public async Task Migrate_SqliteWithTextIds_StoresEachIdAsItsBigEndianBytes_AndTheRegistryReadsTheSame()
    {
        // A registry of before GuidsAsBlobs: written by today's code, then taken down to PartialKpjIndex — whose Down turns
        // every id into the upper-case text earlier versions wrote. Migrating up again must give each row its id back as
        // 16 big-endian bytes, keep every foreign key pointing at its parent, and read the same entities.
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Guid personId, engagementId, agencyId;
        string name;
        await using (var ctx = db.Context("16.09"))
        {
            var agency = await SeedTwoWorkersAsync(ctx);
            var engagement = await ctx.Engagements.Include(e => e.Person).OrderBy(e => e.Id).FirstAsync();
            (personId, engagementId, agencyId, name) = (engagement.PersonId, engagement.Id, agency.Id, engagement.Person!.FullName);
        }

        await using (var down = db.Context(null))
        {
            await down.GetService<IMigrator>().MigrateAsync("PartialKpjIndex");
            Assert.Equal(personId.ToString("D").ToUpperInvariant(), await down.Database.SqlQuery<string>(
                $"SELECT \"PersonId\" AS \"Value\" FROM \"Engagements\" WHERE \"Id\" = {engagementId.ToString("D").ToUpperInvariant()}").SingleAsync());
            Assert.Equal(0, await down.Database.SqlQueryRaw<int>(
                "SELECT count(*) AS \"Value\" FROM \"People\" WHERE typeof(\"Id\") <> 'text'").SingleAsync());
        }

        await using var up = db.Context(null);
        var applied = await DatabaseBootstrap.MigrateAsync(up, db.Settings);

        Assert.Contains(applied, m => m.EndsWith("_GuidsAsBlobs", StringComparison.Ordinal));
        var stored = await up.Database.SqlQueryRaw<byte[]>(
            "SELECT \"PersonId\" AS \"Value\" FROM \"Engagements\" ORDER BY \"Id\" LIMIT 1").SingleAsync();
        Assert.Equal(personId.ToByteArray(bigEndian: true), stored);
        Assert.Equal(0, await up.Database.SqlQueryRaw<int>(
            "SELECT count(*) AS \"Value\" FROM \"Engagements\" WHERE typeof(\"Id\") <> 'blob' OR length(\"Id\") <> 16 OR typeof(\"AgencyId\") <> 'blob'").SingleAsync());
        Assert.Empty(await up.Database.SqlQueryRaw<string>("SELECT \"table\" AS \"Value\" FROM pragma_foreign_key_check").ToListAsync());
        await using var read = db.Context("16.09");
        var again = await read.Engagements.Include(e => e.Person).SingleAsync(e => e.Id == engagementId);
        Assert.Equal(personId, again.PersonId);
        Assert.Equal(agencyId, again.AgencyId);
        Assert.Equal(name, again.Person!.FullName);
        Assert.Equal(2, await read.People.CountAsync());
    }

    /// <summary>Master data of OKU Selatan and two workers imported into DLH; returns DLH.</summary>
    private static async Task<Agency> SeedTwoWorkersAsync(LindungDbContext ctx)
    {
        await MasterDataSeeder.SeedAsync(ctx, "16.09");
        var agency = await ctx.Agencies.SingleAsync(a => a.Code == "DLH");
        var category = await ctx.WorkerCategories.SingleAsync(c => c.Code == "NONASN");
        await new WorkerImporter(ctx, new NikProtector(RandomNumberGenerator.GetBytes(64)), SpreadsheetLimits.Default).RunAsync(
            new MemoryStream(Encoding.UTF8.GetBytes("NIK;Nama\n1609014708850001;Siti Nurhayati\n1609011208850002;Ahmad Fauzi\n")),
            new WorkerImportRequest(agency.Id, category.Id, "2025-04", false, "pekerja.csv"));
        return agency;
    }

    private static Task<int> PageSizeAsync(LindungDbContext ctx) =>
        ctx.Database.SqlQueryRaw<int>("SELECT page_size AS \"Value\" FROM pragma_page_size").SingleAsync();

    private static Task<int> IndexStatisticsAsync(LindungDbContext ctx, string index) =>
        ctx.Database.SqlQuery<int>($"SELECT count(*) AS \"Value\" FROM sqlite_stat1 WHERE idx = {index}").SingleAsync();
}
