using Lindung.Core.Data;
using Lindung.Core.MasterData;
using Lindung.Core.Registry;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Import;

/// <summary>
/// Resolves typed kecamatan and desa names to the tenant's Kemendagri codes, loosely ("Muaradua" =
/// "Muara Dua"), and answers whether a code exists nationally (for NIK region warnings).
/// </summary>
public sealed class RegionResolver
{
    private readonly HashSet<string> allCodes;
    private readonly Dictionary<string, string> districtByName;
    private readonly Dictionary<(string District, string Name), string> villageByName;
    private readonly Dictionary<string, List<string>> villagesByNameOnly;

    // The same few hundred kecamatan and desa names fill a whole file: each pair is resolved once (the import resolves on
    // several threads). Capped, so a file of ever-different typos cannot grow it without end.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string?, string?), (string?, string?, bool)> resolved = new();
    private const int MaxRemembered = 10_000;

    private RegionResolver(HashSet<string> all, Dictionary<string, string> districts,
        Dictionary<(string, string), string> villages, Dictionary<string, List<string>> villagesOnly)
    {
        allCodes = all;
        districtByName = districts;
        villageByName = villages;
        villagesByNameOnly = villagesOnly;
        CodeExists = Exists;
    }

    public static async Task<RegionResolver> LoadAsync(LindungDbContext db, string tenantCode, CancellationToken ct)
    {
        var all = (await db.Regions.AsNoTracking().Select(r => r.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var prefix = tenantCode + ".";
        var own = await db.Regions.AsNoTracking().Where(r => r.Code.StartsWith(prefix)).ToListAsync(ct);
        var districts = new Dictionary<string, string>(StringComparer.Ordinal);
        var villages = new Dictionary<(string, string), string>();
        var villagesOnly = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var r in own)
        {
            if (r.Level == RegionLevel.District)
            {
                districts[Key(r.Name)] = r.Code;
            }
            else if (r.Level == RegionLevel.Village)
            {
                villages[(r.ParentCode!, Key(r.Name))] = r.Code;
                if (!villagesOnly.TryGetValue(Key(r.Name), out var list))
                {
                    villagesOnly[Key(r.Name)] = list = [];
                }

                list.Add(r.Code);
            }
        }

        return new RegionResolver(all, districts, villages, villagesOnly);
    }

    public bool Exists(string code) => allCodes.Contains(code);

    /// <summary><see cref="Exists"/> as one delegate, made once: a method group passed per row makes a new one each time.</summary>
    public Func<string, bool> CodeExists { get; }

    /// <summary>Codes for the typed names; null where a typed name is not found (or a village name is ambiguous).</summary>
    public (string? District, string? Village, bool Unresolved) Resolve(string? districtText, string? villageText)
    {
        if (resolved.TryGetValue((districtText, villageText), out var known))
        {
            return known;
        }

        var result = ResolveTyped(districtText, villageText);
        if (resolved.Count < MaxRemembered)
        {
            resolved.TryAdd((districtText, villageText), result);
        }

        return result;
    }

    private (string? District, string? Village, bool Unresolved) ResolveTyped(string? districtText, string? villageText)
    {
        string? district = null, village = null;
        var unresolved = false;
        if (!string.IsNullOrWhiteSpace(districtText))
        {
            var key = Key(districtText.Replace("Kecamatan", "", StringComparison.OrdinalIgnoreCase)
                .Replace("Kec.", "", StringComparison.OrdinalIgnoreCase));
            unresolved |= !districtByName.TryGetValue(key, out district);
        }

        if (!string.IsNullOrWhiteSpace(villageText))
        {
            var key = Key(villageText.Replace("Desa", "", StringComparison.OrdinalIgnoreCase)
                .Replace("Kelurahan", "", StringComparison.OrdinalIgnoreCase));
            if (district is not null)
            {
                unresolved |= !villageByName.TryGetValue((district, key), out village);
            }
            else if (villagesByNameOnly.TryGetValue(key, out var codes) && codes.Count == 1)
            {
                village = codes[0];
                district = Region.ParentOf(village);
            }
            else
            {
                unresolved = true;
            }
        }

        return (district, village, unresolved);
    }

    private static string Key(string name) => NameKeys.For(name).Replace(" ", "", StringComparison.Ordinal);
}
