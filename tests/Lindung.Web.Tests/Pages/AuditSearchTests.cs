using System.Net;
using Lindung.Core.Audit;
using Lindung.Core.Identity;
using Lindung.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Tests.Pages;

/// <summary>The audit trail search for the Auditor (issue 7).</summary>
public class AuditSearchTests(LindungFactory factory) : IClassFixture<LindungFactory>
{
    [Fact]
    public async Task Search_FindsANikRevealDoneThroughTheRevealHandler()
    {
        var koordinator = await factory.SignInAsync(LindungFactory.UserOf[Roles.Koordinator], LindungFactory.Password);
        var id = factory.PersonIdByName("Siti Nurhayati");
        var reveal = await LindungFactory.PostFormAsync(koordinator, $"/Pekerja/Detail/{id}?handler=Reveal", [], formPage: $"/Pekerja/Detail/{id}");
        Assert.Equal(HttpStatusCode.OK, reveal.StatusCode);
        var auditor = await factory.SignedInAsync(Roles.Auditor);

        // By person (NIK typed in full), action and user. The form posts; the NIK travels sealed in the URL.
        var (url, html) = await LindungFactory.SearchAsync(auditor, "/Audit",
            new() { ["orang"] = LindungFactory.DlhWorkerNik, ["tindakan"] = AuditActions.NikRevealed, ["pengguna"] = "koordinator" });
        Assert.Contains("orang=nik~", url, StringComparison.Ordinal);
        Assert.DoesNotContain(LindungFactory.DlhWorkerNik, Uri.UnescapeDataString(url), StringComparison.Ordinal);

        Assert.Contains(id.ToString(), html, StringComparison.Ordinal);
        Assert.Contains("koordinator.uji", html, StringComparison.Ordinal);
        Assert.Contains("WIB", html, StringComparison.Ordinal);
        Assert.Contains("1 kejadian ditemukan", html, StringComparison.Ordinal);
        // The results show the reveal, never the revealed NIK; the search box shows it masked.
        Assert.DoesNotContain(LindungFactory.DlhWorkerNik, html, StringComparison.Ordinal);

        // The person's name finds it too; another person's name does not; the OPD of the person does.
        Assert.Contains(id.ToString(), await auditor.GetStringAsync($"/Audit?orang=nurhayati&tindakan={AuditActions.NikRevealed}"), StringComparison.Ordinal);
        Assert.DoesNotContain(id.ToString(), await auditor.GetStringAsync($"/Audit?orang=fauzi&tindakan={AuditActions.NikRevealed}"), StringComparison.Ordinal);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var dlh = (await db.Agencies.SingleAsync(a => a.Code == "DLH")).Id;
        var bpbd = (await db.Agencies.SingleAsync(a => a.Code == "BPBD")).Id;
        Assert.Contains(id.ToString(), await auditor.GetStringAsync($"/Audit?opd={dlh}&tindakan={AuditActions.NikRevealed}"), StringComparison.Ordinal);
        Assert.DoesNotContain(id.ToString(), await auditor.GetStringAsync($"/Audit?opd={bpbd}&tindakan={AuditActions.NikRevealed}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_ByPeriod_LeavesOutEventsOutsideIt()
    {
        var auditor = await factory.SignedInAsync(Roles.Auditor);

        var past = await auditor.GetStringAsync($"/Audit?tindakan={AuditActions.UserCreated}&dari=01/01/2020&sampai=31/12/2020");
        var all = await auditor.GetStringAsync($"/Audit?tindakan={AuditActions.UserCreated}&dari=01/01/2020");

        Assert.Contains("0 kejadian ditemukan", past, StringComparison.Ordinal);
        Assert.Contains("auditor.uji", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_IsAnXlsxOfTheResult_AndIsAuditedItself()
    {
        var auditor = await factory.SignedInAsync(Roles.Auditor);

        var response = await auditor.GetAsync($"/Audit?handler=Xlsx&tindakan={AuditActions.UserCreated}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var ev = await db.AuditEvents.OrderBy(e => e.At).LastAsync(e => e.Action == AuditActions.Exported && e.EntityType == nameof(AuditEvent));
        Assert.Equal("auditor.uji", ev.UserName);
        Assert.Contains("7 baris", ev.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OperatorOpd_CannotSearchTheTrail()
    {
        var op = await factory.SignedInAsync(Roles.OperatorOpd);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.GetAsync("/Audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.GetAsync("/Audit?handler=Xlsx")).StatusCode);
    }
}
