using System.Text;
using Lindung.Core.Bpjs;
using Lindung.Core.Contributions;
using Lindung.Core.Data;
using Lindung.Core.Import;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Core.Registry;
using Lindung.Core.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Tests.Bpjs;

public class InvoiceComparisonTests
{
    /// <summary>
    /// Siti and Fauzi (verified BPU, Rp1.000.000 declared, JKK+JKM = Rp16.800 a month) are Terdaftar through April's BPJS list
    /// (Siti active, Fauzi active); Rina is pending. BPJS's invoice for April bills Siti Rp16.800, Fauzi Rp20.000, Rina Rp16.800
    /// and a stranger; Lindung's bill has Siti and Fauzi.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Invoice_DifferencesAreFoundDownToTheWorker(DatabaseProvider provider)
    {
        await using var db = await BpjsStatusImporterTests.RegistryAsync(provider);
        await BpjsStatusImporterTests.ImportAsync(db, "KPJ;NIK;Nama;Status\n25010000001;1609014708850001;SITI NURHAYATI;AKTIF\n"
            + "25010000002;1609011208850002;MUHAMMAD FAUZI;AKTIF\n", "2025-04");
        const string Invoice = "No KPJ;NIK;Nama Peserta;Jumlah Iuran\n"
            + "25010000001;;SITI NURHAYATI;Rp 16.800\n"
            + ";1609011208850002;MUHAMMAD FAUZI;20.000\n"
            + ";1609015203900003;RINA SARI;16800\n"
            + "25019999999;;ORANG LAIN;16.800\n";

        await using var ctx = db.Context("16.09", user: "keuangan.uji");
        var store = new BpjsInvoiceStore(ctx, BpjsStatusImporterTests.Protector, SpreadsheetLimits.Default);
        var first = await store.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(Invoice)), "tagihan.csv", "2025-04");
        var again = await store.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(Invoice)), "tagihan.csv", "2025-04");
        var bill = await new MonthlyBill(ctx).ForAsync("2025-04");
        var comparison = (await new InvoiceComparer(ctx).CompareAsync(bill))!;

        Assert.Equal((4, 70_400L, 3, false), (first.Lines, first.Total, first.Matched, first.Unchanged));
        Assert.True(again.Unchanged);
        Assert.Equal(1, await ctx.BpjsInvoices.CountAsync());
        Assert.Equal(4, await ctx.BpjsInvoiceLines.CountAsync());
        Assert.Equal((33_600L, 70_400L, 36_800L), (comparison.BillTotal, comparison.Invoice.Total, comparison.Difference));
        Assert.Equal(bill.Lines.Sum(l => l.Total), bill.Total);
        var byKind = comparison.Differences.ToLookup(d => d.Kind);
        var differs = Assert.Single(byKind[InvoiceDifference.AmountDiffers]);
        Assert.Equal(("Muhammad Fauzi", 16_800L, 20_000L), (differs.Name, differs.Ours!.Value, differs.Theirs!.Value));
        Assert.Equal(["Rina Sari"], byKind[InvoiceDifference.BilledNotActive].Select(d => d.Name));
        Assert.Equal(["ORANG LAIN"], byKind[InvoiceDifference.BilledNotInBill].Select(d => d.Name));
        Assert.Empty(byKind[InvoiceDifference.ActiveNotBilled]);
        Assert.True(await ctx.AuditEvents.AnyAsync(a => a.EntityType == nameof(BpjsInvoice)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Invoice_ActiveButNotBilled_AndATypedTotalReplacesTheFile(DatabaseProvider provider)
    {
        await using var db = await BpjsStatusImporterTests.RegistryAsync(provider);
        await BpjsStatusImporterTests.ImportAsync(db, "NIK;Nama;Status\n1609014708850001;SITI NURHAYATI;AKTIF\n1609011208850002;MUHAMMAD FAUZI;AKTIF\n", "2025-04");
        await using var ctx = db.Context("16.09", user: "keuangan.uji");
        var store = new BpjsInvoiceStore(ctx, BpjsStatusImporterTests.Protector, SpreadsheetLimits.Default);
        await store.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes("NIK;Iuran\n1609014708850001;16800\n")), "tagihan.csv", "2025-04");
        var bill = await new MonthlyBill(ctx).ForAsync("2025-04");

        var fromFile = (await new InvoiceComparer(ctx).CompareAsync(bill))!;
        await store.SaveTypedAsync("2025-04", 33_600, 2, "INV/2025/04/001");
        var typed = (await new InvoiceComparer(ctx).CompareAsync(bill))!;

        Assert.Equal(["Muhammad Fauzi"], fromFile.Differences.Where(d => d.Kind == InvoiceDifference.ActiveNotBilled).Select(d => d.Name));
        Assert.Equal((33_600L, 0L, false), (typed.Invoice.Total, typed.Difference, typed.HasLines));
        Assert.Empty(typed.Differences);
        Assert.Equal(0, await ctx.BpjsInvoiceLines.CountAsync());
    }

    [Fact]
    public async Task Invoice_AnAmountThatIsNotRupiah_RefusesTheWholeFile()
    {
        await using var db = await BpjsStatusImporterTests.RegistryAsync(DatabaseProvider.Sqlite);
        await using var ctx = db.Context("16.09", user: "keuangan.uji");
        var store = new BpjsInvoiceStore(ctx, BpjsStatusImporterTests.Protector, SpreadsheetLimits.Default);

        var error = await Assert.ThrowsAsync<UnusableImportException>(() =>
            store.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes("NIK;Iuran\n1609014708850001;16800\n1609011208850002;enam belas ribu\n")), "t.csv", "2025-04"));

        Assert.Contains("Baris 3", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await ctx.BpjsInvoices.CountAsync());
        Assert.Equal(0, await ctx.BpjsInvoiceLines.CountAsync());
    }
}
