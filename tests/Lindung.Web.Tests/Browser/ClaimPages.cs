using Microsoft.Playwright;

namespace Lindung.Web.Tests.Browser;

/// <summary>Page object for /Klaim/Catat: find the worker, then the facts of the incident.</summary>
public sealed class IncidentRecordPage(IPage page)
{
    public async Task FindWorkerAsync(string name)
    {
        await page.GetByLabel("Cari pekerja (nama)").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Cari", Exact = true }).ClickAsync();
    }

    public async Task RecordAsync(string kindLabel, string isoDate, string place, string description)
    {
        await page.GetByLabel("Jenis kejadian").SelectOptionAsync(new SelectOptionValue { Label = kindLabel });
        await page.GetByLabel("Tanggal kejadian").FillAsync(isoDate);
        await page.GetByLabel("Tempat kejadian").FillAsync(place);
        await page.GetByLabel("Kronologi kejadian").FillAsync(description);
        await page.GetByRole(AriaRole.Button, new() { Name = "Catat kejadian" }).ClickAsync();
    }
}

/// <summary>Page object for /Klaim/Detail/{id}: checklist, status with BPJS, scholarships.</summary>
public sealed class ClaimDetailPage(IPage page)
{
    public ILocator Status => page.GetByTestId("claim-status");

    public ILocator Amount => page.GetByTestId("claim-amount");

    public ILocator Error => page.GetByTestId("claim-error");

    public async Task ReceiveAllDocumentsAsync()
    {
        var boxes = page.GetByTestId("checklist").GetByRole(AriaRole.Checkbox);
        for (var i = 0; i < await boxes.CountAsync(); i++)
        {
            await boxes.Nth(i).CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan kelengkapan" }).ClickAsync();
    }

    public async Task SetStatusAsync(string statusLabel, string isoDate, string? amount = null)
    {
        var form = page.GetByTestId("status-form");
        await form.GetByLabel("Status klaim").SelectOptionAsync(new SelectOptionValue { Label = statusLabel });
        await form.GetByLabel("Tanggal").FillAsync(isoDate);
        if (amount is not null)
        {
            await form.GetByLabel("Jumlah dibayar").FillAsync(amount);
        }

        await form.GetByRole(AriaRole.Button, new() { Name = "Simpan status" }).ClickAsync();
    }

    public async Task AddHeirAsync(string name, string relationship)
    {
        var form = page.GetByTestId("heir-form");
        await form.GetByLabel("Nama ahli waris").FillAsync(name);
        await form.GetByLabel("Hubungan").FillAsync(relationship);
        await form.GetByRole(AriaRole.Button, new() { Name = "Tambah" }).ClickAsync();
    }

    /// <summary>Adds a scholarship year at the reference amount of its level.</summary>
    public async Task AddScholarshipAsync(string child, string level, string schoolYear)
    {
        var form = page.GetByTestId("scholarship-form");
        await form.GetByLabel("Nama anak").FillAsync(child);
        await form.GetByLabel("Jenjang").SelectOptionAsync(level);
        await form.GetByLabel("Tahun ajaran").FillAsync(schoolYear);
        await form.GetByRole(AriaRole.Button, new() { Name = "Tambah" }).ClickAsync();
    }

    public async Task MarkScholarshipPaidAsync(string isoDate)
    {
        var row = page.GetByTestId("scholarships").Locator("tbody tr").First;
        await row.GetByLabel("Tanggal").FillAsync(isoDate);
        await row.GetByRole(AriaRole.Button, new() { Name = "Tandai dibayar" }).ClickAsync();
    }
}
