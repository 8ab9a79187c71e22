using System.Net;
using Lindung.Core.Audit;
using Lindung.Core.Identity;
using Lindung.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Tests.Pages;

public class RegistryPageTests(LindungFactory factory) : IClassFixture<LindungFactory>
{
    [Fact]
    public async Task List_Koordinator_SeesAllOpdsWithMaskedNiks()
    {
        var html = await (await factory.SignedInAsync(Roles.Koordinator)).GetStringAsync("/Pekerja");

        Assert.Contains("Siti Nurhayati", html, StringComparison.Ordinal);
        Assert.Contains("Ahmad Fauzi", html, StringComparison.Ordinal);
        Assert.Contains("1609••••••••0001", html, StringComparison.Ordinal);
        Assert.DoesNotContain(LindungFactory.DlhWorkerNik, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_OperatorOpd_SeesOnlyTheirOwnOpd()
    {
        var html = await (await factory.SignedInAsync(Roles.OperatorOpd)).GetStringAsync("/Pekerja");

        Assert.Contains("Siti Nurhayati", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Ahmad Fauzi", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detail_OperatorOpdOnAnotherOpdsWorker_IsNotFound()
    {
        var client = await factory.SignedInAsync(Roles.OperatorOpd);

        var other = await client.GetAsync("/Pekerja/Detail/" + factory.PersonIdByName("Ahmad Fauzi"));
        var own = await client.GetAsync("/Pekerja/Detail/" + factory.PersonIdByName("Siti Nurhayati"));

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Theory]
    [InlineData("1609014708850001", "Siti Nurhayati", "Ahmad Fauzi")]
    [InlineData("1609-0147-0885-0001", "Siti Nurhayati", "Ahmad Fauzi")]
    [InlineData("siti  nur", "Siti Nurhayati", "Ahmad Fauzi")]
    [InlineData("AHMAD", "Ahmad Fauzi", "Siti Nurhayati")]
    public async Task Search_ByExactNikOrNamePrefix_FindsOnlyTheMatch(string q, string expected, string absent)
    {
        var (url, html) = await LindungFactory.SearchAsync(await factory.SignedInAsync(Roles.Auditor), "/Pekerja", new() { ["F.Q"] = q });

        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.DoesNotContain(absent, html, StringComparison.Ordinal);
        Assert.DoesNotContain("0147", url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Total_WithAndWithoutPersonFilters_CountsTheEngagementsShown()
    {
        var client = await factory.SignedInAsync(Roles.Auditor);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var all = await db.Engagements.CountAsync();
        var dlh = await db.Agencies.SingleAsync(a => a.Code == "DLH");
        var inDlh = await db.Engagements.CountAsync(e => e.AgencyId == dlh.Id);
        var siti = await db.Engagements.CountAsync(e => e.Person!.NameKey.StartsWith("SITI"));
        Assert.True(all > inDlh && inDlh > 0 && siti > 0);

        // No person filter: the total comes from the engagements alone (fast at a million); with one, from the join.
        Assert.Contains($"data-testid=\"registry-total\">{all} penugasan<", await client.GetStringAsync("/Pekerja"), StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"registry-total\">{inDlh} penugasan<", await client.GetStringAsync($"/Pekerja?F.Opd={dlh.Id}"), StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"registry-total\">{siti} penugasan<", await client.GetStringAsync("/Pekerja?F.Q=siti"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchByNik_NeverPutsTheNikInAUrl_AndShowsItMasked()
    {
        var client = await factory.SignedInAsync(Roles.Koordinator);

        var (url, html) = await LindungFactory.SearchAsync(client, "/Pekerja", new() { ["F.Q"] = LindungFactory.DlhWorkerNik });

        Assert.Contains("F.Q=nik~", url, StringComparison.Ordinal);
        Assert.DoesNotContain(LindungFactory.DlhWorkerNik, Uri.UnescapeDataString(url), StringComparison.Ordinal);
        Assert.DoesNotContain(LindungFactory.DlhWorkerNik, html, StringComparison.Ordinal);
        Assert.Contains("value=\"1609\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u20220001\"", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("Siti Nurhayati", html, StringComparison.Ordinal);

        // Applying another filter with the masked NIK still in the box keeps the same search.
        var sealedQ = System.Text.RegularExpressions.Regex.Match(html, "name=\"SealedQ\" value=\"([^\"]+)\"").Groups[1].Value;
        var (_, again) = await LindungFactory.SearchAsync(client, url, new()
        {
            ["F.Q"] = NikProtectorMask(LindungFactory.DlhWorkerNik),
            ["SealedQ"] = System.Net.WebUtility.HtmlDecode(sealedQ),
            ["F.Urut"] = "lahir",
        });
        Assert.Contains("Siti Nurhayati", again, StringComparison.Ordinal);
        Assert.DoesNotContain("Ahmad Fauzi", again, StringComparison.Ordinal);

        // An altered seal finds nobody.
        var altered = await client.GetStringAsync("/Pekerja?F.Q=nik~AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        Assert.DoesNotContain("Siti Nurhayati", altered, StringComparison.Ordinal);
    }

    private static string NikProtectorMask(string nik) => Lindung.Core.Registry.Protection.NikProtector.Mask(nik);

    [Fact]
    public async Task Reveal_Koordinator_ShowsFullNikAndAuditsIt()
    {
        var client = await factory.SignInAsync(LindungFactory.UserOf[Roles.Koordinator], LindungFactory.Password);
        var id = factory.PersonIdByName("Ahmad Fauzi");

        var response = await LindungFactory.PostFormAsync(client, $"/Pekerja/Detail/{id}?handler=Reveal", [], formPage: $"/Pekerja/Detail/{id}");

        Assert.Contains(LindungFactory.BpbdWorkerNik, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var ev = await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.NikRevealed && e.EntityId == id.ToString());
        Assert.Equal("koordinator.uji", ev.UserName);
        Assert.DoesNotContain(LindungFactory.BpbdWorkerNik, ev.Detail ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Keuangan)]
    [InlineData(Roles.Perencana)]
    public async Task Reveal_RoleWithoutTheRight_IsForbiddenAndShowsNoButton(string role)
    {
        var client = await factory.SignInAsync(LindungFactory.UserOf[role], LindungFactory.Password);
        var id = factory.PersonIdByName("Siti Nurhayati");
        var page = await client.GetStringAsync($"/Pekerja/Detail/{id}");

        var response = await client.PostAsync($"/Pekerja/Detail/{id}?handler=Reveal", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = LindungFactory.AntiforgeryToken(page) }));

        Assert.DoesNotContain("Tampilkan NIK", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

public class AddWorkerPageTests(LindungFactory factory) : IClassFixture<LindungFactory>
{
    private async Task<string> CategoryAsync(string code)
    {
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        return (await db.WorkerCategories.SingleAsync(c => c.Code == code)).Id.ToString();
    }

    [Fact]
    public async Task Add_ValidWorker_IsSavedToTheOperatorsOpdAwaitingVerification()
    {
        var client = await factory.SignInAsync(LindungFactory.UserOf[Roles.OperatorOpd], LindungFactory.Password);

        var response = await LindungFactory.PostFormAsync(client, "/Pekerja/Tambah", new()
        {
            ["Input.Nik"] = "1609-0163-0192-0021",
            ["Input.Name"] = "Hj. Aminah Safitri",
            ["Input.BirthDate"] = "23/01/1992",
            ["Input.Sex"] = "P",
            ["Input.VillageCode"] = "16.09.01.2002",
            ["Input.Phone"] = "0813 1234 5678",
            ["Input.CategoryId"] = await CategoryAsync("NONASN"),
            ["Input.Amount"] = "1750000",
            ["Input.Position"] = "Petugas Taman",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Pekerja disimpan dan menunggu verifikasi.", page, StringComparison.Ordinal);
        Assert.Contains("1609••••••••0021", page, StringComparison.Ordinal);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var e = await db.Engagements.Include(x => x.Agency).Include(x => x.Person).SingleAsync(x => x.Person!.FullName == "Aminah Safitri");
        Assert.Equal(("DLH", 1_750_000L, "+6281312345678", "Hj."), (e.Agency!.Code, e.Wage!.Value, e.Person!.Phone, e.Person.FrontTitle));
    }

    [Fact]
    public async Task Add_BadNik_ShowsTheReasonAndSavesNothing()
    {
        var client = await factory.SignInAsync(LindungFactory.UserOf[Roles.Koordinator], LindungFactory.Password);

        var response = await LindungFactory.PostFormAsync(client, "/Pekerja/Tambah", new()
        {
            ["Input.Nik"] = "160901630192002",
            ["Input.Name"] = "Tanpa Digit",
            ["Input.CategoryId"] = await CategoryAsync("MARBOT"),
            ["Input.AgencyId"] = factory.Database.Context(LindungFactory.Tenant).Agencies.First(a => a.Code == "KESRA").Id.ToString(),
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("NIK hanya 15 digit; harus 16 digit.", html, StringComparison.Ordinal);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        Assert.False(await db.People.AnyAsync(p => p.FullName == "Tanpa Digit"));
    }
}
