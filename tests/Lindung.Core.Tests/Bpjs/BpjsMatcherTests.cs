using Lindung.Core.Bpjs;

namespace Lindung.Core.Tests.Bpjs;

public class BpjsMatcherTests
{
    private static readonly Guid Siti = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static readonly Guid SitiNamesake = Guid.Parse("00000000-0000-0000-0000-000000000002");
    private static readonly Guid Fauzi = Guid.Parse("00000000-0000-0000-0000-000000000003");
    private static readonly Guid Rina = Guid.Parse("00000000-0000-0000-0000-000000000004");

    private static readonly RegistryPerson[] Registry =
    [
        new(Siti, "1609014708850001", NameSimilarity.Normalize("Siti Nurhayati"), new DateOnly(1985, 8, 7), 'P'),
        new(Fauzi, "1609011208850002", NameSimilarity.Normalize("Muhammad Fauzi"), new DateOnly(1985, 8, 12), 'L'),
        new(Rina, "1609015203900003", NameSimilarity.Normalize("Rina Sari"), new DateOnly(1990, 3, 12), 'P'),
    ];

    private static BpjsMatcher Matcher(IEnumerable<RegistryPerson> people, MatchSettings? settings = null)
    {
        var list = people.ToList();
        return new BpjsMatcher(settings ?? new MatchSettings(),
            nik => list.FirstOrDefault(p => p.Nik == nik)?.Id,
            (day, sex) => list.Where(p => p.BirthDate == day && p.Sex == sex).ToList());
    }

    [Theory]
    [InlineData("AKTIF", true)]
    [InlineData(" aktif ", true)]
    [InlineData("Aktip", true)]
    [InlineData("A", true)]
    [InlineData("1", true)]
    [InlineData("ya", true)]
    [InlineData("Active", true)]
    [InlineData("Peserta Aktif", true)]
    [InlineData("PESERTA-AKTIF", true)]
    [InlineData("\uFEFFAKTIF", true)]
    [InlineData("NON AKTIF", false)]
    [InlineData("TIDAK AKTIF", false)]
    [InlineData("0", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("PESERTA AKTIF SEJAK LAMA SEKALI", false)]
    public void IsActive_ComparesLettersAndDigitsOnly_InUpperCase(string? status, bool active) =>
        Assert.Equal(active, BpjsStatusImporter.IsActive(status));

    [Theory]
    [InlineData("1609014708850001", "1609014708850001")]
    [InlineData("1609.0147-0885 0001", "1609014708850001")]
    [InlineData("'1609014708850001", "1609014708850001")]
    [InlineData("NIK", "")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Digits_KeepsTheAsciiDigitsOnly(string? raw, string expected) => Assert.Equal(expected, BpjsMatcher.Digits(raw));

    [Fact]
    public void Match_SameNik_IsExact()
    {
        var d = Matcher(Registry).Match(new BpjsPersonRow("1609014708850001", "SITI NURHAYATI", null, null));

        Assert.Equal((MatchKind.Exact, Siti), (d.Kind, d.PersonId));
    }

    [Theory]
    [InlineData("1609014708850007", "SITI NURHAYATI", "digit ke-16")]
    [InlineData("1609014708850010", "Hj Siti Nur Hayati", "digit ke-15 dan ke-16 tertukar")]
    public void Match_NikOneDigitOrOneSwapAway_IsMatchedAutomaticallyAndExplained(string nik, string name, string why)
    {
        var d = Matcher(Registry).Match(new BpjsPersonRow(nik, name, null, null));

        Assert.Equal((MatchKind.Fuzzy, Siti), (d.Kind, d.PersonId));
        Assert.Contains(why, d.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_NamesakeBornTheSameDay_IsNeverMergedAutomatically()
    {
        var namesake = new RegistryPerson(SitiNamesake, "1609064708850009", NameSimilarity.Normalize("Siti Nurhayati"), new DateOnly(1985, 8, 7), 'P');

        // One digit from Siti's NIK, but a second Siti Nurhayati was born the same day: a person decides.
        var d = Matcher([.. Registry, namesake]).Match(new BpjsPersonRow("1609014708850007", "SITI NURHAYATI", null, null));

        Assert.Equal(MatchKind.NeedsReview, d.Kind);
        Assert.Equal([Siti, SitiNamesake], d.Candidates.Order());
    }

    [Fact]
    public void Match_SameBirthDateAndNameButNikFarApart_GoesToReview()
    {
        var d = Matcher(Registry).Match(new BpjsPersonRow("1609994708851234", "Siti Nurhayati", new DateOnly(1985, 8, 7), 'P'));

        Assert.Equal((MatchKind.NeedsReview, Siti), (d.Kind, d.PersonId));
        Assert.Contains("senama", d.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_SpellingVariantsOfMuhammad_AreAlike()
    {
        var d = Matcher(Registry).Match(new BpjsPersonRow("1609011208850003", "MOH. FAUZI", null, null));

        Assert.Equal((MatchKind.Fuzzy, Fauzi), (d.Kind, d.PersonId));
    }

    [Theory]
    [InlineData(true, MatchKind.NeedsReview)]
    [InlineData(false, MatchKind.Unmatched)]
    public void Match_DayAndMonthTransposed_FollowsTheSetting(bool trySwap, MatchKind expected)
    {
        // BPJS typed 03/12/1990 for Rina (12/03/1990) and has no NIK.
        var d = Matcher(Registry, new MatchSettings(TryDayMonthSwap: trySwap)).Match(new BpjsPersonRow(null, "RINA SARI", new DateOnly(1990, 12, 3), 'P'));

        Assert.Equal(expected, d.Kind);
        if (expected == MatchKind.NeedsReview)
        {
            Assert.Equal(Rina, d.PersonId);
            Assert.Contains("hari dan bulan", d.Explanation, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Match_DifferentPersonSameDay_IsUnmatched()
    {
        var d = Matcher(Registry).Match(new BpjsPersonRow("1609014708850005", "DEWI LESTARI", null, null));

        Assert.Equal(MatchKind.Unmatched, d.Kind);
    }

    [Fact]
    public void MatchAll_ManyRowsInNoParticularOrder_SameDecisionsAsMatchRowByRow()
    {
        BpjsPersonRow[] kinds =
        [
            new("1609014708850007", "SITI NURHAYATI", null, null),
            new("1609014708850010", "Hj Siti Nur Hayati", null, null),
            new("1609994708851234", "Siti Nurhayati", new DateOnly(1985, 8, 7), 'P'),
            new("1609011208850003", "MOH. FAUZI", null, null),
            new(null, "RINA SARI", new DateOnly(1990, 12, 3), 'P'),
            new(null, "RINA SARI", new DateOnly(1990, 3, 12), null),
            new("1609014708850005", "DEWI LESTARI", null, null),
            new(null, "SITI NURHAYATI", null, null),
            new("1609014708850001", "SITI NURHAYATI", null, null),
        ];
        var random = new Random(7);
        // Past 2,000 rows the rows are matched in parallel, in birth-date order.
        var rows = Enumerable.Range(0, 2_500).Select(_ => kinds[random.Next(kinds.Length)]).ToList();
        var matcher = Matcher(Registry);

        var all = matcher.MatchAll(rows, CancellationToken.None);

        Assert.Equal(rows.Select(matcher.Match).Select(Describe), all.Select(Describe));
    }

    private static string Describe(MatchDecision d) => $"{d.Kind}|{d.PersonId}|{d.NameScore}|{d.Explanation}|{string.Join(',', d.Candidates)}";

    [Theory]
    [InlineData("1609014708850001", "1609014708850001", null)]
    [InlineData("1609014708850007", "1609014708850001", "satu digit (digit ke-16: registri 1, BPJS 7)")]
    [InlineData("2609014708850001", "1609014708850001", "satu digit (digit ke-1: registri 1, BPJS 2)")]
    [InlineData("1609014708850010", "1609014708850001", "karena digit ke-15 dan ke-16 tertukar")]
    [InlineData("6109014708850001", "1609014708850001", "karena digit ke-1 dan ke-2 tertukar")]
    [InlineData("1609014708850012", "1609014708850001", null)]
    [InlineData("2609014708850002", "1609014708850001", null)]
    [InlineData("1609014708851110", "1609014708850001", null)]
    [InlineData("160901470885001", "1609014708850001", null)]
    public void NikNearMiss_OneDigitOrOneSwapOfAdjacentDigitsOnly(string bpjs, string registry, string? expected) =>
        Assert.Equal(expected, BpjsMatcher.NikNearMiss(bpjs, registry));

    [Theory]
    [InlineData("Siti Nurhayati", "SITI NURHAYATI", 1.0)]
    [InlineData("Muhammad Rizki", "M. RIZKI", 1.0)]
    [InlineData("Nurul Hidayah", "Nur Hidayah", 1.0)]
    [InlineData("Hj. Siti Nurhayati, S.Pd.", "SITI NURHAYATI SPD", 1.0)]
    [InlineData("Siti Nurhayati", "Siti Aminah", 0.0)]
    [InlineData("Ahmad Fauzi", "Ahmad Fauzan Hakim", 0.0)]
    public void Score_NormalisesVariantsAndKeepsDifferentNamesApart(string a, string b, double atLeastOrZero)
    {
        var score = NameSimilarity.Score(NameSimilarity.Normalize(a), NameSimilarity.Normalize(b));

        if (atLeastOrZero > 0)
        {
            Assert.True(score >= atLeastOrZero, $"{a} vs {b}: {score}");
        }
        else
        {
            Assert.True(score < new MatchSettings().ReviewNameScore, $"{a} vs {b}: {score}");
        }
    }

    [Theory]
    [InlineData("1609014708850001", "1609014708850001", null)]
    [InlineData("1609014708850001", "1609014708850002", "satu digit (digit ke-16: registri 2, BPJS 1)")]
    [InlineData("1609014708850001", "1609014708850010", "karena digit ke-15 dan ke-16 tertukar")]
    [InlineData("1609014708850001", "1609014708850022", null)]
    public void NikNearMiss_OneDigitOrAdjacentSwapOnly(string bpjs, string registry, string? expected)
    {
        Assert.Equal(expected, BpjsMatcher.NikNearMiss(bpjs, registry));
    }
}
