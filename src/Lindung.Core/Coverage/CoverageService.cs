using System.Data.Common;
using System.Globalization;
using Lindung.Core.Data;
using Lindung.Core.Formatting;
using Lindung.Core.MasterData;
using Lindung.Core.Registry;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lindung.Core.Coverage;

/// <summary>
/// Coverage = active ÷ eligible (PRODUCT §4.5). Eligible: people with a verified PU/BPU engagement serving in the
/// month, counted once. Active: eligible people BPJS lists active for the month — or, for a month without a BPJS
/// list, eligible people with an engagement Terdaftar by the month's end (the snapshot says which). An ended month
/// is computed once and frozen; the current month is computed on request and never stored.
/// </summary>
public sealed class CoverageService(LindungDbContext db)
{
    public static readonly string[] Dimensions = ["opd", "category", "scheme", "funding", "kecamatan", "desa", "sex", "age"];

    /// <summary>The month's snapshot: the frozen one, or taken now when the month has ended, or computed live for the current month.</summary>
    public async Task<(CoverageSnapshot Snapshot, bool Frozen)> ForAsync(string period, DateOnly today, CancellationToken ct = default)
    {
        var start = Periods.Start(period);
        var existing = await db.CoverageSnapshots.AsNoTracking().Include(s => s.Groups).FirstOrDefaultAsync(s => s.Period == period, ct);
        if (existing is not null)
        {
            return (existing, true);
        }

        var snapshot = await ComputeAsync(period, start, ct);
        if (start.AddMonths(1) <= today)
        {
            db.CoverageSnapshots.Add(snapshot);
            await db.SaveChangesAsync(ct);
            return (snapshot, true);
        }

        return (snapshot, false);
    }

    /// <summary>
    /// The month's eligible engagements (one join, to the person) read with the plain data reader (EF materialising a
    /// million rows cost seconds), in two parts split by the person's sex — every person falls in exactly one, so each
    /// part counts its people on its own and the parts' counts add up. On SQLite outside a transaction the parts (and
    /// the BPJS list of the month) are read on their own connections at the same time, one per core; otherwise one
    /// after the other on the context's connection. Each row's eight dimension values become small integers as read
    /// (one dictionary lookup per distinct value, not per row); rows are then ordered by person and each person is
    /// counted once per group they fall in, for all dimensions at once. Groups are stored by dimension and key.
    /// </summary>
    private async Task<CoverageSnapshot> ComputeAsync(string period, DateOnly start, CancellationToken ct)
    {
        var end = start.AddMonths(1).AddDays(-1);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => (a.Code, a.ShortName), ct);
        var categories = await db.WorkerCategories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => (c.Code, c.Name), ct);
        var hasList = await db.BpjsImports.AnyAsync(i => i.Period == period, ct);
        var regions = await db.Regions.AsNoTracking().Where(r => r.Code.StartsWith(db.CurrentTenantCode ?? "")).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var names = new Names(agencies, categories, regions);

        var eligible = db.Engagements.AsNoTracking().EligibleIn(start, end);
        var parts = new[] { eligible.Where(e => e.Person!.Sex == 'L'), eligible.Where(e => e.Person!.Sex != 'L') }
            .Select(q => q.Select(e => new
            {
                e.PersonId,
                // A null kecamatan/desa code joins as "", which groups exactly as before: (code ?? "", name of code or "").
                // The ids as they are stored (GuidBlob on SQLite): no text form of a GUID is asked of the database.
                e.AgencyId,
                e.CategoryId,
                Combo = e.FundingSource + "|" + (e.Person!.DistrictCode ?? "") + "|" + (e.Person.VillageCode ?? ""),
                e.Scheme,
                e.Person.Sex,
                // One date function per row (SQLite: julianday), not three (Year, Month, Day: strftime each).
                Born = e.Person.BirthDate.DayNumber,
                Registered = e.Registration == RegistrationStatus.Registered && (e.RegisteredOn == null || e.RegisteredOn <= end),
            }).CreateDbCommand())
            .ToArray();
        var listed = hasList
            ? db.BpjsStatuses.AsNoTracking().Where(s => s.Period == period && s.Active && s.PersonId != null).Select(s => s.PersonId!.Value).CreateDbCommand()
            : null;

        var concurrent = !db.IsPostgres && db.Database.CurrentTransaction is null;
        var results = new PartResult[parts.Length];
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (concurrent)
            {
                var listedActive = listed is null ? Task.FromResult<HashSet<Guid>?>(null) : Task.Run(() => ReadListAsync(listed, own: true, ct), ct);
                var counted = parts.Select(command => Task.Run(async () =>
                {
                    var part = new Part(names, end);
                    await PlainReader.ReadAsync(db, command, own: true, part.ReadAsync, ct);
                    return part.Count(await listedActive);
                }, ct)).ToArray();
                results = await Task.WhenAll(counted);
            }
            else
            {
                var listedActive = listed is null ? null : await ReadListAsync(listed, own: false, ct);
                for (var i = 0; i < parts.Length; i++)
                {
                    var part = new Part(names, end);
                    await PlainReader.ReadAsync(db, parts[i], own: false, part.ReadAsync, ct);
                    results[i] = part.Count(listedActive);
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
            foreach (var command in listed is null ? parts : [.. parts, listed])
            {
                await command.DisposeAsync();
            }
        }

        var snapshot = new CoverageSnapshot
        {
            Period = period,
            Eligible = results.Sum(r => r.Eligible),
            Active = results.Sum(r => r.Active),
            Source = hasList ? ActiveSource.BpjsList : ActiveSource.RegistryRegistered,
        };
        for (var d = 0; d < Dimensions.Length; d++)
        {
            var merged = new Dictionary<(string Key, string Label), (int Eligible, int Active)>();
            foreach (var result in results)
            {
                foreach (var (key, count) in result.Groups[d])
                {
                    var sum = merged.GetValueOrDefault(key);
                    merged[key] = (sum.Eligible + count.Eligible, sum.Active + count.Active);
                }
            }

            foreach (var (key, count) in merged.OrderBy(g => g.Key.Key, StringComparer.Ordinal).ThenBy(g => g.Key.Label, StringComparer.Ordinal))
            {
                snapshot.Groups.Add(new CoverageSnapshotGroup
                {
                    Dimension = Dimensions[d],
                    Key = key.Key,
                    Label = key.Label,
                    Eligible = count.Eligible,
                    Active = count.Active,
                });
            }
        }

        return snapshot;
    }

    private async Task<HashSet<Guid>?> ReadListAsync(DbCommand command, bool own, CancellationToken ct)
    {
        var listedActive = new HashSet<Guid>();
        await PlainReader.ReadAsync(db, command, own, async (reader, token) =>
        {
            while (await reader.ReadAsync(token))
            {
                listedActive.Add(GuidBlob.Read(reader, 0));
            }
        }, ct);
        return listedActive;
    }

    /// <summary>The columns are read by position: a change to the projection must not silently shift them.</summary>
    private static void Expect(DbDataReader reader, params string[] names)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (reader.FieldCount != names.Length || !string.Equals(reader.GetName(i), names[i], StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"Unexpected column {i} in the coverage query: {reader.GetName(i)}.");
            }
        }
    }

    /// <summary>Agency, category and region names (read-only, shared by the parts).</summary>
    private sealed record Names(
        Dictionary<Guid, (string Code, string ShortName)> Agencies,
        Dictionary<Guid, (string Code, string Name)> Categories,
        Dictionary<string, string> Regions)
    {
        public string Region(string? code) => code is null ? "" : Regions.GetValueOrDefault(code, code);
    }

    /// <summary>One part's totals and, per dimension, each group's eligible and active people.</summary>
    private sealed record PartResult(int Eligible, int Active, Dictionary<(string Key, string Label), (int Eligible, int Active)>[] Groups);

    /// <summary>One part of the month's engagements: read into dense ids, then its people counted once per group.</summary>
    private sealed class Part(Names names, DateOnly end)
    {
        // Per dimension: the distinct values met while reading (as dense ids) and each value's (key, label).
        private readonly DimensionValues[] values = [.. Dimensions.Select(_ => new DimensionValues())];

        // The five dimensions agency, category, funding, kecamatan and desa: the two ids and one string joining the other
        // three, one dictionary lookup per row for all of them.
        private readonly Dictionary<(Guid Agency, Guid Category, string Others), int> combos = [];
        private readonly List<int[]> comboValues = [];
        private readonly Dictionary<string, int> schemeIds = new(StringComparer.Ordinal);
        private readonly Dictionary<char, int> sexIds = [];
        private readonly Dictionary<int, int> ageIds = [];
        private readonly List<Guid> persons = [];
        private readonly List<Row> rows = [];

        public async Task ReadAsync(DbDataReader reader, CancellationToken ct)
        {
            Expect(reader, "PersonId", "AgencyId", "CategoryId", "Combo", "Scheme", "Sex", "Born", "Registered");
            while (await reader.ReadAsync(ct))
            {
                persons.Add(GuidBlob.Read(reader, 0));
                rows.Add(new Row(
                    Combo((GuidBlob.Read(reader, 1), GuidBlob.Read(reader, 2), reader.GetString(3))),
                    Id(schemeIds, reader.GetString(4), 2, x => (Enum.Parse<Scheme>(x).ToString(), Enum.Parse<Scheme>(x).ToString())),
                    Id(sexIds, reader.GetFieldValue<char>(5), 6, x => (x.ToString(), x.ToString())),
                    Id(ageIds, reader.GetInt32(6), 7, x => AgeBand(DateOnly.FromDayNumber(x), end)),
                    reader.GetBoolean(7)));
            }
        }

        private int Id<T>(Dictionary<T, int> ids, T raw, int dimension, Func<T, (string, string)> key)
            where T : notnull
        {
            if (!ids.TryGetValue(raw, out var id))
            {
                ids[raw] = id = values[dimension].Add(key(raw));
            }

            return id;
        }

        private int Combo((Guid Agency, Guid Category, string Others) combo)
        {
            if (combos.TryGetValue(combo, out var id))
            {
                return id;
            }

            // "funding|district|village": region codes and funding sources have no '|'.
            var (agency, category, rest) = combo;
            var village = rest.LastIndexOf('|');
            var district = rest.LastIndexOf('|', village - 1);
            var funding = rest[..district];
            var districtCode = rest[(district + 1)..village];
            var villageCode = rest[(village + 1)..];
            comboValues.Add(
            [
                values[0].Add(names.Agencies.GetValueOrDefault(agency)),
                values[1].Add(names.Categories.GetValueOrDefault(category)),
                values[3].Add((funding, funding)),
                values[4].Add((districtCode, names.Region(districtCode))),
                values[5].Add((villageCode, names.Region(villageCode))),
            ]);
            return combos[combo] = comboValues.Count - 1;
        }

        /// <summary>Each person once: active when BPJS lists them (a month with a list) or any engagement is Terdaftar.</summary>
        public PartResult Count(HashSet<Guid>? listedActive)
        {
            // Rows by person (an index sort: the 16-byte keys move, the rows stay).
            var byPerson = new int[rows.Count];
            for (var i = 0; i < byPerson.Length; i++)
            {
                byPerson[i] = i;
            }

            var keys = persons.ToArray();
            Array.Sort(keys, byPerson);

            // Each dimension's groups; a value's group found once, then by index.
            var groups = Dimensions.Select(_ => new List<(string Key, string Label)>()).ToArray();
            var groupEligible = Dimensions.Select(_ => new List<int>()).ToArray();
            var groupActive = Dimensions.Select(_ => new List<int>()).ToArray();
            var index = Dimensions.Select(_ => new Dictionary<(string, string), int>()).ToArray();
            var groupOfValue = values.Select(v => Enumerable.Repeat(-1, v.Count).ToArray()).ToArray();
            int GroupOf(int dimension, int value)
            {
                var g = groupOfValue[dimension][value];
                if (g < 0)
                {
                    var key = values[dimension].Key(value);
                    if (!index[dimension].TryGetValue(key, out g))
                    {
                        index[dimension][key] = g = groups[dimension].Count;
                        groups[dimension].Add(key);
                        groupEligible[dimension].Add(0);
                        groupActive[dimension].Add(0);
                    }

                    groupOfValue[dimension][value] = g;
                }

                return g;
            }

            int eligible = 0, active = 0;
            var seen = new List<int>();
            for (var first = 0; first < keys.Length;)
            {
                var person = keys[first];
                var last = first;
                var registered = rows[byPerson[first]].Registered;
                while (last + 1 < keys.Length && keys[last + 1] == person)
                {
                    last++;
                    registered |= rows[byPerson[last]].Registered;
                }

                var isActive = listedActive?.Contains(person) ?? registered;
                eligible++;
                active += isActive ? 1 : 0;
                for (var d = 0; d < Dimensions.Length; d++)
                {
                    seen.Clear();
                    for (var i = first; i <= last; i++)
                    {
                        var row = rows[byPerson[i]];
                        var g = GroupOf(d, d switch
                        {
                            2 => row.Scheme,
                            6 => row.Sex,
                            7 => row.Age,
                            3 => comboValues[row.Combo][2],
                            4 => comboValues[row.Combo][3],
                            5 => comboValues[row.Combo][4],
                            _ => comboValues[row.Combo][d],
                        });
                        if (seen.Contains(g))
                        {
                            continue;
                        }

                        seen.Add(g);
                        groupEligible[d][g]++;
                        groupActive[d][g] += isActive ? 1 : 0;
                    }
                }

                first = last + 1;
            }

            var counts = new Dictionary<(string Key, string Label), (int Eligible, int Active)>[Dimensions.Length];
            for (var d = 0; d < Dimensions.Length; d++)
            {
                counts[d] = [];
                for (var g = 0; g < groups[d].Count; g++)
                {
                    counts[d][groups[d][g]] = (groupEligible[d][g], groupActive[d][g]);
                }
            }

            return new PartResult(eligible, active, counts);
        }
    }

    /// <summary>One engagement as the snapshot needs it: each dimension's value as a dense id (<see cref="DimensionValues"/>).</summary>
    private readonly record struct Row(int Combo, int Scheme, int Sex, int Age, bool Registered);

    /// <summary>The distinct values of one dimension met while reading, each with its group's key and label.</summary>
    private sealed class DimensionValues
    {
        private readonly List<(string, string)> keys = [];

        public int Count => keys.Count;

        public int Add((string, string) key)
        {
            keys.Add(key);
            return keys.Count - 1;
        }

        public (string, string) Key(int value) => keys[value];
    }

    /// <summary>Age at the month's end in bands: &lt;25, 25–34, 35–44, 45–54, 55+.</summary>
    public static (string Key, string Label) AgeBand(DateOnly birth, DateOnly at)
    {
        var age = at.Year - birth.Year - (at < birth.AddYears(at.Year - birth.Year) ? 1 : 0);
        return age switch
        {
            < 25 => ("<25", "< 25"),
            < 35 => ("25-34", "25–34"),
            < 45 => ("35-44", "35–44"),
            < 55 => ("45-54", "45–54"),
            _ => ("55+", "55+"),
        };
    }

    public static decimal Percent(int active, int eligible) =>
        eligible == 0 ? 0 : Math.Round(100m * active / eligible, 1, MidpointRounding.AwayFromZero);
}
