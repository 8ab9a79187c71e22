using System.Globalization;
using Lindung.Core.Data;
using Lindung.Core.Formatting;
using Lindung.Core.MasterData;
using Lindung.Core.Registry;
using Microsoft.EntityFrameworkCore;

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
    /// One pass over the month's eligible engagements (one join, to the person), sorted by person in memory; each
    /// person counted once per group they fall in, for all dimensions at once. Agency, category and region names
    /// come from small dictionaries, not from joins.
    /// </summary>
    private async Task<CoverageSnapshot> ComputeAsync(string period, DateOnly start, CancellationToken ct)
    {
        var end = start.AddMonths(1).AddDays(-1);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => (a.Code, a.ShortName), ct);
        var categories = await db.WorkerCategories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => (c.Code, c.Name), ct);
        var rows = new List<Row>();
        await foreach (var e in db.Engagements.AsNoTracking()
                           .EligibleIn(start, end)
                           .Select(e => new
                           {
                               e.PersonId,
                               e.AgencyId,
                               e.CategoryId,
                               e.Scheme,
                               e.FundingSource,
                               e.Person!.DistrictCode,
                               e.Person.VillageCode,
                               e.Person.Sex,
                               e.Person.BirthDate,
                               Registered = e.Registration == RegistrationStatus.Registered && (e.RegisteredOn == null || e.RegisteredOn <= end),
                           })
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            rows.Add(new Row(e.PersonId, e.AgencyId, e.CategoryId, e.Scheme, e.FundingSource, e.DistrictCode, e.VillageCode, e.Sex, e.BirthDate, e.Registered));
        }

        var hasList = await db.BpjsImports.AnyAsync(i => i.Period == period, ct);
        HashSet<Guid>? listedActive = null;
        if (hasList)
        {
            listedActive = [];
            await foreach (var id in db.BpjsStatuses.AsNoTracking().Where(s => s.Period == period && s.Active && s.PersonId != null)
                               .Select(s => s.PersonId!.Value).AsAsyncEnumerable().WithCancellation(ct))
            {
                listedActive.Add(id);
            }
        }

        var regions = await db.Regions.AsNoTracking().Where(r => r.Code.StartsWith(db.CurrentTenantCode ?? "")).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        string Region(string? code) => code is null ? "" : regions.GetValueOrDefault(code, code);

        // Each dimension's key and label for a row, as an index into that dimension's group list.
        var groups = Dimensions.Select(_ => new List<(string Key, string Label, int Eligible, int Active)>()).ToArray();
        var index = Dimensions.Select(_ => new Dictionary<(string, string), int>()).ToArray();
        var ageBands = new Dictionary<DateOnly, (string, string)>();
        int GroupOf(int dimension, (string Key, string Label) key)
        {
            if (!index[dimension].TryGetValue(key, out var i))
            {
                index[dimension][key] = i = groups[dimension].Count;
                groups[dimension].Add((key.Key, key.Label, 0, 0));
            }

            return i;
        }

        (string, string) Key(int dimension, in Row r) => dimension switch
        {
            0 => agencies.GetValueOrDefault(r.AgencyId),
            1 => categories.GetValueOrDefault(r.CategoryId),
            2 => (r.Scheme.ToString(), r.Scheme.ToString()),
            3 => (r.FundingSource, r.FundingSource),
            4 => (r.DistrictCode ?? "", Region(r.DistrictCode)),
            5 => (r.VillageCode ?? "", Region(r.VillageCode)),
            6 => (r.Sex.ToString(), r.Sex.ToString()),
            _ => ageBands.TryGetValue(r.BirthDate, out var band) ? band : ageBands[r.BirthDate] = AgeBand(r.BirthDate, end),
        };

        rows.Sort((a, b) => a.PersonId.CompareTo(b.PersonId));
        int eligible = 0, active = 0;
        var seen = new List<int>();
        for (var first = 0; first < rows.Count;)
        {
            var person = rows[first].PersonId;
            var last = first;
            var registered = rows[first].Registered;
            while (last + 1 < rows.Count && rows[last + 1].PersonId == person)
            {
                last++;
                registered |= rows[last].Registered;
            }

            var isActive = listedActive?.Contains(person) ?? registered;
            eligible++;
            active += isActive ? 1 : 0;
            for (var d = 0; d < Dimensions.Length; d++)
            {
                seen.Clear();
                for (var i = first; i <= last; i++)
                {
                    var g = GroupOf(d, Key(d, rows[i]));
                    if (seen.Contains(g))
                    {
                        continue;
                    }

                    seen.Add(g);
                    var (key, label, groupEligible, groupActive) = groups[d][g];
                    groups[d][g] = (key, label, groupEligible + 1, groupActive + (isActive ? 1 : 0));
                }
            }

            first = last + 1;
        }

        var snapshot = new CoverageSnapshot
        {
            Period = period,
            Eligible = eligible,
            Active = active,
            Source = hasList ? ActiveSource.BpjsList : ActiveSource.RegistryRegistered,
        };
        for (var d = 0; d < Dimensions.Length; d++)
        {
            snapshot.Groups.AddRange(groups[d].Select(g => new CoverageSnapshotGroup
            {
                Dimension = Dimensions[d],
                Key = g.Key,
                Label = g.Label,
                Eligible = g.Eligible,
                Active = g.Active,
            }));
        }

        return snapshot;
    }

    private readonly record struct Row(Guid PersonId, Guid AgencyId, Guid CategoryId, Scheme Scheme, string FundingSource, string? DistrictCode,
        string? VillageCode, char Sex, DateOnly BirthDate, bool Registered);

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
