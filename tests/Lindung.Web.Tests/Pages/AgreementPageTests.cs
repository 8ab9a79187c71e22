using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Lindung.Core.Agreements;
using Lindung.Core.Identity;
using Lindung.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Web.Tests.Pages;

/// <summary>The app with its clock fixed at 20/11/2026 10:00 WIB, so expiry alerts can be tested to the day.</summary>
public sealed class FixedClockLindungFactory : LindungFactory
{
    public static readonly DateOnly Today = new(2026, 11, 20);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero))));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

public class AgreementPageTests(FixedClockLindungFactory factory) : IClassFixture<FixedClockLindungFactory>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n");

    private async Task<Guid> AddAsync(string number, DateOnly from, DateOnly to)
    {
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var pks = new Agreement
        {
            Number = number,
            SignedOn = from,
            Parties = "Bupati; BPJS",
            Categories = "NONASN",
            Programs = "JKK;JKM",
            FundingSources = "APBD",
            ValidFrom = from,
            ValidTo = to,
        };
        db.Agreements.Add(pks);
        await db.SaveChangesAsync();
        return pks.Id;
    }

    [Fact]
    public async Task Dashboard_AgreementsEndingIn90_60_30Days_AlertedForKoordinatorAndPimpinanOnly()
    {
        var today = FixedClockLindungFactory.Today;
        await AddAsync("ALERT-90", today.AddYears(-1), today.AddDays(90));
        await AddAsync("ALERT-60", today.AddYears(-1), today.AddDays(60));
        await AddAsync("ALERT-30", today.AddYears(-1), today.AddDays(30));
        await AddAsync("QUIET-91", today.AddYears(-1), today.AddDays(91));

        foreach (var role in new[] { Roles.Koordinator, Roles.Pimpinan })
        {
            var html = await (await factory.SignedInAsync(role)).GetStringAsync("/");
            Assert.Equal("90", LevelOf(html, "ALERT-90"));
            Assert.Equal("60", LevelOf(html, "ALERT-60"));
            Assert.Equal("30", LevelOf(html, "ALERT-30"));
            Assert.DoesNotContain("QUIET-91", html, StringComparison.Ordinal);
            Assert.Contains("berakhir 19/01/2027 (60 hari lagi)", html, StringComparison.Ordinal);
        }

        var keuangan = await (await factory.SignedInAsync(Roles.Keuangan)).GetStringAsync("/");
        Assert.DoesNotContain("agreement-alerts", keuangan, StringComparison.Ordinal);
    }

    private static string? LevelOf(string html, string number) =>
        Regex.Match(html, "data-testid=\"agreement-alert\" data-level=\"(\\d+)\">(?:(?!</li>).)*PKS " + Regex.Escape(number) + "<", RegexOptions.Singleline)
            is { Success: true } m ? m.Groups[1].Value : null;

    private async Task<HttpResponseMessage> PostAgreementAsync(HttpClient client, string number, byte[]? document, string fileName = "pks.pdf")
    {
        var page = await client.GetStringAsync("/Perjanjian/Ubah");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(LindungFactory.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent(number), "Input.Number" },
            { new StringContent("2026-01-05"), "Input.SignedOn" },
            { new StringContent("Bupati OKU Selatan; BPJS Ketenagakerjaan Cabang OKU Raya"), "Input.Parties" },
            { new StringContent("2026-01-01"), "Input.ValidFrom" },
            { new StringContent("2027-12-31"), "Input.ValidTo" },
            { new StringContent("NONASN"), "Input.Categories" },
            { new StringContent("JKK"), "Input.Programs" },
            { new StringContent("JKM"), "Input.Programs" },
            { new StringContent("APBD"), "Input.FundingSources" },
        };
        if (document is not null)
        {
            var content = new ByteArrayContent(document);
            content.Headers.ContentType = new("application/pdf");
            form.Add(content, "document", fileName);
        }

        return await client.PostAsync("/Perjanjian/Ubah", form);
    }

    [Fact]
    public async Task Upload_NotAPdfNamedPdf_RefusedInIndonesianAndNothingSaved()
    {
        var client = await factory.SignedInAsync(Roles.Koordinator);

        var response = await PostAgreementAsync(client, "NOTPDF-1", Encoding.ASCII.GetBytes("MZ this is an executable, not a PDF"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Berkas bukan PDF", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        Assert.False(await db.Agreements.AnyAsync(a => a.Number == "NOTPDF-1"));
    }

    [Fact]
    public async Task Upload_Over10MB_RefusedInIndonesian()
    {
        var client = await factory.SignedInAsync(Roles.Koordinator);
        var big = new byte[AgreementDocuments.MaxBytes + 1];
        Pdf.CopyTo(big, 0);

        var response = await PostAgreementAsync(client, "BIG-1", big);

        Assert.Contains("Berkas terlalu besar: paling besar 10 MB.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        Assert.False(await db.Agreements.AnyAsync(a => a.Number == "BIG-1"));
    }

    [Fact]
    public async Task Upload_Pdf_SavedAudited_AndServedOnlyThroughTheAuthorizedPage()
    {
        var client = await factory.SignedInAsync(Roles.Koordinator);

        var response = await PostAgreementAsync(client, "PDF-OK-1", Pdf, "PKS bertanda tangan.pdf");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var saved = await db.Agreements.SingleAsync(a => a.Number == "PDF-OK-1");
        Assert.Equal(("PKS bertanda tangan.pdf", (long?)Pdf.Length, "JKK;JKM"), (saved.DocumentName, saved.DocumentSize, saved.Programs));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityType == nameof(Agreement) && e.EntityId == saved.Id.ToString()));
        var url = $"/Perjanjian/Detail/{saved.Id}?handler=Document";
        var download = await client.GetAsync(url);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, (await (await factory.SignedInAsync(Roles.Pimpinan)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.SignedInAsync(Roles.OperatorOpd)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.Anonymous().GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Perjanjian/Detail/{Guid.NewGuid()}?handler=Document")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/documents/agreements/" + saved.Id.ToString("N") + ".pdf")).StatusCode);
    }

    [Fact]
    public async Task Renew_ByForm_CreatesVersion2PrefilledAndLeavesVersion1()
    {
        var oldId = await AddAsync("RENEW-1", new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31));
        var client = await factory.SignedInAsync(Roles.Koordinator);
        var form = await client.GetStringAsync("/Perjanjian/Ubah?perpanjang=" + oldId);
        Assert.Contains("value=\"RENEW-1\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"2027-01-01\"", form, StringComparison.Ordinal);

        var response = await LindungFactory.PostFormAsync(client, "/Perjanjian/Ubah", new()
        {
            ["Input.PreviousVersionId"] = oldId.ToString(),
            ["Input.Number"] = "RENEW-2",
            ["Input.SignedOn"] = "2026-11-20",
            ["Input.Parties"] = "Bupati; BPJS",
            ["Input.ValidFrom"] = "2027-01-01",
            ["Input.ValidTo"] = "2028-12-31",
            ["Input.Categories"] = "NONASN",
            ["Input.Programs"] = "JKK",
            ["Input.FundingSources"] = "APBD",
        }, "/Perjanjian/Ubah?perpanjang=" + oldId);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var old = await db.Agreements.SingleAsync(a => a.Id == oldId);
        var next = await db.Agreements.SingleAsync(a => a.PreviousVersionId == oldId);
        Assert.Equal(("RENEW-1", 1, new DateOnly(2026, 12, 31), "JKK;JKM"), (old.Number, old.Version, old.ValidTo, old.Programs));
        Assert.Equal(("RENEW-2", 2), (next.Number, next.Version));
        var again = await client.GetAsync("/Perjanjian/Ubah?perpanjang=" + oldId);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.SignedInAsync(Roles.Pimpinan)).GetAsync("/Perjanjian/Ubah?perpanjang=" + oldId)).StatusCode);
    }

    [Fact]
    public async Task WorkerPage_EngagementShowsTheAgreementThatFundsIt()
    {
        await AddAsync("FUND-NONASN-APBD", new DateOnly(2026, 6, 1), new DateOnly(2026, 12, 31));
        var client = await factory.SignedInAsync(Roles.Koordinator);

        var html = await client.GetStringAsync("/Pekerja/Detail/" + factory.PersonIdByName("Siti Nurhayati"));

        var cell = Regex.Match(html, "data-testid=\"funding-agreement\">(.*?)</td>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("FUND-NONASN-APBD", cell, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handover_RegistryPersonAndFreeName_SavedWithBothRecipients()
    {
        var id = await AddAsync("HANDOVER-1", new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31));
        var client = await factory.SignedInAsync(Roles.Koordinator);
        var siti = factory.PersonIdByName("Siti Nurhayati");
        var search = await client.GetStringAsync($"/Perjanjian/Detail/{id}?cari=siti");
        Assert.Contains($"value=\"{siti}\"", search, StringComparison.Ordinal);

        var refused = await LindungFactory.PostFormAsync(client, $"/Perjanjian/Detail/{id}?handler=Handover",
            new() { ["date"] = "2026-01-10", ["place"] = "Pendopo Bupati" }, $"/Perjanjian/Detail/{id}");
        var saved = await LindungFactory.PostFormAsync(client, $"/Perjanjian/Detail/{id}?handler=Handover", new()
        {
            ["date"] = "2026-01-10",
            ["place"] = "Pendopo Bupati, Muaradua",
            ["note"] = "Penyerahan kartu saat penandatanganan",
            ["people"] = siti.ToString(),
            ["names"] = "Ketua Marbot Masjid Agung\n",
        }, $"/Perjanjian/Detail/{id}");

        Assert.Contains("Pilih penerima dari daftar pekerja atau tulis namanya.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var handover = await db.AgreementHandovers.Include(h => h.Recipients).SingleAsync(h => h.AgreementId == id);
        Assert.Equal([("Ketua Marbot Masjid Agung", (Guid?)null), ("Siti Nurhayati", siti)],
            handover.Recipients.OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => (r.Name, r.PersonId)).ToList());
        Assert.Equal(HttpStatusCode.Forbidden, (await LindungFactory.PostFormAsync(await factory.SignedInAsync(Roles.Pimpinan),
            $"/Perjanjian/Detail/{id}?handler=Handover", new() { ["date"] = "2026-01-10", ["place"] = "x", ["names"] = "y" }, $"/Perjanjian/Detail/{id}")).StatusCode);
    }
}
