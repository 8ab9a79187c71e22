using System.Globalization;
using System.Text;
using System.Text.Json;
using Lindung.Cli;
using Lindung.Cli.Commands;
using Lindung.Core.Audit;
using Lindung.Core.Data;
using Lindung.Core.Registry.Protection;
using Lindung.Core.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Tests.Cli;

/// <summary>
/// One seeded installation with workers imported through the real importer, backed up once; each test restores
/// (or fails to restore) that archive into a fresh data directory.
/// </summary>
public sealed class BackupSource : IAsyncLifetime
{
    public const string Passphrase = "empat kata acak untuk uji";
    public const string Tenant = "16.09";

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "lindung-backup-" + Guid.NewGuid().ToString("N"));

    public string DataDir => Path.Combine(Root, "asal");

    public string Archive => Path.Combine(Root, "cadangan.lbk");

    /// <summary>The backup reads the passphrase with a CRLF ending, restores with an LF ending and a second line.</summary>
    public string PassphraseFile => Path.Combine(Root, "frasa.txt");

    public string RestorePassphraseFile => Path.Combine(Root, "frasa-lf.txt");

    public static ReadOnlySpan<byte> Certificate => "%PDF-1.4 sertifikat proyek uji"u8;

    public IReadOnlyList<string> Niks { get; private set; } = [];

    public Dictionary<string, Guid> PersonByNik { get; } = [];

    public JsonElement BackupJson { get; private set; }

    public async Task InitializeAsync()
    {
        BackupCommands.Iterations = 1_000;
        Directory.CreateDirectory(Root);
        await File.WriteAllTextAsync(PassphraseFile, Passphrase + "\r\n");
        await File.WriteAllTextAsync(RestorePassphraseFile, Passphrase + "\nbaris kedua diabaikan\n");
        await BackupCliTests.RunAsync(DataDir, "seed");
        Niks = [.. Enumerable.Range(0, 36).Select(SyntheticNik)];
        var first = new[] { "Siti", "Ahmad", "Dewi", "Rudi", "Nur", "Yusuf" };
        var last = new[] { "Nurhayati", "Fauzi", "Lestari", "Hartono", "Wahyuni", "Saputra" };
        var csv = new StringBuilder("NIK,Nama,Tgl Lahir,JK\n");
        for (var i = 0; i < Niks.Count; i++)
        {
            var nik = Niks[i];
            var day = int.Parse(nik[6..8], CultureInfo.InvariantCulture);
            var female = day > 40;
            csv.Append(CultureInfo.InvariantCulture,
                $"{nik},{first[i % 6]} {last[i / 6]},{(female ? day - 40 : day):00}/{nik[8..10]}/19{nik[10..12]},{(female ? "P" : "L")}\n");
        }

        var file = Path.Combine(Root, "pekerja.csv");
        await File.WriteAllTextAsync(file, csv.ToString());
        var import = await BackupCliTests.RunAsync(DataDir, "import", "workers", file, "--opd", "KESRA", "--category", "GURU_NGAJI", "--json");
        Assert.Equal(Niks.Count, JsonDocument.Parse(import.Out).RootElement.GetProperty("accepted").GetInt32());

        var protector = NikProtector.FromSettings(null, DataDir);
        await using (var db = BackupCliTests.Context(DataDir))
        {
            foreach (var nik in Niks)
            {
                var hash = protector.Hash(nik);
                PersonByNik[nik] = await db.People.Where(p => p.NikHash == hash).Select(p => p.Id).SingleAsync();
            }
        }

        Directory.CreateDirectory(Path.Combine(DataDir, "certificates", Tenant));
        await File.WriteAllBytesAsync(Path.Combine(DataDir, "certificates", Tenant, "proyek.pdf"), Certificate.ToArray());
        Directory.CreateDirectory(Path.Combine(DataDir, "uploads"));
        await File.WriteAllTextAsync(Path.Combine(DataDir, "uploads", "menunggu.bin"), "unggahan sementara");

        var backup = await BackupCliTests.RunAsync(DataDir, "backup", Archive, "--passphrase-file", PassphraseFile, "--json");
        Assert.True(backup.Exit == 0, backup.Err);
        BackupJson = JsonDocument.Parse(backup.Out).RootElement;
    }

    /// <summary>Valid-looking synthetic NIKs of kecamatan 16.09.01: day (+40 for women), month, year, serial.</summary>
    private static string SyntheticNik(int i)
    {
        var day = i % 28 + 1 + (i % 2 == 0 ? 40 : 0);
        return string.Create(CultureInfo.InvariantCulture, $"160901{day:00}{i % 12 + 1:00}{80 + i % 20:00}{i + 1:0000}");
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }
}

public sealed class BackupCliTests(BackupSource source) : IClassFixture<BackupSource>
{
    private readonly string fresh = Path.Combine(source.Root, "baru-" + Guid.NewGuid().ToString("N"));

    internal static async Task<(int Exit, string Out, string Err)> RunAsync(string dataDir, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await LindungCli.RunAsync([.. args, "--data-dir", dataDir], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    internal static LindungDbContext Context(string dataDir, string? tenant = BackupSource.Tenant)
    {
        var options = new DbContextOptionsBuilder<LindungDbContext>();
        new DatabaseSettings
        {
            ConnectionString = "Data Source=" + Path.Combine(dataDir, "lindung.db") + ";Pooling=False",
        }.Apply(options);
        return new LindungDbContext(options.Options, new Lindung.Core.Tenancy.FixedActor(tenant, "test"), TimeProvider.System);
    }

    private string Copy(Func<byte[], byte[]> change)
    {
        var path = Path.Combine(source.Root, Guid.NewGuid().ToString("N") + ".lbk");
        File.WriteAllBytes(path, change(File.ReadAllBytes(source.Archive)));
        return path;
    }

    private Task<(int Exit, string Out, string Err)> RestoreAsync(string archive, string dataDir, params string[] extra) =>
        RunAsync(dataDir, ["restore", archive, "--passphrase-file", source.RestorePassphraseFile, .. extra]);

    [Fact]
    public async Task Restore_IntoFreshDataDirectory_EveryNikDecryptsAndMatchesTheSamePersonByItsHash()
    {
        var result = await RestoreAsync(source.Archive, fresh, "--json");

        Assert.True(result.Exit == 0, result.Err);
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.True(json.GetProperty("includesDatabase").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("movedAsideTo").ValueKind);
        // The restored directory's own key file, read the way the app reads it.
        var protector = NikProtector.FromSettings(null, fresh);
        await using var db = Context(fresh);
        Assert.Equal(source.Niks.Count, await db.People.CountAsync());
        foreach (var nik in source.Niks)
        {
            var hash = protector.Hash(nik);
            var person = await db.People.Where(p => p.NikHash == hash).Select(p => new { p.Id, p.NikCipher }).SingleAsync();
            Assert.Equal(source.PersonByNik[nik], person.Id);
            Assert.Equal(nik, protector.Decrypt(person.NikCipher));
        }

        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.BackupRestored), "the restore is audited");
        Assert.Equal(BackupSource.Certificate.ToArray(), await File.ReadAllBytesAsync(Path.Combine(fresh, "certificates", BackupSource.Tenant, "proyek.pdf")));
        Assert.False(Directory.Exists(Path.Combine(fresh, "uploads")), "pending uploads are not part of a backup");
    }

    [Fact]
    public async Task Backup_IsAuditedInTheLiveDatabase_AndReportsWhatItLeftOut()
    {
        await using var db = Context(source.DataDir);

        var events = await db.AuditEvents.Where(e => e.Action == AuditActions.BackupCreated).ToListAsync();

        var ev = Assert.Single(events);
        Assert.Contains(source.Archive, ev.Detail, StringComparison.Ordinal);
        Assert.Equal("sqlite", source.BackupJson.GetProperty("provider").GetString());
        Assert.False(string.IsNullOrEmpty(source.BackupJson.GetProperty("lastMigration").GetString()));
        Assert.Equal(1, source.BackupJson.GetProperty("files").GetInt32()); // the certificate; the key is counted apart
        Assert.Equal(["uploads"], source.BackupJson.GetProperty("notIncluded").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Archive_HoldsNoPlaintextNikAndNoRawKey()
    {
        var archive = await File.ReadAllBytesAsync(source.Archive);
        var key = await File.ReadAllBytesAsync(Path.Combine(source.DataDir, NikProtector.KeyFileName));

        foreach (var nik in source.Niks)
        {
            Assert.Equal(-1, archive.AsSpan().IndexOf(Encoding.ASCII.GetBytes(nik)));
        }

        Assert.Equal(-1, archive.AsSpan().IndexOf(key.AsSpan(0, 16)));
        Assert.Equal(-1, archive.AsSpan().IndexOf(key.AsSpan(32, 16)));
        Assert.Equal(-1, archive.AsSpan().IndexOf(Encoding.ASCII.GetBytes(Convert.ToBase64String(key)[..16])));
        Assert.Equal(-1, archive.AsSpan().IndexOf("SQLite format 3"u8));
    }

    [Fact]
    public async Task Restore_WrongPassphrase_IsRefusedAndWritesNothing()
    {
        var wrong = Path.Combine(source.Root, "salah-" + Guid.NewGuid().ToString("N") + ".txt");
        await File.WriteAllTextAsync(wrong, "bukan frasa sandinya sama sekali\n");

        var result = await RunAsync(fresh, "restore", source.Archive, "--passphrase-file", wrong, "--json");

        Assert.Equal(1, result.Exit);
        Assert.Contains("Frasa sandi salah", result.Err, StringComparison.Ordinal);
        Assert.Contains("error", result.Out, StringComparison.Ordinal);
        Assert.False(Directory.Exists(fresh), "nothing is left behind");
    }

    [Fact]
    public async Task Restore_WrongPassphrase_InEnglish_SaysSo_AndTheJsonErrorStaysIndonesian()
    {
        var wrong = Path.Combine(source.Root, "salah-" + Guid.NewGuid().ToString("N") + ".txt");
        await File.WriteAllTextAsync(wrong, "bukan frasa sandinya sama sekali\n");
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = await LindungCli.RunInLanguageAsync(["restore", source.Archive, "--passphrase-file", wrong, "--json", "--data-dir", fresh],
            stdout, stderr, CultureInfo.GetCultureInfo("en"));

        Assert.Equal(1, exit);
        Assert.Contains("Wrong passphrase, or the backup archive is damaged/altered.", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("Frasa sandi salah, atau arsip cadangan rusak/diubah. Tidak ada yang diubah.", stdout.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(fresh), "nothing is left behind");
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.5)]
    [InlineData(0.999)]
    public async Task Restore_OneFlippedByte_IsRefusedAndWritesNothing(double where)
    {
        var changed = Copy(bytes =>
        {
            bytes[(int)(bytes.Length * where)] ^= 0x20;
            return bytes;
        });

        var result = await RestoreAsync(changed, fresh);

        Assert.Equal(1, result.Exit);
        Assert.Contains("Tidak ada yang diubah", result.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(fresh));
    }

    [Fact]
    public async Task Restore_TruncatedFile_IsRefusedAndWritesNothing()
    {
        var cut = Copy(bytes => bytes[..(bytes.Length - 100)]);

        var result = await RestoreAsync(cut, fresh);

        Assert.Equal(1, result.Exit);
        Assert.Contains("Arsip cadangan", result.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(fresh));
    }

    [Fact]
    public async Task Restore_OverADatabaseWithData_NeedsForce_ThenMovesTheOldOneAside()
    {
        Assert.Equal(0, (await RunAsync(fresh, "tenant", "add", "16.08")).Exit);
        var before = await File.ReadAllBytesAsync(Path.Combine(fresh, "lindung.db"));
        var oldKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(64);
        await File.WriteAllBytesAsync(Path.Combine(fresh, NikProtector.KeyFileName), oldKey);

        var refused = await RestoreAsync(source.Archive, fresh);
        var cut = Copy(bytes => bytes[..(bytes.Length / 2)]);
        var forcedButCut = await RestoreAsync(cut, fresh, "--force");
        var unchanged = await File.ReadAllBytesAsync(Path.Combine(fresh, "lindung.db"));
        var keyUnchanged = await File.ReadAllBytesAsync(Path.Combine(fresh, NikProtector.KeyFileName));
        var entriesAfterCut = Directory.EnumerateFileSystemEntries(fresh).Select(Path.GetFileName)
            .Where(n => !n!.StartsWith("lindung.db-", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var forced = await RestoreAsync(source.Archive, fresh, "--force", "--json");

        Assert.Equal(1, refused.Exit);
        Assert.Contains("--force", refused.Err, StringComparison.Ordinal);
        Assert.Equal(1, forcedButCut.Exit);
        Assert.Equal(before, unchanged);
        Assert.Equal(oldKey, keyUnchanged);
        Assert.Equal(["lindung.db", NikProtector.KeyFileName], entriesAfterCut); // no staging folder, nothing moved aside
        Assert.Equal(0, forced.Exit);
        var aside = JsonDocument.Parse(forced.Out).RootElement.GetProperty("movedAsideTo").GetString()!;
        Assert.Equal(oldKey, await File.ReadAllBytesAsync(Path.Combine(aside, NikProtector.KeyFileName)));
        Assert.True(File.Exists(Path.Combine(aside, "lindung.db")));
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(source.DataDir, NikProtector.KeyFileName)),
            await File.ReadAllBytesAsync(Path.Combine(fresh, NikProtector.KeyFileName)));
        await using var db = Context(fresh, tenant: null);
        Assert.Equal([BackupSource.Tenant], await db.Tenants.Select(t => t.Code).ToListAsync());
    }

    [Fact]
    public async Task Backup_PassphraseProblems_AreUsageErrors()
    {
        var shortFile = Path.Combine(source.Root, "pendek-" + Guid.NewGuid().ToString("N") + ".txt");
        await File.WriteAllTextAsync(shortFile, "sebelas-kar\nbaris kedua yang panjang sekali");
        var output = Path.Combine(source.Root, Guid.NewGuid().ToString("N") + ".lbk");

        var tooShort = await RunAsync(source.DataDir, "backup", output, "--passphrase-file", shortFile);
        var missing = await RunAsync(source.DataDir, "backup", output, "--passphrase-file", Path.Combine(source.Root, "tidak-ada.txt"));
        var exists = await RunAsync(source.DataDir, "backup", source.Archive, "--passphrase-file", source.PassphraseFile);

        Assert.Equal(2, tooShort.Exit);
        Assert.Contains("minimal 12 karakter", tooShort.Err, StringComparison.Ordinal);
        Assert.Equal(2, missing.Exit);
        Assert.Equal(1, exists.Exit);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Restore_ArchiveOfAnotherKind_IsRefused()
    {
        var notArchive = Path.Combine(source.Root, Guid.NewGuid().ToString("N") + ".lbk");
        File.Copy(Path.Combine(source.DataDir, "lindung.db"), notArchive);

        var result = await RestoreAsync(notArchive, fresh);

        Assert.Equal(1, result.Exit);
        Assert.Contains("bukan arsip cadangan Lindung", result.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(fresh));
    }

    [Fact]
    public async Task Backup_Postgres_ArchivesTheKeysOnly_PointsToPgDump_AndRestoresThemWithoutADatabase()
    {
        await using var pg = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var dataDir = pg.Settings.DataDirectory;
        var archive = Path.Combine(source.Root, "pg-" + Guid.NewGuid().ToString("N") + ".lbk");
        string[] postgres = ["--provider", "postgres", "--db", pg.Settings.ConnectionString!];

        var backup = await RunAsync(dataDir, ["backup", archive, "--passphrase-file", source.PassphraseFile, "--json", .. postgres]);
        var restored = await RunAsync(fresh, ["restore", archive, "--passphrase-file", source.RestorePassphraseFile, "--json", .. postgres]);
        var intoSqlite = await RunAsync(Path.Combine(source.Root, "sqlite-" + Guid.NewGuid().ToString("N")),
            "restore", archive, "--passphrase-file", source.RestorePassphraseFile);

        Assert.True(backup.Exit == 0, backup.Err);
        Assert.False(JsonDocument.Parse(backup.Out).RootElement.GetProperty("includesDatabase").GetBoolean());
        Assert.Contains("pg_dump", backup.Err, StringComparison.Ordinal);
        Assert.True(restored.Exit == 0, restored.Err);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(dataDir, NikProtector.KeyFileName)),
            await File.ReadAllBytesAsync(Path.Combine(fresh, NikProtector.KeyFileName)));
        Assert.False(File.Exists(Path.Combine(fresh, "lindung.db")));
        Assert.Equal(1, intoSqlite.Exit);
        Assert.Contains("pg_restore", intoSqlite.Err, StringComparison.Ordinal);
    }
}
