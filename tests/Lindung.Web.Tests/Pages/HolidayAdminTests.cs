using System.Net;
using Lindung.Core.Identity;
using Lindung.Core.Projects;
using Lindung.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Web.Tests.Pages;

/// <summary>
/// An Administrator edits the holiday list and the project list follows it, on a fixed "today" (26/11/2026)
/// given to the app as its <see cref="TimeProvider"/>.
/// </summary>
public class HolidayAdminTests(LindungFactory factory) : IClassFixture<LindungFactory>
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static readonly DateTimeOffset Today = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AdminAddsAHoliday_ProjectNoLongerOverdue_AndDeletingItMakesItOverdueAgain()
    {
        var app = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(
            new FixedClock(Today))));
        Guid projectId;
        await using (var db = factory.Database.Context(LindungFactory.Tenant))
        {
            var dlh = await db.Agencies.Where(a => a.Code == "DLH").Select(a => a.Id).SingleAsync();
            // SPK Thu 05/11/2026: 14 working days end Wed 25/11 — overdue on Thu 26/11 unless a weekday in between is off.
            var p = ProjectEditor.New(new ProjectInput(dlh, "DLH/LIBUR/1", "Taman", "CV Uji", 300_000_000, false, new DateOnly(2026, 11, 5), 60,
                null, null, 2026, "APBD"));
            db.ConstructionProjects.Add(p);
            await db.SaveChangesAsync();
            projectId = p.Id;
        }

        var admin = await SignInAsync(app, Roles.Administrator);
        var op = await SignInAsync(app, Roles.OperatorOpd);
        Assert.Contains("DLH/LIBUR/1", await op.GetStringAsync("/Proyek?Status=Overdue"), StringComparison.Ordinal);

        var saved = await LindungFactory.PostFormAsync(admin, "/Admin/Libur?handler=Save",
            new() { ["Input.Date"] = "10/11/2026", ["Input.Name"] = "Libur daerah (uji)", ["Input.Confirmed"] = "true" }, formPage: "/Admin/Libur");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.DoesNotContain("DLH/LIBUR/1", await op.GetStringAsync("/Proyek?Status=Overdue"), StringComparison.Ordinal);
        Assert.Contains("26/11/2026", await op.GetStringAsync($"/Proyek/Detail/{projectId}"), StringComparison.Ordinal);
        Assert.Contains("Libur daerah (uji)", await admin.GetStringAsync("/Admin/Libur?Tahun=2026"), StringComparison.Ordinal);

        Guid holidayId;
        await using (var db = factory.Database.Context(LindungFactory.Tenant))
        {
            var holiday = await db.PublicHolidays.SingleAsync(h => h.Date == new DateOnly(2026, 11, 10));
            Assert.False(holiday.NeedsConfirmation);
            Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityType == nameof(PublicHoliday) && e.EntityId == holiday.Id.ToString()
                && e.UserName == LindungFactory.UserOf[Roles.Administrator]));
            holidayId = holiday.Id;
        }

        var deleted = await LindungFactory.PostFormAsync(admin, $"/Admin/Libur?handler=Delete&id={holidayId}", [], formPage: "/Admin/Libur");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Contains("DLH/LIBUR/1", await op.GetStringAsync("/Proyek?Status=Overdue"), StringComparison.Ordinal);
        var forbidden = await LindungFactory.PostFormAsync(op, "/Admin/Libur?handler=Save", new() { ["Input.Date"] = "11/11/2026", ["Input.Name"] = "X" },
            formPage: "/Proyek");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task SeededHolidays_2025And2026_AreListedAsNeedingConfirmation()
    {
        var admin = await factory.SignedInAsync(Roles.Administrator);

        var html = await admin.GetStringAsync("/Admin/Libur?Tahun=2025");

        Assert.Contains("17/08/2025", html, StringComparison.Ordinal);
        Assert.Contains("Perlu konfirmasi SKB", html, StringComparison.Ordinal);
    }

    private static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> app, string role)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await LindungFactory.PostFormAsync(client, "/Akun/Masuk",
            new() { ["Input.UserName"] = LindungFactory.UserOf[role], ["Input.Password"] = LindungFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        if (response.Headers.Location!.OriginalString.StartsWith("/Akun/MasukKode", StringComparison.Ordinal))
        {
            // The seeded Administrator gives an authenticator code; whichever clock the token check reads (this host's
            // fixed one or the real one), one of these two codes is current.
            foreach (var at in new[] { DateTimeOffset.UtcNow, Today })
            {
                response = await LindungFactory.PostFormAsync(client, "/Akun/MasukKode", new() { ["Code"] = Totp.Code(LindungFactory.TotpKey, at) });
                if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    break;
                }
            }

            Assert.Equal("/", response.Headers.Location?.OriginalString);
        }

        return client;
    }
}
