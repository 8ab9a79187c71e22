using System.Globalization;
using Lindung.Core.Data;
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
        var start = DateOnly.ParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
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

    private async Task<CoverageSnapshot> ComputeAsync(string period, DateOnly start, CancellationToken ct)
    {
        var end = start.AddMonths(1).AddDays(-1);
        var rows = await db.Engagements.AsNoTracking()
            .Where(e => e.Verification == VerificationStatus.Verified && e.Scheme != Scheme.Jakon && e.StartDate <= end && (e.EndDate == null || e.EndDate >= start))
            .Select(e => new
            {
                e.PersonId,
                Agency = e.Agency!.Code,
                AgencyName = e.Agency.ShortName,
                Category = e.Category!.Code,
                CategoryName = e.Category.Name,
                e.Scheme,
                e.FundingSource,
                e.Person!.DistrictCode,
                e.Person.VillageCode,
                e.Person.Sex,
                e.Person.BirthDate,
                Registered = e.Registration == RegistrationStatus.Registered && (e.RegisteredOn == null || e.RegisteredOn <= end),
            })
            .ToListAsync(ct);
        var hasList = await db.BpjsImports.AnyAsync(i => i.Period == period, ct);
        var active = hasList
            ? (await db.BpjsStatuses.AsNoTracking().Where(s => s.Period == period && s.Active && s.PersonId != null).Select(s => s.PersonId!.Value).Distinct().ToListAsync(ct)).ToHashSet()
            : rows.Where(r => r.Registered).Select(r => r.PersonId).ToHashSet();
        var regions = await db.Regions.AsNoTracking().Where(r => r.Code.StartsWith(db.CurrentTenantCode ?? "")).ToDictionaryAsync(r => r.Code, r => r.Name, ct);

        var snapshot = new CoverageSnapshot
        {
            Period = period,
            Eligible = rows.Select(r => r.PersonId).Distinct().Count(),
            Source = hasList ? ActiveSource.BpjsList : ActiveSource.RegistryRegistered,
        };
        snapshot.Active = rows.Select(r => r.PersonId).Distinct().Count(active.Contains);

        IEnumerable<CoverageSnapshotGroup> By<T>(string dimension, IEnumerable<T> source, Func<T, Guid> person, Func<T, (string Key, string Label)> key) =>
            source.GroupBy(key).Select(g => new CoverageSnapshotGroup
            {
                Dimension = dimension,
                Key = g.Key.Key,
                Label = g.Key.Label,
                Eligible = g.Select(person).Distinct().Count(),
                Active = g.Select(person).Distinct().Count(active.Contains),
            });

        string Region(string? code) => code is null ? "" : regions.GetValueOrDefault(code, code);
        snapshot.Groups.AddRange(By("opd", rows, r => r.PersonId, r => (r.Agency, r.AgencyName)));
        snapshot.Groups.AddRange(By("category", rows, r => r.PersonId, r => (r.Category, r.CategoryName)));
        snapshot.Groups.AddRange(By("scheme", rows, r => r.PersonId, r => (r.Scheme.ToString(), r.Scheme.ToString())));
        snapshot.Groups.AddRange(By("funding", rows, r => r.PersonId, r => (r.FundingSource, r.FundingSource)));
        snapshot.Groups.AddRange(By("kecamatan", rows, r => r.PersonId, r => (r.DistrictCode ?? "", Region(r.DistrictCode))));
        snapshot.Groups.AddRange(By("desa", rows, r => r.PersonId, r => (r.VillageCode ?? "", Region(r.VillageCode))));
        snapshot.Groups.AddRange(By("sex", rows, r => r.PersonId, r => (r.Sex.ToString(), r.Sex.ToString())));
        snapshot.Groups.AddRange(By("age", rows, r => r.PersonId, r => AgeBand(r.BirthDate, end)));
        return snapshot;
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
