using Lindung.Core.Data;

namespace Lindung.Core.Projects;

/// <summary>
/// BPJS project certificates as files under <c>data/certificates/&lt;tenant&gt;/&lt;project id&gt;.pdf</c>: never
/// static files, served only through the project page's authorised download. A file is accepted only if it is
/// at most <see cref="MaxBytes"/> and its content starts with the PDF signature (the name is not trusted; <see cref="PdfFiles"/>).
/// </summary>
public sealed class CertificateStore(DatabaseSettings settings)
{
    public const long MaxBytes = 5L * 1024 * 1024;

    /// <summary>A message in Bahasa Indonesia when the file cannot be a certificate; null when it can.</summary>
    public static string? Refusal(Stream content, long length) => PdfFiles.Check(content, length, MaxBytes) switch
    {
        DocumentRefusal.None => null,
        DocumentRefusal.Empty => "Berkas sertifikat kosong.",
        DocumentRefusal.TooLarge => "Berkas sertifikat terlalu besar: paling besar 5 MB.",
        _ => "Berkas sertifikat harus PDF; isi berkas ini bukan PDF (nama berkas tidak menentukan jenisnya).",
    };

    public Task SaveAsync(string tenantCode, Guid projectId, Stream content, CancellationToken ct) =>
        PdfFiles.SaveAsync(PathOf(tenantCode, projectId), content, ct);

    public Stream? Open(string tenantCode, Guid projectId) => PdfFiles.Open(PathOf(tenantCode, projectId));

    private string Dir(string tenantCode) => Path.Combine(settings.FullDataDirectory, "certificates", tenantCode);

    private string PathOf(string tenantCode, Guid projectId) => Path.Combine(Dir(tenantCode), projectId.ToString("N") + ".pdf");
}
