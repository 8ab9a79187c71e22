using Microsoft.Playwright;

namespace Lindung.Web.Tests.Browser;

/// <summary>Page object for /Pekerja/Detail/{id}: the worker's data, engagements and the end-engagement form.</summary>
public sealed class WorkerDetailPage(IPage page)
{
    public async Task OpenAsync(Guid id) => await page.GotoAsync($"/Pekerja/Detail/{id}");

    public async Task EditAsync() => await page.GetByRole(AriaRole.Link, new() { Name = "Ubah data" }).ClickAsync();

    public ILocator Message => page.GetByTestId("worker-message");

    public ILocator Engagements => page.GetByTestId("engagements");

    /// <summary>Opens the end form of the only running engagement and fills it in.</summary>
    public async Task FillEndFormAsync(string date, string reasonLabel)
    {
        await page.GetByText("Akhiri…").ClickAsync();
        await page.GetByLabel("Tanggal berakhir").FillAsync(date);
        await page.GetByLabel("Alasan").SelectOptionAsync(new SelectOptionValue { Label = reasonLabel });
    }

    /// <summary>Submits the end form, accepting the browser's confirmation.</summary>
    public async Task EndEngagementAsync()
    {
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Akhiri penugasan" }).ClickAsync();
    }
}

/// <summary>Page object for /Pekerja/Ubah/{id}.</summary>
public sealed class WorkerEditPage(IPage page)
{
    public async Task FillAsync(string label, string value) => await page.GetByLabel(label, new() { Exact = true }).FillAsync(value);

    public async Task SaveAsync() => await page.GetByRole(AriaRole.Button, new() { Name = "Simpan", Exact = true }).ClickAsync();

    public async Task ConfirmAsync() => await page.GetByRole(AriaRole.Button, new() { Name = "Simpan seperti ini" }).ClickAsync();

    public ILocator Review => page.GetByTestId("edit-review");
}
