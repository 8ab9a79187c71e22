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

    /// <summary>For every tenant, the ended months of the last year (or since its first BPJS list) that have no snapshot yet.</summary>
    public async Task<int> TakeMissingAsync(CancellationToken ct)
    {
        List<string> tenants;
        using (var scope = scopes.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<SwitchableActor>().Override = new FixedActor(null, "system:snapshot");
            tenants = await scope.ServiceProvider.GetRequiredService<LindungDbContext>().Tenants.Select(t => t.Code).ToListAsync(ct);
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        var taken = 0;
        foreach (var tenant in tenants)
        {
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<SwitchableActor>().Override = new FixedActor(tenant, "system:snapshot");
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            var have = (await db.CoverageSnapshots.Select(s => s.Period).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            // Only months since the registry has data: an empty regency needs no history of zeros.
            if (!await db.Engagements.AnyAsync(ct))
            {
                continue;
            }

            // Back to the earliest BPJS list when that is older than a year (a trend from the first list), at most MaxMonthsBack.
            var thisMonth = new DateOnly(today.Year, today.Month, 1);
            var earliest = await db.BpjsImports.OrderBy(i => i.Period).Select(i => i.Period).FirstOrDefaultAsync(ct);
            var monthsBack = MonthsBack;
            if (earliest is not null && Periods.TryParse(earliest, out var first))
            {
                monthsBack = Math.Clamp((thisMonth.Year - first.Year) * 12 + thisMonth.Month - first.Month, MonthsBack, MaxMonthsBack);
            }

            for (var back = monthsBack; back >= 1; back--)
            {
                var period = thisMonth.AddMonths(-back).ToString("yyyy-MM", CultureInfo.InvariantCulture);
                if (!have.Contains(period))
                {
                    await new CoverageService(db).ForAsync(period, today, ct);
                    taken++;
                }
            }
        }

        return taken;
    }
}
