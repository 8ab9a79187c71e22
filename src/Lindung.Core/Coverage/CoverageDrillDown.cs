using System.Globalization;
using Lindung.Core.Data;
using Lindung.Core.Formatting;
using Lindung.Core.MasterData;
using Lindung.Core.Registry;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Coverage;

/// <summary>Which people behind a coverage figure: the active ones, the not-yet-active ones, or all eligible.</summary>
public enum DrillStatus
{
    Eligible = 0,
    Active = 1,
    NotActive = 2,
}

/// <summary>One person behind a coverage figure, NIK masked.</summary>
public sealed record DrillPerson(Guid Id, string Name, string NikMasked, string? Kpj, string? DistrictCode, char Sex, DateOnly BirthDate, string Agencies, bool Active);

/// <summary>
/// The people behind a number on the dashboard: the eligible people of a month (PRODUCT §4.5, the same rule as
/// <see cref="CoverageService"/>), in one group of one dimension, active or not. Read from the registry as it is now,
/// for that month — a frozen snapshot stays as it was, so for an old month the list can differ from the figure when
/// the registry has changed since; the page says so and shows both counts. A test keeps both rules in step.
/// </summary>
public sealed class CoverageDrillDown(LindungDbContext db)
{
    /// <param name="dimension">One of <see cref="CoverageService.Dimensions"/>, or null for everyone.</param>
    /// <param name="ownAgencyId">An Operator OPD's own OPD: only that OPD's engagements count, whatever the group asked.</param>
    public async Task<IQueryable<Person>> PeopleAsync(string period, string? dimension, string? key, DrillStatus status, Guid? ownAgencyId = null,
        CancellationToken ct = default)
    {
        var start = Periods.Start(period);
        var end = start.AddMonths(1).AddDays(-1);
        var engagements = db.Engagements.EligibleIn(start, end);
        if (ownAgencyId is { } own)
        {
            engagements = engagements.Where(e => e.AgencyId == own);
        }

        engagements = Filter(engagements, dimension, key ?? "", end);
        // EXISTS / NOT EXISTS rather than IN / NOT IN: both engines plan them as semi- and anti-joins.
        var people = db.People.Where(p => engagements.Any(e => e.PersonId == p.Id));
        if (status == DrillStatus.Eligible)
        {
            return people;
        }

        var active = Active(period, start, end, await db.BpjsImports.AnyAsync(i => i.Period == period, ct));
        return status == DrillStatus.Active ? people.Where(p => active.Any(a => a == p.Id)) : people.Where(p => !active.Any(a => a == p.Id));
    }

    /// <summary>A page of the people, with their OPDs and whether they are active, ordered by name.</summary>
    public async Task<IReadOnlyList<DrillPerson>> PageAsync(IQueryable<Person> people, string period, int skip, int take, CancellationToken ct = default)
    {
        var start = Periods.Start(period);
        var end = start.AddMonths(1).AddDays(-1);
        var active = Active(period, start, end, await db.BpjsImports.AnyAsync(i => i.Period == period, ct));
        var rows = await people.OrderBy(p => p.NameKey).ThenBy(p => p.Id).Skip(skip).Take(take)
            .Select(p => new
            {
                p.Id,
                p.FullName,
                p.NikMasked,
                p.Kpj,
                p.DistrictCode,
                p.Sex,
                p.BirthDate,
                Agencies = p.Engagements.Where(e => e.StartDate <= end && (e.EndDate == null || e.EndDate >= start)).Select(e => e.Agency!.ShortName).ToList(),
                Active = active.Any(a => a == p.Id),
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => new DrillPerson(r.Id, r.FullName, r.NikMasked, r.Kpj, r.DistrictCode, r.Sex, r.BirthDate,
            string.Join(", ", r.Agencies.Distinct().Order(StringComparer.Ordinal)), r.Active))];
    }

    /// <summary>The people active in the month: listed active by BPJS, or — without a BPJS list — Terdaftar by its end.</summary>
    private IQueryable<Guid> Active(string period, DateOnly start, DateOnly end, bool hasList) =>
        hasList
            ? db.BpjsStatuses.Where(s => s.Period == period && s.Active && s.PersonId != null).Select(s => s.PersonId!.Value)
            : db.Engagements.EligibleIn(start, end).RegisteredBy(end).Select(e => e.PersonId);

    private static IQueryable<Engagement> Filter(IQueryable<Engagement> q, string? dimension, string key, DateOnly end)
    {
        switch (dimension)
        {
            case null or "":
                return q;
            case "opd":
                return q.Where(e => e.Agency!.Code == key);
            case "category":
                return q.Where(e => e.Category!.Code == key);
            case "scheme":
                return Enum.TryParse<Scheme>(key, out var scheme) ? q.Where(e => e.Scheme == scheme) : q.Where(_ => false);
            case "funding":
                return q.Where(e => e.FundingSource == key);
            case "kecamatan":
                return key.Length == 0 ? q.Where(e => e.Person!.DistrictCode == null || e.Person.DistrictCode == "") : q.Where(e => e.Person!.DistrictCode == key);
            case "desa":
                return key.Length == 0 ? q.Where(e => e.Person!.VillageCode == null || e.Person.VillageCode == "") : q.Where(e => e.Person!.VillageCode == key);
            case "sex":
                return key.Length == 1 ? q.Where(e => e.Person!.Sex == key[0]) : q.Where(_ => false);
            case "age":
                var (from, to) = BirthRange(key, end);
                return q.Where(e => e.Person!.BirthDate > from && e.Person.BirthDate <= to);
            default:
                throw new ArgumentException("Dimensi tidak dikenal: " + dimension, nameof(dimension));
        }
    }

    /// <summary>Birth dates (exclusive, inclusive] whose age at <paramref name="at"/> falls in the band (the bands of <see cref="CoverageService.AgeBand"/>).</summary>
    public static (DateOnly After, DateOnly AtMost) BirthRange(string band, DateOnly at)
    {
        var (min, max) = band switch
        {
            "<25" => (0, 24),
            "25-34" => (25, 34),
            "35-44" => (35, 44),
            "45-54" => (45, 54),
            "55+" => (55, 200),
            _ => throw new ArgumentException("Kelompok umur tidak dikenal: " + band, nameof(band)),
        };
        // Age ≥ min ⇔ born on or before at − min years; age ≤ max ⇔ born after at − (max + 1) years.
        return (at.AddYears(-(max + 1)), at.AddYears(-min));
    }
}
