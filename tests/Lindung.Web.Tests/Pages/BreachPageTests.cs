using System.Net;
using Lindung.Core.Audit;
using Lindung.Core.Identity;
using Lindung.Core.Privacy;
using Lindung.Core.Registry;
using Lindung.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Tests.Pages;

/// <summary>The breach procedure pages (/Admin/Insiden): record, affected people from the audit trail, deadline, steps, notices.</summary>
public class BreachPageTests(LindungFactory factory) : IClassFixture<LindungFactory>
{
    private static string WibNow(int addHours, string format) =>
        DateTime.UtcNow.AddHours(7 + addHours).ToString(format, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Record_ThenDetail_ListsThePersonTheSuspectedAccountRevealedAndTheRunningDeadline()
    {
        var (person, _) = await factory.AddWorkerAsync("1609014708850401", "Sri Mulyani", "DLH");
        var (other, _) = await factory.AddWorkerAsync("1609014708850402", "Endang Susilawati", "DLH");
        var operatorOpd = await factory.SignInAsync(LindungFactory.UserOf[Roles.OperatorOpd], LindungFactory.Password);
        await LindungFactory.PostFormAsync(operatorOpd, $"/Pekerja/Detail/{person}?handler=Reveal", [], formPage: $"/Pekerja/Detail/{person}");
        var koordinator = await factory.SignInAsync(LindungFactory.UserOf[Roles.Koordinator], LindungFactory.Password);
        await LindungFactory.PostFormAsync(koordinator, $"/Pekerja/Detail/{other}?handler=Reveal", [], formPage: $"/Pekerja/Detail/{other}");
        var admin = await factory.SignedInAsync(Roles.Administrator);

        var created = await LindungFactory.PostFormAsync(admin, "/Admin/Insiden/Baru", new()
        {
            ["Input.DiscoveredDate"] = WibNow(0, "dd/MM/yyyy"),
            ["Input.DiscoveredTime"] = WibNow(0, "HH:mm"),
            ["Input.Description"] = "Kata sandi operator DLH tertulis di papan pengumuman",
            ["Input.SuspectedUser"] = "operator.uji",
            ["Input.FromDate"] = WibNow(-2, "dd/MM/yyyy"),
            ["Input.FromTime"] = WibNow(-2, "HH:mm"),
            ["Input.Kinds"] = BreachDataKinds.Nik,
        });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var html = WebUtility.HtmlDecode(await admin.GetStringAsync(created.Headers.Location!.OriginalString));
        Assert.Contains("Sri Mulyani", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Endang Susilawati", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"breach-affected-count\">1<", html, StringComparison.Ordinal);
        Assert.Contains("data-state=\"Running\"", html, StringComparison.Ordinal);
        Assert.Matches(@"Sisa (71|72) jam \d+ menit", html);
        Assert.Contains("Pasal 46 Undang-Undang Nomor 27 Tahun 2022", html, StringComparison.Ordinal);
        Assert.Contains("Jumlah subjek data yang diduga terdampak: 1 orang.", html, StringComparison.Ordinal);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var incident = await db.BreachIncidents.SingleAsync(i => i.Description.StartsWith("Kata sandi operator DLH"));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.Created && e.EntityId == incident.Id.ToString() && e.UserName == "admin.uji"));
    }

    [Fact]
    public async Task Status_StepsRecordWhoAndWhen_AndMarkingNotifiedStopsTheClock()
    {
        var id = await AddIncidentAsync(DateTime.UtcNow.AddHours(-80));
        var admin = await factory.SignedInAsync(Roles.Administrator);
        var before = await admin.GetStringAsync($"/Admin/Insiden/Detail/{id}");

        var skip = await LindungFactory.PostFormAsync(admin, $"/Admin/Insiden/Detail/{id}?handler=Status", new() { ["to"] = "Notified" },
            formPage: $"/Admin/Insiden/Detail/{id}");
        await LindungFactory.PostFormAsync(admin, $"/Admin/Insiden/Detail/{id}?handler=Status", new() { ["to"] = "Confirmed" }, formPage: $"/Admin/Insiden/Detail/{id}");
        await LindungFactory.PostFormAsync(admin, $"/Admin/Insiden/Detail/{id}?handler=Status", new() { ["to"] = "Notified" }, formPage: $"/Admin/Insiden/Detail/{id}");

        Assert.Contains("data-state=\"Overdue\"", before, StringComparison.Ordinal);
        var list = await admin.GetStringAsync("/Admin/Insiden");
        Assert.Contains($"href=\"/Admin/Insiden/Detail/{id}\"", list, StringComparison.Ordinal);
        Assert.Contains("Diberitahukan terlambat", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, skip.StatusCode);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var incident = await db.BreachIncidents.SingleAsync(i => i.Id == id);
        Assert.Equal((BreachStatus.Notified, "admin.uji", "admin.uji"), (incident.Status, incident.ConfirmedBy, incident.NotifiedBy));
        Assert.Contains("data-state=\"NotifiedLate\"", await admin.GetStringAsync($"/Admin/Insiden/Detail/{id}"), StringComparison.Ordinal);
        Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.Updated && e.EntityId == id.ToString()));
    }

    [Fact]
    public async Task Notice_EditedTextIsKept_UneditedTextIsNotStored()
    {
        var id = await AddIncidentAsync(DateTime.UtcNow.AddHours(-1));
        var admin = await factory.SignedInAsync(Roles.Administrator);
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Insiden/Detail/{id}"));
        var generated = System.Text.RegularExpressions.Regex.Match(page, "name=\"agencyGenerated\" value=\"([^\"]*)\"").Groups[1].Value;

        await LindungFactory.PostFormAsync(admin, $"/Admin/Insiden/Detail/{id}?handler=Notice", new()
        {
            ["handlingSteps"] = "Kata sandi diganti, sesi diakhiri",
            ["subjectNotice"] = "Teks yang disunting",
            ["subjectGenerated"] = "teks bawaan lama",
            ["agencyNotice"] = generated,
            ["agencyGenerated"] = generated,
        }, formPage: $"/Admin/Insiden/Detail/{id}");

        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var incident = await db.BreachIncidents.SingleAsync(i => i.Id == id);
        Assert.Equal(("Teks yang disunting", null, "Kata sandi diganti, sesi diakhiri"), (incident.SubjectNoticeText, incident.AgencyNoticeText, incident.HandlingSteps));
        Assert.Contains("Upaya penanganan dan pemulihan: Kata sandi diganti, sesi diakhiri",
            WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Insiden/Detail/{id}")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xlsx_OfAffectedPeople_IsAudited()
    {
        var id = await AddIncidentAsync(DateTime.UtcNow.AddHours(-1));
        var admin = await factory.SignedInAsync(Roles.Administrator);

        var response = await admin.GetAsync($"/Admin/Insiden/Detail/{id}?handler=Xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.Exported && e.EntityId == id.ToString()));
    }

    [Fact]
    public async Task Record_WithoutDescriptionOrInTheFuture_IsRefused()
    {
        var admin = await factory.SignedInAsync(Roles.Administrator);

        var empty = await LindungFactory.PostFormAsync(admin, "/Admin/Insiden/Baru", new()
        {
            ["Input.DiscoveredDate"] = WibNow(0, "dd/MM/yyyy"),
            ["Input.DiscoveredTime"] = "08:00",
            ["Input.Description"] = " ",
        });
        var future = await LindungFactory.PostFormAsync(admin, "/Admin/Insiden/Baru", new()
        {
            ["Input.DiscoveredDate"] = WibNow(48, "dd/MM/yyyy"),
            ["Input.DiscoveredTime"] = "08:00",
            ["Input.Description"] = "Masa depan",
        });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (empty.StatusCode, future.StatusCode));
        Assert.Contains("data-testid=\"breach-error\"", await future.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        Assert.False(await db.BreachIncidents.AnyAsync(i => i.Description == "Masa depan"));
    }

    private async Task<Guid> AddIncidentAsync(DateTime discoveredUtc)
    {
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var incident = new BreachIncident { DiscoveredAt = discoveredUtc, Description = "Uji " + Guid.NewGuid(), RecordedBy = "admin.uji" };
        db.BreachIncidents.Add(incident);
        await db.SaveChangesAsync();
        return incident.Id;
    }
}
