using Lindung.Core.Bpjs;
using Lindung.Core.Data;
using Lindung.Core.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Tests.Bpjs;

public class RegistryCandidatesTests
{
    private static readonly BpjsPersonRow[] Residue =
    [
        new("1609014708850009", "SITI NURHAYATI", null, null),             // 07-08-1985 from the NIK (and 08-07-1985 swapped)
        new(null, "MOH. FAUZI", new DateOnly(1985, 8, 12), 'L'),
        new(null, "RINA SARI", new DateOnly(1990, 3, 12), 'P'),
    ];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Load_ByDateOrByTenantScan_SamePeopleWithNamesPrepared_ErasedLeftOut(DatabaseProvider provider)
    {
        await using var db = await BpjsStatusImporterTests.RegistryAsync(provider);
        await using (var other = db.Context("16.10"))
        {
            // Another tenant's namesake born the same day is never a candidate.
            other.People.Add(new Lindung.Core.Registry.NewPerson("1610014708850001", "Siti Nurhayati", new DateOnly(1985, 8, 7), 'P', "Baturaja")
                .ToPerson(BpjsStatusImporterTests.Protector));
            await other.SaveChangesAsync();
        }

        await using (var ctx = db.Context("16.09"))
        {
            await ctx.People.Where(p => p.FullName == "Rina Sari").ExecuteUpdateAsync(s => s.SetProperty(p => p.ErasedAt, DateTime.UtcNow));
        }

        await using var read = db.Context("16.09");
        var byDate = await RegistryCandidates.LoadAsync(read, BpjsStatusImporterTests.Protector, Residue, new MatchSettings(), CancellationToken.None);
        var byScan = await RegistryCandidates.LoadAsync(read, BpjsStatusImporterTests.Protector, Residue, new MatchSettings(), CancellationToken.None,
            scanFromDays: 1);

        foreach (var buckets in new[] { byDate, byScan })
        {
            Assert.Equal(
                [(new DateOnly(1985, 8, 7), 'P', "SITI NURHAYATI", "1609014708850001"), (new DateOnly(1985, 8, 12), 'L', "MUHAMMAD FAUZI", "1609011208850002")],
                buckets.OrderBy(b => b.Key.Item1).SelectMany(b => b.Value.Select(p => (b.Key.Item1, b.Key.Item2, p.NameProfile.Text, p.Nik))));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Load_NamesOfEveryKind_PreparedAsNormalizeDoes_WithTheirIdsAndNiks(DatabaseProvider provider)
    {
        // Plain names take the fast path on the bytes as stored; dots, commas, apostrophes, other letters and the
        // dotless "Ustad" title take NameSimilarity.Normalize's general path. Both must give what Normalize gives.
        string[] names =
        [
            "Siti Nurhayati", "Moh. Fauzi", "Hj Siti Aminah", "Ustad Ahmad Dahlan", "Élodie Ñoño", "O'Neil Jean-Luc",
            " Muhammad  Rizki ", "Abd Rahman, S.Pd.", "H",
        ];
        var born = new DateOnly(1985, 8, 7);
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var ctx = db.Context("16.09"))
        {
            for (var i = 0; i < names.Length; i++)
            {
                ctx.People.Add(new Lindung.Core.Registry.NewPerson($"16090147088500{i + 10}", names[i], born, 'P').ToPerson(BpjsStatusImporterTests.Protector));
            }

            await ctx.SaveChangesAsync();
        }

        await using var read = db.Context("16.09");
        var people = await read.People.ToDictionaryAsync(p => p.FullName, p => p.Id);
        var expected = names.Select((n, i) => (people[n], NameSimilarity.Normalize(n), $"16090147088500{i + 10}")).Order().ToList();
        foreach (var scanFromDays in new[] { RegistryCandidates.ScanFromDays, 1 })
        {
            var loaded = await RegistryCandidates.LoadAsync(read, BpjsStatusImporterTests.Protector, [new BpjsPersonRow(null, "SITI", born, 'P')],
                new MatchSettings(), CancellationToken.None, scanFromDays);

            var block = Assert.Single(loaded, b => b.Key == (born, 'P')).Value;
            Assert.Equal(expected, block.Select(c => (c.Id, c.NameProfile.Text, c.Nik)).Order());
        }
    }

    [Fact]
    public async Task Load_WhileAnotherConnectionHoldsTheSqliteFileLocked_WaitsForItLikeACommand()
    {
        await using var db = await BpjsStatusImporterTests.RegistryAsync(DatabaseProvider.Sqlite);
        await using var other = new Microsoft.Data.Sqlite.SqliteConnection(db.Settings.ConnectionString);
        await other.OpenAsync();
        await using (var lockIt = other.CreateCommand())
        {
            // Exclusive locking mode: readers of the WAL file get SQLITE_BUSY until this connection lets go.
            lockIt.CommandText = "PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; UPDATE \"People\" SET \"Phone\" = NULL WHERE 0;";
            await lockIt.ExecuteNonQueryAsync();
        }

        var release = Task.Run(async () =>
        {
            await Task.Delay(600);
            await using var commit = other.CreateCommand();
            commit.CommandText = "COMMIT; PRAGMA locking_mode=NORMAL;";
            await commit.ExecuteNonQueryAsync();
            await other.CloseAsync();
        });

        // By date: the first statement of the load is the candidates' own (no count before it to do the waiting).
        await using var read = db.Context("16.09");
        var loaded = await RegistryCandidates.LoadAsync(read, BpjsStatusImporterTests.Protector, Residue, new MatchSettings(), CancellationToken.None);
        await release;

        Assert.Equal(["SITI NURHAYATI", "MUHAMMAD FAUZI", "RINA SARI"], loaded.OrderBy(b => b.Key.Item1).SelectMany(b => b.Value.Select(p => p.NameProfile.Text)));
    }
}
