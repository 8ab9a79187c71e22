using System.Globalization;
using System.Net;
using Lindung.Core.Audit;
using Lindung.Core.Identity;
using Lindung.Core.Registry;
using Lindung.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Tests.Pages;

/// <summary>Ending an engagement (Berakhir) from the worker page.</summary>
public class EndEngagementPageTests(LindungFactory factory) : IClassFixture<LindungFactory>
{
    private static DateOnly TodayWib => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    private static async Task<(HttpResponseMessage Response, string Html)> PostEndAsync(HttpClient client, Guid personId, Guid engagementId,
        string endDate, string reason, string? tokenPage = null)
    {
        var page = await client.GetStringAsync(tokenPage ?? $"/Pekerja/Detail/{personId}");
        var response = await client.PostAsync($"/Pekerja/Detail/{personId}?handler=End", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = LindungFactory.AntiforgeryToken(page),
            ["engagement"] = engagementId.ToString(),
            ["endDate"] = endDate,
            ["reason"] = reason,
        }));
        return (response, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private async Task<HttpClient> SignInAsync(string role) => await factory.SignInAsync(LindungFactory.UserOf[role], LindungFactory.Password);

    private async Task<Engagement> EngagementAsync(Guid id)
    {
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        return await db.Engagements.AsNoTracking().SingleAsync(e => e.Id == id);
    }

    [Fact]
    public async Task End_OwnEngagementByOperator_StoresDateAndReasonAuditedAndShowsItEnded()
    {
        var (person, engagement) = await factory.AddWorkerAsync("1609014708850201", "Lina Marlina", "DLH");
        var client = await SignInAsync(Roles.OperatorOpd);
        var before = await client.GetStringAsync($"/Pekerja/Detail/{person}");

        var (response, _) = await PostEndAsync(client, person, engagement, "30/06/2025", nameof(EndReason.ContractEnded));

        Assert.Contains("data-testid=\"end-form\"", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var e = await EngagementAsync(engagement);
        Assert.Equal((new DateOnly(2025, 6, 30), EndReason.ContractEnded), (e.EndDate, e.EndReason));
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location!.OriginalString));
        Assert.Contains("Penugasan diakhiri", page, StringComparison.Ordinal);
        Assert.Contains("Berakhir 30/06/2025: Kontrak/masa tugas selesai", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"end-form\"", page, StringComparison.Ordinal);
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var ev = await db.AuditEvents.SingleAsync(x => x.Action == AuditActions.Updated && x.EntityId == engagement.ToString());
        Assert.Equal(("operator.uji", nameof(Engagement)), (ev.UserName, ev.EntityType));
        Assert.Contains("\"EndReason\":\"ContractEnded\"", ev.After, StringComparison.Ordinal);
        Assert.Contains("2025-06-30", ev.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task End_DateBeforeTheStart_IsRefusedWithTheReasonAndNothingIsStored()
    {
        var (person, engagement) = await factory.AddWorkerAsync("1609014708850202", "Ratna Dewi", "DLH");
        var client = await SignInAsync(Roles.Koordinator);

        var (response, html) = await PostEndAsync(client, person, engagement, "31/12/2023", nameof(EndReason.Resigned));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Tanggal berakhir 31/12/2023 tidak boleh sebelum tanggal mulai penugasan (01/01/2024).", html, StringComparison.Ordinal);
        Assert.Null((await EngagementAsync(engagement)).EndDate);
    }

    [Theory]
    [InlineData("0211", 31, true)]
    [InlineData("0212", 32, false)]
    public async Task End_DateAhead_IsAcceptedUpTo31DaysFromToday(string serial, int daysAhead, bool accepted)
    {
        var (person, engagement) = await factory.AddWorkerAsync("160901470885" + serial, "Sri Wahyuni", "DLH");
        var client = await SignInAsync(Roles.Administrator);
        var end = TodayWib.AddDays(daysAhead);

        var (response, html) = await PostEndAsync(client, person, engagement, end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            nameof(EndReason.AppointedPppk));

        Assert.Equal(accepted ? HttpStatusCode.Redirect : HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(accepted ? end : (DateOnly?)null, (await EngagementAsync(engagement)).EndDate);
        if (!accepted)
        {
            Assert.Contains("terlalu jauh: paling lambat 31 hari dari hari ini", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("0221", "", "ContractEnded", "Tanggal berakhir wajib diisi.")]
    [InlineData("0222", "31/13/2025", "ContractEnded", "Tanggal berakhir \"31/13/2025\" tidak dikenali")]
    [InlineData("0223", "30/06/2025", "", "Pilih alasan berakhir.")]
    [InlineData("0224", "30/06/2025", "77", "Pilih alasan berakhir.")]
    public async Task End_MissingOrUnreadableInput_IsRefusedWithTheReason(string serial, string endDate, string reason, string message)
    {
        var (person, engagement) = await factory.AddWorkerAsync("160901470885" + serial, "Wulan Sari", "DLH");
        var client = await SignInAsync(Roles.OperatorOpd);

        var (response, html) = await PostEndAsync(client, person, engagement, endDate, reason);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Null((await EngagementAsync(engagement)).EndDate);
    }

    [Fact]
    public async Task End_OperatorOfAnotherOpd_IsNotFoundAndNothingEnds()
    {
        var (own, ownEngagement) = await factory.AddWorkerAsync("1609014708850231", "Ani Suryani", "DLH");
        var (other, otherEngagement) = await factory.AddWorkerAsync("1609011208850232", "Joko Susilo", "BPBD");
        var client = await SignInAsync(Roles.OperatorOpd);
        var ownPage = $"/Pekerja/Detail/{own}";

        var (foreignPerson, _) = await PostEndAsync(client, other, otherEngagement, "30/06/2025", "Resigned", ownPage);
        var (foreignEngagementOnOwnPerson, _) = await PostEndAsync(client, own, otherEngagement, "30/06/2025", "Resigned", ownPage);
        var (ownEnd, _) = await PostEndAsync(client, own, ownEngagement, "30/06/2025", "Resigned");

        Assert.Equal(HttpStatusCode.NotFound, foreignPerson.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignEngagementOnOwnPerson.StatusCode);
        Assert.Null((await EngagementAsync(otherEngagement)).EndDate);
        Assert.Equal(HttpStatusCode.Redirect, ownEnd.StatusCode);
    }

    [Theory]
    [InlineData("0241", Roles.Pimpinan)]
    [InlineData("0242", Roles.Keuangan)]
    [InlineData("0243", Roles.Perencana)]
    [InlineData("0244", Roles.Auditor)]
    public async Task EditAndEnd_RoleWithoutTheRight_IsForbiddenAndNothingChanges(string serial, string role)
    {
        var (person, engagement) = await factory.AddWorkerAsync("160901470885" + serial, "Intan Permata", "DLH");
        var client = await SignInAsync(role);
        // The dashboard is open to every role; its layout forms carry this user's anti-forgery token.
        var token = LindungFactory.AntiforgeryToken(await client.GetStringAsync("/"));
        var detail = await client.GetAsync($"/Pekerja/Detail/{person}");

        var edit = await client.PostAsync($"/Pekerja/Ubah/{person}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Name"] = "Intan Permata Sari",
            ["Input.BirthDate"] = "07/08/1985",
            ["Input.Sex"] = "P",
        }));
        var (end, _) = await PostEndAsync(client, person, engagement, "30/06/2025", "Resigned", "/");

        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, end.StatusCode);
        if (detail.IsSuccessStatusCode)
        {
            var html = await detail.Content.ReadAsStringAsync();
            Assert.DoesNotContain("/Pekerja/Ubah/", html, StringComparison.Ordinal);
            Assert.DoesNotContain("data-testid=\"end-form\"", html, StringComparison.Ordinal);
        }

        await using var db = factory.Database.Context(LindungFactory.Tenant);
        Assert.Equal("Intan Permata", (await db.People.SingleAsync(p => p.Id == person)).FullName);
        Assert.Null((await EngagementAsync(engagement)).EndDate);
    }
}
