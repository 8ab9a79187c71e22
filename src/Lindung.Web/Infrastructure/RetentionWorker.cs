using Lindung.Core.Data;
using Lindung.Core.Privacy;
using Lindung.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Infrastructure;

/// <summary>
/// Once a day, for every tenant whose Administrator switched the scheduled retention on (/Admin/Retensi), anonymises the
/// people due under the tenant's retention setting with <see cref="RetentionService"/> (which records a RetentionRun and
/// an audit event). Off by default: the period is a placeholder until the regency confirms it.
/// </summary>
public sealed class RetentionWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger<RetentionWorker> log) : BackgroundService
{
    public const string Actor = "system:retensi";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1), time);
        do
        {
            try
            {
                await RunAllAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Retensi data pribadi gagal; dicoba lagi besok.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Runs every tenant with the scheduled job on; returns the runs recorded.</summary>
    public async Task<List<RetentionRun>> RunAllAsync(CancellationToken ct)
    {
        List<string> tenants;
        using (var scope = scopes.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<SwitchableActor>().Override = new FixedActor(null, Actor);
            tenants = await scope.ServiceProvider.GetRequiredService<LindungDbContext>().Tenants.Select(t => t.Code).ToListAsync(ct);
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        var runs = new List<RetentionRun>();
        foreach (var tenant in tenants)
        {
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<SwitchableActor>().Override = new FixedActor(tenant, Actor);
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            var policy = await RetentionPolicy.LoadAsync(db, ct);
            if (!policy.AutomaticEnabled || policy.Problem() is not null)
            {
                continue;
            }

            var result = await new RetentionService(db).RunAsync(RetentionTrigger.Scheduled, today, dryRun: false, ct);
            runs.Add(result.Run!);
        }

        return runs;
    }
}
