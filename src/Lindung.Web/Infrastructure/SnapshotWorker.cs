using System.Collections.Concurrent;
using System.Globalization;
using Lindung.Core.Coverage;
using Lindung.Core.Data;
using Lindung.Core.Formatting;
using Lindung.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Infrastructure;

/// <summary>
/// Takes every tenant's coverage snapshot of the month that just ended, in the background (at start and hourly),
/// so dashboards read frozen figures and never aggregate the registry per request.
/// </summary>
public sealed class SnapshotWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger<SnapshotWorker> log) : BackgroundService
{
    public const int MonthsBack = 12;

    /// <summary>The longest history back-filled and shown (five years: one RPJMD period).</summary>
    public const int MaxMonthsBack = 60;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                await TakeMissingAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Snapshot cakupan gagal; dicoba lagi satu jam lagi.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>
    /// A tenant's back-fill while this worker takes its missing months: <paramref name="Done"/> of
    /// <paramref name="Total"/> taken so far, and the month that just ended (<paramref name="JustEnded"/>, taken first).
    /// </summary>
    public sealed record BackfillProgress(string Tenant, int Done, int Total, string JustEnded);

    // Written by the worker's run, read by dashboard requests: immutable records swapped in a concurrent dictionary.
    private readonly ConcurrentDictionary<string, BackfillProgress> progress = new(StringComparer.Ordinal);

    /// <summary>The tenant's back-fill in progress; null when nothing is being taken for it (finished, or the worker never ran).</summary>
    public BackfillProgress? ProgressOf(string tenant) => progress.GetValueOrDefault(tenant);

    /// <summary>
    /// For every tenant, the ended months of the last year (or since its first BPJS list, at most
    /// <see cref="MaxMonthsBack"/>) that have no snapshot yet — newest first: the month that just ended is the
    /// dashboard's headline, so it is taken within seconds and the older months (the trend) fill in behind it. Each
    /// month is computed from the registry and that month's BPJS list only (never from another month's snapshot), so
    /// the order does not change any figure. <paramref name="onProgress"/> hears each tenant's progress as it starts
    /// (0 done) and after each month.
    /// </summary>
    public async Task<int> TakeMissingAsync(CancellationToken ct, Func<BackfillProgress, Task>? onProgress = null)
    {
        List<string> tenants;
        using (var scope = scopes.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<SwitchableActor>().Override = new FixedActor(null, "system:snapshot");
            tenants = await scope.ServiceProvider.GetRequiredService<LindungDbContext>().Tenants.Select(t => t.Code).ToListAsync(ct);
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var justEnded = Period(thisMonth.AddMonths(-1));

        // Every tenant's missing months before any is taken, so each dashboard can say how far along its back-fill is.
        var plans = new List<(string Tenant, List<string> Missing)>();
        foreach (var tenant in tenants)
        {
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<SwitchableActor>().Override = new FixedActor(tenant, "system:snapshot");
            var missing = await MissingAsync(scope.ServiceProvider.GetRequiredService<LindungDbContext>(), thisMonth, ct);
            if (missing.Count > 0)
            {
                plans.Add((tenant, missing));
            }
        }

        var taken = 0;
        try
        {
            foreach (var (tenant, missing) in plans)
            {
                progress[tenant] = new BackfillProgress(tenant, 0, missing.Count, justEnded);
            }

            foreach (var (tenant, missing) in plans)
            {
                using var scope = scopes.CreateScope();
                scope.ServiceProvider.GetRequiredService<SwitchableActor>().Override = new FixedActor(tenant, "system:snapshot");
                var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
                var state = progress[tenant];
                await Report(state);
                foreach (var period in missing)
                {
                    await new CoverageService(db).ForAsync(period, today, ct);
                    taken++;
                    progress[tenant] = state = state with { Done = state.Done + 1 };
                    await Report(state);
                }

                progress.TryRemove(tenant, out _);
            }
        }
        finally
        {
            // A failed or cancelled run is not back-filling any more: the next hourly run plans again.
            foreach (var (tenant, _) in plans)
            {
                progress.TryRemove(tenant, out _);
            }
        }

        return taken;

        Task Report(BackfillProgress state) => onProgress is null ? Task.CompletedTask : onProgress(state);
    }

    /// <summary>The tenant's ended months without a snapshot, newest first.</summary>
    private static async Task<List<string>> MissingAsync(LindungDbContext db, DateOnly thisMonth, CancellationToken ct)
    {
        // Only months since the registry has data: an empty regency needs no history of zeros.
        if (!await db.Engagements.AnyAsync(ct))
        {
            return [];
        }

        var have = (await db.CoverageSnapshots.Select(s => s.Period).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

        // Back to the earliest BPJS list when that is older than a year (a trend from the first list), at most MaxMonthsBack.
        var earliest = await db.BpjsImports.OrderBy(i => i.Period).Select(i => i.Period).FirstOrDefaultAsync(ct);
        var monthsBack = MonthsBack;
        if (earliest is not null && Periods.TryParse(earliest, out var first))
        {
            monthsBack = Math.Clamp((thisMonth.Year - first.Year) * 12 + thisMonth.Month - first.Month, MonthsBack, MaxMonthsBack);
        }

        return [.. Enumerable.Range(1, monthsBack).Select(back => Period(thisMonth.AddMonths(-back))).Where(p => !have.Contains(p))];
    }

    private static string Period(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
