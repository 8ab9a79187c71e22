using Lindung.Core.Identity;
using Lindung.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lindung.Web.Tests.Browser;

public class ClaimBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Koordinator_RecordsADeathClaimThroughToPaid_AndThePaidOutReportShowsIt()
    {
        var page = await browser.NewPageAsync();
        await new SignInPage(page).OpenAsync();
        await new SignInPage(page).SignInAsync(LindungFactory.UserOf[Roles.Koordinator], LindungFactory.Password);
        await page.WaitForURLAsync(browser.BaseUrl + "/");

        await page.GotoAsync("/Klaim");
        await page.GetByTestId("incident-new").ClickAsync();
        var record = new IncidentRecordPage(page);
        await record.FindWorkerAsync("Siti");
        await record.RecordAsync("Meninggal dunia", "2025-04-07", "Rumah duka, Muaradua", "Meninggal dunia karena sakit di rumah.");

        var claim = new ClaimDetailPage(page);
        await Assertions.Expect(page.GetByTestId("claim-message")).ToContainTextAsync("Kejadian tercatat");
        await Assertions.Expect(page.GetByTestId("claim-program")).ToHaveTextAsync("JKM");
        await Assertions.Expect(page.GetByTestId("benefit-reference")).ToContainTextAsync("Rp 42.000.000");

        // Not every paper is in: the claim cannot be submitted yet.
        await claim.SetStatusAsync("Diajukan", "2025-04-20");
        await Assertions.Expect(claim.Error).ToContainTextAsync("masih ada dokumen yang belum diterima");

        await claim.ReceiveAllDocumentsAsync();
        await claim.SetStatusAsync("Diajukan", "2025-04-20");
        await Assertions.Expect(claim.Status).ToHaveTextAsync("Diajukan");
        await claim.SetStatusAsync("Diproses", "2025-05-02");
        await Assertions.Expect(claim.Status).ToHaveTextAsync("Diproses");
        await claim.SetStatusAsync("Dibayar", "2025-06-10", "42.000.000");
        await Assertions.Expect(claim.Status).ToHaveTextAsync("Dibayar");
        await Assertions.Expect(claim.Amount).ToHaveTextAsync("Rp 42.000.000");

        await claim.AddHeirAsync("Budi Santoso", "suami");
        await Assertions.Expect(page.GetByTestId("heirs")).ToContainTextAsync("Budi Santoso");
        await claim.AddScholarshipAsync("Rina Santoso", "SD", "2025/2026");
        await Assertions.Expect(page.GetByTestId("scholarships")).ToContainTextAsync("Rp 1.500.000");
        await claim.MarkScholarshipPaidAsync("2025-08-01");
        await Assertions.Expect(page.GetByTestId("scholarships")).ToContainTextAsync("Dibayar 01/08/2025");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "claim-paid.png"), FullPage = true });

        await page.GotoAsync("/Klaim");
        await page.GetByTestId("paid-report-link").ClickAsync();
        var line = page.GetByTestId("paid-2025-JKM");
        await Assertions.Expect(line).ToContainTextAsync("Rp 42.000.000");
        await Assertions.Expect(line).ToContainTextAsync("Rp 1.500.000");
        await Assertions.Expect(page.GetByTestId("paid-total")).ToHaveTextAsync("Rp 43.500.000");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "claim-report.png"), FullPage = true });
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("paid-export").ClickAsync());
        Assert.Equal("pembayaran-klaim.xlsx", download.SuggestedFilename);
    }
}
