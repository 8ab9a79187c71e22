using System.Security.Cryptography;
using Lindung.Core.Data;
using Lindung.Core.Import;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Core.Registry.Validation;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lindung.Core.Bpjs;

/// <summary>
/// What every BPJS file Lindung takes in shares (participant lists, invoices): the file spooled once and hashed for
/// idempotency, columns found by Indonesian header synonyms, and the registry's NIK hashes to match rows exactly.
/// </summary>
public static class BpjsFile
{
    public static readonly string[] KpjHeaders = ["KPJ", "No KPJ", "Nomor KPJ", "No Kartu", "Nomor Peserta"];
    public static readonly string[] NikHeaders = ["NIK", "No KTP", "Nomor KTP", "Nomor Induk Kependudukan"];
    public static readonly string[] NameHeaders = ["Nama", "Nama Peserta", "Nama Lengkap", "Nama Tenaga Kerja"];

    /// <summary>Header key (<see cref="HeaderMap.Key"/>) → column, from each column's synonyms.</summary>
    public static Dictionary<string, TCol> Synonyms<TCol>(params (TCol Col, string[] Headers)[] columns)
        where TCol : struct, Enum =>
        columns.SelectMany(x => x.Headers.Select(h => (Key: HeaderMap.Key(h), x.Col))).ToDictionary(x => x.Key, x => x.Col, StringComparer.Ordinal);

    /// <summary>Reads the header row: each known column's index (the first one wins). An empty file is refused.</summary>
    public static Dictionary<TCol, int> Columns<TCol>(ISheetReader reader, Dictionary<string, TCol> synonyms)
        where TCol : struct, Enum
    {
        if (!reader.Read())
        {
            throw new UnusableImportException("file.empty", ImportMessages.NoHeaderRow);
        }

        var columns = new Dictionary<TCol, int>();
        for (var i = 0; i < reader.Cells.Count; i++)
        {
            if (synonyms.TryGetValue(HeaderMap.Key(reader.Cells[i].Text ?? ""), out var col))
            {
                columns.TryAdd(col, i);
            }
        }

        return columns;
    }

    /// <summary>
    /// A seekable copy of the upload and its SHA-256 (hex): a seekable stream is read twice, anything else is spooled to a
    /// temporary file deleted on dispose — never to memory.
    /// </summary>
    public static async Task<Spooled> SpoolAsync(Stream file, CancellationToken ct)
    {
        var spool = file.CanSeek ? null : new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite,
            FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        if (spool is not null)
        {
            await file.CopyToAsync(spool, ct);
        }

        var content = spool ?? file;
        content.Position = 0;
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, ct));
        content.Position = 0;
        return new Spooled(content, spool, hash);
    }

    /// <summary>The registry's NIK hashes and the aliases confirmed in BPJS review, loaded once (byte keys, no hex strings).</summary>
    public static Task<NikIndex> NikIndexAsync(LindungDbContext db, CancellationToken ct) => NikIndexAsync(db, null, ct);

    /// <summary>
    /// The index; with <paramref name="stageWith"/>, on SQLite, the same scan also stages every person not erased as a
    /// fuzzy-stage candidate (<see cref="NikIndex.Candidates"/>): the registry is then read once for both stages instead
    /// of twice (docs/bpjs.md, "Fuzzy stage speed"). Elsewhere (PostgreSQL, another native SQLite library) nothing is
    /// staged and the fuzzy stage reads its candidates itself.
    /// </summary>
    internal static async Task<NikIndex> NikIndexAsync(LindungDbContext db, Registry.Protection.NikProtector? stageWith, CancellationToken ct)
    {
        var tenant = db.CurrentTenantCode ?? throw new InvalidOperationException("The NIK index needs a tenant.");
        List<Dictionary<NikIndex.Key, Guid>> people;
        RegistryCandidates.StagedRows? staged = null;
        if (!db.IsPostgres && stageWith is not null && RegistryCandidates.SqliteColumns.Usable)
        {
            var (low, high) = await RowidRangeAsync(db, ct);
            var middle = low + ((high - low) / 2);
            var halves = await Task.WhenAll(
                Task.Run(() => ReadAndStage(db, tenant, low, middle, stageWith, ct), ct),
                Task.Run(() => ReadAndStage(db, tenant, middle + 1, high, stageWith, ct), ct));
            people = [halves[0].Entries, halves[1].Entries];
            staged = halves[0].Staged;
            staged.Append(halves[1].Staged);
        }
        else if (db.IsPostgres)
        {
            // EF's own SQL (tenant filter included) read with the plain reader: a million rows through EF's materialiser
            // allocate an anonymous object each; here every entry is a struct in the dictionary's arrays.
            people = [await ReadAsync(db, db.People.AsNoTracking().Select(p => new { p.NikHash, p.Id }).CreateDbCommand(), own: false, ct)];
        }
        else
        {
            // SQLite: the people in two halves by rowid, each read on a connection of its own on its own core (a million
            // rows cost about three CPU-seconds to read). They see the committed registry; a BPJS import has not written
            // to People when it loads the index.
            var (low, high) = await RowidRangeAsync(db, ct);
            var middle = low + ((high - low) / 2);
            people = [.. await Task.WhenAll(
                Task.Run(() => ReadAsync(db, PeopleBetween(tenant, low, middle), own: true, ct), ct),
                Task.Run(() => ReadAsync(db, PeopleBetween(tenant, middle + 1, high), own: true, ct), ct))];
        }

        var aliases = await ReadAsync(db, db.BpjsNikAliases.AsNoTracking().Select(a => new { a.NikHash, a.PersonId }).CreateDbCommand(), own: false, ct);
        return new NikIndex(people, aliases) { Candidates = staged };
    }

    /// <summary>
    /// One rowid range of the tenant's people on a SQLite connection of its own, stepped on the statement: hash → person
    /// as <see cref="ReadAsync"/> reads it, and each person not erased staged as a candidate (id, NIK cipher, name, birth
    /// day, sex) as <see cref="RegistryCandidates"/> reads them.
    /// </summary>
    private static (Dictionary<NikIndex.Key, Guid> Entries, RegistryCandidates.StagedRows Staged) ReadAndStage(LindungDbContext db, string tenant,
        long low, long high, Registry.Protection.NikProtector protector, CancellationToken ct)
    {
        var entries = new Dictionary<NikIndex.Key, Guid>();
        var staged = new RegistryCandidates.StagedRows(protector);
        using var connection = new SqliteConnection(db.Database.GetConnectionString());
        connection.Open();
        var scratch = new byte[64];
        RegistryCandidates.Step(connection,
            "SELECT \"NikHash\", \"Id\", \"NikCipher\", \"FullName\", \"BirthDate\", \"Sex\", \"ErasedAt\" FROM \"People\" NOT INDEXED "
            + "WHERE rowid BETWEEN ?1 AND ?2 AND \"TenantCode\" = ?3", [low, high, tenant], p =>
            {
                var id = RegistryCandidates.Id(p, 1, ref scratch);
                if (RegistryCandidates.SqliteColumns.Type(p, 0) != SQLitePCL.raw.SQLITE_NULL
                    && RegistryCandidates.SqliteColumns.Copy(p, 0, ref scratch) is { Length: NikIndex.HashLength } hash)
                {
                    entries[NikIndex.Key.Of(hash)] = id;
                }

                // An erased person (Privacy/PersonalDataEraser) has no name or NIK left to match on: never a candidate.
                if (RegistryCandidates.SqliteColumns.Type(p, 6) == SQLitePCL.raw.SQLITE_NULL)
                {
                    var day = RegistryCandidates.DayNumber(RegistryCandidates.SqliteColumns.Copy(p, 4, ref scratch));
                    staged.Add(id, p, 2, 3, day, RegistryCandidates.Sex(p, 5, ref scratch));
                }
            }, ct);
        return (entries, staged);
    }

    private static async Task<(long Low, long High)> RowidRangeAsync(LindungDbContext db, CancellationToken ct)
    {
        (long, long) range = default;
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = "SELECT coalesce(min(rowid), 0), coalesce(max(rowid), 0) FROM \"People\"";
        await PlainReader.ReadAsync(db, cmd, own: false, async (reader, token) =>
        {
            await reader.ReadAsync(token);
            range = (reader.GetInt64(0), reader.GetInt64(1));
        }, ct);
        return range;
    }

    /// <summary>The tenant's people in a rowid range: the table read in storage order from the first rowid of the range.</summary>
    private static SqliteCommand PeopleBetween(string tenant, long low, long high)
    {
        var cmd = new SqliteCommand("SELECT \"NikHash\", \"Id\" FROM \"People\" NOT INDEXED WHERE rowid BETWEEN $low AND $high AND \"TenantCode\" = $tenant");
        cmd.Parameters.AddWithValue("$low", low);
        cmd.Parameters.AddWithValue("$high", high);
        cmd.Parameters.AddWithValue("$tenant", tenant);
        return cmd;
    }

    /// <summary>Hash → person from a two-column command (<see cref="PlainReader"/>).</summary>
    private static async Task<Dictionary<NikIndex.Key, Guid>> ReadAsync(LindungDbContext db, System.Data.Common.DbCommand command, bool own,
        CancellationToken ct)
    {
        await using var _ = command;
        var entries = new Dictionary<NikIndex.Key, Guid>();
        await PlainReader.ReadAsync(db, command, own, async (reader, token) =>
        {
            while (await reader.ReadAsync(token))
            {
                // GetFieldValue<byte[]> copies the blob once; GetBytes would wrap it in a stream per row first.
                if (!reader.IsDBNull(0) && reader.GetFieldValue<byte[]>(0) is { Length: NikIndex.HashLength } hash)
                {
                    entries[NikIndex.Key.Of(hash)] = GuidBlob.Read(reader, 1);
                }
            }
        }, ct);
        return entries;
    }

    public sealed class Spooled(Stream content, FileStream? spool, string hash) : IAsyncDisposable
    {
        public Stream Content => content;
        public string Hash => hash;

        /// <summary>The content from its start, for one more reading: disposing the returned stream leaves the content open.</summary>
        public Stream Reopen()
        {
            content.Position = 0;
            return new KeepOpen(content);
        }

        public ValueTask DisposeAsync() => spool?.DisposeAsync() ?? ValueTask.CompletedTask;
    }

    /// <summary>A read-only view of a stream whose disposal does not close it (a reader disposes what it reads).</summary>
    private sealed class KeepOpen(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => inner.Length;

        public override long Position
        {
            get => inner.Position;
            set => inner.Position = value;
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override int Read(Span<byte> buffer) => inner.Read(buffer);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(buffer, cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>
/// NIK hash (HMAC-SHA256, 32 bytes) → person, for exact matching of a BPJS file: the hash is held as four 64-bit words
/// in the dictionaries' own entry arrays, so a million-person registry is a few large arrays, not a million small objects
/// the garbage collector must trace while the file is read. The people may come in parts (read side by side); the
/// aliases confirmed in review count only for a hash no person has.
/// </summary>
public sealed class NikIndex
{
    public const int HashLength = 32;

    private List<Dictionary<Key, Guid>> people;
    private Dictionary<Key, Guid> aliases;

    internal NikIndex(List<Dictionary<Key, Guid>> people, Dictionary<Key, Guid> aliases)
    {
        this.people = people;
        this.aliases = aliases;
    }

    public int Count => people.Sum(p => p.Count) + aliases.Count;

    /// <summary>The registry's people staged as fuzzy-stage candidates by the same scan, when asked for; null otherwise.</summary>
    internal RegistryCandidates.StagedRows? Candidates { get; set; }

    /// <summary>The staged candidates, handed over once (the index no longer holds them).</summary>
    internal RegistryCandidates.StagedRows? TakeCandidates()
    {
        var staged = Candidates;
        Candidates = null;
        return staged;
    }

    /// <summary>Gives the memory back once matching is done (the import goes on for a while with the rows).</summary>
    public void Clear()
    {
        people = [];
        aliases = [];
        Candidates = null;
    }

    public bool TryGetValue(byte[]? hash, out Guid personId)
    {
        personId = default;
        if (hash is not { Length: HashLength })
        {
            return false;
        }

        var key = Key.Of(hash);
        foreach (var part in people)
        {
            if (part.TryGetValue(key, out personId))
            {
                return true;
            }
        }

        return aliases.TryGetValue(key, out personId);
    }

    internal readonly record struct Key(ulong A, ulong B, ulong C, ulong D)
    {
        public static Key Of(ReadOnlySpan<byte> hash) => new(
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(hash),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(hash[8..]),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(hash[16..]),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(hash[24..]));
    }
}
