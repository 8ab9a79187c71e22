using Lindung.Core.Bpjs;

namespace Lindung.Core.Tests.Bpjs;

/// <summary>
/// The fast name scoring against the original implementation (LINQ over F23.StringSimilarity's Jaro-Winkler),
/// and the pre-filter's bound against the score, on many generated Indonesian-like name pairs (fixed seeds).
/// </summary>
public class NameSimilarityTests
{
    private static readonly F23.StringSimilarity.JaroWinkler LibraryJaroWinkler = new();

    private static readonly string[] Given =
    [
        "Siti", "Nur", "Nurul", "Noer", "Muhammad", "Muhamad", "Moh.", "M.", "Mochammad", "Muh", "Abdul", "Abd.", "Ahmad", "Achmad",
        "Dewi", "Rina", "Sri", "Budi", "Agus", "Eko", "Joko", "Bambang", "Rusli", "Joni", "Fauzi", "Hendra", "Yusuf", "Yanti",
        "Fitri", "Ani", "Wahyu", "Putri", "Indah", "Ratna", "Slamet", "Suparman", "Sutrisno", "Heri", "Dedi", "Rahmat", "Ayu",
        "Nurhayati", "Aminah", "Febri", "Rizky", "Rizki", "Andi", "Iwan", "Lukman", "Zainal", "Ismail", "Ilham", "Maria", "Yohanes",
    ];

    private static readonly string[] Family =
    [
        "Hayati", "Nurhayati", "Lestari", "Sari", "Fauzi", "Febriansyah", "Saputra", "Saputri", "Wijaya", "Kurniawan", "Setiawan",
        "Hidayat", "Rahman", "Rahmawati", "Susanti", "Pratama", "Hasibuan", "Siregar", "Nasution", "Harahap", "Aminah", "Fitriani",
        "Purnomo", "Santoso", "Wibowo", "Gunawan", "Hakim", "Syahputra", "Ramadhan", "Maulana", "Yusuf", "Effendi", "Anwar",
    ];

    private static readonly string[] FrontTitles = ["H.", "Hj.", "Dr.", "Drs.", "Ir.", "H", "HJ", "Haji", "KH.", "Prof.", "Ustadz", "Ust."];
    private static readonly string[] BackTitles = [", S.Pd.", ", S.E.", ", S.H.", ", S.Kom", ", A.Md.", " SPd", " SE", ", S.Pd.I", ", M.M."];

    [Fact]
    public void JaroWinkler_IsTheLibrarysBitForBit()
    {
        var random = new Random(11);
        for (var n = 0; n < 200_000; n++)
        {
            var a = Word(random);
            var b = random.Next(3) switch { 0 => Typo(random, a), 1 => Word(random), _ => SameLengthShuffle(random, a) };

            Assert.Equal(LibraryJaroWinkler.Similarity(a, b), NameSimilarity.JaroWinkler(a, b));
            Assert.Equal(LibraryJaroWinkler.Similarity(b, a), NameSimilarity.JaroWinkler(b, a));
        }
    }

    [Fact]
    public void ScoreAndNormalize_AreTheOriginalImplementations_AndTheBoundNeverBelowTheScore()
    {
        var random = new Random(23);
        var pruned = 0;
        var pairs = 0;
        for (var n = 0; n < 60_000; n++)
        {
            var a = FullName(random);
            var b = random.Next(4) switch
            {
                0 => Variant(random, a),
                1 => Variant(random, Variant(random, a)),
                2 => SharingAWord(random, a),
                _ => FullName(random),
            };

            foreach (var raw in new[] { a, b })
            {
                Assert.Equal(NameSimilarity.NormalizeParsed(raw), NameSimilarity.Normalize(raw));
            }

            var na = NameSimilarity.Normalize(a);
            var nb = NameSimilarity.Normalize(b);
            var score = NameSimilarity.Score(na, nb);
            Assert.Equal(ReferenceScore(na, nb), score);
            Assert.Equal(ReferenceScore(nb, na), NameSimilarity.Score(nb, na));

            var bound = NameSimilarity.UpperBound(NameProfile.Of(na), NameProfile.Of(nb));
            Assert.True(bound >= score, $"bound {bound} < score {score} for '{na}' / '{nb}'");
            Assert.True(NameSimilarity.UpperBound(NameProfile.Of(nb), NameProfile.Of(na)) >= score);
            pairs++;
            pruned += bound < new MatchSettings().ReviewNameScore ? 1 : 0;
        }

        // The bound is worth having: unrelated names (a quarter of the pairs and more) are rejected without scoring.
        Assert.True(pruned > pairs / 5, $"only {pruned} of {pairs} pairs rejected by the bound");
    }

    [Fact]
    public void UpperBound_OnAPackedPool_IsTheProfilesBoundExactly()
    {
        var random = new Random(31);
        var names = Enumerable.Range(0, 5_000).Select(_ => NameSimilarity.Normalize(Variant(random, FullName(random))))
            .Concat(["", "SITI  AMINAH", " SITI", "AMINAH ", new string('A', 300) + " SITI"]).ToList();
        var block = CandidatePool.Pack(names.Select(n => new RegistryPerson(Guid.NewGuid(), "", n, default, 'P')).ToList());

        for (var n = 0; n < 30_000; n++)
        {
            var a = NameProfile.Of(n % 1000 == 0 ? names[random.Next(names.Count)] : NameSimilarity.Normalize(Variant(random, FullName(random))));
            var k = random.Next(names.Count);
            var packed = block.Pool!.View(block.Start + k);

            Assert.Equal(names[k], block[k].NameProfile.Text);
            Assert.Equal(NameSimilarity.UpperBound(a, NameProfile.Of(names[k])), NameSimilarity.UpperBound(a.View, packed));
            Assert.Equal(NameSimilarity.UpperBound(NameProfile.Of(names[k]), a), NameSimilarity.UpperBound(packed, a.View));
        }
    }

    [Fact]
    public void BoundReaches_GivesUpEarly_ButAnswersAsTheBoundDoes()
    {
        var random = new Random(47);
        var settings = new MatchSettings();
        var reached = 0;
        for (var n = 0; n < 60_000; n++)
        {
            var a = NameProfile.Of(NameSimilarity.Normalize(FullName(random)));
            var b = NameProfile.Of(NameSimilarity.Normalize(n % 3 == 0 ? Variant(random, a.Text) : FullName(random)));
            var bound = NameSimilarity.UpperBound(a, b);
            // The matcher's threshold, random ones, and the bound itself and its neighbours (ties decided the same way).
            foreach (var t in new[] { settings.ReviewNameScore, random.NextDouble(), bound, Math.BitDecrement(bound), Math.BitIncrement(bound) })
            {
                Assert.True((bound >= t) == NameSimilarity.BoundReaches(a.View, b.View, t), $"'{a.Text}' / '{b.Text}' at {t}: bound {bound}");
            }

            reached += bound >= settings.ReviewNameScore ? 1 : 0;
        }

        Assert.InRange(reached, 1_000, 59_000);
    }

    [Theory]
    [InlineData("Siti Nurhayati", "SITI NUR HAYATI")]
    [InlineData("Muhammad Fauzi", "MOH. FAUZI")]
    [InlineData("Nurul Aminah", "Nur Aminah, S.Pd.")]
    [InlineData("Siti Nurhayati", "Siti Aminah")]
    [InlineData("Abdul Rahman Hakim", "Hakim Abdul Rahman")]
    [InlineData("AA", "A")]
    [InlineData("Hj. Siti", "Siti Hj")]
    public void UpperBound_KnownPairs_NeverBelowTheScore(string a, string b)
    {
        var (na, nb) = (NameSimilarity.Normalize(a), NameSimilarity.Normalize(b));
        AssertBound(na, nb);
    }

    [Theory]
    [InlineData("SITI  AMINAH", "SITI  NURHAYATI")]
    [InlineData(" SITI", " SITI AMINAH")]
    [InlineData("SITI ", "AMINAH ")]
    public void UpperBound_NotNormalisedInput_EmptyWordsIncluded_NeverBelowTheScore(string a, string b) => AssertBound(a, b);

    private static void AssertBound(string na, string nb)
    {
        Assert.Equal(ReferenceScore(na, nb), NameSimilarity.Score(na, nb));
        Assert.True(NameSimilarity.UpperBound(NameProfile.Of(na), NameProfile.Of(nb)) >= NameSimilarity.Score(na, nb));
    }

    [Fact]
    public void UpperBound_UnrelatedNames_IsBelowTheReviewThreshold()
    {
        var bound = NameSimilarity.UpperBound(NameProfile.Of(NameSimilarity.Normalize("Bambang Purnomo")), NameProfile.Of(NameSimilarity.Normalize("Siti Aminah")));

        Assert.True(bound < new MatchSettings().ReviewNameScore, bound.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The score as first written (before the pre-filter and the span implementation), kept as the reference.</summary>
    private static double ReferenceScore(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return 1;
        }

        if (string.Equals(a.Replace(" ", "", StringComparison.Ordinal), b.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal))
        {
            return 1;
        }

        var wa = a.Split(' ');
        var wb = b.Split(' ');
        var best = Math.Min(MongeElkan(wa, wb), MongeElkan(wb, wa));
        var shared = wa.Intersect(wb, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (shared.Count >= 2)
        {
            var restA = string.Join(' ', shared.Concat(wa.Except(shared, StringComparer.Ordinal).Order(StringComparer.Ordinal)));
            var restB = string.Join(' ', shared.Concat(wb.Except(shared, StringComparer.Ordinal).Order(StringComparer.Ordinal)));
            best = Math.Max(best, LibraryJaroWinkler.Similarity(restA, restB));
        }

        return Math.Round(best, 4);
    }

    private static double MongeElkan(string[] from, string[] to) => from.Average(w => to.Max(x => LibraryJaroWinkler.Similarity(w, x)));

    private static string Word(Random random) =>
        (random.Next(2) == 0 ? Given[random.Next(Given.Length)] : Family[random.Next(Family.Length)]).ToUpperInvariant().TrimEnd('.');

    private static string FullName(Random random)
    {
        var words = new List<string>();
        if (random.Next(8) == 0)
        {
            words.Add(FrontTitles[random.Next(FrontTitles.Length)]);
        }

        words.Add(Given[random.Next(Given.Length)]);
        for (var i = random.Next(3); i > 0; i--)
        {
            words.Add(random.Next(3) == 0 ? Given[random.Next(Given.Length)] : Family[random.Next(Family.Length)]);
        }

        var name = string.Join(' ', words);
        return random.Next(10) == 0 ? name + BackTitles[random.Next(BackTitles.Length)] : name;
    }

    /// <summary>The same person written differently: case, spelling variants, titles, joined or split words, typos.</summary>
    private static string Variant(Random random, string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        switch (random.Next(9))
        {
            case 0:
                return name.ToUpperInvariant();
            case 1:
                words.Insert(0, FrontTitles[random.Next(FrontTitles.Length)]);
                break;
            case 2 when words.Count > 1:
                var at = random.Next(words.Count - 1);
                words[at] += words[at + 1].ToLowerInvariant();
                words.RemoveAt(at + 1);
                break;
            case 3:
                var i = random.Next(words.Count);
                words[i] = words[i] switch
                {
                    "Muhammad" => new[] { "Muhamad", "Moh.", "M.", "Mochammad", "MUH", "Mohammed" }[random.Next(6)],
                    "Nur" => "Nurul",
                    "Nurul" => "Noer",
                    "Abdul" => "Abd.",
                    _ => Typo(random, words[i]),
                };
                break;
            case 4:
                words.Add(Family[random.Next(Family.Length)]);
                break;
            case 5 when words.Count > 1:
                words.RemoveAt(random.Next(words.Count));
                break;
            case 6:
                return "  " + string.Join("  ", words) + " ";
            case 7:
                words.Reverse();
                break;
            default:
                var k = random.Next(words.Count);
                words[k] = Typo(random, Typo(random, words[k]));
                break;
        }

        return string.Join(' ', words);
    }

    private static string SharingAWord(Random random, string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words[random.Next(words.Length)] + " " + Family[random.Next(Family.Length)];
    }

    private static string Typo(Random random, string word)
    {
        if (word.Length < 2)
        {
            return word + "A";
        }

        var chars = word.ToList();
        var at = random.Next(chars.Count - 1);
        switch (random.Next(5))
        {
            case 0:
                chars[at] = (char)('A' + random.Next(26));
                break;
            case 1:
                chars.RemoveAt(at);
                break;
            case 2:
                chars.Insert(at, chars[at]);
                break;
            case 3:
                (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                break;
            default:
                chars.Insert(at, (char)('a' + random.Next(26)));
                break;
        }

        return new string([.. chars]);
    }

    private static string SameLengthShuffle(Random random, string word)
    {
        var chars = word.ToCharArray();
        random.Shuffle(chars);
        return new string(chars);
    }
}
