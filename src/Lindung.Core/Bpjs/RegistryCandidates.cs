using Lindung.Core.Data;
using Lindung.Core.Registry.Protection;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Bpjs;

/// <summary>The registry people the fuzzy fallback may compare a BPJS list's residue with (docs/bpjs.md).</summary>
public static class RegistryCandidates
{
    /// <summary>
    /// Everyone born on a day the residue needs (as given or encoded in the NIK, and that day with day and month
    /// swapped), grouped by (birth date, sex). NIKs are decrypted lazily, per candidate, only when the matcher looks at them.
    /// </summary>
    public static async Task<Dictionary<(DateOnly, char), IReadOnlyList<RegistryPerson>>> LoadAsync(LindungDbContext db, NikProtector protector,
        IEnumerable<BpjsPersonRow> residue, MatchSettings matchSettings, CancellationToken ct)
    {
        var days = new HashSet<DateOnly>();
        foreach (var row in residue)
        {
            if ((row.BirthDate ?? BpjsMatcher.FromNik(BpjsMatcher.Digits(row.Nik))?.BirthDate) is { } day)
            {
                days.Add(day);
                if (matchSettings.TryDayMonthSwap && day.Day <= 12 && day.Day != day.Month)
                {
                    days.Add(new DateOnly(day.Year, day.Day, day.Month));
                }
            }
        }

        var buckets = new Dictionary<(DateOnly, char), List<RegistryPerson>>();
        foreach (var chunk in days.Order().Chunk(2000))
        {
            var wanted = chunk.ToList();
            // Index lookups on (tenant, birth date, sex) for up to 2,000 days per query, not one query per row.
            // An erased person (Privacy/PersonalDataEraser) has no name or NIK left to match on: not even loaded.
            await foreach (var p in db.People.AsNoTracking().Where(p => wanted.Contains(p.BirthDate) && p.ErasedAt == null)
                               .Select(p => new { p.Id, p.NikCipher, p.FullName, p.BirthDate, p.Sex }).AsAsyncEnumerable().WithCancellation(ct))
            {
                if (!buckets.TryGetValue((p.BirthDate, p.Sex), out var list))
                {
                    buckets[(p.BirthDate, p.Sex)] = list = [];
                }

                list.Add(new RegistryPerson(p.Id, p.NikCipher, protector, p.FullName, p.BirthDate, p.Sex));
            }
        }

        return buckets.ToDictionary(b => b.Key, b => (IReadOnlyList<RegistryPerson>)b.Value);
    }
}
