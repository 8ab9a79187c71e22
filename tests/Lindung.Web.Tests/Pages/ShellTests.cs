using System.Net;
using Lindung.Core.Audit;
using Lindung.Core.Identity;
using Lindung.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Tests.Pages;

public class ShellTests(LindungFactory factory) : IClassFixture<LindungFactory>
{
    [Fact]
    public async Task Dashboard_Koordinator_ShowsIndonesianShellWithTenantAndRole()
    {
        var client = await factory.SignedInAsync(Roles.Koordinator);

        var html = await client.GetStringAsync("/");

        foreach (var label in new[] { "Dasbor", "Pekerja", "Pengajuan", "BPJS", "Iuran", "Anggaran", "Proyek", "Perjanjian", "Klaim", "Laporan" })
        {
            Assert.Contains($">{label}</a>", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(">Admin</a>", html, StringComparison.Ordinal);
        Assert.Contains("Kabupaten Ogan Komering Ulu Selatan", html, StringComparison.Ordinal);
        Assert.Contains(">Koordinator</span>", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"district-count\">19<", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"village-count\">259<", html, StringComparison.Ordinal);
        Assert.Contains("Dinas Lingkungan Hidup", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nav_Pimpinan_HidesAreasTheRoleMayNotOpen()
    {
        var html = await (await factory.SignedInAsync(Roles.Pimpinan)).GetStringAsync("/");

        Assert.DoesNotContain(">Pekerja</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">BPJS</a>", html, StringComparison.Ordinal);
        Assert.Contains(">Laporan</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_ListOnlyWhatTheRoleMayOpen()
    {
        var koordinator = await (await factory.SignedInAsync(Roles.Koordinator)).GetStringAsync("/Laporan");
        var operatorOpd = await (await factory.SignedInAsync(Roles.OperatorOpd)).GetStringAsync("/Laporan");

        Assert.Contains("href=\"/Bpjs/Rekonsiliasi\"", koordinator, StringComparison.Ordinal);
        Assert.Contains("href=\"/Laporan/Lampiran\"", koordinator, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Bpjs/Rekonsiliasi\"", operatorOpd, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Iuran/Tagihan\"", operatorOpd, StringComparison.Ordinal);
        Assert.Contains("href=\"/Laporan/Lampiran\"", operatorOpd, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Language_SwitchToEnglish_ShowsEnglishShell()
    {
        var client = await factory.SignInAsync(LindungFactory.UserOf[Roles.Auditor], LindungFactory.Password);

        var response = await LindungFactory.PostFormAsync(client, "/Bahasa",
            new() { ["culture"] = "en", ["returnUrl"] = "/" }, formPage: "/");
        var html = await client.GetStringAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(">Dashboard</a>", html, StringComparison.Ordinal);
        Assert.Contains("Sign out", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditAgency_Administrator_SavesAndAuditsTheChange()
    {
        var client = await factory.SignInAsync(LindungFactory.UserOf[Roles.Administrator], LindungFactory.Password);
        Guid id;
        await using (var db = factory.Database.Context(LindungFactory.Tenant))
        {
            id = (await db.Agencies.SingleAsync(a => a.Code == "DAMKAR")).Id;
        }

        var response = await LindungFactory.PostFormAsync(client, $"/Admin/Opd/Edit/{id}", new()
        {
            ["Input.Name"] = "Dinas Pemadam Kebakaran dan Penyelamatan",
            ["Input.ShortName"] = "Damkar",
            ["Input.JkkRiskGroup"] = "4",
            ["Input.Npp"] = "NPP-UJI-9",
            ["Input.IsPriority"] = "true",
            ["Input.IsActive"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var check = factory.Database.Context(LindungFactory.Tenant);
        var agency = await check.Agencies.SingleAsync(a => a.Id == id);
        Assert.Equal((4, "NPP-UJI-9"), (agency.JkkRiskGroup, agency.Npp));
        var ev = await check.AuditEvents.Where(e => e.EntityId == id.ToString() && e.Action == AuditActions.Updated).SingleAsync();
        Assert.Equal("admin.uji", ev.UserName);
        Assert.Contains("\"JkkRiskGroup\":4", ev.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditAgency_RiskGroupOutOfRange_IsRefusedWithMessage()
    {
        var client = await factory.SignInAsync(LindungFactory.UserOf[Roles.Administrator], LindungFactory.Password);
        Guid id;
        await using (var db = factory.Database.Context(LindungFactory.Tenant))
        {
            id = (await db.Agencies.SingleAsync(a => a.Code == "DISHUB")).Id;
        }

        var response = await LindungFactory.PostFormAsync(client, $"/Admin/Opd/Edit/{id}", new()
        {
            ["Input.Name"] = "Dinas Perhubungan",
            ["Input.ShortName"] = "Dishub",
            ["Input.JkkRiskGroup"] = "9",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kelompok risiko JKK harus 1 sampai 5.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewUser_WithTemporaryPassword_MustChangeItBeforeAnythingElse()
    {
        var admin = await factory.SignInAsync(LindungFactory.UserOf[Roles.Administrator], LindungFactory.Password);
        var created = await LindungFactory.PostFormAsync(admin, "/Admin/Pengguna/Tambah", new()
        {
            ["Input.UserName"] = "perencana.baru",
            ["Input.DisplayName"] = "Perencana Baru",
            ["Input.Role"] = Roles.Perencana,
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var list = await admin.GetStringAsync("/Admin/Pengguna");
        var temporary = System.Text.RegularExpressions.Regex.Match(list, @"Kata sandi sementara: ([A-Za-z0-9-]{19})").Groups[1].Value;
        Assert.NotEmpty(temporary);

        var user = await factory.SignInAsync("perencana.baru", temporary);
        var blocked = await user.GetAsync("/Anggaran");
        Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
        Assert.Equal("/Akun/GantiSandi", blocked.Headers.Location!.OriginalString);

        var changed = await LindungFactory.PostFormAsync(user, "/Akun/GantiSandi", new()
        {
            ["Input.Current"] = temporary,
            ["Input.New"] = "Sungai-Are-di-Pagi-Hari",
            ["Input.Confirm"] = "Sungai-Are-di-Pagi-Hari",
        });
        Assert.Contains("Kata sandi berhasil diganti.", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/Anggaran")).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_TooShort_IsRefusedInIndonesian()
    {
        var client = await factory.SignInAsync(LindungFactory.UserOf[Roles.Keuangan], LindungFactory.Password);

        var response = await LindungFactory.PostFormAsync(client, "/Akun/GantiSandi", new()
        {
            ["Input.Current"] = LindungFactory.Password,
            ["Input.New"] = "pendek1",
            ["Input.Confirm"] = "pendek1",
        });

        Assert.Contains("Kata sandi minimal 12 karakter.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePassword_TooShort_InEnglish_IsRefusedInEnglish()
    {
        var client = await factory.SignInAsync(LindungFactory.UserOf[Roles.Keuangan], LindungFactory.Password);
        await LindungFactory.ChooseLanguageAsync(client, "en");

        var response = await LindungFactory.PostFormAsync(client, "/Akun/GantiSandi", new()
        {
            ["Input.Current"] = LindungFactory.Password,
            ["Input.New"] = "pendek1",
            ["Input.Confirm"] = "pendek1",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("The password must be at least 12 characters long.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Kata sandi minimal", html, StringComparison.Ordinal);
    }
}

public class PostgresShellTests(PostgresLindungFactory factory) : IClassFixture<PostgresLindungFactory>
{
    [Fact]
    public async Task Dashboard_OnPostgres_ShowsSeededMasterData()
    {
        var html = await (await factory.SignedInAsync(Roles.Pimpinan)).GetStringAsync("/");

        Assert.Contains("data-testid=\"district-count\">19<", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"village-count\">259<", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"agency-count\">52<", html, StringComparison.Ordinal);
    }
}
