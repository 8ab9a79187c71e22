using Lindung.Core.Identity;
using Lindung.Web.Tests.Infrastructure;

namespace Lindung.Web.Tests.Pages;

public class SimulatorPageTests(LindungFactory factory) : IClassFixture<LindungFactory>
{
    [Theory]
    [InlineData("/Iuran?Skema=BPU&Nilai=1000000&Program=JKK&Program=JKM&Tanggal=2025-06-01", "Rp 16.800")]
    [InlineData("/Iuran?Skema=BPU&Nilai=1000000&Program=JKK&Program=JKM&Program=JHT&Tanggal=2025-06-01", "Rp 36.800")]
    [InlineData("/Iuran?Skema=PU&Nilai=2000000&Risiko=1&Program=JKK&Program=JKM&Program=JHT&Program=JP&Tanggal=2025-06-01", "Rp 184.800")]
    [InlineData("/Iuran?Skema=JAKON&Nilai=850000000&Tanggal=2025-06-01", "Rp 1.525.000")]
    public async Task Simulator_AnyRole_ShowsTheExactTotal(string url, string total)
    {
        var html = await (await factory.SignedInAsync(Roles.Pimpinan)).GetStringAsync(url);

        Assert.Contains($"data-testid=\"sim-total\">{total}<", html, StringComparison.Ordinal);
        Assert.Contains("Tabel tarif 2025-03-01", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulator_JakonAboveOneBillion_MarksTheAssumption()
    {
        var html = await (await factory.SignedInAsync(Roles.OperatorOpd)).GetStringAsync("/Iuran?Skema=JAKON&Nilai=2500000000&Tanggal=2025-06-01");

        Assert.Contains("belum terkonfirmasi (asumsi)", html, StringComparison.Ordinal);
        Assert.Contains("table-warning", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulator_IncomeBelowMinimum_SaysItWasRaised()
    {
        var html = await (await factory.SignedInAsync(Roles.Keuangan)).GetStringAsync("/Iuran?Skema=BPU&Nilai=500000&Program=JKK&Program=JKM&Tanggal=2025-06-01");

        Assert.Contains("di bawah batas minimum", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"sim-total\">Rp 16.800<", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id", "Tanggal tidak sah; pilih tanggal dari kalender.")]
    [InlineData("en", "The date is not valid; pick a date from the calendar.")]
    public async Task Simulator_AnUnreadableDate_IsRefusedInThePagesLanguage(string language, string expected)
    {
        var client = await factory.SignInAsync(LindungFactory.UserOf[Roles.Keuangan], LindungFactory.Password);
        await LindungFactory.ChooseLanguageAsync(client, language);

        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/Iuran?Skema=BPU&Nilai=1000000&Tanggal=31-02-2025"));

        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"sim-total\"", html, StringComparison.Ordinal);
    }
}
