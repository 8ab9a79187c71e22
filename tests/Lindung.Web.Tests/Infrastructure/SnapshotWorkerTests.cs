using Lindung.Web.Infrastructure;
using Lindung.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Web.Tests.Infrastructure;

/// <summary>The worker's back-fill from no snapshot at all (a fresh start): the order it takes months in and the progress it reports.</summary>
public abstract class SnapshotWorkerTestsBase<TFactory>(TFactory factory) where TFactory : CoverageDataFactory
{
    private SnapshotWorker Worker => factory.Services.GetRequiredService<SnapshotWorker>();

    [Fact]
    public async Task TakeMissing_TakesTheMonthThatJustEndedFirst_ThenEachOlderMonth()
    {
        await factory.ForgetSnapshotsAsync();
        var storedAt = new Dictionary<int, List<string>>();

        await Worker.TakeMissingAsync(CancellationToken.None, async progress =>
        {
            await using var db = factory.Database.Context(LindungFactory.Tenant);
            storedAt[progress.Done] = await db.CoverageSnapshots.OrderByDescending(s => s.Period).Select(s => s.Period).ToListAsync();
        });

        // After k months, the snapshots are exactly the k newest ended months.
        Assert.Equal([factory.EndedMonth()], storedAt[1]);
        for (var done = 0; done <= SnapshotWorker.MonthsBack; done++)
        {
            Assert.Equal(Enumerable.Range(0, done).Select(back => factory.EndedMonth(back)), storedAt[done]);
        }
    }

    [Fact]
    public async Task TakeMissing_ReportsDoneOfTotalWhileRunning_AndNotBackFillingOnceFinished()
    {
        await factory.ForgetSnapshotsAsync();
        Assert.Null(Worker.ProgressOf(LindungFactory.Tenant));
        var seen = new List<SnapshotWorker.BackfillProgress?>();

        var taken = await Worker.TakeMissingAsync(CancellationToken.None, _ =>
        {
            // What a dashboard request would read at that moment, not the argument.
            seen.Add(Worker.ProgressOf(LindungFactory.Tenant));
            return Task.CompletedTask;
        });
        var afterwards = Worker.ProgressOf(LindungFactory.Tenant);
        var reportedAgain = false;
        var again = await Worker.TakeMissingAsync(CancellationToken.None, _ =>
        {
            reportedAgain = true;
            return Task.CompletedTask;
        });

        Assert.Equal(
            Enumerable.Range(0, SnapshotWorker.MonthsBack + 1)
                .Select(done => new SnapshotWorker.BackfillProgress(LindungFactory.Tenant, done, SnapshotWorker.MonthsBack, factory.EndedMonth())),
            seen);
        Assert.Equal(SnapshotWorker.MonthsBack, taken);
        Assert.Null(afterwards);
        // Nothing missing: no back-fill to report.
        Assert.Equal((0, false), (again, reportedAgain));
        Assert.Null(Worker.ProgressOf(LindungFactory.Tenant));
    }
}

public class SnapshotWorkerTests(CoverageDataFactory factory)
    : SnapshotWorkerTestsBase<CoverageDataFactory>(factory), IClassFixture<CoverageDataFactory>;

public class PostgresSnapshotWorkerTests(PostgresCoverageDataFactory factory)
    : SnapshotWorkerTestsBase<PostgresCoverageDataFactory>(factory), IClassFixture<PostgresCoverageDataFactory>;
