using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Lindung.Core.Data;

/// <summary>
/// The SQLite side of <see cref="BulkInsert"/>: one prepared INSERT stepped on the connection's own handle, every value
/// bound by position straight from a reused UTF-8 buffer. Through <c>SqliteCommand</c> each row cost a data reader, a
/// parameter lookup by name per column and a new UTF-8 array per text value — about as much CPU as SQLite's own work
/// for a table without secondary indexes (docs/performance.md). The values are the EF provider values, written as
/// Microsoft.Data.Sqlite writes them (GUIDs arrive as their 16 bytes, see <see cref="GuidBlob"/>; <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>,
/// <c>yyyy-MM-dd</c>, integers, blobs); <c>BulkInsertTests</c> compare every column with what SaveChanges stores.
/// </summary>
internal sealed class SqliteNativeInsert : IDisposable
{
    internal const string DateTimeFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";
    internal const string DateFormat = @"yyyy\-MM\-dd";

    /// <summary>SQLite copies the value before the bind returns (the buffer is reused for the next one).</summary>
    private static readonly nint Transient = -1;

    private readonly SqliteConnection connection;
    private readonly sqlite3_stmt statement;
    private readonly Kind[] kinds;
    private byte[] buffer = new byte[256];

    /// <summary>The prepared statement's handle while a row is bound and stepped (Insert holds a reference on it).</summary>
    private nint current;

    private SqliteNativeInsert(SqliteConnection connection, sqlite3_stmt statement, Kind[] kinds)
    {
        this.connection = connection;
        this.statement = statement;
        this.kinds = kinds;
    }

    /// <summary>How a column's provider value is bound; null when its type is not one this path writes.</summary>
    internal static Kind? KindOf(Type providerType)
    {
        var type = Nullable.GetUnderlyingType(providerType) ?? providerType;
        return type == typeof(string) ? Kind.Text
            : type == typeof(byte[]) ? Kind.Blob
            : type == typeof(DateTime) ? Kind.DateTime
            : type == typeof(DateOnly) ? Kind.Date
            : type == typeof(long) ? Kind.Int64
            : type == typeof(int) ? Kind.Int32
            : type == typeof(short) ? Kind.Int16
            : type == typeof(byte) ? Kind.Byte
            : type == typeof(bool) ? Kind.Boolean
            : type == typeof(char) ? Kind.Char
            : type == typeof(double) ? Kind.Double
            : type == typeof(float) ? Kind.Single
            : null;
    }

    /// <summary>Usable when SQLitePCLRaw runs on the e_sqlite3 library this class calls into directly.</summary>
    internal static bool Usable => raw.GetNativeLibraryName() == "e_sqlite3";

    internal static SqliteNativeInsert Prepare(SqliteConnection connection, string sql, Kind[] kinds)
    {
        var handle = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var rc = raw.sqlite3_prepare_v2(handle, sql, out var stmt);
        if (rc != raw.SQLITE_OK)
        {
            stmt.Dispose();
            SqliteException.ThrowExceptionForRC(rc, handle);
        }

        return new SqliteNativeInsert(connection, stmt, kinds);
    }

    /// <summary>Binds one row's provider values (in column order) and inserts it.</summary>
    internal void Insert(ReadOnlySpan<object?> values)
    {
        var added = false;
        statement.DangerousAddRef(ref added);
        try
        {
            current = statement.DangerousGetHandle();
            for (var i = 0; i < kinds.Length; i++)
            {
                Bind(i + 1, kinds[i], values[i]);
            }

            StepAndReset();
        }
        finally
        {
            current = 0;
            if (added)
            {
                statement.DangerousRelease();
            }
        }
    }

    /// <summary>
    /// Inserts one entity, each column bound by its compiled binder (<see cref="BulkInsert"/>): the property read, its EF
    /// conversion and the bind in one typed call, without boxing each value into an object first (≈ 1 GB of short-lived
    /// objects per million imported workers, docs/performance.md).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Insert(object row, ColumnBinder[] binders)
    {
        var added = false;
        statement.DangerousAddRef(ref added);
        try
        {
            current = statement.DangerousGetHandle();
            for (var i = 0; i < binders.Length; i++)
            {
                binders[i](row, this, i + 1);
            }

            StepAndReset();
        }
        finally
        {
            current = 0;
            if (added)
            {
                statement.DangerousRelease();
            }
        }
    }

    /// <summary>Binds one column of a row being inserted (parameter indexes start at 1).</summary>
    internal delegate void ColumnBinder(object row, SqliteNativeInsert insert, int index);

    private void StepAndReset()
    {
        var step = Step(current);
        if (step is raw.SQLITE_BUSY or raw.SQLITE_LOCKED)
        {
            step = Retry(current, step);
        }

        if (step != raw.SQLITE_DONE)
        {
            // SQLite keeps the error message until the statement is reset; the statement is not used again.
            Fail(step);
        }

        // After SQLITE_DONE, reset answers SQLITE_OK.
        _ = Reset(current);
    }

    /// <summary>A file another connection holds locked is waited for as Microsoft.Data.Sqlite's commands wait: until the connection's default timeout.</summary>
    private int Retry(nint stmt, int rc)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        while (rc is raw.SQLITE_BUSY or raw.SQLITE_LOCKED
            && System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds < connection.DefaultTimeout)
        {
            // Reset answers the step's own code again (busy), already known.
            _ = Reset(stmt);
            Thread.Sleep(150);
            rc = Step(stmt);
        }

        return rc;
    }

    private void Fail(int rc) => SqliteException.ThrowExceptionForRC(rc, connection.Handle);

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            Fail(rc);
        }
    }

    private void Bind(int index, Kind kind, object? value)
    {
        if (value is null)
        {
            BindNull(index);
            return;
        }

        switch (kind)
        {
            case Kind.Text:
                BindText(index, (string)value);
                break;
            case Kind.Blob:
                BindBlob(index, (byte[])value);
                break;
            case Kind.DateTime:
                BindDateTime(index, (DateTime)value);
                break;
            case Kind.Date:
                BindDate(index, (DateOnly)value);
                break;
            case Kind.Char:
                BindChar(index, (char)value);
                break;
            case Kind.Double:
                BindReal(index, (double)value);
                break;
            case Kind.Single:
                BindReal(index, (float)value);
                break;
            case Kind.Int64:
                BindInt64(index, (long)value);
                break;
            case Kind.Int32:
                BindInt64(index, (int)value);
                break;
            case Kind.Int16:
                BindInt64(index, (short)value);
                break;
            case Kind.Byte:
                BindInt64(index, (byte)value);
                break;
            case Kind.Boolean:
                BindBoolean(index, (bool)value);
                break;
            default:
                throw new InvalidOperationException($"No native binding for {kind}.");
        }
    }

    /// <summary>The typed bind for a column of <paramref name="kind"/>, and the type its value is converted to first.</summary>
    internal static (string Method, Type Value) BindOf(Kind kind) => kind switch
    {
        Kind.Text => (nameof(BindText), typeof(string)),
        Kind.Blob => (nameof(BindBlob), typeof(byte[])),
        Kind.DateTime => (nameof(BindDateTime), typeof(DateTime)),
        Kind.Date => (nameof(BindDate), typeof(DateOnly)),
        Kind.Char => (nameof(BindChar), typeof(char)),
        Kind.Boolean => (nameof(BindBoolean), typeof(bool)),
        Kind.Double or Kind.Single => (nameof(BindReal), typeof(double)),
        Kind.Int64 or Kind.Int32 or Kind.Int16 or Kind.Byte => (nameof(BindInt64), typeof(long)),
        _ => throw new InvalidOperationException($"No native binding for {kind}."),
    };

    // The typed binds, called with the statement of the row being inserted (Insert sets it). Each checks SQLite's answer.
    internal void BindNull(int index) => Check(RawBindNull(current, index));

    internal void BindText(int index, string? text)
    {
        if (text is null)
        {
            BindNull(index);
            return;
        }

        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (max > buffer.Length)
        {
            buffer = new byte[Math.Max(max, buffer.Length * 2)];
        }

        var length = Encoding.UTF8.GetBytes(text, buffer);
        Check(RawBindText(current, index, ref MemoryMarshal.GetArrayDataReference(buffer), length, Transient));
    }

    internal void BindBlob(int index, byte[]? bytes)
    {
        if (bytes is null)
        {
            BindNull(index);
            return;
        }

        Check(bytes.Length == 0
            ? RawBindZeroBlob(current, index, 0)
            : RawBindBlob(current, index, ref MemoryMarshal.GetArrayDataReference(bytes), bytes.Length, Transient));
    }

    /// <summary>A GUID as <see cref="GuidBlob"/> stores it (its 16 bytes, big-endian), from the stack instead of a new array.</summary>
    internal void BindGuid(int index, Guid value)
    {
        Span<byte> bytes = stackalloc byte[16];
        GuidBlob.Write(value, bytes);
        Check(RawBindBlob(current, index, ref MemoryMarshal.GetReference(bytes), 16, Transient));
    }

    internal void BindDateTime(int index, DateTime value)
    {
        var length = FormatDateTime(value, buffer);
        Check(RawBindText(current, index, ref MemoryMarshal.GetArrayDataReference(buffer), length, Transient));
    }

    internal void BindDate(int index, DateOnly value)
    {
        var length = FormatDate(value, buffer);
        Check(RawBindText(current, index, ref MemoryMarshal.GetArrayDataReference(buffer), length, Transient));
    }

    /// <summary>As Microsoft.Data.Sqlite binds a char: the one-character text.</summary>
    internal void BindChar(int index, char value)
    {
        var length = Encoding.UTF8.GetBytes([value], buffer);
        Check(RawBindText(current, index, ref MemoryMarshal.GetArrayDataReference(buffer), length, Transient));
    }

    /// <summary>As Microsoft.Data.Sqlite: NaN is refused (SQLite would store it as NULL).</summary>
    internal void BindReal(int index, double value) =>
        Check(double.IsNaN(value) ? throw new InvalidOperationException("Cannot store 'NaN' values.") : RawBindDouble(current, index, value));

    internal void BindInt64(int index, long value) => Check(RawBindInt64(current, index, value));

    internal void BindBoolean(int index, bool value) => BindInt64(index, value ? 1 : 0);

    /// <summary>
    /// <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c> as Microsoft.Data.Sqlite writes a <see cref="DateTime"/> (the fraction without
    /// its trailing zeros, and without the dot when it is zero), digit by digit: .NET's custom-format path took ≈ 5% of the
    /// bulk writer's CPU (several dates a row). <c>BulkInsertTests</c> compare it with <see cref="DateTimeFormat"/>.
    /// </summary>
    internal static int FormatDateTime(DateTime value, Span<byte> output)
    {
        var length = FormatDate(DateOnly.FromDateTime(value), output);
        output[length++] = (byte)' ';
        length = Two(output, length, value.Hour);
        output[length++] = (byte)':';
        length = Two(output, length, value.Minute);
        output[length++] = (byte)':';
        length = Two(output, length, value.Second);
        var fraction = (int)(value.Ticks % TimeSpan.TicksPerSecond);
        if (fraction == 0)
        {
            return length;
        }

        output[length] = (byte)'.';
        for (var i = 7; i >= 1; i--)
        {
            output[length + i] = (byte)('0' + (fraction % 10));
            fraction /= 10;
        }

        length += 8;
        while (output[length - 1] == (byte)'0')
        {
            length--;
        }

        return length;
    }

    /// <summary><c>yyyy-MM-dd</c> (the year always four digits).</summary>
    internal static int FormatDate(DateOnly value, Span<byte> output)
    {
        value.Deconstruct(out var year, out var month, out var day);
        output[0] = (byte)('0' + (year / 1000));
        output[1] = (byte)('0' + (year / 100 % 10));
        output[2] = (byte)('0' + (year / 10 % 10));
        output[3] = (byte)('0' + (year % 10));
        output[4] = (byte)'-';
        Two(output, 5, month);
        output[7] = (byte)'-';
        Two(output, 8, day);
        return 10;
    }

    private static int Two(Span<byte> output, int at, int value)
    {
        output[at] = (byte)('0' + (value / 10));
        output[at + 1] = (byte)('0' + (value % 10));
        return at + 2;
    }

    public void Dispose() => statement.Dispose();

    internal enum Kind
    {
        Text,
        Blob,
        DateTime,
        Date,
        Int64,
        Int32,
        Int16,
        Byte,
        Boolean,
        Char,
        Double,
        Single,
    }

#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe code enabled for the whole project; blittable calls.
    // Binding copies the value into the statement (SQLITE_TRANSIENT): no I/O, no callbacks, so without the GC transition.
    [DllImport("e_sqlite3", EntryPoint = "sqlite3_bind_text"), SuppressGCTransition]
    private static extern int RawBindText(nint stmt, int index, ref byte value, int length, nint destructor);

    [DllImport("e_sqlite3", EntryPoint = "sqlite3_bind_blob"), SuppressGCTransition]
    private static extern int RawBindBlob(nint stmt, int index, ref byte value, int length, nint destructor);

    [DllImport("e_sqlite3", EntryPoint = "sqlite3_bind_zeroblob"), SuppressGCTransition]
    private static extern int RawBindZeroBlob(nint stmt, int index, int length);

    [DllImport("e_sqlite3", EntryPoint = "sqlite3_bind_int64"), SuppressGCTransition]
    private static extern int RawBindInt64(nint stmt, int index, long value);

    [DllImport("e_sqlite3", EntryPoint = "sqlite3_bind_double"), SuppressGCTransition]
    private static extern int RawBindDouble(nint stmt, int index, double value);

    [DllImport("e_sqlite3", EntryPoint = "sqlite3_bind_null"), SuppressGCTransition]
    private static extern int RawBindNull(nint stmt, int index);

    // Stepping writes pages and may wait on I/O: a normal transition.
    [DllImport("e_sqlite3", EntryPoint = "sqlite3_step")]
    private static extern int Step(nint stmt);

    [DllImport("e_sqlite3", EntryPoint = "sqlite3_reset"), SuppressGCTransition]
    private static extern int Reset(nint stmt);
#pragma warning restore SYSLIB1054
}
