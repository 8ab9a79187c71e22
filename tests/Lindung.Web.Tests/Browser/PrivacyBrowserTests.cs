using Lindung.Core.Identity;
using Lindung.Core.Registry;
using Lindung.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lindung.Web.Tests.Browser;

public class PrivacyBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task Koordinator_SendsToBpjsThenOpensTheSubjectReportFromTheWorkerPage_AndRevealsTheNik()
    {
        var (person, _) = await browser.App.AddWorkerAsync("1609014708850501", "Siti Aminah", "DLH", VerificationStatus.Verified);
        var page = await browser.NewPageAsync();
        await new SignInPage(page).OpenAsync();
        await new SignInPage(page).SignInAsync(LindungFactory.UserOf[Roles.Koordinator], LindungFactory.Password);
        await page.WaitForURLAsync(browser.BaseUrl + "/");
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync("/Bpjs");
        await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Unduh XLSX" }).ClickAsync());
        var report = new SubjectReportPage(page);

        await report.OpenFromWorkerPageAsync(person);

        await Assertions.Expect(report.Disclosures).ToContainTextAsync("Dikirim ke BPJS Ketenagakerjaan pada");
        await Assertions.Expect(report.Disclosures).ToContainTextAsync("oleh koordinator.uji");
        await Assertions.Expect(report.PrintButton).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("subject-report.png"), FullPage = true });
        var download = await page.RunAndWaitForDownloadAsync(() => report.Xlsx.ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        await report.RevealAsync();
        await Assertions.Expect(report.RevealedNik).ToHaveTextAsync("1609014708850501");
    }

    [Fact]
    public async Task Administrator_RecordsASuspectedBreach_SeesTheAffectedPersonAndTheDeadline_ThenConfirms()
    {
        var (person, _) = await browser.App.AddWorkerAsync("1609014708850502", "Wulan Sari", "DLH");
        await using (var db = browser.App.Database.Context(LindungFactory.Tenant, "operator.uji"))
        {
            db.Audit(Lindung.Core.Audit.AuditActions.NikRevealed, nameof(Person), person.ToString());
            await db.SaveChangesAsync();
        }

        var page = await browser.NewPageAsync();
        await new SignInPage(page).OpenAsync();
        await new SignInPage(page).SignInAsync(LindungFactory.UserOf[Roles.Administrator], LindungFactory.Password);
        await page.WaitForURLAsync(browser.BaseUrl + "/");
        var breach = new BreachPages(page);

        await breach.RecordAsync("Laptop operator DLH hilang", "operator.uji", "NIK lengkap dilihat / laporan data pribadi");

        await Assertions.Expect(breach.Deadline).ToContainTextAsync("Sisa");
        await Assertions.Expect(breach.Affected).ToContainTextAsync("Wulan Sari");
        await Assertions.Expect(breach.SubjectNotice).ToContainTextAsync("Pasal 46");
        await page.ScreenshotAsync(new() { Path = Shot("breach-detail.png"), FullPage = true });
        await breach.MoveAsync("Konfirmasi insiden");
        await Assertions.Expect(breach.Status).ToHaveTextAsync("Dikonfirmasi");
    }
}
