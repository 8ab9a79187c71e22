using Lindung.Core.Identity;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lindung.Web.Tests.Browser;

public class UploadBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static string Xlsx(params (string Nik, string Name, string Sex)[] rows)
    {
        var path = Path.Combine(Path.GetTempPath(), $"lindung-{Guid.NewGuid():N}.xlsx");
        using var file = File.Create(path);
        using var x = new XlsxWriter(file);
        x.BeginSheet("Data", [new("NIK", Text: true), new("Nama"), new("JK")]);
        foreach (var (nik, name, sex) in rows)
        {
            x.WriteRow(nik, name, sex);
        }

        return path;
    }

    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task AFileOverTheLimit_IsRefusedInTheBrowser_BeforeAnythingIsSent()
    {
        var page = await browser.NewPageAsync();
        await new SignInPage(page).OpenAsync();
        await new SignInPage(page).SignInAsync(LindungFactory.UserOf[Roles.OperatorOpd], LindungFactory.Password);
        await page.WaitForURLAsync(browser.BaseUrl + "/");
        var posts = 0;
        page.Request += (_, request) => posts += request.Method == "POST" ? 1 : 0;
        // 1 byte over the default 100 MB; sparse, so nothing is written to the disk.
        var big = Path.Combine(Path.GetTempPath(), $"lindung-besar-{Guid.NewGuid():N}.csv");
        await using (var file = File.Create(big))
        {
            file.SetLength(new SpreadsheetLimits().MaxFileBytes + 1);
        }

        try
        {
            await page.GotoAsync("/Pengajuan/Unggah");
            await page.GetByLabel("Berkas (.xlsx atau .csv)").SetInputFilesAsync(big);
            await page.GetByRole(AriaRole.Button, new() { Name = "Unggah dan periksa" }).ClickAsync();

            await Assertions.Expect(page.GetByTestId("file-too-large"))
                .ToHaveTextAsync("Berkas ini terlalu besar; batasnya 100 MB. Pecah menjadi beberapa berkas, lalu unggah lagi.");
            Assert.Equal(0, posts);
            Assert.EndsWith("/Pengajuan/Unggah", page.Url, StringComparison.Ordinal);

            // Another file clears the message.
            await page.GetByLabel("Berkas (.xlsx atau .csv)").SetInputFilesAsync(Xlsx(("1609016507930041", "Rina Marlina", "P")));
            await Assertions.Expect(page.GetByTestId("file-too-large")).ToHaveCountAsync(0);
        }
        finally
        {
            File.Delete(big);
        }
    }

    [Fact]
    public async Task Operator_UploadsFixesAndCommits_ThenKoordinatorVerifies()
    {
        var page = await browser.NewPageAsync();
        await new SignInPage(page).OpenAsync();
        await new SignInPage(page).SignInAsync(LindungFactory.UserOf[Roles.OperatorOpd], LindungFactory.Password);
        await page.WaitForURLAsync(browser.BaseUrl + "/");

        // 1. Upload a file with one bad NIK.
        await page.GotoAsync("/Pengajuan/Unggah");
        await page.GetByLabel("Kategori").SelectOptionAsync(new SelectOptionValue { Label = "Tenaga Non-ASN" });
        await page.GetByLabel("Berkas (.xlsx atau .csv)").SetInputFilesAsync(
            Xlsx(("1609016507930031", "Yuliana Permata", "P"), ("160901650793003", "Desi Anggraini", "P")));
        await page.GetByRole(AriaRole.Button, new() { Name = "Unggah dan periksa" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("count-rejected")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("problems")).ToContainTextAsync("NIK hanya 15 digit; harus 16 digit.");
        await page.ScreenshotAsync(new() { Path = Shot("upload-preview-errors.png"), FullPage = true });

        // 2. Download the problem rows with their Keterangan.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-errors").ClickAsync());
        var errorsPath = Path.Combine(Path.GetTempPath(), download.SuggestedFilename);
        await download.SaveAsAsync(errorsPath);
        await using (var errors = File.OpenRead(errorsPath))
        {
            using var reader = new XlsxSheetReader(errors);
            var rows = new List<string[]>();
            while (reader.Read())
            {
                rows.Add(reader.Cells.Select(c => c.Text).ToArray());
            }

            Assert.Equal("Keterangan", rows[0][^1]);
            Assert.Contains(rows, r => r[0] == "160901650793003" && r[^1].StartsWith("DITOLAK", StringComparison.Ordinal));
        }

        // 3. Fix the NIK, upload again, commit.
        await page.GotoAsync("/Pengajuan/Unggah");
        await page.GetByLabel("Kategori").SelectOptionAsync(new SelectOptionValue { Label = "Tenaga Non-ASN" });
        await page.GetByLabel("Berkas (.xlsx atau .csv)").SetInputFilesAsync(
            Xlsx(("1609016507930031", "Yuliana Permata", "P"), ("1609016507930032", "Desi Anggraini", "P")));
        await page.GetByRole(AriaRole.Button, new() { Name = "Unggah dan periksa" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("count-rejected")).ToHaveTextAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan 2 baris yang benar" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("commit-done")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("upload-committed.png") });

        // 4. The Koordinator verifies both rows.
        var koordinator = await browser.NewPageAsync();
        await new SignInPage(koordinator).OpenAsync();
        await new SignInPage(koordinator).SignInAsync(LindungFactory.UserOf[Roles.Koordinator], LindungFactory.Password);
        await koordinator.WaitForURLAsync(browser.BaseUrl + "/");
        await koordinator.GotoAsync("/Pengajuan/Verifikasi");
        await koordinator.GetByLabel("Pilih Yuliana Permata").CheckAsync();
        await koordinator.GetByLabel("Pilih Desi Anggraini").CheckAsync();
        await koordinator.GetByRole(AriaRole.Button, new() { Name = "Setujui yang dipilih" }).ClickAsync();
        await Assertions.Expect(koordinator.GetByTestId("verify-message")).ToHaveTextAsync("2 baris diverifikasi.");
        await koordinator.ScreenshotAsync(new() { Path = Shot("verification-done.png"), FullPage = true });
    }
}
