using Lindung.Core.Data;
using Lindung.Core.Identity;
using Lindung.Core.Tenancy;
using Lindung.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lindung.Web.Tests.Browser;

/// <summary>Page object for the project form (/Proyek/Ubah), by labels as a user sees them.</summary>
public sealed class ProjectFormPage(IPage page)
{
    public async Task FillAsync(string number, string package, string contractor, long value, bool includesVat, string spk, int days, string district)
    {
        await page.GetByLabel("Nomor kontrak").FillAsync(number);
        await page.GetByLabel("Nama paket pekerjaan").FillAsync(package);
        await page.GetByLabel("Penyedia jasa").FillAsync(contractor);
        await page.GetByLabel("Nilai kontrak (Rp)").FillAsync(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (includesVat)
        {
            await page.GetByLabel("Nilai kontrak termasuk PPN").CheckAsync();
        }

        await page.GetByLabel("Tanggal SPK").FillAsync(spk);
        await page.GetByLabel("Jangka waktu (hari kalender)").FillAsync(days.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Kecamatan").SelectOptionAsync(new SelectOptionValue { Label = district });
        await page.GetByLabel("Tahun anggaran").FillAsync("2026");
    }

    public async Task SaveAsync() => await page.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
}

public class ProjectBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string PuprOperator = "operator.pupr";

    private async Task CreatePuprOperatorAsync()
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<SwitchableActor>().Override = new FixedActor(LindungFactory.Tenant, "test-setup");
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var pupr = db.Agencies.Single(a => a.Code == "PUPR").Id;
        await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(new NewUser(PuprOperator, "Operator Dinas PUPR", Roles.OperatorOpd,
            LindungFactory.Tenant, pupr, LindungFactory.Password, MustChangePassword: false));
    }

    [Fact]
    public async Task OperatorPupr_RegistersAProject_AndSeesItsContributionAndDeadline()
    {
        await CreatePuprOperatorAsync();
        var page = await browser.NewPageAsync();
        await new SignInPage(page).OpenAsync();
        await new SignInPage(page).SignInAsync(PuprOperator, LindungFactory.Password);
        await page.WaitForURLAsync(browser.BaseUrl + "/");

        await page.GotoAsync("/Proyek");
        await page.GetByRole(AriaRole.Link, new() { Name = "Daftarkan proyek" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("OPD")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("."));
        var form = new ProjectFormPage(page);
        // SPK Thu 05/11/2026 → 14 working days (two weekends skipped) → Wed 25/11/2026.
        await form.FillAsync("027/SPK/PUPR/2026", "Rehabilitasi Jalan Desa Pelangki", "CV Muara Karya", 850_000_000, includesVat: false, "05/11/2026", 120, "Muara Dua");
        await form.SaveAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Rehabilitasi Jalan Desa Pelangki" })).ToBeVisibleAsync();
        // The reference's worked example: 210.000 + 680.000 + 455.000 JKK and 30.000 + 80.000 + 70.000 JKM.
        await Assertions.Expect(page.GetByTestId("proj-contribution")).ToHaveTextAsync("Rp 1.525.000");
        await Assertions.Expect(page.GetByTestId("proj-tiers").Locator("tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("proj-deadline")).ToContainTextAsync("25/11/2026");
        await Assertions.Expect(page.GetByTestId("proj-facts")).ToContainTextAsync("Dinas Pekerjaan Umum dan Penataan Ruang");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "project-registered.png"), FullPage = true });
        var width = await page.EvaluateAsync<string>("() => document.documentElement.scrollWidth + ' > ' + document.documentElement.clientWidth + ' ' + [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth).map(e => e.tagName + '.' + e.className).slice(0, 5).join(' | ')");
        var fits = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth");
        Assert.True(fits, "the project page fits a 1366×768 screen without sideways scrolling: " + width);

        await page.GotoAsync("/Proyek");
        var row = page.GetByTestId("proj-row").Filter(new() { HasText = "027/SPK/PUPR/2026" });
        await Assertions.Expect(row).ToContainTextAsync("Rp 1.525.000");
        await Assertions.Expect(row).ToContainTextAsync("25/11/2026");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "project-list.png"), FullPage = true });
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
            "the project list fits a 1366×768 screen without sideways scrolling");
    }
}
