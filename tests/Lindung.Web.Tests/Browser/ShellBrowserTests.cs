using Lindung.Core.Identity;
using Lindung.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lindung.Web.Tests.Browser;

public class ShellBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task SignIn_KoordinatorThroughTheForm_SeesIndonesianShellWithTenantName()
    {
        var page = await browser.NewPageAsync();
        var signIn = new SignInPage(page);
        await signIn.OpenAsync();

        await signIn.SignInAsync(LindungFactory.UserOf[Roles.Koordinator], LindungFactory.Password);

        await page.WaitForURLAsync(browser.BaseUrl + "/");
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" });
        foreach (var label in new[] { "Dasbor", "Pekerja", "Pengajuan", "BPJS", "Iuran", "Anggaran", "Proyek", "Perjanjian", "Klaim", "Laporan" })
        {
            Assert.True(await nav.GetByRole(AriaRole.Link, new() { Name = label, Exact = true }).IsVisibleAsync(), label);
        }

        Assert.Equal("Kabupaten Ogan Komering Ulu Selatan", await page.GetByTestId("tenant-name").InnerTextAsync());
        Assert.Equal("Koordinator", await page.GetByTestId("user-role").InnerTextAsync());
        Assert.Equal("259", await page.GetByTestId("village-count").InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "shell-koordinator-1366x768.png"), FullPage = true });

        // No layout breaks out of a 1366-pixel office laptop screen.
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 1366, $"page is {scrollWidth}px wide");
    }

    [Fact]
    public async Task Shell_OnAPhone_OpensTheMenuFromTheToggle()
    {
        var page = await browser.NewPageAsync(390, 844);
        await new SignInPage(page).OpenAsync();
        await new SignInPage(page).SignInAsync(LindungFactory.UserOf[Roles.OperatorOpd], LindungFactory.Password);
        await page.WaitForURLAsync(browser.BaseUrl + "/");

        await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Pengajuan", Exact = true })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "shell-operator-phone.png") });
    }
}
