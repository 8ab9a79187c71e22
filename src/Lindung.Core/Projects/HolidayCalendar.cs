using System.Text.Json;
using Lindung.Core.Data;
using Lindung.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Projects;

/// <summary>
/// The tenant's days off (table <c>PublicHolidays</c>), which an Administrator edits per year. The shipped 2025
/// and 2026 lists (<c>holidays.seed.json</c>) are copied in once per year, marked as needing confirmation;
/// the tenant setting <see cref="SeededKey"/> remembers which years were copied, so a holiday an Administrator
/// deleted does not come back on the next seeding.
/// </summary>
public static class HolidayCalendar
{
    public const string SeededKey = "holidays.seeded_years";

    public static async Task<IReadOnlySet<DateOnly>> LoadAsync(LindungDbContext db, CancellationToken ct = default) =>
        (await db.PublicHolidays.AsNoTracking().Select(h => h.Date).ToListAsync(ct)).ToHashSet();

    /// <summary>Adds the shipped holidays of every year not seeded before; returns how many rows it added.</summary>
    public static async Task<int> EnsureSeededAsync(LindungDbContext db, CancellationToken ct = default)
    {
        var marker = await db.TenantSettings.FirstOrDefaultAsync(s => s.Key == SeededKey, ct);
        var seededYears = (marker?.Value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var shipped = Shipped();
        var have = (await db.PublicHolidays.Select(h => h.Date).ToListAsync(ct)).ToHashSet();
        var added = 0;
        foreach (var year in shipped.GroupBy(h => h.Date.Year).OrderBy(g => g.Key))
        {
            var key = year.Key.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!seededYears.Add(key))
            {
                continue;
            }

            foreach (var h in year.Where(h => !have.Contains(h.Date)))
            {
                db.PublicHolidays.Add(new PublicHoliday { Date = h.Date, Name = h.Name, JointLeave = h.JointLeave, NeedsConfirmation = true });
                added++;
            }
        }

        var value = string.Join(',', seededYears.Order(StringComparer.Ordinal));
        if (marker is null)
        {
            db.TenantSettings.Add(new TenantSetting { Key = SeededKey, Value = value });
        }
        else
        {
            marker.Value = value;
        }

        await db.SaveChangesAsync(ct);
        return added;
    }

    public sealed record ShippedHoliday(DateOnly Date, string Name, bool JointLeave);

    private sealed record SeedFile(string Source, List<ShippedHoliday> Holidays);

    public static string ShippedSource => Load().Source;

    public static IReadOnlyList<ShippedHoliday> Shipped() => Load().Holidays;

    private static SeedFile Load()
    {
        using var stream = typeof(HolidayCalendar).Assembly.GetManifestResourceStream("Lindung.Seed.holidays.seed.json")
            ?? throw new InvalidOperationException("Embedded holidays.seed.json is missing.");
        return JsonSerializer.Deserialize<SeedFile>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidDataException("Bad holidays.seed.json.");
    }
}
