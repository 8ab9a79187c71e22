using Lindung.Core.Data;
using Lindung.Core.Formatting;

namespace Lindung.Core.Projects;

/// <summary>
/// BPJS project certificates as files under <c>data/certificates/&lt;tenant&gt;/&lt;project id&gt;.pdf</c>: never
/// static files, served only through the project page's authorised download. A file is accepted only if it is
/// at most <see cref="MaxBytes"/> and its content starts with the PDF signature (the name is not trusted; <see cref="PdfFiles"/>).
/// </summary>
public sealed class CertificateStore(DatabaseSettings settings)
{
    public const long MaxBytes = 5L * 1024 * 1024;

    /// <summary>Why the file cannot be a certificate, for people; null when it can.</summary>
    public static CoreMessage? Refusal(Stream content, long length) => PdfFiles.Check(content, length, MaxBytes) switch
    {
        DocumentRefusal.None => null,
        DocumentRefusal.Empty => ProjectMessages.CertificateEmpty,
        DocumentRefusal.TooLarge => ProjectMessages.CertificateTooLarge(MaxBytes / (1024 * 1024)),
        _ => ProjectMessages.CertificateNotPdf,
    };

    public Task SaveAsync(string tenantCode, Guid projectId, Stream content, CancellationToken ct) =>
        PdfFiles.SaveAsync(PathOf(tenantCode, projectId), content, ct);

    public Stream? Open(string tenantCode, Guid projectId) => PdfFiles.Open(PathOf(tenantCode, projectId));

    private string Dir(string tenantCode) => Path.Combine(settings.FullDataDirectory, "certificates", tenantCode);

    private string PathOf(string tenantCode, Guid projectId) => Path.Combine(Dir(tenantCode), projectId.ToString("N") + ".pdf");
}
