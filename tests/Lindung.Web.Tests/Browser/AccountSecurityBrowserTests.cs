using Lindung.Core.Identity;
using Lindung.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lindung.Web.Tests.Browser;

public class AccountSecurityBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Auditor_EnrolsTotp_SignsInWithIt_AndFindsTheEnrolmentInTheAuditTrail()
    {
        await browser.App.CreateUserAsync("auditor.peramban", Roles.Auditor);
        var page = await browser.NewPageAsync();
        var signIn = new SignInPage(page);
        await signIn.OpenAsync();
        await signIn.SignInAsync("auditor.peramban", LindungFactory.Password);

        // Sent to enrolment before anything else.
        await page.WaitForURLAsync(browser.BaseUrl + "/Akun/DuaFaktor");
        await Assertions.Expect(page.GetByTestId("twofactor-required")).ToBeVisibleAsync();
        var key = (await page.GetByTestId("authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.StartsWith("otpauth://totp/", await page.GetByTestId("authenticator-uri").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByLabel("Kode dari aplikasi").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Aktifkan" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "akun-dua-faktor-1366x768.png"), FullPage = true });

        // Sign out, then in again with password and code.
        await page.GetByRole(AriaRole.Button, new() { Name = "Keluar", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(browser.BaseUrl + "/Akun/Masuk");
        await signIn.SignInAsync("auditor.peramban", LindungFactory.Password, key);
        await page.WaitForURLAsync(browser.BaseUrl + "/");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Jejak Audit" }).ClickAsync();
        await page.GetByLabel("Pengguna", new() { Exact = true }).FillAsync("auditor.peramban");
        await page.GetByLabel("Tindakan", new() { Exact = true }).SelectOptionAsync("auth.2fa_enabled");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cari" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("audit-total")).ToHaveTextAsync("1 kejadian ditemukan.");
        await Assertions.Expect(page.GetByTestId("audit-results")).ToContainTextAsync("auth.2fa_enabled");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "jejak-audit-1366x768.png"), FullPage = true });
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 1366, $"page is {width}px wide");
    }
}
