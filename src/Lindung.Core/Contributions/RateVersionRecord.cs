using System.Text.Json;
using Lindung.Core.Data;
using Lindung.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Contributions;

/// <summary>
/// A rate-table version an Administrator added (e.g. the JP wage cap announced for next March), stored in full
/// as JSON. It joins the shipped versions; one with the same effective date replaces the shipped one.
/// </summary>
public sealed class RateVersionRecord : ITenantOwned, IStamped, IAudited
{
    public Guid Id { get; set; } = VersionSevenId.New();
    public string TenantCode { get; set; } = "";
    public required string Version { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public required string TableJson { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }
}

/// <summary>The rate book a tenant computes with: the shipped versions plus its administrators' versions.</summary>
public static class RateBookStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly RateBook Seed = RateBook.LoadSeed();

    public static async Task<RateBook> LoadAsync(LindungDbContext db, CancellationToken ct = default)
    {
        var added = await db.RateVersions.AsNoTracking().OrderBy(v => v.CreatedAt).ToListAsync(ct);
        if (added.Count == 0)
        {
            return Seed;
        }

        var byDate = Seed.Versions.ToDictionary(v => v.EffectiveFrom);
        foreach (var record in added)
        {
            byDate[record.EffectiveFrom] = Deserialize(record.TableJson);
        }

        return new RateBook(byDate.Values);
    }

    public static string Serialize(RateTable table) => JsonSerializer.Serialize(table, Json);

    public static RateTable Deserialize(string json) =>
        JsonSerializer.Deserialize<RateTable>(json, Json) ?? throw new InvalidDataException("Bad rate version.");
}
