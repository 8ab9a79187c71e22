using System.CommandLine;
using System.Globalization;
using System.Text;
using Lindung.Core.Audit;
using Lindung.Core.Backup;
using Lindung.Core.Data;
using Lindung.Core.Formatting;
using Lindung.Core.Registry.Protection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Cli.Commands;

/// <summary>
/// <c>lindung backup FILE</c> and <c>lindung restore FILE</c> (docs/backup.md): one passphrase-encrypted archive of the
/// embedded database and the data directory's keys and documents. Exit 1 for an archive that cannot be restored or a
/// restore refused; 2 for a passphrase that cannot be used.
/// </summary>
public static class BackupCommands
{
    /// <summary>PBKDF2 iterations of new archives. Tests lower it; the shipped value is <see cref="BackupFormat.DefaultIterations"/>.</summary>
    internal static int Iterations { get; set; } = BackupFormat.DefaultIterations;

    public static IEnumerable<Command> Build(CliIo io)
    {
        yield return BuildBackup(io);
        yield return BuildRestore(io);
    }

    private static Option<FileInfo?> PassphraseFileOption() => new("--passphrase-file")
    {
        Description = CliText.BackupPassphraseFile,
    };

    private static Command BuildBackup(CliIo io)
    {
        var file = new Argument<FileInfo>("FILE") { Description = CliText.BackupFile };
        var passphraseFile = PassphraseFileOption();
        var force = new Option<bool>("--force") { Description = CliText.BackupForce };
        var backup = new Command("backup", CliText.BackupDescription)
        {
            file, passphraseFile, force,
        };
        backup.SetAction(async (parse, ct) =>
        {
            var output = parse.GetValue(file)!;
            if (output.Exists && !parse.GetValue(force))
            {
                return await io.FailAsync(parse, LindungCli.Unusable, CliText.BackupFileExists(output.FullName));
            }

            var (passphrase, problem) = await ReadPassphraseAsync(io, parse.GetValue(passphraseFile), confirm: true, ct);
            if (passphrase is null)
            {
                return await io.FailAsync(parse, LindungCli.Usage, problem!);
            }

            await using var host = CliHost.Create(parse);
            string? databaseFile = null;
            if (host.Settings.Provider == DatabaseProvider.Sqlite)
            {
                databaseFile = Path.GetFullPath(new SqliteConnectionStringBuilder(host.Settings.EffectiveConnectionString).DataSource);
                if (!File.Exists(databaseFile))
                {
                    return await io.FailAsync(parse, LindungCli.Unusable, CliText.BackupNoDatabase(databaseFile));
                }
            }
            else
            {
                await io.Err.WriteLineAsync(CliText.BackupPostgresNote);
            }

            await host.PrepareAsync(ct);
            var nikKey = host.ConfiguredNikKey ?? await ReadKeyFileAsync(host.Settings.FullDataDirectory, ct);
            var plan = new BackupPlan(databaseFile, host.Settings.FullDataDirectory, nikKey, host.ConfiguredNikKey is not null);
            var result = await BackupArchive.CreateAsync(plan, output.FullName, passphrase, Iterations, TimeProvider.System,
                io.Progress(CliText.ProgressBackup), ct);

            host.ActFor(null);
            var detail = string.Create(CultureInfo.InvariantCulture,
                $"{output.FullName}; {result.ArchiveBytes} byte; basis data: {(result.Manifest.IncludesDatabase ? "ya" : "tidak (PostgreSQL)")}");
            await AuditEveryTenantAsync(host.Db, AuditActions.BackupCreated, detail, ct);

            // Besides the database and the NIK key: Data Protection keys, documents, certificates, demo accounts.
            var files = result.Manifest.Files.Count(f => f.StartsWith(BackupArchive.DataPrefix, StringComparison.Ordinal)) - 1;
            return await io.ResultAsync(parse, new
            {
                file = output.FullName,
                bytes = result.ArchiveBytes,
                provider = result.Manifest.Provider,
                includesDatabase = result.Manifest.IncludesDatabase,
                lastMigration = result.Manifest.LastMigration,
                files,
                notIncluded = result.NotIncluded,
                createdAt = result.Manifest.CreatedAt,
            }, o =>
            {
                o.WriteLine(result.Manifest.IncludesDatabase
                    ? CliText.BackupSaved(output.FullName, Megabytes(result.ArchiveBytes), files)
                    : CliText.BackupSavedWithoutDatabase(output.FullName, Megabytes(result.ArchiveBytes), files));
                if (result.NotIncluded.Count > 0)
                {
                    o.WriteLine(CliText.BackupNotIncluded(string.Join(", ", result.NotIncluded)));
                }

                o.WriteLine(CliText.BackupKeepPassphrase);
            });
        });
        return backup;
    }

    private static Command BuildRestore(CliIo io)
    {
        var file = new Argument<FileInfo>("FILE") { Description = CliText.RestoreFile };
        var passphraseFile = PassphraseFileOption();
        var force = new Option<bool>("--force")
        {
            Description = CliText.RestoreForce,
        };
        var restore = new Command("restore", CliText.RestoreDescription) { file, passphraseFile, force };
        restore.SetAction(async (parse, ct) =>
        {
            var archive = parse.GetValue(file)!;
            if (!archive.Exists)
            {
                return await io.FailAsync(parse, LindungCli.Unusable, CliText.FileMissing(archive.FullName));
            }

            var (passphrase, problem) = await ReadPassphraseAsync(io, parse.GetValue(passphraseFile), confirm: false, ct);
            if (passphrase is null)
            {
                return await io.FailAsync(parse, LindungCli.Usage, problem!);
            }

            RestoreResult result;
            await using (var host = CliHost.Create(parse))
            {
                var target = new RestoreTarget(
                    host.Settings.Provider == DatabaseProvider.Sqlite
                        ? Path.GetFullPath(new SqliteConnectionStringBuilder(host.Settings.EffectiveConnectionString).DataSource)
                        : null,
                    host.Settings.FullDataDirectory, host.ConfiguredNikKey);
                try
                {
                    result = await BackupArchive.RestoreAsync(archive.FullName, passphrase, target, parse.GetValue(force), TimeProvider.System,
                        io.Progress(CliText.ProgressRestore), ct);
                }
                catch (BackupException e)
                {
                    return await io.FailAsync(parse, LindungCli.Unusable, CliText.RestoreFailed(e.Text));
                }
            }

            if (result.Manifest.IncludesDatabase)
            {
                // A backup from an older version is brought up to this version's schema, as every start does.
                await using var restored = CliHost.Create(parse);
                await restored.PrepareAsync(ct);
                await AuditEveryTenantAsync(restored.Db, AuditActions.BackupRestored, string.Create(CultureInfo.InvariantCulture,
                    $"{archive.FullName}; cadangan dibuat {result.Manifest.CreatedAt:yyyy-MM-dd HH:mm:ss} UTC"), ct);
            }

            return await io.ResultAsync(parse, new
            {
                file = archive.FullName,
                includesDatabase = result.Manifest.IncludesDatabase,
                createdAt = result.Manifest.CreatedAt,
                lastMigration = result.Manifest.LastMigration,
                restored = result.Restored,
                movedAsideTo = result.MovedAsideTo,
            }, o =>
            {
                o.WriteLine(CliText.RestoreDone(IndonesianFormat.DateTime(result.Manifest.CreatedAt, IndonesianFormat.Wib), result.Restored.Count));
                if (result.MovedAsideTo is { } aside)
                {
                    o.WriteLine(CliText.RestoreMovedAside(aside));
                }

                if (!result.Manifest.IncludesDatabase)
                {
                    o.WriteLine(CliText.RestoreKeysOnly);
                }
            });
        });
        return restore;
    }

    private static async Task AuditEveryTenantAsync(LindungDbContext db, string action, string detail, CancellationToken ct)
    {
        // An installation-level act: each tenant's audit trail shows it, as the archive holds every tenant's data.
        foreach (var tenant in await db.Tenants.AsNoTracking().Select(t => t.Code).ToListAsync(ct))
        {
            db.Audit(action, detail: detail, tenantCode: tenant);
        }

        await db.SaveChangesAsync(ct);
    }

    private static async Task<byte[]> ReadKeyFileAsync(string dataDirectory, CancellationToken ct)
    {
        var path = Path.Combine(dataDirectory, NikProtector.KeyFileName);
        if (!File.Exists(path))
        {
            // Same as any start: an installation without a key gets one (and has no NIK it could not read).
            _ = NikProtector.FromSettings(null, dataDirectory);
        }

        return await File.ReadAllBytesAsync(path, ct);
    }

    private static string Megabytes(long bytes) => IndonesianFormat.Number(bytes / (1024m * 1024m), 1);

    /// <summary>From <paramref name="file"/>'s first line, else asked on the terminal without echo (twice to confirm).</summary>
    internal static async Task<(string? Passphrase, CliMessage? Problem)> ReadPassphraseAsync(CliIo io, FileInfo? file, bool confirm, CancellationToken ct)
    {
        string passphrase;
        if (file is not null)
        {
            if (!file.Exists)
            {
                return (null, CliText.PassphraseFileMissing(file.FullName));
            }

            using var reader = new StreamReader(file.FullName, Encoding.UTF8);
            passphrase = (await reader.ReadLineAsync(ct) ?? "").TrimEnd('\r', '\n');
        }
        else
        {
            if (Console.IsInputRedirected)
            {
                return (null, CliText.PassphraseNoTerminal);
            }

            passphrase = ReadHidden(io.Err, CliText.PassphrasePrompt + " ");
            if (confirm && ReadHidden(io.Err, CliText.PassphraseRepeat + " ") != passphrase)
            {
                return (null, CliText.PassphraseMismatch);
            }
        }

        if (confirm && passphrase.Length < BackupFormat.MinimumPassphraseLength)
        {
            return (null, CliText.PassphraseTooShort(BackupFormat.MinimumPassphraseLength));
        }

        return (passphrase, null);
    }

    private static string ReadHidden(TextWriter prompt, string label)
    {
        prompt.Write(label);
        prompt.Flush();
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }

        prompt.WriteLine();
        return text.ToString();
    }
}
