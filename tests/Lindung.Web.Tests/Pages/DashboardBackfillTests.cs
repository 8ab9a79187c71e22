using Lindung.Core.Coverage;
using Lindung.Core.Identity;
using Lindung.Web.Infrastructure;
using Lindung.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Web.Tests.Pages;

/// <summary>The dashboard while the snapshot worker back-fills the coverage history, and after.</summary>
public abstract class DashboardBackfillTestsBase<TFactory>(TFactory factory) where TFactory : CoverageDataFactory
{
    [Fact]
    public async Task Dashboard_WhileTheWorkerBackFills_SaysHowFarAlongAndThatTheHeadlineIsOlder_AndNothingOnceDone()
    {
        // History that stops three months before the month that just ended (the server was off): that month is the
        // headline until the worker has taken the newer one.
        await factory.ForgetSnapshotsAsync();
        var old = factory.EndedMonth(3);
        await using (var db = factory.Database.Context(LindungFactory.Tenant))
        {
            await new CoverageService(db).ForAsync(old, factory.Today);
        }

        var client = await factory.SignedInAsync(Roles.Pimpinan);
        var neverRan = await client.GetStringAsync("/");
        var during = new Dictionary<int, string>();

        await factory.Services.GetRequiredService<SnapshotWorker>().TakeMissingAsync(CancellationToken.None, async progress =>
        {
            if (progress.Done <= 1)
            {
                during[progress.Done] = await client.GetStringAsync("/");
            }
        });
        var done = await client.GetStringAsync("/");

        Assert.DoesNotContain("data-testid=\"backfill-notice\"", neverRan, StringComparison.Ordinal);
        var total = SnapshotWorker.MonthsBack - 1;
        Assert.Contains("data-testid=\"backfill-notice\">Riwayat cakupan bulanan sedang dihitung di latar belakang "
            + $"(0 dari {total} bulan selesai).", during[0], StringComparison.Ordinal);
        Assert.Contains($"Bulan {factory.EndedMonth()} belum selesai dihitung, jadi angka utama di bawah masih bulan {old}.", during[0],
            StringComparison.Ordinal);
        Assert.Contains($"Cakupan pekerja rentan (BPU), {old}", during[0], StringComparison.Ordinal);

        Assert.Contains($"(1 dari {total} bulan selesai)", during[1], StringComparison.Ordinal);
        Assert.DoesNotContain("belum selesai dihitung", during[1], StringComparison.Ordinal);
        Assert.Contains($"Cakupan pekerja rentan (BPU), {factory.EndedMonth()}", during[1], StringComparison.Ordinal);

        Assert.DoesNotContain("data-testid=\"backfill-notice\"", done, StringComparison.Ordinal);
        Assert.Contains($"Cakupan pekerja rentan (BPU), {factory.EndedMonth()}", done, StringComparison.Ordinal);
    }
}

public class DashboardBackfillTests(CoverageDataFactory factory)
    : DashboardBackfillTestsBase<CoverageDataFactory>(factory), IClassFixture<CoverageDataFactory>;

public class PostgresDashboardBackfillTests(PostgresCoverageDataFactory factory)
    : DashboardBackfillTestsBase<PostgresCoverageDataFactory>(factory), IClassFixture<PostgresCoverageDataFactory>;
