using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Lindung.Core.Bpjs;

/// <summary>Thresholds of the fallback matching (stored as settings; docs/bpjs.md explains them).</summary>
public sealed record MatchSettings(double AutoNameScore = 0.92, double ReviewNameScore = 0.85, bool TryDayMonthSwap = true);

/// <summary>One row of a BPJS list as read: the NIK as BPJS has it (maybe mistyped), name, birth date and sex when given.</summary>
public sealed record BpjsPersonRow(string? Nik, string Name, DateOnly? BirthDate, char? Sex);

/// <summary>
/// A registry person given as an object (tests, small callers), the name already through
/// <see cref="NameSimilarity.Normalize"/>: packed by <see cref="CandidatePool.Pack"/> for the matcher. The importer's
/// candidates are never objects (<see cref="RegistryCandidates"/>).
/// </summary>
public sealed class RegistryPerson(Guid id, string nik, string normalizedName, DateOnly birthDate, char sex)
{
    public Guid Id { get; } = id;
    public DateOnly BirthDate { get; } = birthDate;
    public char Sex { get; } = sex;
    public string Nik { get; } = nik;
    public string NormalizedName { get; } = normalizedName;
}

public enum MatchKind
{
    /// <summary>Same NIK (keyed hash).</summary>
    Exact = 1,

    /// <summary>Same birth date and sex, alike name, NIK one digit or one adjacent swap away: applied automatically.</summary>
    Fuzzy = 2,

    /// <summary>A plausible candidate that is not certain: a person decides, never merged automatically.</summary>
    NeedsReview = 3,

    Unmatched = 4,
}

/// <summary>The decision for one row and why, in words an official can check.</summary>
public sealed record MatchDecision(MatchKind Kind, Guid? PersonId, double? NameScore, string Explanation, IReadOnlyList<Guid> Candidates);

/// <summary>
/// Matches a BPJS row to the registry: exactly by NIK; otherwise among the people born the same day with the
/// same sex (as given, or as the row's NIK encodes them), by name similarity. Only a candidate whose NIK differs
/// by exactly one digit or one swap of adjacent digits is matched automatically; a namesake with a different
/// NIK, a second equally good candidate, or a birth date found only by swapping day and month goes to review.
/// </summary>
public sealed class BpjsMatcher
{
    private readonly MatchSettings settings;
    private readonly Func<string, Guid?> exactByNik;
    private readonly Func<DateOnly, char, CandidateBlock> bornOn;

    /// <summary>The people born on a day with a sex as packed blocks (<see cref="RegistryCandidates.LoadAsync"/>).</summary>
    public BpjsMatcher(MatchSettings settings, Func<string, Guid?> exactByNik, Func<DateOnly, char, CandidateBlock> bornOn)
    {
        (this.settings, this.exactByNik, this.bornOn) = (settings, exactByNik, bornOn);
    }

    /// <summary>The people born on a day with a sex as objects, packed on every call (small registries, tests).</summary>
    public BpjsMatcher(MatchSettings settings, Func<string, Guid?> exactByNik, Func<DateOnly, char, IReadOnlyList<RegistryPerson>> bornOn)
        : this(settings, exactByNik, (day, sex) => CandidatePool.Pack(bornOn(day, sex)))
    {
    }

    /// <summary>The decision for a row whose NIK (or a confirmed alias of it) is in the registry.</summary>
    public static MatchDecision ExactDecision(Guid id) => new(MatchKind.Exact, id, null, MatchMessages.Exact, [id]);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public MatchDecision Match(BpjsPersonRow row)
    {
        var nik = Digits(row.Nik);
        if (nik.Length == 16 && exactByNik(nik) is { } id)
        {
            return ExactDecision(id);
        }

        var fromNik = FromNik(nik);
        var birth = row.BirthDate ?? fromNik?.BirthDate;
        var sex = row.Sex ?? fromNik?.Sex;
        if (birth is not { } day)
        {
            return new MatchDecision(MatchKind.Unmatched, null, null, MatchMessages.NoBirthDate, []);
        }

        var name = NameProfile.Of(NameSimilarity.Normalize(row.Name));
        var sexes = sex is { } s ? [s] : new[] { 'L', 'P' };
        var alike = new List<(Candidate Person, double Score, bool Swapped)>();
        foreach (var x in sexes)
        {
            Collect(name, bornOn(day, x), swapped: false, alike);
        }

        if (settings.TryDayMonthSwap && day.Day <= 12 && day.Day != day.Month)
        {
            foreach (var x in sexes)
            {
                Collect(name, bornOn(new DateOnly(day.Year, day.Day, day.Month), x), swapped: true, alike);
            }
        }

        if (alike.Count == 0)
        {
            return new MatchDecision(MatchKind.Unmatched, null, null, MatchMessages.NoCandidate, []);
        }

        // Best score first, then by id: a total order (a person is in one block), so sorting in place gives what a
        // stable OrderByDescending(score).ThenBy(id) gave.
        alike.Sort(static (x, y) => y.Score.CompareTo(x.Score) is var c and not 0 ? c : x.Person.Id.CompareTo(y.Person.Id));
        var candidates = alike;
        var ids = new Guid[candidates.Count];
        var autoCount = 0;
        var confidentCount = 0;
        (Candidate Person, double Score, bool Swapped) first = default;
        string? firstMiss = null;
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            ids[i] = c.Person.Id;
            if (c.Score >= settings.AutoNameScore)
            {
                autoCount++;
                if (!c.Swapped && NikNearMiss(nik, c.Person.Nik) is { } miss && confidentCount++ == 0)
                {
                    (first, firstMiss) = (c, miss);
                }
            }
        }

        if (confidentCount == 1 && autoCount == 1)
        {
            return new MatchDecision(MatchKind.Fuzzy, first.Person.Id, first.Score,
                string.Format(CultureInfo.InvariantCulture, MatchMessages.Fuzzy, firstMiss, Percent(first.Score)), ids);
        }

        var best = candidates[0];
        var why = confidentCount > 1 || autoCount > 1 ? MatchMessages.Ambiguous
            : best.Swapped ? MatchMessages.DayMonthSwapped
            : nik.Length == 16 ? MatchMessages.NikDiffers
            : MatchMessages.NoNik;
        return new MatchDecision(MatchKind.NeedsReview, best.Person.Id, best.Score,
            string.Format(CultureInfo.InvariantCulture, why, Percent(best.Score), candidates.Count), ids);
    }

    /// <summary>
    /// <see cref="Match"/> for every row, on every core, the rows taken in (birth date, sex) order so that consecutive
    /// rows read the same candidate blocks while they are still in the processor's cache; the decisions come back in
    /// the rows' order.
    /// </summary>
    public MatchDecision[] MatchAll(IReadOnlyList<BpjsPersonRow> rows, CancellationToken ct)
    {
        var keys = new long[rows.Count];
        var order = new int[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var fromNik = row.BirthDate is null || row.Sex is null ? FromNik(Digits(row.Nik)) : null;
            var day = row.BirthDate ?? fromNik?.BirthDate;
            keys[i] = day is { } d ? ((long)d.DayNumber << 16) | (row.Sex ?? fromNik?.Sex ?? '\0') : long.MaxValue;
            order[i] = i;
        }

        Array.Sort(keys, order);
        var decisions = new MatchDecision[rows.Count];
        if (rows.Count < 2000)
        {
            foreach (var i in order)
            {
                ct.ThrowIfCancellationRequested();
                decisions[i] = Match(rows[i]);
            }

            return decisions;
        }

        Parallel.ForEach(Partitioner.Create(0, rows.Count, 1024), new ParallelOptions { CancellationToken = ct }, range =>
        {
            for (var k = range.Item1; k < range.Item2; k++)
            {
                decisions[order[k]] = Match(rows[order[k]]);
            }
        });
        return decisions;
    }

    /// <summary>
    /// The people of one birth-date block whose name scores at least the review threshold. The full score is computed
    /// only when <see cref="NameSimilarity.UpperBound"/> (never below the score) reaches the threshold: most of a
    /// block's dozens of people are skipped after a few vector operations.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Collect(NameProfile name, CandidateBlock block, bool swapped, List<(Candidate Person, double Score, bool Swapped)> alike)
    {
        if (block.Pool is not { } pool)
        {
            return;
        }

        var view = name.View;
        for (int k = block.Start, end = block.Start + block.Count; k < end; k++)
        {
            if (!NameSimilarity.BoundReaches(view, pool.View(k), settings.ReviewNameScore))
            {
                continue;
            }

            var score = NameSimilarity.Score(view, pool.View(k));
            if (score >= settings.ReviewNameScore)
            {
                alike.Add((new Candidate(pool, k), score, swapped));
            }
        }
    }

    /// <summary>"digit 9 (5 → 6)" or "digit 9–10 tertukar" when the NIKs are one digit or one adjacent swap apart; null otherwise.</summary>
    public static string? NikNearMiss(string a, string b)
    {
        if (a.Length != 16 || b.Length != 16)
        {
            return null;
        }

        // The positions where the two differ: one, or two adjacent ones holding each other's digit.
        int first = -1, second = -1, count = 0;
        for (var i = 0; i < 16; i++)
        {
            if (a[i] != b[i] && count++ < 2)
            {
                (first, second) = count == 1 ? (i, -1) : (first, i);
            }
        }

        return count switch
        {
            1 => string.Format(CultureInfo.InvariantCulture, MatchMessages.OneDigit, first + 1, b[first], a[first]),
            2 when second == first + 1 && a[first] == b[second] && a[second] == b[first] =>
                string.Format(CultureInfo.InvariantCulture, MatchMessages.Swap, first + 1, second + 1),
            _ => null,
        };
    }

    /// <summary>Birth date and sex as a NIK encodes them (day + 40 for women), when the digits make a real date.</summary>
    public static (DateOnly BirthDate, char Sex)? FromNik(string nik)
    {
        if (nik.Length != 16)
        {
            return null;
        }

        var dd = int.Parse(nik.AsSpan(6, 2), CultureInfo.InvariantCulture);
        var mm = int.Parse(nik.AsSpan(8, 2), CultureInfo.InvariantCulture);
        var yy = int.Parse(nik.AsSpan(10, 2), CultureInfo.InvariantCulture);
        var sex = dd > 40 ? 'P' : 'L';
        dd = dd > 40 ? dd - 40 : dd;
        var year = yy + (yy <= DateTime.UtcNow.Year % 100 ? 2000 : 1900);
        return mm is >= 1 and <= 12 && dd >= 1 && dd <= DateTime.DaysInMonth(year, mm) ? (new DateOnly(year, mm, dd), sex) : null;
    }

    /// <summary>The ASCII digits of a NIK as written (spaces, dots and quotes dropped).</summary>
    public static string Digits(string? raw)
    {
        if (raw is null || !raw.AsSpan().ContainsAnyExcept(AsciiDigits))
        {
            return raw ?? "";
        }

        // Separators or other characters typed into the NIK: keep the ASCII digits only (a million rows: no LINQ).
        Span<char> buffer = raw.Length <= 64 ? stackalloc char[raw.Length] : new char[raw.Length];
        var length = 0;
        foreach (var c in raw)
        {
            if (char.IsAsciiDigit(c))
            {
                buffer[length++] = c;
            }
        }

        return new string(buffer[..length]);
    }

    private static readonly System.Buffers.SearchValues<char> AsciiDigits = System.Buffers.SearchValues.Create("0123456789");

    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    private static string Percent(double score) => (score * 100).ToString("0.#", Indonesian) + "%";
}

/// <summary>The explanations stored with each decision (Bahasa Indonesia; shown to the Koordinator as written).</summary>
public static class MatchMessages
{
    public const string Exact = "NIK sama persis.";
    public const string NoBirthDate = "Tidak ada tanggal lahir (di kolom atau di NIK) untuk mencari kandidat.";
    public const string NoCandidate = "Tidak ada orang di registri dengan tanggal lahir dan jenis kelamin sama yang namanya mirip.";
    public const string Fuzzy = "Dicocokkan otomatis: tanggal lahir dan jenis kelamin sama, NIK berbeda {0}, kemiripan nama {1}.";
    public const string OneDigit = "satu digit (digit ke-{0}: registri {1}, BPJS {2})";
    public const string Swap = "karena digit ke-{0} dan ke-{1} tertukar";
    public const string Ambiguous = "Perlu diperiksa: lebih dari satu orang di registri cocok (kemiripan nama terbaik {0}, {1} kandidat).";
    public const string DayMonthSwapped = "Perlu diperiksa: cocok hanya bila hari dan bulan lahir ditukar (kemiripan nama {0}, {1} kandidat).";
    public const string NikDiffers = "Perlu diperiksa: tanggal lahir, jenis kelamin dan nama cocok (kemiripan {0}), tetapi NIK berbeda lebih dari satu digit — bisa orang lain yang senama ({1} kandidat).";
    public const string NoNik = "Perlu diperiksa: BPJS tidak mencantumkan NIK yang sah; tanggal lahir, jenis kelamin dan nama cocok (kemiripan {0}, {1} kandidat).";
}
