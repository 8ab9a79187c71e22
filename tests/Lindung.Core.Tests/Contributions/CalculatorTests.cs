using Lindung.Core.Contributions;
using static Lindung.Core.Contributions.ContributionProgram;

namespace Lindung.Core.Tests.Contributions;

/// <summary>Every worked example of the reference (§1–§3) and PRODUCT §6, to the rupiah.</summary>
public class CalculatorTests
{
    private static readonly RateBook Book = RateBook.LoadSeed();
    private static readonly DateOnly Mid2025 = new(2025, 6, 1);

    private static long Line(ContributionResult r, ContributionProgram p) => r.Lines.Single(l => l.Program == p).Amount;

    [Fact]
    public void Bpu_MinimumPackage_Is16800()
    {
        var r = Calculators.Bpu(Book.For(Mid2025), 1_000_000, new HashSet<ContributionProgram> { JKK, JKM });

        Assert.Equal((10_000, 6_800, 16_800), (Line(r, JKK), Line(r, JKM), r.Total));
    }

    [Fact]
    public void Bpu_WithJht_Is36800() =>
        Assert.Equal(36_800, Calculators.Bpu(Book.For(Mid2025), 1_000_000, new HashSet<ContributionProgram> { JKK, JKM, JHT }).Total);

    [Fact]
    public void Bpu_IncomeBelowMinimum_IsRaisedAndTheUserTold()
    {
        var r = Calculators.Bpu(Book.For(Mid2025), 750_000, new HashSet<ContributionProgram> { JKK, JKM });

        Assert.Equal((1_000_000, 16_800), (r.Base, r.Total));
        Assert.Contains("di bawah batas minimum", Assert.Single(r.Notices), StringComparison.Ordinal);
    }

    [Fact]
    public void Bpu_JpRequested_IsRefused() =>
        Assert.Throws<ArgumentException>(() => Calculators.Bpu(Book.For(Mid2025), 1_000_000, new HashSet<ContributionProgram> { JKK, JP }));

    [Fact]
    public void Pu_Wage2Million_Group1_MatchesTheWorkedExample()
    {
        var r = Calculators.Pu(Book.For(Mid2025), 2_000_000, 1, new HashSet<ContributionProgram> { JKK, JKM, JHT, JP });

        Assert.Equal((4_800, 6_000, 114_000, 60_000), (Line(r, JKK), Line(r, JKM), Line(r, JHT), Line(r, JP)));
        var jht = r.Lines.Single(l => l.Program == JHT);
        var jp = r.Lines.Single(l => l.Program == JP);
        Assert.Equal((74_000, 40_000, 40_000, 20_000), (jht.Employer, jht.Worker, jp.Employer, jp.Worker));
        Assert.Equal(0, Line(r, JKP));
    }

    [Theory]
    [InlineData(1, 2_400)]
    [InlineData(2, 5_400)]
    [InlineData(3, 8_900)]
    [InlineData(4, 12_700)]
    [InlineData(5, 17_400)]
    public void Pu_JkkByRiskGroup(int group, long expected) =>
        Assert.Equal(expected, Line(Calculators.Pu(Book.For(Mid2025), 1_000_000, group, new HashSet<ContributionProgram> { JKK }), JKK));

    [Fact]
    public void Pu_KotabaruExample_JkkJkmOnOneMillion_Is5400() =>
        Assert.Equal(5_400, Calculators.Pu(Book.For(Mid2025), 1_000_000, 1, new HashSet<ContributionProgram> { JKK, JKM }).Total);

    [Fact]
    public void Pu_WageAboveCap_JpUsesTheCapInForceOnTheDate()
    {
        var r = Calculators.Pu(Book.For(new DateOnly(2024, 6, 1)), 15_000_000, 1, new HashSet<ContributionProgram> { JP });

        Assert.Equal(301_269, Line(r, JP));
        Assert.Equal("2024-03-01", r.RateVersion);
    }

    [Theory]
    [InlineData("2024-02-29", 9_559_600)]
    [InlineData("2024-03-01", 10_042_300)]
    [InlineData("2025-02-28", 10_042_300)]
    [InlineData("2025-03-01", 10_547_400)]
    [InlineData("2026-03-01", 11_086_300)]
    public void RateBook_JpCap_SwitchesOnTheFirstOfMarch(string date, long cap) =>
        Assert.Equal(cap, Book.For(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).JpWageCap);

    [Theory]
    [InlineData("2025-02-06", 0.46)]
    [InlineData("2025-02-07", 0.36)]
    public void RateBook_Jkp_SwitchesOn7February2025(string date, decimal rate) =>
        Assert.Equal(rate, Book.For(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).JkpInfoPercent);

    [Fact]
    public void RateBook_BeforeTheFirstVersion_IsRefused() =>
        Assert.Throws<ArgumentException>(() => Book.For(new DateOnly(2020, 1, 1)));

    [Fact]
    public void Pu_CapOf2026_IsMarkedAsAnAssumption()
    {
        var r = Calculators.Pu(Book.For(new DateOnly(2026, 6, 1)), 15_000_000, 1, new HashSet<ContributionProgram> { JP });

        Assert.True(r.RestsOnAssumption);
        Assert.Contains("belum terkonfirmasi", r.Lines.Single(l => l.Program == JP).Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(80_000_000, 168_000, 24_000)]
    [InlineData(850_000_000, 1_345_000, 180_000)]
    [InlineData(2_500_000_000, 3_190_000, 360_000)]
    public void Jakon_MarginalTiers_MatchTheWorkedExamples(long value, long jkk, long jkm)
    {
        var r = Calculators.Jakon(Book.For(Mid2025), value, includesVat: false);

        Assert.Equal((jkk, jkm, value), (Line(r, JKK), Line(r, JKM), r.Base));
    }

    [Fact]
    public void Jakon_AboveOneBillion_JkmIsMarkedAsAnAssumption()
    {
        Assert.False(Calculators.Jakon(Book.For(Mid2025), 850_000_000, false).Lines.Single(l => l.Program == JKM).Note?.Contains("asumsi", StringComparison.Ordinal) ?? false);
        Assert.Contains("asumsi", Calculators.Jakon(Book.For(Mid2025), 2_500_000_000, false).Lines.Single(l => l.Program == JKM).Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Jakon_ValueIncludingVat_IsReducedToTheBaseFirst()
    {
        var r = Calculators.Jakon(Book.For(Mid2025), 88_800_000, includesVat: true);

        Assert.Equal(80_000_000, r.Base);
        Assert.Equal((168_000, 24_000), (Line(r, JKK), Line(r, JKM)));
        Assert.Contains("PPN 11%", Assert.Single(r.Notices), StringComparison.Ordinal);
    }

    [Fact]
    public void Budget_5000BpuWorkersAtTheMinimumFor12Months_Is1008000000()
    {
        var perMonth = Calculators.Bpu(Book.For(new DateOnly(2025, 1, 1)), 1_000_000, new HashSet<ContributionProgram> { JKK, JKM }).Total;

        Assert.Equal(1_008_000_000L, 5_000L * perMonth * 12);
    }

    [Fact]
    public void RateBook_RoundTripsThroughJson()
    {
        var again = RateBook.FromJson(Book.ToJson());

        Assert.Equal(Book.Versions.Select(v => (v.Version, v.JpWageCap, v.JkpInfoPercent)), again.Versions.Select(v => (v.Version, v.JpWageCap, v.JkpInfoPercent)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Pu_NonPositiveWage_IsRefused(long wage) =>
        Assert.Throws<ArgumentException>(() => Calculators.Pu(Book.For(Mid2025), wage, 1, new HashSet<ContributionProgram> { JKK }));

    [Fact]
    public void ParsePrograms_AcceptsCommaListsAnyCase() =>
        Assert.Equal(new HashSet<ContributionProgram> { JKK, JKM, JHT }, Calculators.ParsePrograms("jkk,JKM;jht"));
}
