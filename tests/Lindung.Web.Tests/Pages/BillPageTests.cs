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
}
