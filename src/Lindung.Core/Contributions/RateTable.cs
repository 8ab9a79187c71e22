using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lindung.Core.Contributions;

/// <summary>One marginal tier of the construction rates: the part of the contract value up to <see cref="UpTo"/>.</summary>
public sealed record JakonTier(long? UpTo, decimal Jkk, decimal Jkm, string? JkmNote = null);

/// <summary>
/// A full snapshot of the contribution rates in force from <see cref="EffectiveFrom"/> until the next version.
/// Percentages are percent values (0.24 = 0.24%). Facts the reference marks uncertain carry a note, shown in the UI.
/// </summary>
public sealed record RateTable
{
    public required string Version { get; init; }
    public required DateOnly EffectiveFrom { get; init; }
    public string Source { get; init; } = "";
    public required decimal[] PuJkk { get; init; }
    public decimal PuJkm { get; init; }
    public decimal JhtEmployer { get; init; }
    public decimal JhtWorker { get; init; }
    public decimal JpEmployer { get; init; }
    public decimal JpWorker { get; init; }
    public long JpWageCap { get; init; }
    public string? JpWageCapNote { get; init; }
    public decimal JkpInfoPercent { get; init; }
    public decimal BpuJkkPercent { get; init; }
    public long BpuMinIncome { get; init; }
    public long BpuJkmFlat { get; init; }
    public decimal BpuJhtPercent { get; init; }
    public required JakonTier[] JakonTiers { get; init; }
    public decimal PpnPercent { get; init; }
    public string? JakonBaseNote { get; init; }
}

/// <summary>The dated versions; <see cref="For"/> answers which one is in force on a date.</summary>
public sealed class RateBook
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public RateBook(IEnumerable<RateTable> versions)
    {
        Versions = versions.OrderBy(v => v.EffectiveFrom).ToList();
        if (Versions.Count == 0)
        {
            throw new ArgumentException("A rate book needs at least one version.");
        }
    }

    public IReadOnlyList<RateTable> Versions { get; }

    public RateTable For(DateOnly date) =>
        Versions.LastOrDefault(v => v.EffectiveFrom <= date)
        ?? throw new ArgumentException($"Tidak ada tabel tarif yang berlaku pada {date:dd/MM/yyyy}; tabel tertua berlaku sejak {Versions[0].EffectiveFrom:dd/MM/yyyy}.");

    /// <summary>The shipped versions (embedded <c>rates.seed.json</c>).</summary>
    public static RateBook LoadSeed()
    {
        using var stream = typeof(RateBook).Assembly.GetManifestResourceStream("Lindung.Seed.rates.seed.json")
            ?? throw new InvalidOperationException("rates.seed.json is not embedded.");
        return FromJson(JsonNode.Parse(stream)!.ToJsonString());
    }

    /// <summary>
    /// Reads versions where each later version lists only what changes: its fields are laid over the previous
    /// version's, so the file states every fact once, at the date it changed.
    /// </summary>
    public static RateBook FromJson(string json)
    {
        var root = JsonNode.Parse(json)!;
        var versions = new List<RateTable>();
        JsonObject? previous = null;
        foreach (var node in root["versions"]!.AsArray().OrderBy(v => (string)v!["effectiveFrom"]!, StringComparer.Ordinal))
        {
            var merged = previous is null ? new JsonObject() : (JsonObject)previous.DeepClone();
            foreach (var (key, value) in node!.AsObject())
            {
                merged[key] = value?.DeepClone();
            }

            versions.Add(merged.Deserialize<RateTable>(Json) ?? throw new InvalidDataException("Bad rate version."));
            previous = merged;
        }

        return new RateBook(versions);
    }

    /// <summary>Every version in full, for storing an administrator's edited book.</summary>
    public string ToJson() => JsonSerializer.Serialize(new { versions = Versions }, Json);
}
