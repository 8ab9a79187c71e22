using F23.StringSimilarity;
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
/// </summary>
public static class NameSimilarity
{
    private static readonly JaroWinkler JaroWinkler = new();

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

    /// <summary>The name as compared: titles removed, upper case, single spaces, variants folded.</summary>
    public static string Normalize(string name)
    {
        var (parsed, _) = PersonName.Parse(name);
        var key = NameKeys.For(parsed?.Name ?? name);
        var words = key.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var kept = words.Where(t => !Titles.Contains(t)).ToArray();
        return string.Join(' ', (kept.Length > 0 ? kept : words).Select(t => Variants.GetValueOrDefault(t, t)));
    }

    /// <summary>Similarity of two names already passed through <see cref="Normalize"/>.</summary>
    public static double Score(string a, string b)
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
            best = Math.Max(best, JaroWinkler.Similarity(restA, restB));
        }

        return Math.Round(best, 4);
    }

    private static double MongeElkan(string[] from, string[] to) => from.Average(w => to.Max(x => JaroWinkler.Similarity(w, x)));
}
