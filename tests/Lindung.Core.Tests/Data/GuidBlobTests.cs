using Lindung.Core.Data;
using Lindung.Core.MasterData;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Tests.Data;

public class GuidBlobTests
{
    [Fact]
    public void Bytes_AreTheTextFormsHexDigits_InOrder()
    {
        var id = new Guid("01a24522-e472-7dfd-b542-85454cc679a3");

        Assert.Equal(Convert.FromHexString("01a24522e4727dfdb54285454cc679a3"), GuidBlob.ToBytes(id));
        Assert.Equal(id, GuidBlob.FromBytes(GuidBlob.ToBytes(id)));
    }

    [Fact]
    public void VersionSevenIds_SortAsBytesInTheOrderTheyWereMade()
    {
        // SQLite compares blobs with memcmp: the registry's newest-first and rowid-like orders depend on it.
        var time = new DateTimeOffset(2026, 12, 6, 2, 0, 0, TimeSpan.Zero);
        var ids = Enumerable.Range(0, 200).Select(i => Guid.CreateVersion7(time.AddMilliseconds(i * 37))).ToList();

        var byBytes = ids.OrderBy(g => Convert.ToHexString(GuidBlob.ToBytes(g)), StringComparer.Ordinal).ToList();

        Assert.Equal(ids, byBytes);
        Assert.Equal(ids.Select(g => g.ToString("D").ToUpperInvariant()).Order(StringComparer.Ordinal),
            byBytes.Select(g => g.ToString("D").ToUpperInvariant()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryGuidProperty_IsA16ByteBlobOnSqlite_AndAUuidOnPostgres(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var ctx = db.Context("16.09");

        var guids = ctx.Model.GetEntityTypes().SelectMany(e => e.GetProperties())
            .Where(p => (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType) == typeof(Guid)).ToList();

        Assert.True(guids.Count > 50, $"{guids.Count} GUID properties");
        Assert.All(guids, p => Assert.Equal(provider == DatabaseProvider.Sqlite ? "BLOB" : "uuid", p.GetColumnType()));

        await MasterDataSeeder.SeedAsync(ctx, "16.09");
        var agency = await ctx.Agencies.AsNoTracking().SingleAsync(a => a.Code == "DLH");
        Assert.Equal(agency.Id, (await ctx.Agencies.AsNoTracking().SingleAsync(a => a.Id == agency.Id)).Id);
        if (provider == DatabaseProvider.Sqlite)
        {
            Assert.Equal(GuidBlob.ToBytes(agency.Id), await ctx.Database.SqlQueryRaw<byte[]>(
                "SELECT \"Id\" AS \"Value\" FROM \"Agencies\" WHERE \"Code\" = 'DLH'").SingleAsync());
        }
    }

    [Fact]
    public async Task Read_TakesABlobBigEndian_AndStillReadsText()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        await using var conn = new SqliteConnection(db.Settings.ConnectionString);
        await conn.OpenAsync();
        var id = Guid.CreateVersion7();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT $blob, $text";
        cmd.Parameters.AddWithValue("$blob", GuidBlob.ToBytes(id));
        cmd.Parameters.AddWithValue("$text", id.ToString("D").ToUpperInvariant());
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());

        Assert.Equal(id, GuidBlob.Read(reader, 0));
        Assert.Equal(id, GuidBlob.Read(reader, 1));
        // What the plain reader's own GetGuid makes of the same blob: the reason GuidBlob.Read exists.
        Assert.NotEqual(id, reader.GetGuid(0));
    }
}
