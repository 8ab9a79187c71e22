using Lindung.Core.Identity;
using Lindung.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lindung.Web.Tests.Browser;

/// <summary>Page object for /Akun/Masuk (and its second step), located by labels and roles as a user sees it.</summary>
public sealed class SignInPage(IPage page)
{
    public async Task OpenAsync() => await page.GotoAsync("/Akun/Masuk");

    /// <summary>
    /// Signs in with the password; the seeded Administrator, Koordinator and Auditor (enrolled with
    /// <see cref="LindungFactory.TotpKey"/>) then give the authenticator code, as does anyone given a <paramref name="totpKey"/>.
    /// </summary>
    public async Task SignInAsync(string userName, string password, string? totpKey = null)
    {
        await page.GetByLabel("Nama pengguna").FillAsync(userName);
        await page.GetByLabel("Kata sandi").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        var key = totpKey ?? (Roles.RequireSecondFactor.Any(r => LindungFactory.UserOf[r] == userName) ? LindungFactory.TotpKey : null);
        if (key is not null)
        {
            await EnterCodeAsync(Totp.Code(key));
        }
    }

    public async Task EnterCodeAsync(string code)
    {
        await page.GetByLabel("Kode verifikasi").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verifikasi" }).ClickAsync();
    }
}
