using System.Net;
using Lindung.Core.Audit;
using Lindung.Core.Identity;
using Lindung.Core.Registry;
using Lindung.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Tests.Pages;

/// <summary>The data subject report (UU PDP) reached from the worker page: contents, the BPJS export it lists, reveal, scope, audit.</summary>
public class SubjectReportPageTests(LindungFactory factory) : IClassFixture<LindungFactory>
{
    private async Task<HttpClient> SignInAsync(string role) => await factory.SignInAsync(LindungFactory.UserOf[role], LindungFactory.Password);

    [Fact]
    public async Task Report_AfterARealRegistrationExport_SaysWhenAndByWhomItWasSentToBpjs()
    {
        var (person, _) = await factory.AddWorkerAsync("1609014708850301", "Nurul Hidayah", "DLH", VerificationStatus.Verified);
        var koordinator = await SignInAsync(Roles.Koordinator);
        var export = await LindungFactory.PostFormAsync(koordinator, "/Bpjs?handler=Export", new() { ["format"] = "xlsx" }, formPage: "/Bpjs");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);

        var detail = await koordinator.GetStringAsync($"/Pekerja/Detail/{person}");
        var html = WebUtility.HtmlDecode(await koordinator.GetStringAsync($"/Pekerja/DataPribadi/{person}"));

        Assert.Contains($"href=\"/Pekerja/DataPribadi/{person}\"", detail, StringComparison.Ordinal);
        Assert.Contains("Laporan data pribadi (UU PDP)", WebUtility.HtmlDecode(detail), StringComparison.Ordinal);
        Assert.Matches(@"Dikirim ke BPJS Ketenagakerjaan pada \d{2}/\d{2}/\d{4} \d{2}:\d{2} WIB oleh koordinator\.uji", html);
        Assert.Contains("data-print", html, StringComparison.Ordinal);
        Assert.Contains("1609••••••••0301", html, StringComparison.Ordinal);
        Assert.DoesNotContain("1609014708850301", html, StringComparison.Ordinal);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.SubjectReportProduced && e.EntityId == person.ToString()
                                                       && e.UserName == "koordinator.uji"));
    }

    [Fact]
    public async Task Reveal_ByAuditor_ShowsTheFullNikAndIsAuditedAsAReveal()
    {
        var (person, _) = await factory.AddWorkerAsync("1609014708850302", "Dewi Lestari", "DLH");
        var auditor = await SignInAsync(Roles.Auditor);

        var response = await LindungFactory.PostFormAsync(auditor, $"/Pekerja/DataPribadi/{person}?handler=Reveal", [],
            formPage: $"/Pekerja/DataPribadi/{person}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("1609014708850302", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var reveal = await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.NikRevealed && e.EntityId == person.ToString());
        Assert.Equal("auditor.uji", reveal.UserName);
    }

    [Fact]
    public async Task Reveal_ByKeuangan_IsForbiddenButTheMaskedReportOpens()
    {
        var (person, _) = await factory.AddWorkerAsync("1609014708850303", "Fitri Handayani", "DLH");
        var keuangan = await SignInAsync(Roles.Keuangan);

        var page = await keuangan.GetAsync($"/Pekerja/DataPribadi/{person}");
        var reveal = await LindungFactory.PostFormAsync(keuangan, $"/Pekerja/DataPribadi/{person}?handler=Reveal", [],
            formPage: $"/Pekerja/DataPribadi/{person}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("data-testid=\"pdp-reveal\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, reveal.StatusCode);
    }

    [Fact]
    public async Task Report_ByOperatorOpd_OwnOpdOpensOtherOpdIsNotFound()
    {
        var (own, _) = await factory.AddWorkerAsync("1609014708850304", "Rahmawati", "DLH");
        var (other, _) = await factory.AddWorkerAsync("1609011208850305", "Budi Santoso", "BPBD");
        var operatorOpd = await SignInAsync(Roles.OperatorOpd);

        var ownPage = await operatorOpd.GetAsync($"/Pekerja/DataPribadi/{own}");
        var otherPage = await operatorOpd.GetAsync($"/Pekerja/DataPribadi/{other}");
        var otherXlsx = await operatorOpd.GetAsync($"/Pekerja/DataPribadi/{other}?handler=Xlsx");

        Assert.Equal(HttpStatusCode.OK, ownPage.StatusCode);
        Assert.Contains("data-testid=\"pdp-limited\"", await ownPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (otherPage.StatusCode, otherXlsx.StatusCode));
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.SubjectReportProduced && e.EntityId == other.ToString()));
    }

    [Fact]
    public async Task Xlsx_DownloadsASpreadsheetAndIsAudited()
    {
        var (person, _) = await factory.AddWorkerAsync("1609014708850306", "Yuliana", "DLH");
        var koordinator = await SignInAsync(Roles.Koordinator);

        var response = await koordinator.GetAsync($"/Pekerja/DataPribadi/{person}?handler=Xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var ev = await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.SubjectReportProduced && e.EntityId == person.ToString());
        Assert.Contains("xlsx", ev.Detail, StringComparison.Ordinal);
    }
}
