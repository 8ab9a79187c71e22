using Lindung.Core.Data;

namespace Lindung.Core.Agreements;

/// <summary>
/// Signed agreement PDFs under <c>data/documents/agreements</c>, one file per agreement id, outside <c>wwwroot</c>:
/// they reach a browser only through an authorized page handler. A file is accepted by its content (it must start
/// with the PDF signature <c>%PDF-</c>), never by its name or the browser's content type.
/// </summary>
public sealed class AgreementDocuments(DatabaseSettings settings)
{
    public const long MaxBytes = 10L * 1024 * 1024;

    private string Dir => Path.Combine(settings.FullDataDirectory, "documents", "agreements");

    /// <summary>Checks size and signature (<see cref="PdfFiles.Check"/>); <paramref name="content"/> is left where it was.</summary>
    public static DocumentRefusal Check(Stream content, long length) => PdfFiles.Check(content, length, MaxBytes);

    /// <summary>Writes the document for an agreement (replacing an earlier one), through a temporary file so a failed write leaves the old one.</summary>
    public Task SaveAsync(Guid agreementId, Stream content, CancellationToken ct = default) => PdfFiles.SaveAsync(PathFor(agreementId), content, ct);

    public Stream? Open(Guid agreementId) => PdfFiles.Open(PathFor(agreementId));

    private string PathFor(Guid agreementId) => Path.Combine(Dir, agreementId.ToString("N") + ".pdf");
}
