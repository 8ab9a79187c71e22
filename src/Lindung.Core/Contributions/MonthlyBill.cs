using System.Globalization;
using Lindung.Core.Data;
using Lindung.Core.Formatting;
using Lindung.Core.MasterData;
using Lindung.Core.Projects;
using Lindung.Core.Registry;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Contributions;

/// <summary>One registered engagement's contribution for the month.</summary>
public sealed record BillLine(Guid EngagementId, Guid PersonId, string Name, string NikMasked, string? Kpj, string AgencyCode, string CategoryCode,
    string FundingSource, string Scheme, long Base, int RiskGroup, IReadOnlyDictionary<ContributionProgram, long> Programs, long Total, long Employer, long Worker);

public sealed record BillTotal(string Key, int Workers, IReadOnlyDictionary<ContributionProgram, long> Programs, long Total);

public sealed record Bill(string Period, DateOnly DueDate, string RateVersion, IReadOnlyList<BillLine> Lines)
{
    public long Total => Lines.Sum(l => l.Total);

    public IReadOnlyDictionary<ContributionProgram, long> Programs => Sum(Lines);

    public IReadOnlyList<BillTotal> By(Func<BillLine, string> key) =>
        [.. Lines.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new BillTotal(g.Key, g.Count(), Sum(g), g.Sum(l => l.Total)))];

    private static Dictionary<ContributionProgram, long> Sum(IEnumerable<BillLine> lines) =>
        lines.SelectMany(l => l.Programs).GroupBy(p => p.Key).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value));
}

/// <summary>
/// The month's bill (docs/billing.md): every engagement registered at BPJS by the month's end and not ended before it
/// starts, a whole month each (no pro-rata: the reference is silent, BPJS bills by month — an assumption, marked),
/// priced by the calculators on the rate table in force on the 1st, the JKK risk group resolved engagement ?? category
/// ?? OPD. Due by the 15th of the next month, or the next working day (reference §1.4). Late penalties are not added: whether they apply to a
/// Pemda is not confirmed.
/// </summary>
public sealed class MonthlyBill(LindungDbContext db)
{
    public async Task<Bill> ForAsync(string period, CancellationToken ct = default)
    {
        var start = Periods.Start(period);
        var end = start.AddMonths(1).AddDays(-1);
        var table = (await RateBookStore.LoadAsync(db, ct)).For(start);
        var rows = await db.Engagements.AsNoTracking()
            .BilledIn(start, end)
            .OrderBy(e => e.Agency!.Code).ThenBy(e => e.Person!.NameKey)
            .Select(e => new
            {
                e.Id,
                e.PersonId,
                e.Person!.FullName,
                e.Person.NikMasked,
                e.Person.Kpj,
                Agency = e.Agency!.Code,
                AgencyRisk = e.Agency.JkkRiskGroup,
                Category = e.Category!.Code,
                CategoryRisk = e.Category.JkkRiskGroup,
                CategoryIncome = e.Category.DefaultIncome,
                e.FundingSource,
                e.Scheme,
                e.Wage,
                e.DeclaredIncome,
                e.Programs,
                e.JkkRiskGroup,
            })
            .ToListAsync(ct);

        var lines = rows.Select(r =>
        {
            var programs = Calculators.ParsePrograms(r.Programs);
            var risk = RiskGroups.Resolve(r.JkkRiskGroup, r.CategoryRisk, r.AgencyRisk);
            var result = r.Scheme == Scheme.PU
                ? Calculators.Pu(table, r.Wage ?? 0, risk, programs)
                : Calculators.Bpu(table, r.DeclaredIncome ?? r.CategoryIncome ?? table.BpuMinIncome, programs);
            var paid = result.Lines.Where(l => l.Program != ContributionProgram.JKP).ToList();
            return new BillLine(r.Id, r.PersonId, r.FullName, r.NikMasked, r.Kpj, r.Agency, r.Category, r.FundingSource, r.Scheme.ToString(), result.Base, risk,
                paid.ToDictionary(l => l.Program, l => l.Amount), paid.Sum(l => l.Amount), paid.Sum(l => l.Employer), paid.Sum(l => l.Worker));
        }).ToList();

        return new Bill(period, DueDate(start, await HolidayCalendar.LoadAsync(db, ct)), table.Version, lines);
    }

    /// <summary>
    /// The 15th of the following month, or the next working day when it falls on a weekend or on one of the tenant's
    /// days off (reference §1.4: "if the 15th is a holiday, the next working day"). Joint-leave days (cuti bersama)
    /// count as days off, as for the project deadlines; an Administrator removes one from the calendar if BPJS takes
    /// payments that day.
    /// </summary>
    public static DateOnly DueDate(DateOnly monthStart, IReadOnlySet<DateOnly> holidays)
    {
        var due = monthStart.AddMonths(1).AddDays(14);
        while (!WorkingDays.IsWorkingDay(due, holidays))
        {
            due = due.AddDays(1);
        }

        return due;
    }
}
