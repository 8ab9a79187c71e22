using System.Security.Cryptography;
using Lindung.Core.Backup;

namespace Lindung.Core.Tests.Backup;

/// <summary>
/// The key-only archive of a PostgreSQL installation (its database goes through pg_dump). The SQLite round trip
/// with imported workers is tested through the CLI (tests/Lindung.Web.Tests/Cli/BackupCliTests.cs).
/// </summary>
public sealed class BackupArchiveTests : IDisposable
{
    private const string Passphrase = "frasa sandi kunci saja";
    private readonly string root = Path.Combine(Path.GetTempPath(), "lindung-arsip-" + Guid.NewGuid().ToString("N"));

    private string Dir(string name) => Path.Combine(root, name);

    private async Task<(string Archive, byte[] Key)> KeyOnlyBackupAsync()
    {
        var key = RandomNumberGenerator.GetBytes(64);
        Directory.CreateDirectory(Path.Combine(Dir("asal"), "keys"));
        await File.WriteAllTextAsync(Path.Combine(Dir("asal"), "keys", "key-1.xml"), "<key />");
        var archive = Path.Combine(root, "kunci.lbk");
        var result = await BackupArchive.CreateAsync(new BackupPlan(null, Dir("asal"), key, NikKeyFromConfiguration: true), archive, Passphrase,
            iterations: 10, TimeProvider.System, null, default);
        Assert.False(result.Manifest.IncludesDatabase);
        Assert.Equal("configuration", result.Manifest.NikKeySource);
        return (archive, key);
    }

    [Fact]
    public async Task KeyOnly_RestoresTheKeyAndDataProtectionKeys()
    {
        var (archive, key) = await KeyOnlyBackupAsync();

        var restored = await BackupArchive.RestoreAsync(archive, Passphrase, new RestoreTarget(null, Dir("baru"), null), force: false,
            TimeProvider.System, null, default);

        Assert.Equal(key, await File.ReadAllBytesAsync(Path.Combine(Dir("baru"), "nik.key")));
        Assert.Equal("<key />", await File.ReadAllTextAsync(Path.Combine(Dir("baru"), "keys", "key-1.xml")));
        Assert.Null(restored.MovedAsideTo);
    }

    [Fact]
    public async Task KeyOnly_IntoSqliteInstallation_IsRefusedAndWritesNothing()
    {
        var (archive, _) = await KeyOnlyBackupAsync();
        var target = new RestoreTarget(Path.Combine(Dir("baru"), "lindung.db"), Dir("baru"), null);

        var e = await Assert.ThrowsAsync<BackupException>(() =>
            BackupArchive.RestoreAsync(archive, Passphrase, target, force: false, TimeProvider.System, null, default));

        Assert.Equal(BackupFailure.WrongKind, e.Failure);
        Assert.False(Directory.Exists(Dir("baru")));
    }

    [Fact]
    public async Task ConfiguredKeyDifferentFromTheArchived_IsRefused_TheSameOneIsNotWrittenToAFile()
    {
        var (archive, key) = await KeyOnlyBackupAsync();

        var e = await Assert.ThrowsAsync<BackupException>(() => BackupArchive.RestoreAsync(archive, Passphrase,
            new RestoreTarget(null, Dir("lain"), RandomNumberGenerator.GetBytes(64)), force: false, TimeProvider.System, null, default));
        await BackupArchive.RestoreAsync(archive, Passphrase, new RestoreTarget(null, Dir("sama"), key), force: false, TimeProvider.System, null, default);

        Assert.Equal(BackupFailure.KeyMismatch, e.Failure);
        Assert.False(Directory.Exists(Dir("lain")));
        Assert.False(File.Exists(Path.Combine(Dir("sama"), "nik.key")), "the configuration stays the key's only home");
        Assert.True(File.Exists(Path.Combine(Dir("sama"), "keys", "key-1.xml")));
    }

    [Fact]
    public async Task KeyOnly_OverAnExistingKey_NeedsForce_AndMovesTheOldKeyAside()
    {
        var (archive, key) = await KeyOnlyBackupAsync();
        Directory.CreateDirectory(Dir("ada"));
        var old = RandomNumberGenerator.GetBytes(64);
        await File.WriteAllBytesAsync(Path.Combine(Dir("ada"), "nik.key"), old);
        var target = new RestoreTarget(null, Dir("ada"), null);

        var e = await Assert.ThrowsAsync<BackupException>(() =>
            BackupArchive.RestoreAsync(archive, Passphrase, target, force: false, TimeProvider.System, null, default));
        var forced = await BackupArchive.RestoreAsync(archive, Passphrase, target, force: true, TimeProvider.System, null, default);

        Assert.Equal(BackupFailure.TargetNotEmpty, e.Failure);
        Assert.Equal(old, await File.ReadAllBytesAsync(Path.Combine(forced.MovedAsideTo!, "nik.key")));
        Assert.Equal(key, await File.ReadAllBytesAsync(Path.Combine(Dir("ada"), "nik.key")));
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
