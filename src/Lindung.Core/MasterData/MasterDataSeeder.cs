using System.Globalization;
using Lindung.Core.Audit;
using Lindung.Core.Data;
using Lindung.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.MasterData;

public sealed record SeedResult(int Regions, bool TenantCreated, int AgenciesAdded, int CategoriesAdded)
{
    public bool ChangedAnything => Regions > 0 || TenantCreated || AgenciesAdded > 0 || CategoriesAdded > 0;
}

/// <summary>
/// Master data: the national region table, the tenant, its OPDs and worker categories. Idempotent: it only
/// adds what is missing and never overwrites what an administrator has edited.
/// </summary>
public static class MasterDataSeeder
{
    public const string OkuSelatan = "16.09";

    /// <summary>Creates the tenant from the region table's name for the code, if missing.</summary>
    public static async Task<(Tenant Tenant, bool Created)> EnsureTenantAsync(LindungDbContext db, string code,
        string? name = null, CancellationToken ct = default)
    {
        var existing = await db.Tenants.FindAsync([code], ct);
        if (existing is not null)
        {
            return (existing, false);
        }

        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, ct);
        if (region is null || region.Level != RegionLevel.Regency)
        {
            throw new ArgumentException(
                $"Kode {code} bukan kode kabupaten/kota Kemendagri yang dikenal (contoh: 16.09 untuk OKU Selatan).");
        }

        var tenant = new Tenant { Code = code, Name = name ?? region.Name, CreatedAt = db.Time.GetUtcNow().UtcDateTime };
        db.Tenants.Add(tenant);
        db.Audit(AuditActions.TenantCreated, nameof(Tenant), code, tenant.Name, tenantCode: code);
        await db.SaveChangesAsync(ct);
        return (tenant, true);
    }

    /// <summary>Seeds everything for the actor's tenant. The DbContext's actor must act for <paramref name="tenantCode"/>.</summary>
    public static async Task<SeedResult> SeedAsync(LindungDbContext db, string tenantCode, IProgress<double>? progress = null,
        CancellationToken ct = default)
    {
        if (db.CurrentTenantCode != tenantCode)
        {
            throw new InvalidOperationException("Seeding must run as an actor of the tenant being seeded.");
        }

        var regions = await RegionLoader.EnsureLoadedAsync(db, progress, ct);
        var (_, created) = await EnsureTenantAsync(db, tenantCode, ct: ct);
        var agencies = await EnsureAgenciesAsync(db, tenantCode, ct);
        var categories = await EnsureCategoriesAsync(db, ct);
        await Coverage.TargetSeeder.EnsureExampleAsync(db, ct);
        await Projects.HolidayCalendar.EnsureSeededAsync(db, ct);
        var result = new SeedResult(regions, created, agencies, categories);
        if (result.ChangedAnything)
        {
            db.Audit(AuditActions.MasterDataSeeded, detail:
                $"regions={regions} agencies={agencies} categories={categories}");
            await db.SaveChangesAsync(ct);
        }

        return result;
    }

    /// <summary>
    /// OKU Selatan gets the shipped OPD list as is. Another tenant gets the list's regency-wide OPDs plus one
    /// kecamatan office per kecamatan of its own, from the region table.
    /// </summary>
    private static async Task<int> EnsureAgenciesAsync(LindungDbContext db, string tenantCode, CancellationToken ct)
    {
        var wanted = new List<Agency>();
        foreach (var row in ReferenceFiles.ReadCsv(ReferenceFiles.Agencies))
        {
            if (row["kode_wilayah"].Length > 0 && tenantCode != OkuSelatan)
            {
                continue;
            }

            wanted.Add(new Agency
            {
                Code = row["kode"],
                ShortName = row["singkatan"],
                Name = row["nama"],
                IsPriority = row["prioritas"] == "1",
                MentionedInSources = row["disebut_di_sumber"] == "1",
                RegionCode = row["kode_wilayah"] is { Length: > 0 } rc ? rc : null,
                Npp = row["npp"] is { Length: > 0 } npp ? npp : null,
                JkkRiskGroup = 1,
            });
        }

        if (tenantCode != OkuSelatan)
        {
            var districts = await db.Regions.AsNoTracking()
                .Where(r => r.ParentCode == tenantCode && r.Level == RegionLevel.District)
                .OrderBy(r => r.Code).ToListAsync(ct);
            wanted.AddRange(districts.Select(d => new Agency
            {
                Code = "KEC" + d.Code[^2..],
                ShortName = "Kec. " + d.Name,
                Name = "Kecamatan " + d.Name,
                RegionCode = d.Code,
            }));
        }

        var have = (await db.Agencies.Select(a => a.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var missing = wanted.Where(a => !have.Contains(a.Code)).ToList();
        db.Agencies.AddRange(missing);
        await db.SaveChangesAsync(ct);
        return missing.Count;
    }

    private static async Task<int> EnsureCategoriesAsync(LindungDbContext db, CancellationToken ct)
    {
        var have = (await db.WorkerCategories.Select(c => c.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var missing = ReferenceFiles.ReadCsv(ReferenceFiles.Categories)
            .Where(row => !have.Contains(row["kode"]))
            .Select(row => new WorkerCategory
            {
                Code = row["kode"],
                Name = row["nama"],
                Scheme = row["skema"] switch
                {
                    "PU" => Scheme.PU,
                    "BPU" => Scheme.BPU,
                    "JAKON" => Scheme.Jakon,
                    var s => throw new InvalidDataException($"Unknown scheme {s} in {ReferenceFiles.Categories}"),
                },
                DefaultPrograms = row["program_bawaan"],
                OptionalPrograms = row["program_opsional"],
                FundingSource = row["sumber_dana"],
                BpjsParticipationCode = row["kode_kepesertaan_bpjs"] is { Length: > 0 } p ? p : null,
                DefaultIncome = long.TryParse(row["dasar_iuran_bawaan"], NumberStyles.None, CultureInfo.InvariantCulture, out var v)
                    ? v
                    : null,
                Notes = row["catatan"],
            })
            .ToList();
        db.WorkerCategories.AddRange(missing);
        await db.SaveChangesAsync(ct);
        return missing.Count;
    }
}
