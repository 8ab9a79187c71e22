using System.Collections;
using System.Runtime.CompilerServices;

namespace Lindung.Core.Bpjs;

/// <summary>
/// Registry people of a run of (birth date, sex) blocks, packed for the fuzzy matcher: their prepared names sit in a
/// few contiguous arrays (text, word starts, word hashes, character counts) instead of a person object, a profile and
/// three arrays each. A block's bounds then read consecutive memory, and a million candidates are a handful of objects
/// for the garbage collector instead of millions promoted to the oldest generation (docs/bpjs.md, "Fuzzy stage speed").
/// Ids and NIKs stay with the <see cref="CandidateSource"/>, asked only for the few candidates alike enough.
/// </summary>
public sealed class CandidatePool
{
    private readonly CandidateSource source;
    private int count;
    private int textLength;
    private int[] rows;
    private int[] textStarts;
    private char[] text;

    // Candidate k's words are firstWords[k] .. firstWords[k + 1] in hashes (and × 32 in counts); its word starts
    // (one more than its words) begin at starts[firstWords[k] + k].
    private int[] firstWords;
    private int[] starts;
    private int[] hashes;
    private byte[] counts;
    private int[] spacelessHashes;
    private bool[] boundable;

    internal CandidatePool(CandidateSource source, int capacity, int textCapacity)
    {
        this.source = source;
        capacity = Math.Max(capacity, 4);
        var words = capacity * 3;
        rows = new int[capacity];
        textStarts = new int[capacity + 1];
        text = new char[Math.Max(textCapacity, 16)];
        firstWords = new int[capacity + 1];
        starts = new int[words + capacity];
        hashes = new int[words];
        counts = new byte[words * NameView.Buckets];
        spacelessHashes = new int[capacity];
        boundable = new bool[capacity];
    }

    public int Count => count;

    /// <summary>Packs people given as objects (tests, small registries): one block of all of them.</summary>
    public static CandidateBlock Pack(IReadOnlyList<RegistryPerson> people)
    {
        var pool = new CandidatePool(new PeopleSource(people), people.Count, people.Sum(p => p.NormalizedName.Length));
        for (var i = 0; i < people.Count; i++)
        {
            pool.Add(i, people[i].NormalizedName);
        }

        return new CandidateBlock(pool, 0, pool.Count);
    }

    /// <summary>Appends a candidate: the source's row and the name already passed through <see cref="NameSimilarity.Normalize"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Add(int row, ReadOnlySpan<char> normalizedName)
    {
        var n = NameView.WordsIn(normalizedName);
        if (count == rows.Length)
        {
            var capacity = rows.Length * 2;
            Array.Resize(ref rows, capacity);
            Array.Resize(ref textStarts, capacity + 1);
            Array.Resize(ref firstWords, capacity + 1);
            Array.Resize(ref spacelessHashes, capacity);
            Array.Resize(ref boundable, capacity);
        }

        var w = firstWords[count];
        if (w + n > hashes.Length || w + count + n + 1 > starts.Length)
        {
            var words = Math.Max(hashes.Length * 2, w + n);
            Array.Resize(ref hashes, words);
            Array.Resize(ref counts, words * NameView.Buckets);
            Array.Resize(ref starts, words + rows.Length + 1);
        }

        if (textLength + normalizedName.Length > text.Length)
        {
            Array.Resize(ref text, Math.Max(text.Length * 2, textLength + normalizedName.Length));
        }

        normalizedName.CopyTo(text.AsSpan(textLength));
        (spacelessHashes[count], boundable[count]) = NameView.Prepare(normalizedName, starts.AsSpan(w + count, n + 1), hashes.AsSpan(w, n),
            counts.AsSpan(w * NameView.Buckets, n * NameView.Buckets));
        rows[count] = row;
        textLength += normalizedName.Length;
        count++;
        textStarts[count] = textLength;
        firstWords[count] = w + n;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal NameView View(int k)
    {
        var w = firstWords[k];
        var n = firstWords[k + 1] - w;
        return new NameView(text.AsSpan(textStarts[k], textStarts[k + 1] - textStarts[k]), starts.AsSpan(w + k, n + 1), hashes.AsSpan(w, n),
            counts.AsSpan(w * NameView.Buckets, n * NameView.Buckets), spacelessHashes[k], boundable[k]);
    }

    internal string Name(int k) => new(text, textStarts[k], textStarts[k + 1] - textStarts[k]);

    /// <summary>The candidate's name as a profile of its own (the matcher scores the packed form; this is for callers that want one).</summary>
    internal NameProfile Profile(int k) => NameProfile.Of(Name(k));

    internal Guid Id(int k) => source.Id(rows[k]);

    internal string Nik(int k) => source.Nik(rows[k]);

    private sealed class PeopleSource(IReadOnlyList<RegistryPerson> people) : CandidateSource
    {
        public override Guid Id(int row) => people[row].Id;

        public override string Nik(int row) => people[row].Nik;
    }
}

/// <summary>Where a <see cref="CandidatePool"/>'s people come from: their ids and NIKs, by the row the pool was given.</summary>
internal abstract class CandidateSource
{
    public abstract Guid Id(int row);

    public abstract string Nik(int row);
}

/// <summary>One registry person of a <see cref="CandidatePool"/>.</summary>
public readonly record struct Candidate(CandidatePool Pool, int Index)
{
    public Guid Id => Pool.Id(Index);

    public string Nik => Pool.Nik(Index);

    public NameProfile NameProfile => Pool.Profile(Index);
}

/// <summary>The people of one (birth date, sex) block: a range of a <see cref="CandidatePool"/>. The default is empty.</summary>
public readonly record struct CandidateBlock(CandidatePool? Pool, int Start, int Count) : IReadOnlyList<Candidate>
{
    public Candidate this[int index] => (uint)index < (uint)Count ? new(Pool!, Start + index) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<Candidate> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
