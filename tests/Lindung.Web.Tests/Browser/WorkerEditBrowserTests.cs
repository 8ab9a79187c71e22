using Lindung.Core.Identity;
using Lindung.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lindung.Web.Tests.Browser;

public class WorkerEditBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task Operator_CorrectsAPhoneSeesWhatIsStoredThenEndsTheEngagement()
    {
        var (id, _) = await browser.App.AddWorkerAsync("1609014708850301", "Kartika Sari", "DLH");
        var page = await browser.NewPageAsync();
        await new SignInPage(page).OpenAsync();
        await new SignInPage(page).SignInAsync(LindungFactory.UserOf[Roles.OperatorOpd], LindungFactory.Password);
        await page.WaitForURLAsync(browser.BaseUrl + "/");
        var detail = new WorkerDetailPage(page);
        var edit = new WorkerEditPage(page);

        // 1. The phone as typed is normalised: the page shows what will be stored before saving it.
        await detail.OpenAsync(id);
        await detail.EditAsync();
        await edit.FillAsync("Nomor HP", "0812 7777 8888");
        await edit.SaveAsync();
        await Assertions.Expect(edit.Review).ToContainTextAsync("+6281277778888");
        await page.ScreenshotAsync(new() { Path = Shot("worker-edit-review.png"), FullPage = true });
        await edit.ConfirmAsync();
        await Assertions.Expect(detail.Message).ToHaveTextAsync("Data pekerja disimpan.");
        await Assertions.Expect(page.GetByText("+6281277778888", new() { Exact = true })).ToBeVisibleAsync();

        // 2. End the engagement: the worker page shows it ended, with date and reason.
        await detail.FillEndFormAsync("30/06/2025", "Mengundurkan diri");
        await page.ScreenshotAsync(new() { Path = Shot("worker-end-form.png") });
        await detail.EndEngagementAsync();
        await Assertions.Expect(detail.Message).ToContainTextAsync("Penugasan diakhiri");
        await Assertions.Expect(detail.Engagements).ToContainTextAsync("Berakhir 30/06/2025: Mengundurkan diri");
        await page.ScreenshotAsync(new() { Path = Shot("worker-engagement-ended.png"), FullPage = true });
    }
}
