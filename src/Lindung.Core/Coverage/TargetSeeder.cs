using Lindung.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Coverage;

/// <summary>
/// Seeds an editable example of the regency's RPJMD path: vulnerable-worker coverage from 39% (the figure
/// reported for OKU Selatan) to 100% in 2029 in equal steps. Officials replace it with the adopted figures.
/// </summary>
public static class TargetSeeder
{
    public const decimal Baseline = 39m;
    public const int FirstYear = 2025;
    public const int LastYear = 2029;

    public static async Task<int> EnsureExampleAsync(LindungDbContext db, CancellationToken ct = default)
    {
        if (await db.CoverageTargets.AnyAsync(ct))
        {
            return 0;
        }

        var years = LastYear - FirstYear + 1;
        for (var i = 1; i <= years; i++)
        {
            db.CoverageTargets.Add(new CoverageTarget
            {
                Year = FirstYear + i - 1,
                Plan = TargetPlan.Rpjmd,
                TargetPercent = Math.Round(Baseline + (100m - Baseline) * i / years, 1, MidpointRounding.AwayFromZero),
                Denominator = TargetDenominator.RegistryEligible,
                Notes = "Contoh awal (39% → 100% pada 2029); ganti dengan angka RPJMD yang ditetapkan.",
            });
        }

        await db.SaveChangesAsync(ct);
        return years;
    }
}
