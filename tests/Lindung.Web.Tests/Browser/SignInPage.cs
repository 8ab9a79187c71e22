using Microsoft.Playwright;

namespace Lindung.Web.Tests.Browser;

/// <summary>Page object for /Akun/Masuk, located by labels and roles as a user sees it.</summary>
public sealed class SignInPage(IPage page)
{
    public async Task OpenAsync() => await page.GotoAsync("/Akun/Masuk");

    public async Task SignInAsync(string userName, string password)
    {
        await page.GetByLabel("Nama pengguna").FillAsync(userName);
        await page.GetByLabel("Kata sandi").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
    }
}
