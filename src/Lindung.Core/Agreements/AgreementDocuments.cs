using Lindung.Core.Data;

namespace Lindung.Core.Agreements;

public enum DocumentRefusal
{
    None = 0,
    Empty = 1,
    TooLarge = 2,
    NotPdf = 3,
}

/// <summary>
/// Signed agreement PDFs under <c>data/documents/agreements</c>, one file per agreement id, outside <c>wwwroot</c>:
/// they reach a browser only through an authorized page handler. A file is accepted by its content (it must start
/// with the PDF signature <c>%PDF-</c>), never by its name or the browser's content type.
/// </summary>
public sealed class AgreementDocuments(DatabaseSettings settings)
{
    public const long MaxBytes = 10L * 1024 * 1024;

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();

    private string Dir => Path.Combine(settings.FullDataDirectory, "documents", "agreements");

    /// <summary>Checks size and signature; <paramref name="content"/> must be seekable and is rewound.</summary>
    public static DocumentRefusal Check(Stream content, long length)
    {
        if (length <= 0)
        {
            return DocumentRefusal.Empty;
        }

        if (length > MaxBytes)
        {
            return DocumentRefusal.TooLarge;
        }

        Span<byte> head = stackalloc byte[5];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        return read == head.Length && head.SequenceEqual(PdfMagic) ? DocumentRefusal.None : DocumentRefusal.NotPdf;
    }

    /// <summary>Writes the document for an agreement (replacing an earlier one), through a temporary file so a failed write leaves the old one.</summary>
    public async Task SaveAsync(Guid agreementId, Stream content, CancellationToken ct = default)
    {
        Directory.CreateDirectory(Dir);
        var temp = PathFor(agreementId) + ".tmp";
        await using (var file = File.Create(temp))
        {
            await content.CopyToAsync(file, ct);
        }

        File.Move(temp, PathFor(agreementId), overwrite: true);
    }

    public Stream? Open(Guid agreementId) =>
        File.Exists(PathFor(agreementId)) ? new FileStream(PathFor(agreementId), FileMode.Open, FileAccess.Read, FileShare.Read) : null;

    private string PathFor(Guid agreementId) => Path.Combine(Dir, agreementId.ToString("N") + ".pdf");
}
