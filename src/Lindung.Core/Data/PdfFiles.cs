namespace Lindung.Core.Data;

public enum DocumentRefusal
{
    None = 0,
    Empty = 1,
    TooLarge = 2,
    NotPdf = 3,
}

/// <summary>
/// Signed PDFs kept as files under the data directory (agreements, BPJS project certificates): outside <c>wwwroot</c>,
/// reaching a browser only through an authorised page handler. A file is accepted by its content — at most a given size
/// and starting with the PDF signature <c>%PDF-</c> — never by its name or the browser's content type; it is written
/// through a temporary file, so a failed write leaves the previous one.
/// </summary>
public static class PdfFiles
{
    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;

    /// <summary>Checks size and signature; a seekable <paramref name="content"/> is left where it was.</summary>
    public static DocumentRefusal Check(Stream content, long length, long maxBytes)
    {
        if (length <= 0)
        {
            return DocumentRefusal.Empty;
        }

        if (length > maxBytes)
        {
            return DocumentRefusal.TooLarge;
        }

        var start = content.Position;
        Span<byte> head = stackalloc byte[5];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = start;
        return read == head.Length && head.SequenceEqual(PdfMagic) ? DocumentRefusal.None : DocumentRefusal.NotPdf;
    }

    public static async Task SaveAsync(string path, Stream content, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        await using (var file = File.Create(temp))
        {
            await content.CopyToAsync(file, ct);
        }

        File.Move(temp, path, overwrite: true);
    }

    public static Stream? Open(string path) =>
        File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read) : null;
}
