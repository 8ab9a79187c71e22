using System.Text.Json;
using Lindung.Core.Data;
using Lindung.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Claims;

/// <summary>One reference amount (rupiah, or a multiple of the wage for <c>JKK_DEATH_WAGES</c>), with its source.</summary>
public sealed record BenefitAmount(string Code, long Amount, string Source, bool Uncertain);

/// <summary>
/// Benefit amounts in force from a date. <see cref="EffectiveFromConfirmed"/> false: the reference names the
/// regulation but not the day it took effect, so the date is the regulation's year and the page says so.
/// </summary>
public sealed record BenefitVersion(DateOnly EffectiveFrom, bool EffectiveFromConfirmed, string Basis, IReadOnlyList<BenefitAmount> Amounts)
{
    public long? Amount(string code) => Amounts.FirstOrDefault(a => a.Code == code)?.Amount;
}

/// <summary>
/// Reference benefit amounts (JKM, scholarships per level per year, JKK death multiple), shown beside a claim as
/// what BPJS should pay: the amount actually paid is always what is typed. Seeded from
/// shared/reference/bpjs-ketenagakerjaan.md §4 (PP 82/2019, Permenaker 5/2021); a tenant's edited list (tenant setting
/// <c>claims.benefits</c>) replaces the seed.
/// </summary>
public static class BenefitBook
{
    public const string Key = "claims.benefits";
    public const string JkmLumpSum = "JKM_LUMP_SUM";
    public const string JkmPeriodic = "JKM_PERIODIC";
    public const string JkmFuneral = "JKM_FUNERAL";
    public const string JkkDeathWages = "JKK_DEATH_WAGES";
    public const string ScholarshipMaxTotal = "SCHOLARSHIP_MAX_TOTAL";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string ScholarshipCode(SchoolLevel level) => "SCHOLARSHIP_" + level.ToString().ToUpperInvariant();

    public static IReadOnlyList<BenefitVersion> Seed { get; } =
    [
        new BenefitVersion(new DateOnly(2019, 1, 1), false, "PP 82/2019; Permenaker 5/2021",
        [
            new(JkmLumpSum, 20_000_000, "PP 82/2019 (kompas 10/01/2020, republika 2020, okezone 2023)", false),
            new(JkmPeriodic, 12_000_000, "PP 82/2019: 24 × Rp500.000 dibayar sekaligus", false),
            new(JkmFuneral, 10_000_000, "PP 82/2019", false),
            new(JkkDeathWages, 48, "48 × upah terakhir yang dilaporkan (suarakarya; jabarekspres 2023; satu sumber menyebut 56×)", false),
            new(ScholarshipCode(SchoolLevel.TK), 1_500_000, "Permenaker 5/2021: per anak per tahun, paling lama 2 tahun", false),
            new(ScholarshipCode(SchoolLevel.SD), 1_500_000, "Permenaker 5/2021: per anak per tahun, paling lama 6 tahun", false),
            new(ScholarshipCode(SchoolLevel.SMP), 2_000_000, "Permenaker 5/2021: per anak per tahun, paling lama 3 tahun", false),
            new(ScholarshipCode(SchoolLevel.SMA), 3_000_000, "Permenaker 5/2021: per anak per tahun, paling lama 3 tahun", false),
            new(ScholarshipCode(SchoolLevel.PT), 12_000_000, "Permenaker 5/2021: per anak per tahun, paling lama 5 tahun (S1 atau pelatihan)", false),
            new(ScholarshipMaxTotal, 174_000_000, "Paling banyak 2 anak, Rp87 juta per anak; JKM: minimal 3 tahun iuran", false),
        ]),
    ];

    public static async Task<IReadOnlyList<BenefitVersion>> LoadAsync(LindungDbContext db, CancellationToken ct = default) =>
        await db.TenantSettings.AsNoTracking().Where(s => s.Key == Key).Select(s => s.Value).FirstOrDefaultAsync(ct) is { } json
            ? JsonSerializer.Deserialize<List<BenefitVersion>>(json, Json) ?? [.. Seed]
            : Seed;

    /// <summary>The version in force on a date: the latest that started on or before it (the earliest before any).</summary>
    public static BenefitVersion For(IReadOnlyList<BenefitVersion> versions, DateOnly date) =>
        versions.Where(v => v.EffectiveFrom <= date).MaxBy(v => v.EffectiveFrom) ?? versions.MinBy(v => v.EffectiveFrom)!;

    /// <summary>Saves an edited list (audited as a tenant setting change).</summary>
    public static async Task SaveAsync(LindungDbContext db, IReadOnlyList<BenefitVersion> versions, CancellationToken ct = default)
    {
        var row = await db.TenantSettings.FirstOrDefaultAsync(s => s.Key == Key, ct);
        if (row is null)
        {
            row = new TenantSetting { Key = Key, Value = "" };
            db.TenantSettings.Add(row);
        }

        row.Value = JsonSerializer.Serialize(versions.OrderBy(v => v.EffectiveFrom), Json);
        await db.SaveChangesAsync(ct);
    }
}
