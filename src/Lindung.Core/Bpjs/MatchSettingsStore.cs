using System.Text.Json;
using Lindung.Core.Data;
using Lindung.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Bpjs;

/// <summary>The tenant's matching thresholds (tenant setting <c>bpjs.match.settings</c>); the defaults until an Administrator changes them.</summary>
public static class MatchSettingsStore
{
    public const string Key = "bpjs.match.settings";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<MatchSettings> LoadAsync(LindungDbContext db, CancellationToken ct = default) =>
        await db.TenantSettings.AsNoTracking().Where(s => s.Key == Key).Select(s => s.Value).FirstOrDefaultAsync(ct) is { } json
            ? JsonSerializer.Deserialize<MatchSettings>(json, Json) ?? new MatchSettings()
            : new MatchSettings();

    /// <summary>Saves valid thresholds (0.5 ≤ review ≤ automatic ≤ 1); false when they are not.</summary>
    public static async Task<bool> SaveAsync(LindungDbContext db, MatchSettings settings, CancellationToken ct = default)
    {
        if (settings.ReviewNameScore is < 0.5 or > 1 || settings.AutoNameScore < settings.ReviewNameScore || settings.AutoNameScore > 1)
        {
            return false;
        }

        var row = await db.TenantSettings.FirstOrDefaultAsync(s => s.Key == Key, ct);
        if (row is null)
        {
            row = new TenantSetting { Key = Key, Value = "" };
            db.TenantSettings.Add(row);
        }

        row.Value = JsonSerializer.Serialize(settings, Json);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
