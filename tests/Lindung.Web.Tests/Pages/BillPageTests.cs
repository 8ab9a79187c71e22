using Lindung.Core.Identity;
using Lindung.Core.Registry;
using Lindung.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Tests.Pages;

/// <summary>5 verified guru ngaji in KESRA, all Terdaftar since 2024.</summary>
public sealed class BillFactory : LindungFactory
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await AddVerifiedBpuWorkersAsync("KESRA", "GURU_NGAJI", 5, firstSerial: 5300);
        await using var db = Database.Context(Tenant);
        foreach (var e in await db.Engagements.Where(e => e.Verification == VerificationStatus.Verified).ToListAsync())
        {
            e.Registration = RegistrationStatus.Registered;
            e.RegisteredOn = new DateOnly(2024, 1, 1);
        }

        await db.SaveChangesAsync();
    }
}

public class BillPageTests(BillFactory factory) : IClassFixture<BillFactory>
{
    [Fact]
    public async Task Keuangan_SeesTheMonthsBill_AndDownloadsItDownToTheWorker()
    {
        var client = await factory.SignedInAsync(Roles.Keuangan);

        var html = await client.GetStringAsync("/Iuran/Tagihan?period=2025-06");
        var xlsx = await client.GetAsync("/Iuran/Tagihan?handler=Xlsx&period=2025-06");

        Assert.Contains("Periode 2025-06: 5 pekerja terdaftar di BPJS, Rp 84.000; jatuh tempo 15/07/2025; tabel tarif 2025-03-01.",
            System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        using var reader = new Lindung.Core.Import.Spreadsheets.XlsxSheetReader(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), "Rincian");
        var rows = 0;
        while (reader.Read())
        {
            rows++;
        }

        Assert.Equal(6, rows);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == Lindung.Core.Audit.AuditActions.Exported && e.EntityType == "MonthlyBill"));
    }

    [Fact]
    public async Task Keuangan_UploadsBpjsInvoice_AndSeesTheDifferencesDownToTheWorker()
    {
        var client = await factory.SignInAsync(LindungFactory.UserOf[Roles.Keuangan], LindungFactory.Password);
        var token = LindungFactory.AntiforgeryToken(await client.GetStringAsync("/Iuran/Tagihan?period=2025-07"));
        const string Invoice = "NIK;Nama;Iuran\n1609011503855300;A;16.800\n1609011503855301;B;16.800\n1609011503855302;C;16.800\n1609011503855303;D;20.000\n";

        var response = await client.PostAsync("/Iuran/Tagihan?handler=InvoiceFile", new MultipartFormDataContent
        {
            { new StringContent("2025-07"), "Period" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(Invoice)), "file", "tagihan-bpjs.csv" },
        });
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var export = await client.GetAsync("/Iuran/Tagihan?handler=Differences&period=2025-07");

        Assert.Contains("Tagihan BPJS diambil: 4 baris, Rp 70.400; 4 baris dikenali di registri.", html, StringComparison.Ordinal);
        // Lindung bills 5 × Rp16.800 = Rp84.000; BPJS Rp70.400.
        Assert.Contains("data-testid=\"invoice-difference\">-Rp 13.600", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"invoice-count-AmountDiffers\">1", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"invoice-count-ActiveNotBilled\">1", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"invoice-count-BilledNotActive\">0", html, StringComparison.Ordinal);
        Assert.Contains("Pekerja Rentan 5304", html, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, export.StatusCode);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityType == "InvoiceComparison"));
    }

    [Fact]
    public async Task Pimpinan_ReadsTheBill_ButCannotEnterAnInvoice()
    {
        var client = await factory.SignInAsync(LindungFactory.UserOf[Roles.Pimpinan], LindungFactory.Password);
        var page = await client.GetStringAsync("/Iuran/Tagihan?period=2025-08");

        var post = await client.PostAsync("/Iuran/Tagihan?handler=InvoiceTotal", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Period"] = "2025-08",
            ["total"] = "Rp 84.000",
            ["__RequestVerificationToken"] = LindungFactory.AntiforgeryToken(page),
        }));

        Assert.DoesNotContain("Simpan jumlah tagihan", page, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, post.StatusCode);
    }

    [Fact]
    public async Task Keuangan_TypesTheInvoiceTotal_InIndonesianFormat()
    {
        var client = await factory.SignInAsync(LindungFactory.UserOf[Roles.Keuangan], LindungFactory.Password);

        var bad = await LindungFactory.PostFormAsync(client, "/Iuran/Tagihan?handler=InvoiceTotal",
            new() { ["Period"] = "2025-09", ["total"] = "delapan puluh ribu" }, formPage: "/Iuran/Tagihan?period=2025-09");
        var good = await LindungFactory.PostFormAsync(client, "/Iuran/Tagihan?handler=InvoiceTotal",
            new() { ["Period"] = "2025-09", ["total"] = "Rp 84.000", ["participants"] = "5", ["reference"] = "INV-09" }, formPage: "/Iuran/Tagihan?period=2025-09");

        Assert.Contains("Jumlah tagihan harus berupa angka rupiah", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var html = await good.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"invoice-difference\">Rp 0", html, StringComparison.Ordinal);
        Assert.Contains("INV-09", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecreeAnnex_NumbersEveryRecipientOfTheFundingSource_AndAnOperatorSeesOnlyTheirOpd()
    {
        var html = System.Net.WebUtility.HtmlDecode(await (await factory.SignedInAsync(Roles.Pimpinan)).GetStringAsync("/Laporan/Lampiran?period=2025-06&funding=APBD"));
        var operatorHtml = System.Net.WebUtility.HtmlDecode(await (await factory.SignedInAsync(Roles.OperatorOpd)).GetStringAsync("/Laporan/Lampiran?period=2025-06&funding=APBD"));
        var xlsx = await (await factory.SignedInAsync(Roles.Pimpinan)).GetAsync("/Laporan/Lampiran?handler=Xlsx&period=2025-06&funding=APBD");

        Assert.Contains("Periode 2025-06, sumber dana APBD: 5 penerima, iuran sebulan Rp 84.000.", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"annex-total\">Rp 84.000", html, StringComparison.Ordinal);
        Assert.Contains("Pekerja Rentan 5300", html, StringComparison.Ordinal);
        Assert.Contains(": 0 penerima", operatorHtml, StringComparison.Ordinal); // DLH has no registered worker
        Assert.Equal(System.Net.HttpStatusCode.OK, xlsx.StatusCode);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityType == "DecreeAnnex"));
    }
}
