using Lindung.Core.Data;

namespace Lindung.Core.Projects;

/// <summary>
/// BPJS project certificates as files under <c>data/certificates/&lt;tenant&gt;/&lt;project id&gt;.pdf</c>: never
/// static files, served only through the project page's authorised download. A file is accepted only if it is
/// at most <see cref="MaxBytes"/> and its content starts with the PDF signature (the name is not trusted).
/// </summary>
public sealed class CertificateStore(DatabaseSettings settings)
{
    public const long MaxBytes = 5L * 1024 * 1024;

    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;

    /// <summary>A message in Bahasa Indonesia when the file cannot be a certificate; null when it can.</summary>
    public static string? Refusal(Stream content, long length)
    {
        if (length <= 0)
        {
            return "Berkas sertifikat kosong.";
        }

        if (length > MaxBytes)
        {
            return "Berkas sertifikat terlalu besar: paling besar 5 MB.";
        }

        var start = content.Position;
        Span<byte> head = stackalloc byte[5];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = start;
        return read == head.Length && head.SequenceEqual(PdfMagic)
            ? null
            : "Berkas sertifikat harus PDF; isi berkas ini bukan PDF (nama berkas tidak menentukan jenisnya).";
    }

    public async Task SaveAsync(string tenantCode, Guid projectId, Stream content, CancellationToken ct)
    {
        Directory.CreateDirectory(Dir(tenantCode));
        var path = PathOf(tenantCode, projectId);
        var temp = path + ".tmp";
        await using (var file = File.Create(temp))
        {
            await content.CopyToAsync(file, ct);
        }

        File.Move(temp, path, overwrite: true);
    }

    public Stream? Open(string tenantCode, Guid projectId) =>
        File.Exists(PathOf(tenantCode, projectId)) ? File.OpenRead(PathOf(tenantCode, projectId)) : null;

    private string Dir(string tenantCode) => Path.Combine(settings.FullDataDirectory, "certificates", tenantCode);

    private string PathOf(string tenantCode, Guid projectId) => Path.Combine(Dir(tenantCode), projectId.ToString("N") + ".pdf");
}
