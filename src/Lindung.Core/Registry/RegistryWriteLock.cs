using System.Security.Cryptography;
using System.Text;
using Lindung.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Registry;

/// <summary>
/// Serialises the imports that add people to one tenant's registry (uploads, the API, the add-worker form), so an
/// import decides "new person or already known" on a registry no other import is changing. Held until the import's
/// transaction ends. SQLite: the transaction itself is the lock (Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE,
/// one writer at a time). PostgreSQL: a transaction-scoped advisory lock keyed by the tenant; other tenants and all
/// readers are not blocked. A waiting import waits up to <see cref="MaxWait"/> (a million-row import takes minutes).
/// </summary>
public static class RegistryWriteLock
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(15);

    public static async Task AcquireAsync(LindungDbContext db, string tenant, CancellationToken ct)
    {
        if (!db.IsPostgres)
        {
            return;
        }

        var key = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("lindung.registry:" + tenant)), 0);
        var previous = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(MaxWait);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);
        }
        finally
        {
            db.Database.SetCommandTimeout(previous);
        }
    }
}
