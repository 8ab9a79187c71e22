using Lindung.Core.Bpjs;
using Lindung.Core.Data;
using Lindung.Core.MasterData;
using Lindung.Core.Registry;
using Lindung.Core.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Tests.Data;

/// <summary>
/// SQLite bulk inserts bind values on the connection's own handle (<c>SqliteNativeInsert</c>), not through
/// <c>SqliteCommand</c>: what they store must be exactly what Microsoft.Data.Sqlite and SaveChanges store.
/// </summary>
public class BulkInsertTests
{
    /// <summary>One value of every kind the native path binds, and the edge cases of each.</summary>
    public static TheoryData<object?> Values => new()
    {
        null,
        "",
        "Siti Nurhayati",
        "Ñoño Şükrü — 李 \U0001F600",
        "lone \uD800 surrogate",
        new string('x', 5_000),
        Array.Empty<byte>(),
        new byte[] { 0, 1, 2, 255 },
        new DateTime(2025, 4, 1, 8, 0, 0),
        new DateTime(2025, 4, 1, 8, 0, 0, DateTimeKind.Utc).AddTicks(1),
        new DateTime(2026, 12, 5, 7, 42, 4, DateTimeKind.Utc).AddTicks(3_885_642),
        new DateTime(2026, 12, 5, 7, 42, 4, 500, DateTimeKind.Local),
        DateTime.MinValue,
        DateTime.MaxValue,
        new DateTime(999, 1, 2, 3, 4, 5).AddTicks(1_200_000),
        new DateTime(2025, 4, 1, 23, 59, 59).AddTicks(1_000_000),
        new DateOnly(1985, 8, 7),
        DateOnly.MinValue,
        DateOnly.MaxValue,
        new DateOnly(999, 12, 31),
        long.MaxValue,
        -1L,
        int.MinValue,
        (short)-7,
        (byte)200,
        true,
        false,
        'L',
        'é',
        0.95,
        -0.0,
        double.MaxValue,
        1.1f,
    };

    [Theory]
    [MemberData(nameof(Values))]
    public async Task NativeBinding_StoresEachValueAsSqliteCommandDoes(object? value)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        await using var conn = new SqliteConnection(db.Settings.ConnectionString);
        await conn.OpenAsync();
        await using (var create = conn.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (k INTEGER, v)";
            await create.ExecuteNonQueryAsync();
        }

        await using (var command = conn.CreateCommand())
        {
            command.CommandText = "INSERT INTO t VALUES (1, $v)";
            command.Parameters.AddWithValue("$v", value ?? DBNull.Value);
            await command.ExecuteNonQueryAsync();
        }

        var kind = value is null ? SqliteNativeInsert.Kind.Text : SqliteNativeInsert.KindOf(value.GetType())!.Value;
        using (var native = SqliteNativeInsert.Prepare(conn, "INSERT INTO t VALUES (?1, ?2)", [SqliteNativeInsert.Kind.Int64, kind]))
        {
            native.Insert([2L, value]);
        }

        await using var read = conn.CreateCommand();
        read.CommandText = "SELECT k, typeof(v) || ':' || quote(v) FROM t ORDER BY k";
        var stored = new List<string>();
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                stored.Add(reader.GetString(1));
            }
        }

        Assert.Equal(2, stored.Count);
        Assert.Equal(stored[0], stored[1]);
    }

    [Fact]
    public void DateFormatting_EqualsTheCustomFormatStrings_OverManyValues()
    {
        // The native path writes dates digit by digit; Microsoft.Data.Sqlite formats them with these format strings.
        var random = new Random(20261205);
        Span<byte> bytes = stackalloc byte[64];
        for (var i = 0; i < 200_000; i++)
        {
            var ticks = i switch
            {
                0 => DateTime.MinValue.Ticks,
                1 => DateTime.MaxValue.Ticks,
                _ when i % 3 == 0 => random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond,
                _ when i % 3 == 1 => random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks) / 10_000 * 10_000,
                _ => random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks),
            };
            var value = new DateTime(ticks);

            var length = SqliteNativeInsert.FormatDateTime(value, bytes);
            Assert.Equal(value.ToString(SqliteNativeInsert.DateTimeFormat, System.Globalization.CultureInfo.InvariantCulture),
                System.Text.Encoding.ASCII.GetString(bytes[..length]));

            var date = DateOnly.FromDateTime(value);
            length = SqliteNativeInsert.FormatDate(date, bytes);
            Assert.Equal(date.ToString(SqliteNativeInsert.DateFormat, System.Globalization.CultureInfo.InvariantCulture),
                System.Text.Encoding.ASCII.GetString(bytes[..length]));
        }
    }

    [Fact]
    public async Task NativeBinding_RefusesNaN_AsSqliteCommandDoes()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        await using var conn = new SqliteConnection(db.Settings.ConnectionString);
        await conn.OpenAsync();
        await using (var create = conn.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (v REAL)";
            await create.ExecuteNonQueryAsync();
        }

        using var native = SqliteNativeInsert.Prepare(conn, "INSERT INTO t VALUES (?1)", [SqliteNativeInsert.Kind.Double]);
        Assert.Throws<InvalidOperationException>(() => native.Insert([double.NaN]));
    }

    /// <summary>A SQLite context for looking at the model only (no database is opened).</summary>
    private static LindungDbContext SqliteContext()
    {
        var settings = new DatabaseSettings { Provider = DatabaseProvider.Sqlite, DataDirectory = Path.GetTempPath() };
        var options = new DbContextOptionsBuilder<LindungDbContext>();
        settings.Apply(options);
        return new LindungDbContext(options.Options, new FixedActor("16.09", "test"), TimeProvider.System);
    }

    [Fact]
    public void TheImportsEntities_AreWrittenNatively()
    {
        // A column type the native path does not know sends the whole entity back to the slower command path; for the
        // entities a large import writes that would silently cost seconds per million rows.
        using var ctx = SqliteContext();

        Assert.True(BulkInsert.WritesNatively<Person>(ctx));
        Assert.True(BulkInsert.WritesNatively<Engagement>(ctx));
        Assert.True(BulkInsert.WritesNatively<BpjsStatus>(ctx));
    }

    [Fact]
    public void PropertyReads_AreCompiledOnce_NotPerBatch()
    {
        // The worker import inserts in batches of 5,000 rows; compiling every column's read per batch cost ≈ 10,000
        // compilations per million workers (docs/performance.md, stop 16).
        using var first = SqliteContext();
        using var second = SqliteContext();
        var nik = first.Model.FindEntityType(typeof(Person))!.FindProperty(nameof(Person.NikHash))!;

        Assert.Same(BulkInsert.GetterOf(nik), BulkInsert.GetterOf(nik));
        Assert.Same(BulkInsert.GetterOf(nik), BulkInsert.GetterOf(second.Model.FindEntityType(typeof(Person))!.FindProperty(nameof(Person.NikHash))!));
        Assert.Same(BulkInsert.BinderOf(nik), BulkInsert.BinderOf(second.Model.FindEntityType(typeof(Person))!.FindProperty(nameof(Person.NikHash))!));
    }

    [Fact]
    public async Task BulkInsert_StoresPeopleAndEngagementsExactlyAsSaveChanges()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Guid savedPerson, savedEngagement;
        await using (var ctx = db.Context("16.09"))
        {
            await MasterDataSeeder.SeedAsync(ctx, "16.09");
            var person = SqlitePlans.Person(1);
            person.FullName = "Ñoño Şükrü Nurhayati";
            person.FrontTitle = "Hj.";
            person.BackTitle = "";
            person.BirthPlace = "Muaradua";
            person.Address = "Dusun II, RT 03";
            person.DistrictCode = "16.09.01";
            person.VillageCode = "16.09.01.2001";
            person.Phone = "+6281234567890";
            person.NikRegionCode = "16.09.01";
            person.Engagements.Add(new Engagement
            {
                AgencyId = (await ctx.Agencies.FirstAsync(a => a.Code == "DLH")).Id,
                CategoryId = (await ctx.WorkerCategories.FirstAsync(c => c.Code == "GURU_NGAJI")).Id,
                Scheme = Scheme.BPU,
                Position = "Guru Ngaji",
                DeclaredIncome = 1_000_000,
                FundingSource = "APBD",
                Programs = "JKK;JKM",
                JkkRiskGroup = 2,
                StartDate = new DateOnly(2025, 4, 1),
                EndDate = new DateOnly(2025, 12, 31),
                EndReason = EndReason.ContractEnded,
                Verification = VerificationStatus.Verified,
                VerifiedBy = "koordinator",
                VerifiedAt = new DateTime(2025, 4, 2, 8, 0, 0, DateTimeKind.Utc),
                Registration = RegistrationStatus.SentToBpjs,
                SentToBpjsAt = new DateTime(2025, 4, 3, 9, 15, 30, DateTimeKind.Utc).AddTicks(1_234_567),
            });
            ctx.People.Add(person);
            await ctx.SaveChangesAsync();
            savedPerson = person.Id;
            savedEngagement = person.Engagements[0].Id;
        }

        Guid bulkPerson, bulkEngagement;
        await using (var ctx = db.Context("16.09"))
        {
            // The same rows as read back, under new keys, written by BulkInsert.
            var person = await ctx.People.AsNoTracking().SingleAsync(p => p.Id == savedPerson);
            var engagement = await ctx.Engagements.AsNoTracking().SingleAsync(e => e.Id == savedEngagement);
            person.Id = bulkPerson = Guid.CreateVersion7();
            person.NikHash = [.. person.NikHash.Reverse()];
            engagement.Id = bulkEngagement = Guid.CreateVersion7();
            engagement.PersonId = person.Id;
            await using var tx = await ctx.Database.BeginTransactionAsync();
            await BulkInsert.InsertAsync(ctx, [person]);
            await BulkInsert.InsertAsync(ctx, [engagement]);
            await tx.CommitAsync();
        }

        await using (var ctx = db.Context("16.09"))
        {
            var people = await StoredAsync(ctx, "People", savedPerson, bulkPerson, "Id", "NikHash");
            Assert.Equal(people.Saved, people.Bulk);
            Assert.Contains("text:'Ñoño Şükrü Nurhayati'", people.Bulk);
            Assert.Contains("text:''", people.Bulk);
            Assert.Contains("null:NULL", people.Bulk);

            var engagements = await StoredAsync(ctx, "Engagements", savedEngagement, bulkEngagement, "Id", "PersonId");
            Assert.Equal(engagements.Saved, engagements.Bulk);
            Assert.Contains("text:'2025-04-03 09:15:30.1234567'", engagements.Bulk);
            Assert.Contains("text:'2025-04-02 08:00:00'", engagements.Bulk);
            Assert.Contains("integer:1000000", engagements.Bulk);

            // The ids left out of the comparison above are bound too (from the stack, GuidBlob's bytes): found by EF.
            Assert.Equal(bulkPerson, (await ctx.Engagements.AsNoTracking().SingleAsync(e => e.Id == bulkEngagement)).PersonId);
            Assert.True(await ctx.People.AnyAsync(p => p.Id == bulkPerson));
        }
    }

    [Fact]
    public async Task BulkInsert_AUniqueKeyBrokenMidBatch_FailsAsSqliteDoesAndTheRollbackLeavesNothing()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var ctx = db.Context("16.09");
        var first = SqlitePlans.Person(1);
        var twin = SqlitePlans.Person(2);
        twin.NikHash = first.NikHash;

        await using (var tx = await ctx.Database.BeginTransactionAsync())
        {
            var failure = await Assert.ThrowsAsync<SqliteException>(() =>
                BulkInsert.InsertAsync(ctx, [first, SqlitePlans.Person(3), twin]));
            Assert.Equal(19, failure.SqliteErrorCode);
            Assert.Contains("UNIQUE constraint failed: People.TenantCode, People.NikHash", failure.Message, StringComparison.Ordinal);
            await tx.RollbackAsync();
        }

        Assert.Equal(0, await ctx.People.CountAsync());
    }

    /// <summary>Every column of the two rows, as SQLite holds it (type and literal), except the given ones.</summary>
    private static async Task<(List<string> Saved, List<string> Bulk)> StoredAsync(LindungDbContext ctx, string table, Guid saved,
        Guid bulk, params string[] except)
    {
        var conn = ctx.Database.GetDbConnection();
        await ctx.Database.OpenConnectionAsync();
        var columns = new List<string>();
        await using (var info = conn.CreateCommand())
        {
            info.CommandText = $"SELECT name FROM pragma_table_info('{table}') ORDER BY cid";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                if (!except.Contains(reader.GetString(0)))
                {
                    columns.Add(reader.GetString(0));
                }
            }
        }

        async Task<List<string>> RowAsync(Guid id)
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"SELECT {string.Join(", ", columns.Select(c => $"'{c}=' || typeof(\"{c}\") || ':' || quote(\"{c}\")"))} "
                + $"FROM \"{table}\" WHERE \"Id\" = x'{Convert.ToHexString(GuidBlob.ToBytes(id))}'";
            await using var reader = await cmd.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync(), $"{table} {id} not stored");
            return [.. Enumerable.Range(0, columns.Count).Select(i => reader.GetString(i).Split('=', 2)[1])];
        }

        return (await RowAsync(saved), await RowAsync(bulk));
    }

}
