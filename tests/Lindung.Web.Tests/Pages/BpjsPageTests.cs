using System.Net;
using Lindung.Core.Identity;
using Lindung.Web.Tests.Infrastructure;

namespace Lindung.Web.Tests.Pages;

public class BpjsPageTests(LindungFactory factory) : IClassFixture<LindungFactory>
{
    [Fact]
    public async Task Keuangan_SeesTheImports_ButCannotUploadOrDecide()
    {
        var client = await factory.SignInAsync(LindungFactory.UserOf[Roles.Keuangan], LindungFactory.Password);
        var page = await client.GetStringAsync("/Bpjs");
        var token = LindungFactory.AntiforgeryToken(page);

        var upload = await client.PostAsync("/Bpjs", new MultipartFormDataContent
        {
            { new StringContent("2025-04"), "Period" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent("NIK;Nama\n1609014708850001;Siti\n"u8.ToArray()), "file", "status.csv" },
        });
        var reject = await client.PostAsync($"/Bpjs/Tinjau?handler=Reject&id={Guid.CreateVersion7()}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.DoesNotContain("Unggah dan cocokkan", page, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (upload.StatusCode, reject.StatusCode));
    }

    [Fact]
    public async Task Koordinator_UploadWithoutNameColumn_GetsAMessageInBahasaIndonesia()
    {
        var client = await factory.SignInAsync(LindungFactory.UserOf[Roles.Koordinator], LindungFactory.Password);
        var token = LindungFactory.AntiforgeryToken(await client.GetStringAsync("/Bpjs"));

        var response = await client.PostAsync("/Bpjs", new MultipartFormDataContent
        {
            { new StringContent("2025-04"), "Period" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent("NIK;Status\n1609014708850001;AKTIF\n"u8.ToArray()), "file", "status.csv" },
        });

        Assert.Contains("Kolom wajib tidak ditemukan: perlu kolom Nama", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
