using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Lindung.Core.Identity;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Tests.Pages;

public class UploadPageTests(LindungFactory factory) : IClassFixture<LindungFactory>
{
    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, string name, string? categoryId = null)
    {
        var page = await client.GetStringAsync("/Pengajuan/Unggah");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(LindungFactory.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent("2025-04"), "Period" },
            { new StringContent(categoryId ?? ""), "CategoryId" },
        };
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", name);
        return await client.PostAsync("/Pengajuan/Unggah", form);
    }

    private async Task<string> CategoryIdAsync(string code)
    {
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        return (await db.WorkerCategories.SingleAsync(c => c.Code == code)).Id.ToString();
    }

    [Fact]
    public async Task Upload_OperatorCsvWithErrors_PreviewsDownloadsErrorsAndCommitsGoodRows()
    {
        var client = await factory.SignInAsync(LindungFactory.UserOf[Roles.OperatorOpd], LindungFactory.Password);
        var csv = Encoding.UTF8.GetBytes("NIK,Nama,JK\n1609015501900007,Nur Aini,P\n16090155019000,Pendek,P\n");

        var uploaded = await UploadAsync(client, csv, "pekerja.csv", await CategoryIdAsync("NONASN"));
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var previewUrl = uploaded.Headers.Location!.OriginalString;
        var preview = await client.GetStringAsync(previewUrl);

        Assert.Contains("data-testid=\"count-accepted\">1<", preview, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"count-rejected\">1<", preview, StringComparison.Ordinal);
        Assert.Contains("NIK hanya 14 digit; harus 16 digit.", preview, StringComparison.Ordinal);
        var errors = await client.GetAsync(previewUrl + "?handler=Errors");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", errors.Content.Headers.ContentType!.MediaType);
        using (var reader = new XlsxSheetReader(new MemoryStream(await errors.Content.ReadAsByteArrayAsync())))
        {
            Assert.True(reader.Read());
            Assert.Equal("Keterangan", reader.Cells[^1].Text);
            var rows = new List<string[]>();
            while (reader.Read())
            {
                rows.Add(reader.Cells.Select(c => c.Text).ToArray());
            }

            var rejected = Assert.Single(rows, r => r[^1].StartsWith("DITOLAK", StringComparison.Ordinal));
            Assert.Equal("16090155019000", rejected[0]);
        }

        var committed = await LindungFactory.PostFormAsync(client, previewUrl + "?handler=Commit", [], formPage: previewUrl);
        Assert.Contains("data-testid=\"commit-done\"", await committed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var saved = await db.Engagements.Include(e => e.Agency).SingleAsync(e => e.Person!.FullName == "Nur Aini");
        Assert.Equal("DLH", saved.Agency!.Code); // the operator's own OPD, whatever the form said
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(previewUrl)).StatusCode); // the upload is gone
    }

    [Fact]
    public async Task Preview_AnotherUsersUpload_IsNotFound()
    {
        var owner = await factory.SignInAsync(LindungFactory.UserOf[Roles.OperatorOpd], LindungFactory.Password);
        var uploaded = await UploadAsync(owner, Encoding.UTF8.GetBytes("NIK,Nama\n1609015501900008,Aini\n"), "a.csv", await CategoryIdAsync("NONASN"));
        var other = await factory.SignInAsync(LindungFactory.UserOf[Roles.Koordinator], LindungFactory.Password);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(uploaded.Headers.Location!.OriginalString)).StatusCode);
    }

    [Fact]
    public async Task Upload_ZipBombNamedXlsx_IsRefusedWithAMessage()
    {
        var client = await factory.SignInAsync(LindungFactory.UserOf[Roles.OperatorOpd], LindungFactory.Password);
        var bomb = Lindung.Core.Tests.Import.SpreadsheetTests.MinimalXlsx("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
            + new string(' ', 60_000_000) + "</sheetData></worksheet>").ToArray();

        var uploaded = await UploadAsync(client, bomb, "bom.xlsx", await CategoryIdAsync("NONASN"));
        var preview = await client.GetStringAsync(uploaded.Headers.Location!.OriginalString);

        Assert.Contains("data-testid=\"preview-unusable\"", preview, StringComparison.Ordinal);
        Assert.Contains("mengembang jauh melebihi batas", preview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_ZipBomb_InEnglish_IsRefusedWithTheEnglishMessage()
    {
        var client = await factory.SignInAsync(LindungFactory.UserOf[Roles.OperatorOpd], LindungFactory.Password);
        await LindungFactory.ChooseLanguageAsync(client, "en");
        var bomb = Lindung.Core.Tests.Import.SpreadsheetTests.MinimalXlsx("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
            + new string(' ', 60_000_000) + "</sheetData></worksheet>").ToArray();

        var uploaded = await UploadAsync(client, bomb, "bom.xlsx", await CategoryIdAsync("NONASN"));
        var preview = await client.GetStringAsync(uploaded.Headers.Location!.OriginalString);

        Assert.Contains("data-testid=\"preview-unusable\"", preview, StringComparison.Ordinal);
        Assert.Contains("its contents expand far beyond a reasonable limit", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("mengembang", preview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_HasTextNikColumnAndInstructionSheets()
    {
        var client = await factory.SignedInAsync(Roles.OperatorOpd);

        var bytes = await client.GetByteArrayAsync("/Pengajuan/Templat?kategori=GURU_NGAJI");

        using var data = new XlsxSheetReader(new MemoryStream(bytes), "Data");
        Assert.True(data.Read());
        Assert.Equal(["NIK", "Nama", "Tempat Lahir", "Tanggal Lahir", "JK"], data.Cells.Take(5).Select(c => c.Text));
        Assert.Contains(data.Cells, c => c.Text == "Penghasilan");
        using var codes = new XlsxSheetReader(new MemoryStream(bytes), "Kode");
        var rows = 0;
        while (codes.Read())
        {
            rows++;
        }

        Assert.Equal(260, rows); // header + 259 desa/kelurahan
    }
}

public class UploadRateLimitTests(StrictUploadLindungFactory factory) : IClassFixture<StrictUploadLindungFactory>
{
    [Fact]
    public async Task ThirdUploadInAMinute_Gets429_AnotherUserIsNotAffected()
    {
        var csv = System.Text.Encoding.UTF8.GetBytes("NIK;Nama\n1609014708850001;Siti Nurhayati\n");
        var operatorClient = await factory.SignedInAsync(Roles.OperatorOpd);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await UploadPageTests.UploadAsync(operatorClient, csv, "pekerja.csv")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[2]);
        Assert.Contains("Terlalu banyak permintaan", await (await UploadPageTests.UploadAsync(operatorClient, csv, "pekerja.csv")).Content.ReadAsStringAsync(),
            StringComparison.Ordinal);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(2));
        var other = await factory.SignInAsync(LindungFactory.UserOf[Roles.Koordinator], LindungFactory.Password);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await UploadPageTests.UploadAsync(other, csv, "pekerja.csv")).StatusCode);
    }
}
