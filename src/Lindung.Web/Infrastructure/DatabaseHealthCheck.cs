using Lindung.Core.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Lindung.Web.Infrastructure;

public sealed class DatabaseHealthCheck(LindungDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("database unreachable");
}
