using System.Collections.Concurrent;
using Lindung.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Coverage;

/// <summary>
/// The latest frozen coverage snapshots per database and tenant, kept in memory for the dashboards (one instance per
/// application). Each read asks the database only for the snapshot table's count and newest change time (a few
/// rows per tenant); when either differs — a snapshot was written, by this process, the CLI or another server — the
/// snapshots are read again. The returned snapshots are shared between requests: read them, never change them.
/// </summary>
public sealed class CoverageSnapshotCache
{
    private sealed record Entry(int Count, DateTime LastChange, IReadOnlyList<CoverageSnapshot> Snapshots);

    private readonly ConcurrentDictionary<(string Database, string Tenant, int Months), Entry> entries = new();
    private readonly ConcurrentDictionary<(string Database, string Tenant), (int Count, long At)> engagementCounts = new();

    private readonly ConcurrentDictionary<(string Database, string Tenant), (int Districts, int Villages)> regionCounts = new();

    /// <summary>
    /// The tenant's kecamatan and desa counts from the national region table (master data, loaded once at setup and
    /// never edited in the app): counted once per process. <c>StartsWith</c> on a code cannot use the index, so
    /// counting per request scans the 91,599 codes twice.
    /// </summary>
    public async Task<(int Districts, int Villages)> RegionCountsAsync(LindungDbContext db, CancellationToken ct = default)
    {
        var key = (db.Database.GetConnectionString() ?? "", db.CurrentTenantCode ?? "");
        if (regionCounts.TryGetValue(key, out var counts))
        {
            return counts;
        }

        var tenant = db.CurrentTenantCode + ".";
        counts = (await db.Regions.CountAsync(r => r.Level == MasterData.RegionLevel.District && r.Code.StartsWith(tenant), ct),
            await db.Regions.CountAsync(r => r.Level == MasterData.RegionLevel.Village && r.Code.StartsWith(tenant), ct));
        if (counts.Item1 > 0)
        {
            regionCounts[key] = counts;
        }

        return counts;
    }

    /// <summary>How long the registry's engagement count shown on the dashboard may lag behind (it counts the whole registry).</summary>
    public static readonly TimeSpan EngagementCountLifetime = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The tenant's number of engagements, counted at most once a minute per tenant (at a million rows the count is a
    /// scan of an index; the dashboard shows it as a size, not as a figure to reconcile). Zero is never cached, so an
    /// empty registry's first import shows at once.
    /// </summary>
    public async Task<int> EngagementCountAsync(LindungDbContext db, CancellationToken ct = default)
    {
        var key = (db.Database.GetConnectionString() ?? "", db.CurrentTenantCode ?? "");
        var now = Environment.TickCount64;
        if (engagementCounts.TryGetValue(key, out var cached) && now - cached.At < (long)EngagementCountLifetime.TotalMilliseconds)
        {
            return cached.Count;
        }

        var count = await db.Engagements.CountAsync(ct);
        if (count > 0)
        {
            engagementCounts[key] = (count, now);
        }

        return count;
    }

    /// <summary>The last <paramref name="months"/> snapshots of the current tenant, oldest first (a new list each call).</summary>
    public async Task<List<CoverageSnapshot>> LatestAsync(LindungDbContext db, int months, CancellationToken ct = default)
    {
        var key = (db.Database.GetConnectionString() ?? "", db.CurrentTenantCode ?? "", months);
        var count = await db.CoverageSnapshots.CountAsync(ct);
        var last = count == 0 ? default : await db.CoverageSnapshots.MaxAsync(s => s.ModifiedAt, ct);
        if (!entries.TryGetValue(key, out var entry) || entry.Count != count || entry.LastChange != last)
        {
            var snapshots = await db.CoverageSnapshots.AsNoTracking().Include(s => s.Groups)
                .OrderByDescending(s => s.Period).Take(months).ToListAsync(ct);
            snapshots.Reverse();
            entry = new Entry(count, last, snapshots);
            entries[key] = entry;
        }

        return [.. entry.Snapshots];
    }
}
