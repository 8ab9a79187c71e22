using System.Text;
using Lindung.Core.Identity;
using Lindung.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lindung.Web.Tests.Browser;

public class AgreementBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Koordinator_AddsAnAgreementWithItsPdf_RenewsIt_AndTheWorkerPageNamesIt()
    {
        var pdf = Path.Combine(Path.GetTempPath(), $"pks-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(pdf, Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"));
        var page = await browser.NewPageAsync();
        await new SignInPage(page).OpenAsync();
        await new SignInPage(page).SignInAsync(LindungFactory.UserOf[Roles.Koordinator], LindungFactory.Password);
        await page.WaitForURLAsync(browser.BaseUrl + "/");

        await page.GotoAsync("/Perjanjian");
        await page.GetByTestId("agreement-new").ClickAsync();
        await page.GetByLabel("Nomor PKS").FillAsync("900/012/PKS/2025");
        await page.GetByLabel("Para pihak").FillAsync("Bupati OKU Selatan; BPJS Ketenagakerjaan Cabang OKU Raya");
        await page.GetByLabel("Berlaku mulai").FillAsync("2025-01-01");
        await page.GetByLabel("Berlaku sampai").FillAsync("2027-12-31");
        await page.GetByLabel("Tenaga Non-ASN").CheckAsync();
        await page.GetByLabel("APBD", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Nomor Perbup").FillAsync("15");
        await page.GetByLabel("Tahun Perbup").FillAsync("2024");
        await page.GetByLabel("Judul Perbup").FillAsync("Jaminan sosial ketenagakerjaan bagi pekerja non-ASN");
        await page.GetByLabel("Dokumen bertanda tangan (PDF)").SetInputFilesAsync(pdf);
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("agreement-message")).ToContainTextAsync("Perjanjian tersimpan");
        await Assertions.Expect(page.GetByTestId("agreement-validity")).ToHaveTextAsync("01/01/2025 – 31/12/2027");
        await Assertions.Expect(page.GetByTestId("agreement-document")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "agreement-detail.png"), FullPage = true });

        await page.GetByTestId("renew").ClickAsync();
        await Assertions.Expect(page.GetByTestId("renew-note")).ToContainTextAsync("versi lama tidak berubah");
        await Assertions.Expect(page.GetByLabel("Berlaku mulai")).ToHaveValueAsync("2028-01-01");
        await page.GetByLabel("Nomor PKS").FillAsync("900/020/PKS/2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("agreement-version")).ToHaveTextAsync("versi 2");
        await page.GetByTestId("previous-version").ClickAsync();
        await Assertions.Expect(page.GetByTestId("agreement-state")).ToContainTextAsync("Sudah diperpanjang");
        await Assertions.Expect(page.GetByTestId("agreement-validity")).ToHaveTextAsync("01/01/2025 – 31/12/2027");

        await page.GotoAsync("/Pekerja/Detail/" + browser.App.PersonIdByName("Siti Nurhayati"));
        await Assertions.Expect(page.GetByTestId("funding-agreement").First).ToContainTextAsync("900/012/PKS/2025");
    }
}
