using System.Net;
using Lindung.Core.Identity;
using Lindung.Core.Privacy;
using Lindung.Web.Infrastructure;
using Lindung.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Web.Tests.Pages;

/// <summary>/Admin/Retensi: the setting, the preview, run now, the runs; and the daily job's switch.</summary>
public class RetentionAdminTests(LindungFactory factory) : IClassFixture<LindungFactory>
{
    [Fact]
    public async Task Page_ShowsPerluKonfirmasi_RefusesAnInvalidSetting_SavesAValidOne_RunsNowWithEvidence()
    {
        var (person, engagement) = await factory.AddWorkerAsync("1609014708850801", "Wulan Sekar Arum", "DLH");
        await using (var db = factory.Database.Context(LindungFactory.Tenant))
        {
            await db.Engagements.Where(e => e.Id == engagement).ExecuteUpdateAsync(u => u.SetProperty(e => e.EndDate, new DateOnly(2015, 12, 31)));
        }

        var admin = await factory.SignInAsync(LindungFactory.UserOf[Roles.Administrator], LindungFactory.Password);
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Retensi"));
        var bad = await LindungFactory.PostFormAsync(admin, "/Admin/Retensi?handler=Save",
            new() { ["Input.RetentionYears"] = "3", ["Input.MustKeepYears"] = "5" }, "/Admin/Retensi");
        var badHtml = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        var good = await LindungFactory.PostFormAsync(admin, "/Admin/Retensi?handler=Save",
            new() { ["Input.RetentionYears"] = "8", ["Input.MustKeepYears"] = "5", ["Input.LegalBasis"] = "Perbup uji", ["Input.AutomaticEnabled"] = "true" }, "/Admin/Retensi");
        var run = await LindungFactory.PostFormAsync(admin, "/Admin/Retensi?handler=Run", [], "/Admin/Retensi");
        var after = WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Retensi"));

        Assert.Contains("data-testid=\"needs-confirmation\"", page, StringComparison.Ordinal);
        Assert.Contains(person.ToString(), page, StringComparison.Ordinal);
        Assert.Contains("Masa retensi tidak boleh lebih pendek dari masa wajib simpan.", badHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, run.StatusCode);
        Assert.DoesNotContain("data-testid=\"needs-confirmation\"", after, StringComparison.Ordinal);
        Assert.Contains("Retensi 8 tahun", after, StringComparison.Ordinal);
        Assert.Contains(person.ToString(), after, StringComparison.Ordinal);
        await using var check = factory.Database.Context(LindungFactory.Tenant);
        var policy = await RetentionPolicy.LoadAsync(check);
        Assert.Equal(new RetentionPolicy(5, 8, true, "Perbup uji"), policy);
        var lastRun = await check.RetentionRuns.OrderByDescending(r => r.RanAt).FirstAsync();
        Assert.Equal((RetentionTrigger.Manual, "admin.uji", 8), (lastRun.Trigger, lastRun.RanBy, lastRun.RetentionYears));
        Assert.Contains(person.ToString(), lastRun.PersonIds, StringComparison.Ordinal);
        Assert.NotNull((await check.People.SingleAsync(p => p.Id == person)).ErasedAt);
    }

    [Fact]
    public async Task Worker_RunsOnlyForTenantsThatSwitchedTheScheduleOn()
    {
        await using (var db = factory.Database.Context(LindungFactory.Tenant))
        {
            await RetentionPolicy.Default.StoreAsync(db);
            await db.SaveChangesAsync();
        }

        var worker = factory.Services.GetRequiredService<RetentionWorker>();
        var off = await worker.RunAllAsync(CancellationToken.None);
        await using (var db = factory.Database.Context(LindungFactory.Tenant))
        {
            await (RetentionPolicy.Default with { AutomaticEnabled = true }).StoreAsync(db);
            await db.SaveChangesAsync();
        }

        var on = await worker.RunAllAsync(CancellationToken.None);

        Assert.Empty(off);
        var run = Assert.Single(on);
        Assert.Equal((RetentionTrigger.Scheduled, RetentionWorker.Actor), (run.Trigger, run.RanBy));
    }
}
