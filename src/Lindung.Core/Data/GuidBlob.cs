using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lindung.Core.Data;

/// <summary>
/// On SQLite every GUID is stored as its 16 bytes in big-endian (RFC 4122) order, not as 36 characters of text: the
/// registry's keys and foreign keys are then less than half as long, in the tables and in every index that holds them
/// (a 1M registry 1.34 → 1.05 GB, most registry-list filters faster; the import itself barely changed — its cost is
/// the number of index inserts, not the keys' length: docs/performance.md, "Stop 18"). Big-endian keeps the byte order
/// of the text form, so version-7 ids still sort by creation time (EF's own <c>GuidToBytesConverter</c> uses .NET's
/// little-endian layout, which would scatter them), and <c>unhex(replace(id, '-', ''))</c> turns a stored text id into
/// the same bytes (migration <c>GuidsAsBlobs</c>).
/// PostgreSQL keeps its native <c>uuid</c>.
/// </summary>
public static class GuidBlob
{
    /// <summary>The value converter EF applies to every <see cref="Guid"/> property on SQLite.</summary>
    public sealed class Converter() : ValueConverter<Guid, byte[]>(g => ToBytes(g), b => FromBytes(b));

    public static byte[] ToBytes(Guid value) => value.ToByteArray(bigEndian: true);

    /// <summary>The stored bytes into <paramref name="destination"/> (16 bytes), for a bind that needs no array.</summary>
    public static void Write(Guid value, Span<byte> destination) => value.TryWriteBytes(destination, bigEndian: true, out _);

    public static Guid FromBytes(byte[] value) => new(value, bigEndian: true);

    public static Guid FromBytes(ReadOnlySpan<byte> value) => new(value, bigEndian: true);

    /// <summary>
    /// A GUID column read with the plain data reader: a 16-byte blob on SQLite (big-endian, as stored by
    /// <see cref="Converter"/> — Microsoft.Data.Sqlite's own <c>GetGuid</c> would read it little-endian), a
    /// <c>uuid</c> on PostgreSQL.
    /// </summary>
    public static Guid Read(DbDataReader reader, int ordinal)
    {
        if (reader.GetFieldType(ordinal) != typeof(byte[]))
        {
            return reader.GetGuid(ordinal);
        }

        // Not GetBytes: Microsoft.Data.Sqlite 10 crashes the process (SIGSEGV) on it for a blob that is not a table's column,
        // and for a column it opens an incremental blob reader per call.
        var bytes = reader.GetFieldValue<byte[]>(ordinal);
        return bytes.Length == 16 ? FromBytes(bytes) : throw new InvalidCastException($"Column {ordinal} holds a blob that is not a 16-byte GUID.");
    }
}
