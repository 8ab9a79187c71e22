using System.Text;
using Lindung.Core.Projects;

namespace Lindung.Core.Tests.Projects;

public class CertificateStoreTests
{
    [Fact]
    public void Refusal_RealPdfHeader_IsAccepted()
    {
        var pdf = new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.7\n%synthetic\n"));

        Assert.Null(CertificateStore.Refusal(pdf, pdf.Length));
        Assert.Equal(0, pdf.Position);
    }

    [Fact]
    public void Refusal_PngRenamedToPdf_IsRefusedInIndonesian()
    {
        var png = new MemoryStream([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);

        Assert.Contains("harus PDF", CertificateStore.Refusal(png, png.Length)?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_LargerThanFiveMegabytes_IsRefusedInIndonesian()
    {
        var big = new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.7"));

        Assert.Contains("terlalu besar", CertificateStore.Refusal(big, CertificateStore.MaxBytes + 1)?.ToString(), StringComparison.Ordinal);
        Assert.Null(CertificateStore.Refusal(big, CertificateStore.MaxBytes));
    }
}
