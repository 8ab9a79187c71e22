using Microsoft.Playwright;

namespace Lindung.Web.Tests.Browser;

/// <summary>The data subject report (/Pekerja/DataPribadi/{id}).</summary>
public sealed class SubjectReportPage(IPage page)
{
    public async Task OpenFromWorkerPageAsync(Guid person)
    {
        await page.GotoAsync($"/Pekerja/Detail/{person}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Laporan data pribadi (UU PDP)" }).ClickAsync();
    }

    /// <summary>Asks for the full NIK; the caller accepts the confirmation dialog.</summary>
    public async Task RevealAsync() => await page.GetByTestId("pdp-reveal").ClickAsync();

    public ILocator Disclosures => page.GetByTestId("pdp-disclosures");
    public ILocator RevealedNik => page.GetByTestId("nik-revealed");
    public ILocator PrintButton => page.GetByRole(AriaRole.Button, new() { Name = "Cetak" });
    public ILocator Xlsx => page.GetByTestId("pdp-xlsx");
}

/// <summary>The breach pages (/Admin/Insiden).</summary>
public sealed class BreachPages(IPage page)
{
    public async Task RecordAsync(string description, string suspectedUser, string kindLabel)
    {
        await page.GotoAsync("/Admin/Insiden");
        await page.GetByTestId("breach-new").ClickAsync();
        await page.GetByLabel("Uraian (apa yang terjadi dan bagaimana)").FillAsync(description);
        await page.GetByLabel("Akun yang diduga").FillAsync(suspectedUser);
        await page.GetByLabel(kindLabel).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan", Exact = true }).ClickAsync();
    }

    public async Task MoveAsync(string buttonName)
    {
        page.Dialog -= Accept;
        page.Dialog += Accept;
        await page.GetByRole(AriaRole.Button, new() { Name = buttonName }).ClickAsync();
    }

    private static async void Accept(object? sender, IDialog dialog) => await dialog.AcceptAsync();

    public ILocator Deadline => page.GetByTestId("breach-deadline-box");
    public ILocator Affected => page.GetByTestId("breach-affected");
    public ILocator Status => page.GetByTestId("breach-status");
    public ILocator SubjectNotice => page.GetByTestId("notice-subject");
}
