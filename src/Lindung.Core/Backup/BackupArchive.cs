using System.Formats.Tar;
using System.Text.Json;
using Lindung.Core.Identity;
using Lindung.Core.Registry.Protection;
using Microsoft.Data.Sqlite;

namespace Lindung.Core.Backup;

/// <summary>What a backup holds, written as the archive's first entry.</summary>
public sealed record BackupManifest(int Format, DateTime CreatedAt, string Provider, bool IncludesDatabase, string? LastMigration,
    string NikKeySource, IReadOnlyList<string> Files);

/// <summary>
/// What to back up. <paramref name="DatabaseFile"/> is the live SQLite file, or null for PostgreSQL (whose
/// database is dumped with <c>pg_dump</c>; the archive then carries the key material only).
/// </summary>
public sealed record BackupPlan(string? DatabaseFile, string DataDirectory, byte[] NikKey, bool NikKeyFromConfiguration);

public sealed record BackupResult(BackupManifest Manifest, long ArchiveBytes, IReadOnlyList<string> NotIncluded);

/// <summary>Where a restore goes; <paramref name="ConfiguredNikKey"/> is <c>Lindung:NikKey</c> when set.</summary>
public sealed record RestoreTarget(string? DatabaseFile, string DataDirectory, byte[]? ConfiguredNikKey);

public sealed record RestoreResult(BackupManifest Manifest, IReadOnlyList<string> Restored, string? MovedAsideTo);

/// <summary>
/// <c>lindung backup</c> / <c>lindung restore</c> for the embedded installation (<c>docs/backup.md</c>): a consistent
/// SQLite snapshot (<c>VACUUM INTO</c>, safe while the app writes) and the stores of the data directory, as a tar
/// stream sealed by <see cref="EncryptingStream"/>. A restore decrypts and verifies everything into a staging folder
/// inside the data directory before anything in place is touched; what it replaces is moved aside, never deleted.
/// </summary>
public static class BackupArchive
{
    public const string ManifestEntry = "manifest.json";
    public const string DatabaseEntry = "db/lindung.db";
    public const string DataPrefix = "data/";
    public const string AsidePrefix = "sebelum-pulih-";

    /// <summary>
    /// The stores under the data directory that belong in a backup. A feature that keeps files in the data
    /// directory adds its folder here (and to docs/backup.md). Not included: the live database files (the
    /// snapshot replaces them) and <c>uploads/</c> (spreadsheets waiting for preview, abandoned on restore).
    /// </summary>
    public static readonly IReadOnlyList<string> DataStores =
        [NikProtector.KeyFileName, "keys", "documents", "certificates", DemoAccounts.FileName];

    private const string StagingPrefix = ".pulih-";
    private const string SnapshotPrefix = ".cadangan-";
    private const int NikKeySize = 64;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly string[] SqliteCompanions = ["", "-wal", "-shm", "-journal"];

    public static async Task<BackupResult> CreateAsync(BackupPlan plan, string outputPath, string passphrase, int iterations,
        TimeProvider time, IProgress<double>? progress, CancellationToken ct)
    {
        outputPath = Path.GetFullPath(outputPath);
        var dataDir = Path.GetFullPath(plan.DataDirectory);
        var outputDir = Path.GetDirectoryName(outputPath)!;
        Directory.CreateDirectory(outputDir);
        var partial = Path.Combine(outputDir, "." + Path.GetFileName(outputPath) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        string? snapshot = null;
        try
        {
            string? lastMigration = null;
            if (plan.DatabaseFile is { } live)
            {
                snapshot = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(live))!, SnapshotPrefix + Guid.NewGuid().ToString("N") + ".db");
                lastMigration = await SnapshotAsync(live, snapshot, ct);
            }

            var files = DataFiles(dataDir);
            var entries = new List<string>();
            if (snapshot is not null)
            {
                entries.Add(DatabaseEntry);
            }

            entries.Add(DataPrefix + NikProtector.KeyFileName);
            entries.AddRange(files.Select(f => DataPrefix + f.Relative));
            var manifest = new BackupManifest(BackupFormat.Version, time.GetUtcNow().UtcDateTime,
                snapshot is null ? "postgres" : "sqlite", snapshot is not null, lastMigration,
                plan.NikKeyFromConfiguration ? "configuration" : "file", entries);

            var total = Math.Max(1, (snapshot is null ? 0 : new FileInfo(snapshot).Length) + files.Sum(f => new FileInfo(f.Full).Length));
            await using (var file = new FileStream(partial, PrivateNewFile()))
            {
                await using var sealer = new EncryptingStream(file, passphrase, iterations);
                sealer.Sealed = bytes => progress?.Report(Math.Min(1, (double)bytes / total));
                await using (var tar = new TarWriter(sealer, TarEntryFormat.Pax, leaveOpen: true))
                {
                    await WriteBytesAsync(tar, ManifestEntry, JsonSerializer.SerializeToUtf8Bytes(manifest, Json), ct);
                    if (snapshot is not null)
                    {
                        await tar.WriteEntryAsync(snapshot, DatabaseEntry, ct);
                    }

                    await WriteBytesAsync(tar, DataPrefix + NikProtector.KeyFileName, plan.NikKey, ct);
                    foreach (var (full, relative) in files)
                    {
                        await tar.WriteEntryAsync(full, DataPrefix + relative, ct);
                    }
                }

                sealer.Complete();
                await file.FlushAsync(ct);
                file.Flush(flushToDisk: true);
            }

            File.Move(partial, outputPath, overwrite: true);
            progress?.Report(1);
            var notIncluded = Directory.Exists(dataDir)
                ? Directory.EnumerateFileSystemEntries(dataDir).Select(Path.GetFileName).OfType<string>()
                    .Where(n => !DataStores.Contains(n) && !IsDatabaseFile(dataDir, n, plan.DatabaseFile) && !n.StartsWith('.')
                        && Path.Combine(dataDir, n) != outputPath)
                    .Order(StringComparer.Ordinal).ToList()
                : [];
            return new BackupResult(manifest, new FileInfo(outputPath).Length, notIncluded);
        }
        finally
        {
            File.Delete(partial);
            if (snapshot is not null)
            {
                foreach (var suffix in SqliteCompanions)
                {
                    File.Delete(snapshot + suffix);
                }
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="target"/> already holds data a restore would replace: a SQLite database with any
    /// row, or (PostgreSQL) a NIK key file. Null when it does not, else a description.
    /// </summary>
    public static string? ExistingData(RestoreTarget target)
    {
        if (target.DatabaseFile is null)
        {
            var key = Path.Combine(target.DataDirectory, NikProtector.KeyFileName);
            return File.Exists(key) ? key : null;
        }

        if (!File.Exists(target.DatabaseFile) || new FileInfo(target.DatabaseFile).Length == 0)
        {
            return null;
        }

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = target.DatabaseFile,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsHistory'";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            using var any = connection.CreateCommand();
            any.CommandText = $"SELECT EXISTS (SELECT 1 FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\")";
            if (Convert.ToInt64(any.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1)
            {
                return target.DatabaseFile;
            }
        }

        return null;
    }

    public static async Task<RestoreResult> RestoreAsync(string archivePath, string passphrase, RestoreTarget target, bool force,
        TimeProvider time, IProgress<double>? progress, CancellationToken ct)
    {
        var dataDir = Path.GetFullPath(target.DataDirectory);
        if (!force && ExistingData(target) is { } existing)
        {
            throw new BackupException(BackupFailure.TargetNotEmpty,
                BackupMessages.TargetNotEmpty(existing, AsidePrefix));
        }

        var createdDataDir = !Directory.Exists(dataDir);
        var staging = Path.Combine(dataDir, StagingPrefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(staging);
        try
        {
            var manifest = await ExtractAsync(archivePath, passphrase, staging, progress, ct);
            var stagedKey = await File.ReadAllBytesAsync(Path.Combine(staging, "data", NikProtector.KeyFileName), ct);
            CheckKind(manifest, target);
            if (target.ConfiguredNikKey is { } configured && !configured.AsSpan().SequenceEqual(stagedKey))
            {
                throw new BackupException(BackupFailure.KeyMismatch,
                    BackupMessages.KeyMismatch);
            }

            if (manifest.IncludesDatabase)
            {
                VerifyDatabase(Path.Combine(staging, DatabaseEntry));
            }

            if (target.ConfiguredNikKey is not null)
            {
                File.Delete(Path.Combine(staging, "data", NikProtector.KeyFileName)); // the configuration stays the key's home
            }

            var (restored, aside) = Install(staging, dataDir, target, time);
            return new RestoreResult(manifest, restored, aside);
        }
        catch
        {
            if (createdDataDir)
            {
                Directory.Delete(dataDir, recursive: true);
            }

            throw;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private static async Task<string?> SnapshotAsync(string live, string snapshot, CancellationToken ct)
    {
        if (!File.Exists(live))
        {
            throw new FileNotFoundException($"Basis data {live} tidak ada.", live);
        }

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = live,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync(ct);
        await using (var vacuum = connection.CreateCommand())
        {
            // One read transaction: a consistent copy even while the web app or an import writes (WAL).
            vacuum.CommandText = "VACUUM INTO $path";
            vacuum.Parameters.AddWithValue("$path", snapshot);
            vacuum.CommandTimeout = 0;
            await vacuum.ExecuteNonQueryAsync(ct);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(snapshot, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        await using var last = connection.CreateCommand();
        last.CommandText = "SELECT MAX(MigrationId) FROM __EFMigrationsHistory";
        return await last.ExecuteScalarAsync(ct) as string;
    }

    private static List<(string Full, string Relative)> DataFiles(string dataDir)
    {
        var files = new List<(string, string)>();
        foreach (var store in DataStores)
        {
            // The key is written from the bytes the app uses (file or configuration), not copied a second time.
            if (store == NikProtector.KeyFileName)
            {
                continue;
            }

            var path = Path.Combine(dataDir, store);
            if (File.Exists(path))
            {
                files.Add((path, store));
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal) && !new FileInfo(f).Attributes.HasFlag(FileAttributes.ReparsePoint))
                    .Order(StringComparer.Ordinal)
                    .Select(f => (f, Path.GetRelativePath(dataDir, f).Replace('\\', '/'))));
            }
        }

        return files;
    }

    /// <summary>A new file only its owner can read: archives and restored files carry personal data and keys.</summary>
    private static FileStreamOptions PrivateNewFile()
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, BufferSize = 1 << 16 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
    }

    private static bool IsDatabaseFile(string dataDir, string name, string? databaseFile) =>
        databaseFile is not null && SqliteCompanions.Any(s => Path.Combine(dataDir, name) == Path.GetFullPath(databaseFile) + s);

    private static async Task WriteBytesAsync(TarWriter tar, string name, byte[] bytes, CancellationToken ct)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name)
        {
            DataStream = new MemoryStream(bytes, writable: false),
            Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        await tar.WriteEntryAsync(entry, ct);
    }

    private static async Task<BackupManifest> ExtractAsync(string archivePath, string passphrase, string staging,
        IProgress<double>? progress, CancellationToken ct)
    {
        await using var file = new FileStream(archivePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var length = Math.Max(1, file.Length);
        await using var plain = new DecryptingStream(file, passphrase);
        plain.Opened = bytes => progress?.Report(Math.Min(0.99, (double)bytes / length));
        BackupManifest? manifest = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await using var tar = new TarReader(plain, leaveOpen: true);
            while (await tar.GetNextEntryAsync(copyData: false, ct) is { } entry)
            {
                if (entry.EntryType == TarEntryType.Directory)
                {
                    continue;
                }

                var destination = StagingPath(staging, entry);
                if (!seen.Add(entry.Name))
                {
                    throw Malformed(BackupMessages.EntryTwice(entry.Name));
                }

                if (entry.Name == ManifestEntry)
                {
                    manifest = entry.DataStream is null ? null : await JsonSerializer.DeserializeAsync<BackupManifest>(entry.DataStream, Json, ct);
                }
                else
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                    await using var output = new FileStream(destination, PrivateNewFile());
                    if (entry.DataStream is { } data)
                    {
                        await data.CopyToAsync(output, ct);
                    }
                }
            }

            plain.ReadToEndAndVerify();
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or JsonException or EndOfStreamException)
        {
            throw Malformed(e.Message);
        }

        progress?.Report(1);
        if (manifest is null || manifest.Format != BackupFormat.Version)
        {
            throw Malformed(BackupMessages.ManifestMissing);
        }

        if (manifest.IncludesDatabase != seen.Contains(DatabaseEntry))
        {
            throw Malformed(BackupMessages.ContentsDifferFromManifest);
        }

        var key = Path.Combine(staging, "data", NikProtector.KeyFileName);
        if (!File.Exists(key) || new FileInfo(key).Length != NikKeySize)
        {
            throw Malformed(BackupMessages.NikKeyMissing);
        }

        return manifest;
    }

    private static string StagingPath(string staging, TarEntry entry)
    {
        var name = entry.Name;
        var allowed = name == ManifestEntry || name == DatabaseEntry || (name.StartsWith(DataPrefix, StringComparison.Ordinal) && name.Length > DataPrefix.Length);
        if (!allowed || entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile)
            || name.Contains('\\', StringComparison.Ordinal) || name.Split('/').Any(s => s is "" or "." or ".."))
        {
            throw Malformed(BackupMessages.EntryUnknown(name));
        }

        var full = Path.GetFullPath(Path.Combine(staging, name));
        return full.StartsWith(staging + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : throw Malformed(BackupMessages.EntryUnknown(name));
    }

    private static BackupException Malformed(object detail) => new(BackupFailure.Incomplete, BackupMessages.Malformed(detail));

    private static void CheckKind(BackupManifest manifest, RestoreTarget target)
    {
        if (manifest.IncludesDatabase && target.DatabaseFile is null)
        {
            throw new BackupException(BackupFailure.WrongKind,
                BackupMessages.SqliteIntoPostgres);
        }

        if (!manifest.IncludesDatabase && target.DatabaseFile is not null)
        {
            throw new BackupException(BackupFailure.WrongKind,
                BackupMessages.KeysOnly);
        }
    }

    private static void VerifyDatabase(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA quick_check";
        if (check.ExecuteScalar() as string != "ok")
        {
            throw Malformed(BackupMessages.DatabaseDamaged);
        }

        check.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = '__EFMigrationsHistory'";
        if (Convert.ToInt64(check.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) != 1)
        {
            throw Malformed(BackupMessages.NotALindungDatabase);
        }
    }

    /// <summary>
    /// Moves what is in place aside (into <c>sebelum-pulih-…</c>), then the staged files in; renames within one
    /// file system. A failure half-way puts back what was moved.
    /// </summary>
    private static (IReadOnlyList<string> Restored, string? Aside) Install(string staging, string dataDir, RestoreTarget target, TimeProvider time)
    {
        SqliteConnection.ClearAllPools();
        var stagedData = Path.Combine(staging, "data");
        var incoming = Directory.Exists(stagedData)
            ? Directory.EnumerateFileSystemEntries(stagedData).Select(Path.GetFileName).OfType<string>().ToList()
            : [];
        var replaced = new List<string>();
        if (target.DatabaseFile is { } db)
        {
            replaced.AddRange(SqliteCompanions.Select(s => Path.GetFullPath(db) + s));
        }

        replaced.AddRange(DataStores.Union(incoming)
            .Where(n => !(n == NikProtector.KeyFileName && target.ConfiguredNikKey is not null))
            .Select(n => Path.Combine(dataDir, n)));
        replaced = [.. replaced.Where(p => File.Exists(p) || Directory.Exists(p))];

        var aside = replaced.Count == 0
            ? null
            : Path.Combine(dataDir, AsidePrefix + time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));
        var moves = new List<(string From, string To)>();
        try
        {
            if (aside is not null)
            {
                aside = Unique(aside);
                Directory.CreateDirectory(aside);
                foreach (var path in replaced)
                {
                    Move(path, Path.Combine(aside, Path.GetFileName(path)), moves);
                }
            }

            var restored = new List<string>();
            if (target.DatabaseFile is { } database)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(database))!);
                Move(Path.Combine(staging, DatabaseEntry), Path.GetFullPath(database), moves);
                restored.Add(Path.GetFullPath(database));
            }

            foreach (var name in incoming)
            {
                Move(Path.Combine(stagedData, name), Path.Combine(dataDir, name), moves);
                restored.Add(Path.Combine(dataDir, name));
            }

            return (restored, aside);
        }
        catch
        {
            foreach (var (from, to) in Enumerable.Reverse(moves))
            {
                Move(to, from, null);
            }

            throw;
        }
    }

    private static void Move(string from, string to, List<(string, string)>? log)
    {
        if (Directory.Exists(from))
        {
            Directory.Move(from, to);
        }
        else
        {
            File.Move(from, to);
        }

        log?.Add((from, to));
    }

    private static string Unique(string path)
    {
        var candidate = path;
        for (var i = 2; Directory.Exists(candidate) || File.Exists(candidate); i++)
        {
            candidate = path + "-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
