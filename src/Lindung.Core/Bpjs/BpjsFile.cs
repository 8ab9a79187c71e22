using System.Security.Cryptography;
using Lindung.Core.Data;
using Lindung.Core.Import;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Core.Registry.Validation;
using Microsoft.EntityFrameworkCore;

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
            throw new UnusableImportException("file.empty", "Berkas kosong: tidak ada baris judul kolom.");
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
    public static async Task<Dictionary<byte[], Guid>> NikIndexAsync(LindungDbContext db, CancellationToken ct)
    {
        var byHash = new Dictionary<byte[], Guid>(HashKeyComparer.Instance);
        await foreach (var p in db.People.AsNoTracking().Select(p => new { p.NikHash, p.Id }).AsAsyncEnumerable().WithCancellation(ct))
        {
            byHash[p.NikHash] = p.Id;
        }

        await foreach (var alias in db.BpjsNikAliases.AsNoTracking().Select(a => new { a.NikHash, a.PersonId }).AsAsyncEnumerable().WithCancellation(ct))
        {
            byHash.TryAdd(alias.NikHash, alias.PersonId);
        }

        return byHash;
    }

    public sealed class Spooled(Stream content, FileStream? spool, string hash) : IAsyncDisposable
    {
        public Stream Content => content;
        public string Hash => hash;

        public ValueTask DisposeAsync() => spool?.DisposeAsync() ?? ValueTask.CompletedTask;
    }

    /// <summary>Equality of NIK hashes by content (a byte[] key compares by reference otherwise).</summary>
    private sealed class HashKeyComparer : IEqualityComparer<byte[]>
    {
        public static readonly HashKeyComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => obj.Length >= 4 ? BitConverter.ToInt32(obj, 0) : obj.Length;
    }
}
