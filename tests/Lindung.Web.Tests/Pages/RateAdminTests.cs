using System.Net;
using Lindung.Core.Identity;
using Lindung.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Tests.Pages;

public class RateAdminTests(LindungFactory factory) : IClassFixture<LindungFactory>
{
    private static Dictionary<string, string> NewVersion(string name, string date, string jpCap) => new()
    {
        ["Input.Version"] = name,
        ["Input.EffectiveFrom"] = date,
        ["Input.Source"] = "Uji: pengumuman batas upah JP",
        ["Input.PuJkk[0]"] = "0.24",
        ["Input.PuJkk[1]"] = "0.54",
        ["Input.PuJkk[2]"] = "0.89",
        ["Input.PuJkk[3]"] = "1.27",
        ["Input.PuJkk[4]"] = "1.74",
        ["Input.PuJkm"] = "0.30",
        ["Input.JhtEmployer"] = "3.7",
        ["Input.JhtWorker"] = "2",
        ["Input.JpEmployer"] = "2",
        ["Input.JpWorker"] = "1",
        ["Input.JpWageCap"] = jpCap,
        ["Input.BpuJkkPercent"] = "1",
        ["Input.BpuMinIncome"] = "1000000",
        ["Input.BpuJkmFlat"] = "6800",
        ["Input.BpuJhtPercent"] = "2",
        ["Input.PpnPercent"] = "11",
        ["Input.JakonUpTo[0]"] = "100000000",
        ["Input.JakonUpTo[1]"] = "500000000",
        ["Input.JakonUpTo[2]"] = "1000000000",
        ["Input.JakonUpTo[3]"] = "5000000000",
        ["Input.JakonJkk[0]"] = "0.21",
        ["Input.JakonJkk[1]"] = "0.17",
        ["Input.JakonJkk[2]"] = "0.13",
        ["Input.JakonJkk[3]"] = "0.11",
        ["Input.JakonJkk[4]"] = "0.09",
        ["Input.JakonJkm[0]"] = "0.03",
        ["Input.JakonJkm[1]"] = "0.02",
        ["Input.JakonJkm[2]"] = "0.02",
        ["Input.JakonJkm[3]"] = "0.01",
        ["Input.JakonJkm[4]"] = "0.01",
    };

    [Fact]
    public async Task Administrator_AddsAVersion_TheSimulatorUsesItFromItsDateAndNamesIt()
    {
        var admin = await factory.SignedInAsync(Roles.Administrator);

        var saved = await LindungFactory.PostFormAsync(admin, "/Admin/Tarif", NewVersion("JP 2027 (uji)", "2027-03-01", "11000000"), formPage: "/Admin/Tarif");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var reader = await factory.SignedInAsync(Roles.Pimpinan);
        var march = await reader.GetStringAsync("/Iuran?Skema=PU&Nilai=15000000&Risiko=1&Program=JP&Tanggal=2027-03-15");
        var february = await reader.GetStringAsync("/Iuran?Skema=PU&Nilai=15000000&Risiko=1&Program=JP&Tanggal=2027-02-15");
        Assert.Contains("330.000", march, StringComparison.Ordinal);
        Assert.Contains("JP 2027 (uji)", march, StringComparison.Ordinal);
        Assert.DoesNotContain("JP 2027 (uji)", february, StringComparison.Ordinal);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var record = await db.RateVersions.SingleAsync(v => v.Version == "JP 2027 (uji)");
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityId == record.Id.ToString()));
    }

    [Fact]
    public async Task NewVersion_WithoutDateOrWithABadPercent_IsRefusedWithAMessage()
    {
        var admin = await factory.SignedInAsync(Roles.Administrator);
        var form = NewVersion("Salah", "", "11000000");
        form["Input.PuJkk[2]"] = "189";

        var response = await LindungFactory.PostFormAsync(admin, "/Admin/Tarif", form, formPage: "/Admin/Tarif");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Isi tanggal mulai berlaku", html, StringComparison.Ordinal);
        Assert.Contains("Persentase harus antara 0 dan 100", html, StringComparison.Ordinal);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        Assert.False(await db.RateVersions.AnyAsync(v => v.Version == "Salah"));
    }

    [Fact]
    public async Task Form_DecimalsFromNumberInputs_BindWithAPointAndRenderBackWithAPoint()
    {
        var admin = await factory.SignedInAsync(Roles.Administrator);

        await LindungFactory.PostFormAsync(admin, "/Admin/Tarif", NewVersion("Desimal (uji)", "2030-01-01", "12000000"), formPage: "/Admin/Tarif");

        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var json = (await db.RateVersions.SingleAsync(v => v.Version == "Desimal (uji)")).TableJson;
        Assert.Contains("\"puJkk\":[0.24,0.54,0.89,1.27,1.74]", json, StringComparison.Ordinal);
        Assert.Contains("\"puJkm\":0.30", json, StringComparison.Ordinal);
        var form = await admin.GetStringAsync("/Admin/Tarif");
        Assert.Matches("id=\"Input_PuJkm\"[^>]*value=\"0.3", form);
    }

    [Fact]
    public async Task NewVersion_ConstructionTiers_AreEditable_AndUnconfirmedNotesStayOnUnchangedTiers()
    {
        var admin = await factory.SignedInAsync(Roles.Administrator);
        var form = NewVersion("Jakon 2031 (uji)", "2031-01-01", "12000000");
        form["Input.JakonJkk[0]"] = "0.25";
        form["Input.JakonJkm[4]"] = "0.02";

        var saved = await LindungFactory.PostFormAsync(admin, "/Admin/Tarif", form, formPage: "/Admin/Tarif");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var html = await admin.GetStringAsync("/Iuran?Skema=JAKON&Nilai=80000000&Tanggal=2031-02-01");
        Assert.Contains("200.000", html, StringComparison.Ordinal);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var table = Lindung.Core.Contributions.RateBookStore.Deserialize((await db.RateVersions.SingleAsync(v => v.Version == "Jakon 2031 (uji)")).TableJson);
        Assert.NotNull(table.JakonTiers[3].JkmNote);
        Assert.Null(table.JakonTiers[4].JkmNote);
    }

    [Fact]
    public async Task NewVersion_TiersOutOfOrder_AreRefused()
    {
        var admin = await factory.SignedInAsync(Roles.Administrator);
        var form = NewVersion("Lapis salah", "2032-01-01", "12000000");
        form["Input.JakonUpTo[1]"] = "50000000";

        var response = await LindungFactory.PostFormAsync(admin, "/Admin/Tarif", form, formPage: "/Admin/Tarif");

        Assert.Contains("batas atas harus naik berurutan", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
