using System.Net;
using Lindung.Core.Coverage;
using Lindung.Core.Identity;
using Lindung.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Tests.Pages;

public class TargetPageTests(LindungFactory factory) : IClassFixture<LindungFactory>
{
    [Fact]
    public async Task Targets_SeededExample_Runs39To100By2029()
    {
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var targets = await db.CoverageTargets.OrderBy(t => t.Year).Select(t => new { t.Year, t.TargetPercent }).ToListAsync();

        Assert.Equal([2025, 2026, 2027, 2028, 2029], targets.Select(t => t.Year));
        Assert.Equal([51.2m, 63.4m, 75.6m, 87.8m, 100m], targets.Select(t => t.TargetPercent));
        var html = await (await factory.SignedInAsync(Roles.Pimpinan)).GetStringAsync("/Anggaran/Target");
        Assert.Contains("100,0%", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Tetapkan atau ubah target", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_PerencanaExternalDenominator_IsStoredWithItsSource()
    {
        var client = await factory.SignInAsync(LindungFactory.UserOf[Roles.Perencana], LindungFactory.Password);

        var response = await LindungFactory.PostFormAsync(client, "/Anggaran/Target?handler=Save", new()
        {
            ["Input.Year"] = "2026",
            ["Input.Plan"] = "Rkpd",
            ["Input.TargetPercent"] = "60",
            ["Input.Denominator"] = "External",
            ["Input.ExternalPopulation"] = "10500",
            ["Input.ExternalSource"] = "DTSEN Dinsos 2026",
        }, formPage: "/Anggaran/Target");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var t = await db.CoverageTargets.SingleAsync(x => x.Year == 2026 && x.Plan == TargetPlan.Rkpd);
        Assert.Equal((TargetDenominator.External, 10_500, "DTSEN Dinsos 2026"), (t.Denominator, t.ExternalPopulation!.Value, t.ExternalSource));
        var html = await client.GetStringAsync("/Anggaran/Target");
        Assert.Contains("Populasi luar: 10.500 (DTSEN Dinsos 2026)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_ExternalWithoutPopulation_IsRefused()
    {
        var client = await factory.SignInAsync(LindungFactory.UserOf[Roles.Administrator], LindungFactory.Password);

        var response = await LindungFactory.PostFormAsync(client, "/Anggaran/Target?handler=Save", new()
        {
            ["Input.Year"] = "2027",
            ["Input.Plan"] = "Rkpd",
            ["Input.TargetPercent"] = "70",
            ["Input.Denominator"] = "External",
        }, formPage: "/Anggaran/Target");

        Assert.Contains("memerlukan jumlah populasi", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_Keuangan_IsForbidden()
    {
        var client = await factory.SignInAsync(LindungFactory.UserOf[Roles.Keuangan], LindungFactory.Password);
        var page = await client.GetStringAsync("/Anggaran/Target");

        var response = await client.PostAsync("/Anggaran/Target?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Year"] = "2028",
            ["Input.TargetPercent"] = "1",
            ["__RequestVerificationToken"] = LindungFactory.AntiforgeryToken(page),
        }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Save_DecimalPercentFromANumberInput_IsStoredAsTyped()
    {
        var client = await factory.SignInAsync(LindungFactory.UserOf[Roles.Perencana], LindungFactory.Password);

        // Browsers send type="number" values with a point whatever the page language; id-ID would read "0.5" as 5.
        await LindungFactory.PostFormAsync(client, "/Anggaran/Target?handler=Save", new()
        {
            ["Input.Year"] = "2030",
            ["Input.Plan"] = "Rkpd",
            ["Input.TargetPercent"] = "0.5",
            ["Input.Denominator"] = "RegistryEligible",
        }, formPage: "/Anggaran/Target");

        await using var db = factory.Database.Context(LindungFactory.Tenant);
        Assert.Equal(0.5m, (await db.CoverageTargets.SingleAsync(x => x.Year == 2030)).TargetPercent);
    }
}
