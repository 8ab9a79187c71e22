using Lindung.Core.Identity;
using Lindung.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lindung.Web.Tests.Browser;

public class ScenarioBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Keuangan_BuildsTwoScenarios_AndSeesThemSideBySideWithTheChart()
    {
        await browser.App.AddVerifiedBpuWorkersAsync("KESRA", "MARBOT", 40, firstSerial: 8000);
        var page = await browser.NewPageAsync();
        await new SignInPage(page).OpenAsync();
        await new SignInPage(page).SignInAsync(LindungFactory.UserOf[Roles.Keuangan], LindungFactory.Password);
        await page.WaitForURLAsync(browser.BaseUrl + "/");

        await page.GotoAsync("/Anggaran");
        await page.GetByRole(AriaRole.Link, new() { Name = "Skenario anggaran iuran" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("no-scenarios")).ToBeVisibleAsync();

        // 1. Everyone the targets ask for.
        await page.GetByLabel("Nama skenario").FillAsync("Sesuai RPJMD");
        await page.GetByTestId("save-scenario").ClickAsync();
        await Assertions.Expect(page.GetByTestId("scenario-head")).ToHaveTextAsync(["Sesuai RPJMD"]);

        // 2. A tight cap in 2026 and 3% more workers a year.
        await page.GetByLabel("Nama skenario").FillAsync("Pagu 2026 Rp 2 juta");
        await page.GetByLabel("Pertumbuhan pekerja (%/th)").FillAsync("3");
        await page.Locator("#cap-2026").FillAsync("2000000");
        await page.GetByTestId("save-scenario").ClickAsync();

        await Assertions.Expect(page.GetByTestId("scenario-head")).ToHaveTextAsync(["Sesuai RPJMD", "Pagu 2026 Rp 2 juta"]);
        var row2026 = page.GetByTestId("comparison").Locator("tbody tr").Filter(new() { HasText = "2026" });
        // 2026 at 63,4%: without growth 40 → 26 people × Rp201.600; with 3% growth 41 → 26 people, of whom the
        // Rp2.000.000 cap pays for 9 (Rp1.814.400) and leaves 17 out.
        await Assertions.Expect(row2026.Locator("td").Nth(0)).ToHaveTextAsync("26");
        await Assertions.Expect(row2026.Locator("td").Nth(1)).ToContainTextAsync("Rp 5.241.600");
        await Assertions.Expect(row2026.Locator("td").Nth(3)).ToHaveTextAsync("9");
        await Assertions.Expect(row2026.Locator("td").Nth(5)).ToHaveTextAsync("17");
        await Assertions.Expect(row2026.Locator("td").Nth(5)).ToBeInViewportAsync(new() { Ratio = 1 });

        var datasets = await page.GetByTestId("scenario-chart").EvaluateAsync<int>("c => c.lindungChart ? c.lindungChart.data.datasets.length : -1");
        Assert.Equal(4, datasets);
        var chartHeight = await page.GetByTestId("scenario-chart").EvaluateAsync<double>("c => c.getBoundingClientRect().height");
        Assert.True(chartHeight >= 300, $"the chart is drawn at a readable height, not {chartHeight}px");
        var fits = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth");
        Assert.True(fits, "the comparison fits a 1366×768 screen without sideways scrolling");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "budget-scenarios.png"), FullPage = true });
    }
}
