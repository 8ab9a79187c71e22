using System.Globalization;
using Lindung.Core.Formatting;

namespace Lindung.Core.Contributions;

public enum ContributionProgram
{
    JKK,
    JKM,
    JHT,
    JP,
    JKP,
}

/// <summary>One program's contribution: the rate (percent, or null for a flat amount) and who pays what.</summary>
public sealed record ContributionLine(ContributionProgram Program, decimal? Rate, long Amount, long Employer, long Worker,
    bool Assumption = false, string? Note = null);

/// <summary>A calculation and the facts it used: the base in rupiah and the rate-table version.</summary>
public sealed record ContributionResult(string Scheme, long Base, string RateVersion, IReadOnlyList<ContributionLine> Lines,
    IReadOnlyList<string> Notices)
{
    public long Total => Lines.Sum(l => l.Amount);

    public long EmployerTotal => Lines.Sum(l => l.Employer);

    public long WorkerTotal => Lines.Sum(l => l.Worker);

    public bool RestsOnAssumption => Lines.Any(l => l.Assumption);

    /// <summary>Construction only: the part of the base in each tier and what it contributes (unrounded).</summary>
    public IReadOnlyList<JakonTierPart> Tiers { get; init; } = [];
}

/// <summary>One construction tier as applied: the base between <see cref="From"/> and <see cref="UpTo"/> (null = no upper bound).</summary>
public sealed record JakonTierPart(long From, long? UpTo, long Part, decimal JkkRate, decimal JkmRate, decimal Jkk, decimal Jkm, bool JkmAssumed);

/// <summary>
/// The contribution calculators (PRODUCT §6), pure functions of a rate table. Rounding, stated once
/// (docs/contributions.md): each party's share is computed exactly and rounded to whole rupiah half away from
/// zero; a program's amount is the sum of the shares; construction tiers are summed exactly and rounded once
/// per program.
/// </summary>
public static class Calculators
{
    public static long Round(decimal amount) => (long)Math.Round(amount, 0, MidpointRounding.AwayFromZero);

    private static long Pct(long @base, decimal percent) => Round(@base * percent / 100m);

    /// <summary>Wage earners: JKK by risk group, JKM, optional JHT and JP (JP on the wage capped by the cap in force).</summary>
    public static ContributionResult Pu(RateTable rates, long wage, int riskGroup, IReadOnlySet<ContributionProgram> programs)
    {
        if (wage <= 0)
        {
            throw new ArgumentException("Upah harus lebih dari 0.");
        }

        if (riskGroup is < 1 or > 5)
        {
            throw new ArgumentException("Kelompok risiko JKK harus 1 sampai 5.");
        }

        var lines = new List<ContributionLine>();
        var notices = new List<string>();
        if (programs.Contains(ContributionProgram.JKK))
        {
            var jkk = Pct(wage, rates.PuJkk[riskGroup - 1]);
            lines.Add(new(ContributionProgram.JKK, rates.PuJkk[riskGroup - 1], jkk, jkk, 0));
        }

        if (programs.Contains(ContributionProgram.JKM))
        {
            var jkm = Pct(wage, rates.PuJkm);
            lines.Add(new(ContributionProgram.JKM, rates.PuJkm, jkm, jkm, 0));
        }

        if (programs.Contains(ContributionProgram.JHT))
        {
            var employer = Pct(wage, rates.JhtEmployer);
            var worker = Pct(wage, rates.JhtWorker);
            lines.Add(new(ContributionProgram.JHT, rates.JhtEmployer + rates.JhtWorker, employer + worker, employer, worker));
        }

        if (programs.Contains(ContributionProgram.JP))
        {
            var basis = Math.Min(wage, rates.JpWageCap);
            if (wage > rates.JpWageCap)
            {
                notices.Add($"JP dihitung dari batas upah {IndonesianFormat.Rupiah(rates.JpWageCap)} yang berlaku (tabel {rates.Version}).");
            }

            var employer = Pct(basis, rates.JpEmployer);
            var worker = Pct(basis, rates.JpWorker);
            lines.Add(new(ContributionProgram.JP, rates.JpEmployer + rates.JpWorker, employer + worker, employer, worker,
                rates.JpWageCapNote is not null && wage > rates.JpWageCap, wage > rates.JpWageCap ? rates.JpWageCapNote : null));
        }

        // JKP is funded by government and recomposition of JKK/JKM: shown for information, no charge.
        lines.Add(new(ContributionProgram.JKP, rates.JkpInfoPercent, 0, 0, 0, Note:
            string.Create(CultureInfo.InvariantCulture, $"JKP {IndonesianFormat.Number(rates.JkpInfoPercent, 2)}% didanai pemerintah dan rekomposisi; tanpa biaya tambahan.")));
        return new ContributionResult("PU", wage, rates.Version, lines, notices);
    }

    /// <summary>Non-wage earners: JKK 1% of declared income (minimum raised, and said so), JKM flat, optional JHT 2%.</summary>
    public static ContributionResult Bpu(RateTable rates, long income, IReadOnlySet<ContributionProgram> programs)
    {
        if (income <= 0)
        {
            throw new ArgumentException("Penghasilan harus lebih dari 0.");
        }

        if (programs.Contains(ContributionProgram.JP) || programs.Contains(ContributionProgram.JKP))
        {
            throw new ArgumentException("Peserta BPU hanya dapat mengikuti JKK, JKM dan JHT.");
        }

        var notices = new List<string>();
        var basis = income;
        if (income < rates.BpuMinIncome)
        {
            basis = rates.BpuMinIncome;
            notices.Add($"Penghasilan {IndonesianFormat.Rupiah(income)} di bawah batas minimum; dihitung dari {IndonesianFormat.Rupiah(rates.BpuMinIncome)}.");
        }

        var lines = new List<ContributionLine>();
        if (programs.Contains(ContributionProgram.JKK))
        {
            var jkk = Pct(basis, rates.BpuJkkPercent);
            lines.Add(new(ContributionProgram.JKK, rates.BpuJkkPercent, jkk, 0, jkk));
        }

        if (programs.Contains(ContributionProgram.JKM))
        {
            lines.Add(new(ContributionProgram.JKM, null, rates.BpuJkmFlat, 0, rates.BpuJkmFlat));
        }

        if (programs.Contains(ContributionProgram.JHT))
        {
            var jht = Pct(basis, rates.BpuJhtPercent);
            lines.Add(new(ContributionProgram.JHT, rates.BpuJhtPercent, jht, 0, jht));
        }

        // A BPU participant pays their own contribution; when the regency pays it (APBD), the payer is the regency.
        return new ContributionResult("BPU", basis, rates.Version, lines, notices);
    }

    /// <summary>Construction projects: JKK and JKM by marginal tiers of the contract value (excluding VAT).</summary>
    public static ContributionResult Jakon(RateTable rates, long contractValue, bool includesVat)
    {
        if (contractValue <= 0)
        {
            throw new ArgumentException("Nilai kontrak harus lebih dari 0.");
        }

        var notices = new List<string>();
        var basis = contractValue;
        if (includesVat)
        {
            basis = Round(contractValue / (1 + rates.PpnPercent / 100m));
            notices.Add($"Nilai kontrak termasuk PPN {IndonesianFormat.Number(rates.PpnPercent, 0)}%; dasar perhitungan {IndonesianFormat.Rupiah(basis)}.");
        }

        decimal jkk = 0, jkm = 0;
        long lower = 0;
        var jkmAssumption = false;
        string? jkmNote = null;
        var parts = new List<JakonTierPart>();
        foreach (var tier in rates.JakonTiers)
        {
            if (basis <= lower)
            {
                break;
            }

            var upper = tier.UpTo is { } u ? Math.Min(basis, u) : basis;
            var part = upper - lower;
            var tierJkk = part * tier.Jkk / 100m;
            var tierJkm = part * tier.Jkm / 100m;
            jkk += tierJkk;
            jkm += tierJkm;
            parts.Add(new JakonTierPart(lower, tier.UpTo, part, tier.Jkk, tier.Jkm, tierJkk, tierJkm, tier.JkmNote is not null));
            if (tier.JkmNote is not null)
            {
                jkmAssumption = true;
                jkmNote = tier.JkmNote;
            }

            lower = tier.UpTo ?? basis;
        }

        var jkkAmount = Round(jkk);
        var jkmAmount = Round(jkm);
        var lines = new List<ContributionLine>
        {
            new(ContributionProgram.JKK, null, jkkAmount, jkkAmount, 0, rates.JakonBaseNote is not null, rates.JakonBaseNote),
            new(ContributionProgram.JKM, null, jkmAmount, jkmAmount, 0, jkmAssumption || rates.JakonBaseNote is not null, jkmNote ?? rates.JakonBaseNote),
        };
        return new ContributionResult("JAKON", basis, rates.Version, lines, notices) { Tiers = parts };
    }

    /// <summary>Parses "jkk,jkm,jht" (any case, comma or semicolon) into programs.</summary>
    public static IReadOnlySet<ContributionProgram> ParsePrograms(string text)
    {
        var set = new HashSet<ContributionProgram>();
        foreach (var part in text.Split([',', ';', '+', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Enum.TryParse<ContributionProgram>(part.Trim(), ignoreCase: true, out var program))
            {
                throw new ArgumentException($"Program tidak dikenal: {part} (JKK, JKM, JHT, JP).");
            }

            set.Add(program);
        }

        return set;
    }
}
