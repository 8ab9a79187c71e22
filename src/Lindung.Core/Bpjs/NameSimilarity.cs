using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Lindung.Core.Registry;
using Lindung.Core.Registry.Validation;

namespace Lindung.Core.Bpjs;

/// <summary>
/// How alike two people's names are, 0–1, after the normalisation BPJS lists need: titles dropped (with or
/// without dots), case and spaces ignored, common spelling variants folded (Muhammad/Muhamad/Moh./M., Nur/Nurul,
/// Abd./Abdul). The score is 1 when the names agree without spaces ("Nur Hayati" = "Nurhayati"); otherwise the
/// better of a symmetric Monge-Elkan (each word against its best Jaro-Winkler partner, averaged, the weaker
/// direction counted, so an extra or a different word costs) and a token-set comparison when at least two words
/// are shared. Whole-string Jaro-Winkler is not used: its prefix bonus makes "Siti Nurhayati" and "Siti Aminah" alike.
/// <para>
/// Jaro-Winkler is the F23.StringSimilarity 7 definition (threshold 0.7, prefix bonus min(0.1, 1/longer length) per
/// common prefix character, no 4-character cap, the Jaro part in single precision), reimplemented on spans without
/// allocations; the tests compare it with the library bit for bit. <see cref="UpperBound"/> is a cheap bound of
/// <see cref="Score(NameProfile, NameProfile)"/> used to skip candidates that cannot reach the review threshold
/// (docs/bpjs.md, "Fuzzy stage speed").
/// </para>
/// </summary>
public static class NameSimilarity
{
    /// <summary>Added to every bound: the Jaro part is computed in single precision and the score rounded to 4 places.</summary>
    public const double BoundSlack = 0.0001;

    private static readonly Dictionary<string, string> Variants = new(StringComparer.Ordinal)
    {
        ["MUHAMAD"] = "MUHAMMAD",
        ["MOHAMMAD"] = "MUHAMMAD",
        ["MOHAMAD"] = "MUHAMMAD",
        ["MOCHAMAD"] = "MUHAMMAD",
        ["MOCHAMMAD"] = "MUHAMMAD",
        ["MUHAMMED"] = "MUHAMMAD",
        ["MOHAMMED"] = "MUHAMMAD",
        ["MUH"] = "MUHAMMAD",
        ["MOH"] = "MUHAMMAD",
        ["MHD"] = "MUHAMMAD",
        ["MUHD"] = "MUHAMMAD",
        ["M"] = "MUHAMMAD",
        ["NURUL"] = "NUR",
        ["NOER"] = "NUR",
        ["ABD"] = "ABDUL",
        ["ABDOEL"] = "ABDUL",
    };

    /// <summary>Titles and degrees written without dots or comma, dropped before comparing.</summary>
    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "H", "HJ", "HAJI", "HAJJAH", "DR", "DRS", "DRA", "IR", "KH", "UST", "USTADZ", "USTADZAH", "PROF", "TGK",
        "SPD", "SPDI", "SE", "SH", "SAG", "SKM", "SKEP", "SKOM", "SSOS", "SIP", "SSI", "AMD", "AMK", "MPD", "MM", "MSI",
    };

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> VariantsBySpan = Variants.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TitlesBySpan = Titles.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Per word length (below 16), the first letters of the titles and variants of that length: most words of a name
    /// are neither, and this check is far cheaper than the two set lookups it saves.
    /// </summary>
    private static readonly uint[] ListedFirstLetters = Titles.Concat(Variants.Keys).Aggregate(new uint[16], (bits, word) =>
    {
        bits[word.Length] |= 1u << (word[0] - 'A');
        return bits;
    });

    /// <summary>The name as compared: titles removed, upper case, single spaces, variants folded.</summary>
    public static string Normalize(string name) => TryNormalizePlain(name) ?? NormalizeParsed(name);

    /// <summary>
    /// The general path: <see cref="PersonName.Parse"/> (titles with dots, degrees after a comma), then
    /// <see cref="NameKeys.For"/>, bare titles dropped, variants folded.
    /// </summary>
    internal static string NormalizeParsed(string name)
    {
        var (parsed, _) = PersonName.Parse(name);
        var key = NameKeys.For(parsed?.Name ?? name);
        var words = key.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var kept = words.Where(t => !Titles.Contains(t)).ToArray();
        return string.Join(' ', (kept.Length > 0 ? kept : words).Select(t => Variants.GetValueOrDefault(t, t)));
    }

    /// <summary>
    /// The same result as <see cref="NormalizeParsed"/> for the common case of a name made of ASCII letters and
    /// spaces only (no dots, commas or other marks, so no title that <see cref="PersonName.Parse"/> would split off —
    /// except the dotless "Ustad…" titles, left to the general path); null otherwise.
    /// </summary>
    internal static string? TryNormalizePlain(string name)
    {
        Span<char> result = stackalloc char[PlainResultLength];
        return TryNormalizePlain(name, result, out var length) ? new string(result[..length]) : null;
    }

    /// <summary>Room <see cref="TryNormalizePlain(ReadOnlySpan{char}, Span{char}, out int)"/> needs for its result.</summary>
    internal const int PlainResultLength = (256 * 8) + 1;

    /// <summary>
    /// <see cref="TryNormalizePlain(string)"/> into <paramref name="result"/> (at least <see cref="PlainResultLength"/>
    /// characters), so that a million registry names are prepared without a string each.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool TryNormalizePlain(ReadOnlySpan<char> name, Span<char> result, out int length)
    {
        length = 0;
        var span = name.Trim();
        if (span.Length == 0 || span.Length > 256 || span.StartsWith("USTAD", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (var c in span)
        {
            if (!(char.IsAsciiLetter(c) || c == ' '))
            {
                return false;
            }
        }

        Span<char> upper = stackalloc char[span.Length];
        span.ToUpperInvariant(upper);
        Span<Range> words = stackalloc Range[span.Length / 2 + 1];
        var count = ((ReadOnlySpan<char>)upper).Split(words, ' ', StringSplitOptions.RemoveEmptyEntries);
        var titles = 0;
        for (var i = 0; i < count; i++)
        {
            if (MaybeListed(upper[words[i]]) && TitlesBySpan.Contains(upper[words[i]]))
            {
                titles++;
            }
        }

        var dropTitles = titles < count;
        // Folding never lengthens a word by more than "M" → "MUHAMMAD" (7 characters).
        for (var i = 0; i < count; i++)
        {
            ReadOnlySpan<char> word = upper[words[i]];
            if (dropTitles && MaybeListed(word) && TitlesBySpan.Contains(word))
            {
                continue;
            }

            if (length > 0)
            {
                result[length++] = ' ';
            }

            if (MaybeListed(word) && VariantsBySpan.TryGetValue(word, out var folded))
            {
                word = folded;
            }

            word.CopyTo(result[length..]);
            length += word.Length;
        }

        return true;
    }

    /// <summary>Whether an upper-case word of ASCII letters may be a title or a variant (false: it is neither).</summary>
    private static bool MaybeListed(ReadOnlySpan<char> word) => word.Length < 16 && (ListedFirstLetters[word.Length] & (1u << (word[0] - 'A'))) != 0;

    /// <summary>Similarity of two names already passed through <see cref="Normalize"/>.</summary>
    public static double Score(string a, string b) => Score(NameProfile.Of(a), NameProfile.Of(b));

    /// <summary>Similarity of two names already passed through <see cref="Normalize"/>, prepared once as profiles.</summary>
    public static double Score(NameProfile a, NameProfile b) => Score(a.View, b.View);

    /// <summary>
    /// <see cref="Score(NameProfile, NameProfile)"/> on prepared names wherever they are stored: a candidate of a
    /// <see cref="CandidatePool"/> is scored without making a profile (strings only for the rare token-set comparison).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double Score(in NameView a, in NameView b)
    {
        var ta = a.Text;
        var tb = b.Text;
        if (ta.Length == 0 || tb.Length == 0)
        {
            return 0;
        }

        if (ta.SequenceEqual(tb) || EqualWithoutSpaces(ta, tb))
        {
            return 1;
        }

        var na = a.WordCount;
        var nb = b.WordCount;
        Span<double> matrix = na * nb <= 256 ? stackalloc double[na * nb] : new double[na * nb];
        var sameLength = false;
        for (var i = 0; i < na; i++)
        {
            var wi = a.Word(i);
            for (var j = 0; j < nb; j++)
            {
                var wj = b.Word(j);
                matrix[(i * nb) + j] = JaroWinkler(wi, wj);
                sameLength |= wi.Length == wj.Length;
            }
        }

        var ab = 0.0;
        for (var i = 0; i < na; i++)
        {
            var max = matrix[i * nb];
            for (var j = 1; j < nb; j++)
            {
                max = Math.Max(max, matrix[(i * nb) + j]);
            }

            ab += max;
        }

        ab /= na;
        var ba = 0.0;
        for (var j = 0; j < nb; j++)
        {
            var wj = b.Word(j);
            // Jaro-Winkler is symmetric except between words of equal length (the library walks the second word's
            // characters then): those are computed again in this direction.
            var max = sameLength && wj.Length == a.Word(0).Length ? JaroWinkler(wj, a.Word(0)) : matrix[j];
            for (var i = 1; i < na; i++)
            {
                var wi = a.Word(i);
                max = Math.Max(max, sameLength && wi.Length == wj.Length ? JaroWinkler(wj, wi) : matrix[(i * nb) + j]);
            }

            ba += max;
        }

        ba /= nb;
        var best = Math.Min(ab, ba);
        if (SharedWords(a, b) >= 2)
        {
            best = Math.Max(best, TokenSet(ta.ToString(), tb.ToString()));
        }

        return Math.Round(best, 4);
    }

    /// <summary>
    /// A number never below <see cref="Score(NameProfile, NameProfile)"/> (plus <see cref="BoundSlack"/>), from each
    /// word pair's character counts, lengths and common prefix: Jaro's matches m are at most the pairs' common
    /// characters c, transpositions at least 0, so Jaro ≤ (c/|a| + c/|b| + 1)/3, and Jaro-Winkler grows with Jaro.
    /// Names that agree without spaces or share two words (where the token-set comparison may apply) get 1.
    /// </summary>
    public static double UpperBound(NameProfile a, NameProfile b) => UpperBound(a.View, b.View);

    /// <summary><see cref="UpperBound(NameProfile, NameProfile)"/> on prepared names wherever they are stored (a profile or a <see cref="CandidatePool"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double UpperBound(in NameView a, in NameView b) => Bound(a, b, double.NegativeInfinity);

    /// <summary>
    /// Whether <see cref="UpperBound(in NameView, in NameView)"/> reaches <paramref name="threshold"/> — the same answer,
    /// but a pair is given up as soon as the words of <paramref name="a"/> seen so far cannot reach it even if every word
    /// still to come scored 1: most pairs the matcher meets are unrelated, and this stops them a word or two early.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool BoundReaches(in NameView a, in NameView b, double threshold) => Bound(a, b, threshold) >= threshold;

    /// <summary>
    /// The bound; or, once it is sure to be below <paramref name="giveUpBelow"/>, some value below that (never with
    /// negative infinity: then always the bound itself).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Bound(in NameView a, in NameView b, double giveUpBelow)
    {
        if (a.Text.Length == 0 || b.Text.Length == 0)
        {
            return 0;
        }

        if (!a.Boundable || !b.Boundable || (a.SpacelessHash == b.SpacelessHash && EqualWithoutSpaces(a.Text, b.Text)) || SharedWords(a, b) >= 2)
        {
            return 1;
        }

        var na = a.WordCount;
        var nb = b.WordCount;
        Span<double> colMax = nb <= 64 ? stackalloc double[nb] : new double[nb];
        colMax.Clear();
        var ab = 0.0;
        for (var i = 0; i < na; i++)
        {
            var rowMax = 0.0;
            for (var j = 0; j < nb; j++)
            {
                var bound = JaroWinklerBound(a, i, b, j);
                rowMax = Math.Max(rowMax, bound);
                colMax[j] = Math.Max(colMax[j], bound);
            }

            ab += rowMax;

            // Every word still to come scores at most 1. The 1e-9 absorbs the rounding of adding those ones one by one,
            // so the pair is given up only when the bound itself would be below the threshold.
            var atMost = ((ab + (na - 1 - i)) / na) + BoundSlack;
            if (i < na - 1 && atMost + 1e-9 < giveUpBelow)
            {
                return atMost;
            }
        }

        var ba = 0.0;
        foreach (var v in colMax)
        {
            ba += v;
        }

        return Math.Min(ab / na, ba / nb) + BoundSlack;
    }

    /// <summary>Jaro-Winkler as F23.StringSimilarity 7 computes it (see the class remarks), without allocating.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double JaroWinkler(ReadOnlySpan<char> s1, ReadOnlySpan<char> s2)
    {
        if (s1.SequenceEqual(s2))
        {
            return 1f;
        }

        var max = s1.Length > s2.Length ? s1 : s2;
        var min = s1.Length > s2.Length ? s2 : s1;

        var range = Math.Max((max.Length / 2) - 1, 0);
        Span<bool> minMatched = min.Length <= 256 ? stackalloc bool[min.Length] : new bool[min.Length];
        Span<bool> maxMatched = max.Length <= 256 ? stackalloc bool[max.Length] : new bool[max.Length];
        minMatched.Clear();
        maxMatched.Clear();
        var matches = 0;
        for (var mi = 0; mi < min.Length; mi++)
        {
            var c1 = min[mi];
            for (int xi = Math.Max(mi - range, 0), xn = Math.Min(mi + range + 1, max.Length); xi < xn; xi++)
            {
                if (!maxMatched[xi] && c1 == max[xi])
                {
                    minMatched[mi] = true;
                    maxMatched[xi] = true;
                    matches++;
                    break;
                }
            }
        }

        // The matched characters of each string in order, compared position by position.
        var transpositions = 0;
        for (int i = 0, k = 0; i < min.Length; i++)
        {
            if (!minMatched[i])
            {
                continue;
            }

            while (!maxMatched[k])
            {
                k++;
            }

            if (min[i] != max[k])
            {
                transpositions++;
            }

            k++;
        }

        var prefix = 0;
        for (var mi = 0; mi < min.Length && s1[mi] == s2[mi]; mi++)
        {
            prefix++;
        }

        float m = matches;
        if (m == 0)
        {
            return 0f;
        }

        double j = (m / s1.Length + m / s2.Length + (m - (transpositions / 2)) / m) / 3;
        var jw = j;
        if (j > 0.7)
        {
            jw = j + (Math.Min(0.1, 1.0 / max.Length) * prefix * (1 - j));
        }

        return jw;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double JaroWinklerBound(in NameView a, int i, in NameView b, int j)
    {
        var wa = a.Word(i);
        var wb = b.Word(j);
        var common = NameView.Common(a, i, b, j);
        if (common == 0)
        {
            // No common character: Jaro-Winkler is 0, except for two empty words (equal, so 1).
            return wa.Length == 0 && wb.Length == 0 ? 1 : 0;
        }

        var jaro = Math.Min(1.0, ((((double)common / wa.Length) + ((double)common / wb.Length) + 1) / 3) + 1e-6);
        if (jaro <= 0.7)
        {
            return jaro;
        }

        // The common prefix only matters above Jaro's 0.7 threshold: counted only then.
        var prefix = 0;
        var shorter = Math.Min(wa.Length, wb.Length);
        while (prefix < shorter && wa[prefix] == wb[prefix])
        {
            prefix++;
        }

        return jaro + (Math.Min(0.1, 1.0 / Math.Max(wa.Length, wb.Length)) * prefix * (1 - jaro));
    }

    /// <summary>Distinct words of a that b also has.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int SharedWords(in NameView a, in NameView b)
    {
        var shared = 0;
        for (var i = 0; i < a.WordCount; i++)
        {
            var hi = a.WordHash(i);
            var seen = false;
            for (var k = 0; k < i && !seen; k++)
            {
                seen = a.WordHash(k) == hi && a.Word(k).SequenceEqual(a.Word(i));
            }

            if (seen)
            {
                continue;
            }

            for (var j = 0; j < b.WordCount; j++)
            {
                if (b.WordHash(j) == hi && b.Word(j).SequenceEqual(a.Word(i)))
                {
                    shared++;
                    break;
                }
            }
        }

        return shared;
    }

    private static bool EqualWithoutSpaces(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        int i = 0, j = 0;
        while (true)
        {
            while (i < a.Length && a[i] == ' ')
            {
                i++;
            }

            while (j < b.Length && b[j] == ' ')
            {
                j++;
            }

            if (i == a.Length || j == b.Length)
            {
                return i == a.Length && j == b.Length;
            }

            if (a[i++] != b[j++])
            {
                return false;
            }
        }
    }

    /// <summary>Shared words first (sorted), then each name's other words (sorted), compared as whole strings. Rare: two shared words.</summary>
    private static double TokenSet(string a, string b)
    {
        var wa = a.Split(' ');
        var wb = b.Split(' ');
        var shared = wa.Intersect(wb, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var restA = string.Join(' ', shared.Concat(wa.Except(shared, StringComparer.Ordinal).Order(StringComparer.Ordinal)));
        var restB = string.Join(' ', shared.Concat(wb.Except(shared, StringComparer.Ordinal).Order(StringComparer.Ordinal)));
        return JaroWinkler(restA, restB);
    }
}

/// <summary>
/// A normalised name prepared for <see cref="NameSimilarity"/>: its words (split on single spaces, as
/// <see cref="string.Split(char, StringSplitOptions)"/> does) and, per word, a 32-bucket character count for the bound.
/// </summary>
public sealed class NameProfile
{
    private readonly int[] starts;
    private readonly int[] hashes;
    private readonly byte[] counts;

    private NameProfile(string text)
    {
        Text = text;
        var n = NameView.WordsIn(text);
        starts = new int[n + 1];
        hashes = new int[n];
        counts = new byte[n * NameView.Buckets];
        (SpacelessHash, Boundable) = NameView.Prepare(text, starts, hashes, counts);
    }

    public string Text { get; }

    public int WordCount => hashes.Length;

    /// <summary>Hash of the name without spaces: names that agree without spaces have the same.</summary>
    internal int SpacelessHash { get; }

    internal int WordHash(int i) => hashes[i];

    /// <summary>False when a word is too long for the byte counts: the bound then says 1.</summary>
    internal bool Boundable { get; }

    internal NameView View => new(Text, starts, hashes, counts, SpacelessHash, Boundable);

    public static NameProfile Of(string normalizedName) => new(normalizedName);

    public ReadOnlySpan<char> Word(int i) => Text.AsSpan(starts[i], starts[i + 1] - starts[i] - 1);
}

/// <summary>
/// A prepared name as the bound reads it, wherever it is stored: a <see cref="NameProfile"/>, or a slice of the
/// packed arrays of a <see cref="CandidatePool"/> (a million registry names without an object each).
/// </summary>
internal readonly ref struct NameView
{
    public const int Buckets = 32;

    public readonly ReadOnlySpan<char> Text;
    private readonly ReadOnlySpan<int> starts;
    private readonly ReadOnlySpan<int> hashes;
    private readonly ReadOnlySpan<byte> counts;

    public NameView(ReadOnlySpan<char> text, ReadOnlySpan<int> starts, ReadOnlySpan<int> hashes, ReadOnlySpan<byte> counts, int spacelessHash,
        bool boundable)
    {
        Text = text;
        this.starts = starts;
        this.hashes = hashes;
        this.counts = counts;
        SpacelessHash = spacelessHash;
        Boundable = boundable;
    }

    public int SpacelessHash { get; }

    public bool Boundable { get; }

    public int WordCount => hashes.Length;

    public int WordHash(int i) => hashes[i];

    public ReadOnlySpan<char> Word(int i) => Text.Slice(starts[i], starts[i + 1] - starts[i] - 1);

    /// <summary>Words of a normalised name: one more than its spaces (two spaces in a row make an empty word, as Split does).</summary>
    public static int WordsIn(ReadOnlySpan<char> text) => text.Count(' ') + 1;

    /// <summary>
    /// Fills a name's word starts (<see cref="WordsIn"/> + 1: word i is text[starts[i] .. starts[i + 1] - 1)), word hashes
    /// and 32-bucket character counts per word (<paramref name="counts"/> must be all zero: fresh memory); returns the
    /// hash of the name without spaces and whether every word fits the byte counts.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (int SpacelessHash, bool Boundable) Prepare(ReadOnlySpan<char> text, Span<int> starts, Span<int> hashes, Span<byte> counts)
    {
        var n = hashes.Length;
        starts[0] = 0;
        for (int i = 0, w = 1; i < text.Length; i++)
        {
            if (text[i] == ' ')
            {
                starts[w++] = i + 1;
            }
        }

        starts[n] = text.Length + 1;
        var boundable = true;
        var spaceless = default(HashCode);
        foreach (var c in text)
        {
            if (c != ' ')
            {
                spaceless.Add(c);
            }
        }

        for (var w = 0; w < n; w++)
        {
            var word = text.Slice(starts[w], starts[w + 1] - starts[w] - 1);
            hashes[w] = string.GetHashCode(word);
            boundable &= word.Length <= byte.MaxValue;
            foreach (var c in word)
            {
                // A–Z each in their own bucket; any other letter shares one of six (over-counting only loosens the bound).
                var k = (w * Buckets) + (c is >= 'A' and <= 'Z' ? c - 'A' : 26 + (c % 6));
                counts[k] = (byte)Math.Min(byte.MaxValue, counts[k] + 1);
            }
        }

        return (spaceless.ToHashCode(), boundable);
    }

    /// <summary>Characters word i of a and word j of b have in common, counted with multiplicity (per bucket).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Common(in NameView a, int i, in NameView b, int j)
    {
        var x = a.counts.Slice(i * Buckets, Buckets);
        var y = b.counts.Slice(j * Buckets, Buckets);
        var low = Vector128.Min(Vector128.Create<byte>(x), Vector128.Create<byte>(y));
        var high = Vector128.Min(Vector128.Create<byte>(x[16..]), Vector128.Create<byte>(y[16..]));
        // Each minimum is at most the word's length (≤ 255 when Boundable), so the widened sums are exact.
        var (l1, l2) = Vector128.Widen(low);
        var (h1, h2) = Vector128.Widen(high);
        return Vector128.Sum(l1 + l2 + h1 + h2);
    }
}
