using Lindung.Core.Identity;
using Lindung.Core.Registry;
using Lindung.Web.Infrastructure;
using Lindung.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lindung.Web.Tests.Browser;

public class DashboardBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Pimpinan_OpensTheDashboard_SeesTheCharts_AndDrillsDownToThePeople()
    {
        // 6 verified marbot in KESRA, 2 of them Terdaftar: 33,3% in every group; snapshots taken by the worker.
        await browser.App.AddVerifiedBpuWorkersAsync("KESRA", "MARBOT", 6, firstSerial: 5300);
        await using (var db = browser.App.Database.Context(LindungFactory.Tenant))
        {
            foreach (var e in await db.Engagements.Where(e => e.Verification == VerificationStatus.Verified).OrderBy(e => e.Id).Take(2).ToListAsync())
            {
                e.Registration = RegistrationStatus.Registered;
                e.RegisteredOn = new DateOnly(2024, 1, 1);
            }

            await db.SaveChangesAsync();
        }

        await browser.App.Services.GetRequiredService<SnapshotWorker>().TakeMissingAsync(CancellationToken.None);
        var page = await browser.NewPageAsync();
        await new SignInPage(page).OpenAsync();
        await new SignInPage(page).SignInAsync(LindungFactory.UserOf[Roles.Pimpinan], LindungFactory.Password);
        await page.WaitForURLAsync(browser.BaseUrl + "/");

        await Assertions.Expect(page.GetByTestId("coverage-percent")).ToHaveTextAsync("33,3%");
        await Assertions.Expect(page.GetByTestId("coverage-chart")).ToBeVisibleAsync();
        var bars = page.GetByTestId("bars-category");
        await bars.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(bars).ToBeVisibleAsync();
        Assert.True(await page.GetByTestId("coverage-chart").EvaluateAsync<bool>("c => !!c.lindungChart"), "trend chart drawn");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "dashboard-pimpinan.png"), FullPage = true });

        // A click on the category bar opens the people behind it.
        var bar = await bars.EvaluateAsync<double[]>("c => { const b = c.lindungChart.getDatasetMeta(0).data[0]; return [b.x, b.y]; }");
        var box = (await bars.BoundingBoxAsync())!;
        await page.Mouse.ClickAsync((float)(box.X + bar[0] - 4), (float)(box.Y + bar[1]));
        await page.WaitForURLAsync("**/Dasbor/Rincian?**");
        await Assertions.Expect(page.GetByTestId("drill-heading")).ToContainTextAsync("Kategori: Pengurus / Marbot Masjid");
        await Assertions.Expect(page.GetByTestId("drill-count")).ToContainTextAsync("6 orang.");

        // Then only the ones not yet active.
        await page.GetByRole(AriaRole.Link, new() { Name = "Belum aktif", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("drill-count")).ToContainTextAsync("4 orang.");
        await Assertions.Expect(page.GetByTestId("drill-table").Locator("tbody tr")).ToHaveCountAsync(4);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "dashboard-drilldown.png"), FullPage = true });
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("drill-export").ClickAsync());
        Assert.EndsWith("-category-belum.xlsx", download.SuggestedFilename, StringComparison.Ordinal);
    }
}
