using System.Buffers.Text;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Lindung.Core.Data;
using Lindung.Core.Registry.Protection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace Lindung.Core.Bpjs;

/// <summary>The registry people the fuzzy fallback may compare a BPJS list's residue with (docs/bpjs.md).</summary>
public static class RegistryCandidates
{
    /// <summary>From this many distinct birth dates on, the tenant's people are read in one pass instead of by date.</summary>
    public const int ScanFromDays = 1500;

    private const string Columns = "SELECT \"Id\", \"NikCipher\", \"FullName\", \"BirthDate\", \"Sex\" FROM \"People\"";

    /// <summary>
    /// Everyone born on a day the residue needs (as given or encoded in the NIK, and that day with day and month
    /// swapped), grouped by (birth date, sex), names prepared for scoring in packed pools (<see cref="CandidatePool"/>).
    /// NIKs are decrypted lazily, per candidate, only when the matcher looks at them.
    /// </summary>
    public static async Task<Dictionary<(DateOnly, char), CandidateBlock>> LoadAsync(LindungDbContext db, NikProtector protector,
        IEnumerable<BpjsPersonRow> residue, MatchSettings matchSettings, CancellationToken ct, int scanFromDays = ScanFromDays)
    {
        var days = WantedDays(residue, matchSettings);
        var rows = new StagedRows(protector);
        var tenant = db.CurrentTenantCode ?? throw new InvalidOperationException("Matching needs a tenant.");
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (days.Count >= scanFromDays)
            {
                // Most of the registry is wanted (a large list's residue covers nearly every birth date): one pass over
                // the tenant's rows, filtered here. On SQLite without any index — through one, each row is a random read.
                rows.Reserve(await CountAsync(db, tenant, ct));
                await ReadAsync(db, tenant, [], new DaySet(days), rows, ct);
            }
            else
            {
                // Index lookups on (tenant, birth date, sex) for up to 500 days per query, not one query per row.
                foreach (var chunk in days.Order().Chunk(500))
                {
                    await ReadAsync(db, tenant, chunk, null, rows, ct);
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return rows.Pack(null, ct);
    }

    /// <summary>
    /// The same blocks from rows staged earlier (the exact stage's scan of the registry, <see cref="BpjsFile.NikIndexAsync"/>):
    /// everyone not erased of the tenant, kept here only when born on a day the residue needs.
    /// </summary>
    internal static Dictionary<(DateOnly, char), CandidateBlock> FromStaged(StagedRows staged, IEnumerable<BpjsPersonRow> residue,
        MatchSettings matchSettings, CancellationToken ct)
    {
        var days = WantedDays(residue, matchSettings);
        return days.Count == 0 ? [] : staged.Pack(new DaySet(days), ct);
    }

    /// <summary>Each residue row's birth day (as given, else as its NIK encodes it) and, when the settings say so, that day with day and month swapped.</summary>
    private static HashSet<DateOnly> WantedDays(IEnumerable<BpjsPersonRow> residue, MatchSettings matchSettings)
    {
        var days = new HashSet<DateOnly>();
        foreach (var row in residue)
        {
            if ((row.BirthDate ?? BpjsMatcher.FromNik(BpjsMatcher.Digits(row.Nik))?.BirthDate) is { } day)
            {
                days.Add(day);
                if (matchSettings.TryDayMonthSwap && day.Day <= 12 && day.Day != day.Month)
                {
                    days.Add(new DateOnly(day.Year, day.Day, day.Month));
                }
            }
        }

        return days;
    }

    /// <summary>
    /// One query, either the given days (index lookups) or, with <paramref name="keep"/> (day numbers), every row of the
    /// tenant filtered by day. An erased person (Privacy/PersonalDataEraser) has no name or NIK left to match on: not
    /// even loaded.
    /// </summary>
    private static async Task ReadAsync(LindungDbContext db, string tenant, DateOnly[] days, DaySet? keep, StagedRows rows, CancellationToken ct)
    {
        var sql = new StringBuilder(Columns);
        sql.Append(keep is not null && !db.IsPostgres ? " NOT INDEXED" : "").Append(" WHERE \"TenantCode\" = @tenant AND \"ErasedAt\" IS NULL");
        if (keep is null)
        {
            sql.Append(" AND \"BirthDate\" IN (");
            for (var i = 0; i < days.Length; i++)
            {
                sql.Append(i == 0 ? "@d" : ", @d").Append(i.ToString(CultureInfo.InvariantCulture));
            }

            sql.Append(')');
        }

        if (db.Database.GetDbConnection() is SqliteConnection sqlite && SqliteColumns.Usable)
        {
            // The registry's own database: stepped on the connection's handle and the values copied straight from
            // SQLite's buffers into the staged arrays — through the data reader each row cost five objects (a GUID and a
            // date parsed from strings, the name, the cipher, the sex), ≈ 2.5 µs per row.
            string[] parameters = [tenant, .. days.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))];
            ReadSqlite(sqlite, sql.ToString(), parameters, keep, rows, ct);
            return;
        }

        // PostgreSQL (and SQLite through another native library): the plain data reader (no EF materialisation: a
        // million rows cost seconds through EF).
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        cmd.CommandText = sql.ToString();
        Add(cmd, "@tenant", tenant);
        for (var i = 0; i < days.Length; i++)
        {
            Add(cmd, "@d" + i.ToString(CultureInfo.InvariantCulture), days[i]);
        }

        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var birth = reader.GetFieldValue<DateOnly>(3).DayNumber;
            if (keep is not null && !keep.Contains(birth))
            {
                continue;
            }

            rows.Add(GuidBlob.Read(reader, 0), reader.GetFieldValue<byte[]>(1), reader.GetString(2), birth, reader.GetString(4)[0]);
        }
    }

    /// <summary>
    /// The query stepped on the connection's own handle (so inside its transaction, if any), each value read as SQLite
    /// holds it and converted as Microsoft.Data.Sqlite would: the GUID from its text (or 16-byte blob), the date from
    /// its <c>yyyy-MM-dd</c> text, the name's UTF-8 bytes kept as they are.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReadSqlite(SqliteConnection connection, string sql, string[] parameters, DaySet? keep, StagedRows rows, CancellationToken ct)
    {
        var numbered = new StringBuilder(sql).Replace("@tenant", "?1");
        for (var i = parameters.Length - 2; i >= 0; i--)
        {
            // From the highest index down: "@d1" must not turn "@d10" into "?20".
            numbered.Replace("@d" + i.ToString(CultureInfo.InvariantCulture), "?" + (i + 2).ToString(CultureInfo.InvariantCulture));
        }

        var scratch = new byte[64];
        Step(connection, numbered.ToString(), parameters, p =>
        {
            var birth = DayNumber(SqliteColumns.Copy(p, 3, ref scratch));
            if (keep is null || keep.Contains(birth))
            {
                rows.Add(Id(p, 0, ref scratch), p, 1, 2, birth, Sex(p, 4, ref scratch));
            }
        }, ct);
    }

    /// <summary>
    /// Steps a query on the connection's own handle, calling <paramref name="row"/> with the statement's pointer for each
    /// row (read its columns with <see cref="SqliteColumns"/>); parameters are bound by position (<c>?1</c>, <c>?2</c> …),
    /// text or 64-bit integers. A file another connection holds locked is waited for as Microsoft.Data.Sqlite's commands
    /// wait, until the connection's default timeout.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Step(SqliteConnection connection, string sql, object[] parameters, Action<nint> row, CancellationToken ct)
    {
        var handle = connection.Handle!;

        // A file another connection holds locked (committing) answers SQLITE_BUSY to preparing (the schema is read) and to
        // the first step: both retried like Microsoft.Data.Sqlite's commands do, until the connection's default timeout.
        // Once reading, the statement holds its lock.
        var started = Stopwatch.GetTimestamp();
        bool Wait(int rc)
        {
            if (rc is not (raw.SQLITE_BUSY or raw.SQLITE_LOCKED) || Stopwatch.GetElapsedTime(started).TotalSeconds >= connection.DefaultTimeout)
            {
                return false;
            }

            Thread.Sleep(150);
            return true;
        }

        sqlite3_stmt stmt;
        int prepared;
        while (Wait(prepared = raw.sqlite3_prepare_v2(handle, sql, out stmt)))
        {
            stmt.Dispose();
        }

        SqliteException.ThrowExceptionForRC(prepared, handle);
        using (stmt)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                SqliteException.ThrowExceptionForRC(parameters[i] switch
                {
                    string text => raw.sqlite3_bind_text(stmt, i + 1, text),
                    long number => raw.sqlite3_bind_int64(stmt, i + 1, number),
                    var other => throw new ArgumentException($"Cannot bind a {other?.GetType().Name ?? "null"}.", nameof(parameters)),
                }, handle);
            }

            var added = false;
            stmt.DangerousAddRef(ref added);
            try
            {
                var p = stmt.DangerousGetHandle();
                var read = 0;
                var rc = raw.sqlite3_step(stmt);
                while (Wait(rc))
                {
                    raw.sqlite3_reset(stmt);
                    rc = raw.sqlite3_step(stmt);
                }

                for (; rc == raw.SQLITE_ROW; rc = raw.sqlite3_step(stmt))
                {
                    if ((++read & 0xFFFF) == 0)
                    {
                        ct.ThrowIfCancellationRequested();
                    }

                    row(p);
                }

                if (rc != raw.SQLITE_DONE)
                {
                    SqliteException.ThrowExceptionForRC(rc, handle);
                }
            }
            finally
            {
                if (added)
                {
                    stmt.DangerousRelease();
                }
            }
        }
    }

    /// <summary>A GUID column as stored: its 16 big-endian bytes (<see cref="GuidBlob"/>), or its text.</summary>
    internal static Guid Id(nint stmt, int column, ref byte[] scratch) =>
        SqliteColumns.Type(stmt, column) == raw.SQLITE_BLOB ? GuidBlob.FromBytes(SqliteColumns.Copy(stmt, column, ref scratch)) : ParseId(SqliteColumns.Copy(stmt, column, ref scratch));

    /// <summary>The first character of a text column (the sex, stored as one letter).</summary>
    internal static char Sex(nint stmt, int column, ref byte[] scratch)
    {
        var bytes = SqliteColumns.Copy(stmt, column, ref scratch);
        return bytes.Length > 0 && bytes[0] < 0x80 ? (char)bytes[0] : Encoding.UTF8.GetString(bytes)[0];
    }

    private static Guid ParseId(ReadOnlySpan<byte> text) =>
        Utf8Parser.TryParse(text, out Guid id, out var used) && used == text.Length ? id : Guid.Parse(Encoding.UTF8.GetString(text));

    /// <summary>The day number of a <c>yyyy-MM-dd</c> date as EF stores a DateOnly on SQLite; anything else parsed as text.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int DayNumber(ReadOnlySpan<byte> s)
    {
        if (s.Length == 10 && s[4] == '-' && s[7] == '-' && Utf8Parser.TryParse(s[..4], out int year, out var y) && y == 4
            && Utf8Parser.TryParse(s.Slice(5, 2), out int month, out var m) && m == 2 && Utf8Parser.TryParse(s.Slice(8, 2), out int day, out var d) && d == 2)
        {
            return new DateOnly(year, month, day).DayNumber;
        }

        return DateOnly.Parse(Encoding.UTF8.GetString(s), CultureInfo.InvariantCulture).DayNumber;
    }

    /// <summary>The tenant's people, erased or not: room for the staged rows without growing them a million rows in.</summary>
    private static async Task<int> CountAsync(LindungDbContext db, string tenant, CancellationToken ct)
    {
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        cmd.CommandText = "SELECT COUNT(*) FROM \"People\" WHERE \"TenantCode\" = @tenant";
        Add(cmd, "@tenant", tenant);
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    /// <summary>Birth days wanted, as day numbers: a lookup in an array for each of a million rows.</summary>
    internal sealed class DaySet
    {
        private readonly int first;
        private readonly bool[] wanted;

        public DaySet(IReadOnlyCollection<DateOnly> days)
        {
            first = days.Min().DayNumber;
            wanted = new bool[days.Max().DayNumber - first + 1];
            foreach (var day in days)
            {
                wanted[day.DayNumber - first] = true;
            }
        }

        public bool Contains(int day) => (uint)(day - first) < (uint)wanted.Length && wanted[day - first];
    }

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }

    /// <summary>
    /// The rows as read, in a few growing arrays (no object per person): id, NIK cipher and name bytes, birth day and sex.
    /// <see cref="Pack"/> groups them into blocks and prepares the names; the pools then ask for ids and NIKs by row.
    /// </summary>
    internal sealed class StagedRows(NikProtector protector) : CandidateSource
    {
        private int count;
        private Guid[] ids = new Guid[1024];
        private int[] days = new int[1024];
        private char[] sexes = new char[1024];
        private int[] nameStarts = new int[1025];
        private byte[] names = new byte[16 * 1024];
        private int[] cipherStarts = new int[1025];
        private byte[] ciphers = new byte[48 * 1024];

        /// <summary>Room for this many rows (names and ciphers of the usual length), allocated without zeroing: every slot is written before it is read.</summary>
        public void Reserve(int rows)
        {
            if (count > 0 || rows <= ids.Length)
            {
                return;
            }

            ids = GC.AllocateUninitializedArray<Guid>(rows);
            days = GC.AllocateUninitializedArray<int>(rows);
            sexes = GC.AllocateUninitializedArray<char>(rows);
            nameStarts = GC.AllocateUninitializedArray<int>(rows + 1);
            cipherStarts = GC.AllocateUninitializedArray<int>(rows + 1);
            nameStarts[0] = cipherStarts[0] = 0;
            names = GC.AllocateUninitializedArray<byte>(rows * 24);
            ciphers = GC.AllocateUninitializedArray<byte>(rows * 48);
        }

        /// <summary>The current row of a SQLite statement: cipher (column 1) and name (column 2) copied from SQLite's buffers.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(Guid id, nint stmt, int cipherColumn, int nameColumn, int day, char sex)
        {
            var (cipher, cipherLength) = SqliteColumns.Bytes(stmt, cipherColumn);
            var (name, nameLength) = SqliteColumns.Bytes(stmt, nameColumn);
            Grow(nameLength, cipherLength);
            SqliteColumns.CopyTo(name, names, nameStarts[count], nameLength);
            SqliteColumns.CopyTo(cipher, ciphers, cipherStarts[count], cipherLength);
            ids[count] = id;
            days[count] = day;
            sexes[count] = sex;
            nameStarts[count + 1] = nameStarts[count] + nameLength;
            cipherStarts[count + 1] = cipherStarts[count] + cipherLength;
            count++;
        }

        public void Add(Guid id, byte[] cipher, string name, int day, char sex)
        {
            var length = Encoding.UTF8.GetByteCount(name);
            Grow(length, cipher.Length);
            Encoding.UTF8.GetBytes(name, names.AsSpan(nameStarts[count]));
            Finish(id, cipher, nameStarts[count] + length, day, sex);
        }

        private void Grow(int nameLength, int cipherLength)
        {
            if (count == ids.Length)
            {
                var capacity = ids.Length * 2;
                Array.Resize(ref ids, capacity);
                Array.Resize(ref days, capacity);
                Array.Resize(ref sexes, capacity);
                Array.Resize(ref nameStarts, capacity + 1);
                Array.Resize(ref cipherStarts, capacity + 1);
            }

            if (nameStarts[count] + nameLength > names.Length)
            {
                Array.Resize(ref names, Math.Max(names.Length * 2, nameStarts[count] + nameLength));
            }

            if (cipherStarts[count] + cipherLength > ciphers.Length)
            {
                Array.Resize(ref ciphers, Math.Max(ciphers.Length * 2, cipherStarts[count] + cipherLength));
            }
        }

        private void Finish(Guid id, ReadOnlySpan<byte> cipher, int nameEnd, int day, char sex)
        {
            cipher.CopyTo(ciphers.AsSpan(cipherStarts[count]));
            ids[count] = id;
            days[count] = day;
            sexes[count] = sex;
            nameStarts[count + 1] = nameEnd;
            cipherStarts[count + 1] = cipherStarts[count] + cipher.Length;
            count++;
        }

        /// <summary>ASCII bytes as characters, one for one: their count, or -1 for anything else (or too long).</summary>
        private static int Widen(ReadOnlySpan<byte> bytes, Span<char> chars)
        {
            if (bytes.Length > chars.Length)
            {
                return -1;
            }

            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] >= 0x80)
                {
                    return -1;
                }

                chars[i] = (char)bytes[i];
            }

            return bytes.Length;
        }

        /// <summary>Another's rows after these (the halves of one scan), in their order: the same as if read one after the other.</summary>
        public void Append(StagedRows other)
        {
            for (var r = 0; r < other.count; r++)
            {
                var name = other.names.AsSpan(other.nameStarts[r], other.nameStarts[r + 1] - other.nameStarts[r]);
                var cipher = other.ciphers.AsSpan(other.cipherStarts[r], other.cipherStarts[r + 1] - other.cipherStarts[r]);
                Grow(name.Length, cipher.Length);
                name.CopyTo(names.AsSpan(nameStarts[count]));
                Finish(other.ids[r], cipher, nameStarts[count] + name.Length, other.days[r], other.sexes[r]);
            }
        }

        public int Count => count;

        public override Guid Id(int row) => ids[row];

        // Decrypted each time asked: the matcher asks once per row for the one or two candidates alike enough.
        public override string Nik(int row) => protector.Decrypt(ciphers.AsSpan(cipherStarts[row], cipherStarts[row + 1] - cipherStarts[row]).ToArray());

        /// <summary>
        /// The rows grouped by (birth date, sex) and their names prepared, in pools of whole blocks built on every
        /// core: each pool holds its blocks' candidates one after another, in the order they were read.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public Dictionary<(DateOnly, char), CandidateBlock> Pack(DaySet? keep, CancellationToken ct)
        {
            var blockOf = new Dictionary<(int Day, char Sex), int>();
            var keys = new List<(int Day, char Sex)>();
            var sizes = new List<int>();
            var blockOfRow = new int[count];
            for (var r = 0; r < count; r++)
            {
                if (keep is not null && !keep.Contains(days[r]))
                {
                    // Staged from the whole registry, not born on a day the residue needs: in no block.
                    blockOfRow[r] = -1;
                    continue;
                }

                if (!blockOf.TryGetValue((days[r], sexes[r]), out var b))
                {
                    blockOf.Add((days[r], sexes[r]), b = keys.Count);
                    keys.Add((days[r], sexes[r]));
                    sizes.Add(0);
                }

                blockOfRow[r] = b;
                sizes[b]++;
            }

            var blockStarts = new int[keys.Count + 1];
            for (var b = 0; b < keys.Count; b++)
            {
                blockStarts[b + 1] = blockStarts[b] + sizes[b];
            }

            // Pools of consecutive blocks, about 16k candidates each: enough pools to keep every core busy, few enough
            // to stay a handful of objects.
            var cuts = new List<int> { 0 };
            for (var b = 1; b < keys.Count; b++)
            {
                if (blockStarts[b] - blockStarts[cuts[^1]] >= 16_384)
                {
                    cuts.Add(b);
                }
            }

            cuts.Add(keys.Count);
            var poolOfBlock = new int[keys.Count];
            var poolNames = new byte[cuts.Count - 1][];
            for (var p = 0; p < poolNames.Length; p++)
            {
                poolOfBlock.AsSpan(cuts[p], cuts[p + 1] - cuts[p]).Fill(p);
            }

            // Each pool's names copied out in the order they were read (one pass, a few dozen sequential streams) and
            // each candidate's place in block order noted: the pools then read their names in block order from a few
            // hundred kilobytes of their own, not all over the whole read (a cache miss per name, measured ≈ 0.5 s).
            var poolBytes = new int[poolNames.Length];
            for (var r = 0; r < count; r++)
            {
                if (blockOfRow[r] >= 0)
                {
                    poolBytes[poolOfBlock[blockOfRow[r]]] += nameStarts[r + 1] - nameStarts[r];
                }
            }

            for (var p = 0; p < poolNames.Length; p++)
            {
                poolNames[p] = GC.AllocateUninitializedArray<byte>(poolBytes[p]);
                poolBytes[p] = 0;
            }

            var rowAt = new int[count];
            var nameAt = new int[count];
            var next = blockStarts[..^1];
            for (var r = 0; r < count; r++)
            {
                var b = blockOfRow[r];
                if (b < 0)
                {
                    continue;
                }

                var p = poolOfBlock[b];
                var at = next[b]++;
                var length = nameStarts[r + 1] - nameStarts[r];
                names.AsSpan(nameStarts[r], length).CopyTo(poolNames[p].AsSpan(poolBytes[p]));
                rowAt[at] = r;
                nameAt[at] = poolBytes[p];
                poolBytes[p] += length;
            }

            var result = new Dictionary<(DateOnly, char), CandidateBlock>(keys.Count);
            var pools = new CandidatePool[cuts.Count - 1];
            Parallel.For(0, pools.Length, new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = pools.Length < 4 ? 1 : -1 },
                [MethodImpl(MethodImplOptions.AggressiveOptimization)] (p) =>
            {
                var (first, last) = (blockStarts[cuts[p]], blockStarts[cuts[p + 1]]);
                var pool = new CandidatePool(this, last - first, (last - first) * 20);
                var own = poolNames[p];
                Span<char> widened = stackalloc char[512];
                Span<char> normalized = stackalloc char[NameSimilarity.PlainResultLength];
                for (var i = first; i < last; i++)
                {
                    var r = rowAt[i];
                    var bytes = own.AsSpan(nameAt[i], nameStarts[r + 1] - nameStarts[r]);
                    if (Widen(bytes, widened) is var ascii && ascii >= 0)
                    {
                        // ASCII bytes are the string's characters one for one: the span fast path on them is
                        // Normalize(string) on the name the data reader would have returned.
                        var chars = widened[..ascii];
                        if (NameSimilarity.TryNormalizePlain(chars, normalized, out var length))
                        {
                            pool.Add(r, normalized[..length]);
                        }
                        else
                        {
                            pool.Add(r, NameSimilarity.Normalize(new string(chars)));
                        }
                    }
                    else
                    {
                        pool.Add(r, NameSimilarity.Normalize(Encoding.UTF8.GetString(bytes)));
                    }
                }

                pools[p] = pool;
            });

            for (var p = 0; p < pools.Length; p++)
            {
                for (var b = cuts[p]; b < cuts[p + 1]; b++)
                {
                    var (day, sex) = keys[b];
                    result[(DateOnly.FromDayNumber(day), sex)] = new CandidateBlock(pools[p], blockStarts[b] - blockStarts[cuts[p]], sizes[b]);
                }
            }

            return result;
        }
    }

    /// <summary>
    /// SQLite's column accessors called directly on the statement's pointer, without the safe-handle reference counting
    /// SQLitePCLRaw does on every call (a quarter of the read's time for seven calls per row). Only when SQLitePCLRaw
    /// itself uses the e_sqlite3 library — the handle must belong to the library these functions are in.
    /// </summary>
    internal static class SqliteColumns
    {
        public static readonly bool Usable = raw.GetNativeLibraryName() == "e_sqlite3";

        /// <summary>The value's bytes as SQLite holds them (text without conversion), pointer first, as SQLite asks.</summary>
        public static (nint Pointer, int Length) Bytes(nint stmt, int column)
        {
            var pointer = ColumnBlob(stmt, column);
            return (pointer, ColumnBytes(stmt, column));
        }

        /// <summary>A short value copied into <paramref name="scratch"/> (grown when needed).</summary>
        public static ReadOnlySpan<byte> Copy(nint stmt, int column, ref byte[] scratch)
        {
            var (pointer, length) = Bytes(stmt, column);
            if (length > scratch.Length)
            {
                scratch = new byte[length];
            }

            SqliteColumns.CopyTo(pointer, scratch, 0, length);
            return scratch.AsSpan(0, length);
        }

        /// <summary>Marshal.Copy, except for an empty value (SQLite's pointer is then null).</summary>
        public static void CopyTo(nint pointer, byte[] destination, int offset, int length)
        {
            if (length > 0)
            {
                Marshal.Copy(pointer, destination, offset, length);
            }
        }

        public static int Type(nint stmt, int column) => ColumnType(stmt, column);

#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe code enabled for the whole project; blittable calls.
        // Plain accessors of the current row: no I/O, no callbacks, so without the GC transition.
        [DllImport("e_sqlite3", EntryPoint = "sqlite3_column_blob"), SuppressGCTransition]
        private static extern nint ColumnBlob(nint stmt, int column);

        [DllImport("e_sqlite3", EntryPoint = "sqlite3_column_bytes"), SuppressGCTransition]
        private static extern int ColumnBytes(nint stmt, int column);

        [DllImport("e_sqlite3", EntryPoint = "sqlite3_column_type"), SuppressGCTransition]
        private static extern int ColumnType(nint stmt, int column);
#pragma warning restore SYSLIB1054
    }
}
