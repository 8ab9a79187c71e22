using Lindung.Core.Identity;
using Lindung.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Lindung.Web.Tests.Browser;

public class BpjsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Koordinator_ImportsABpjsStatusFile_AndResolvesAReviewItem()
    {
        var file = Path.Combine(Path.GetTempPath(), $"status-bpjs-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "KPJ;NIK;Nama;Tgl Lahir;Status\n"
            + "25010000001;1609014708850001;SITI NURHAYATI;07-08-1985;AKTIF\n"
            + "25010000002;1609991208851234;AHMAD FAUZI;12-08-1985;AKTIF\n");
        var page = await browser.NewPageAsync();
        await new SignInPage(page).OpenAsync();
        await new SignInPage(page).SignInAsync(LindungFactory.UserOf[Roles.Koordinator], LindungFactory.Password);
        await page.WaitForURLAsync(browser.BaseUrl + "/");

        await page.GotoAsync("/Bpjs");
        await page.GetByLabel("Periode").FillAsync("2025-04");
        await page.GetByLabel("Berkas BPJS (.xlsx atau .csv)").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Unggah dan cocokkan" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("bpjs-report")).ToContainTextAsync("Periode 2025-04: 2 baris dicocokkan");
        var row = page.GetByTestId("bpjs-imports").Locator("tbody tr").First;
        await Assertions.Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("1");
        await Assertions.Expect(row.Locator("td").Nth(5)).ToHaveTextAsync("1");
        await page.GetByTestId("pending-reviews").GetByRole(AriaRole.Link).ClickAsync();

        var item = page.GetByTestId("review-item");
        await Assertions.Expect(item).ToHaveCountAsync(1);
        await Assertions.Expect(item.GetByTestId("review-why")).ToContainTextAsync("bisa orang lain yang senama");
        await Assertions.Expect(item).ToContainTextAsync("Ahmad Fauzi");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "bpjs-review.png"), FullPage = true });
        await item.GetByTestId("accept").ClickAsync();

        await Assertions.Expect(page.GetByTestId("review-empty")).ToBeVisibleAsync();

        // The reconciliation now counts both as active, Ahmad through the reviewer's decision.
        await page.GotoAsync("/Bpjs");
        await page.GetByTestId("to-reconciliation").ClickAsync();
        await page.GetByTestId("recon-lists").GetByRole(AriaRole.Link, new() { Name = "Aktif" }).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("count-ActiveMatched")).ToHaveTextAsync("2");
        await Assertions.Expect(page.GetByTestId("recon-table")).ToContainTextAsync("AHMAD FAUZI");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("recon-export").ClickAsync());
        Assert.Equal("rekonsiliasi-2025-04-activematched.xlsx", download.SuggestedFilename);
        await using var db = browser.App.Database.Context(LindungFactory.Tenant);
        Assert.Equal("25010000002", (await db.People.SingleAsync(p => p.FullName == "Ahmad Fauzi")).Kpj);
    }
}
