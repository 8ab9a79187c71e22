using System.Text.Json;
using Lindung.Core.Data;
using Lindung.Core.Tenancy;

namespace Lindung.Core.Budget;

/// <summary>
/// A saved set of planning assumptions (growth, caps, weights). Its people and rupiah are computed from the
/// registry, targets and rate tables when it is shown, so a scenario follows the registry as OPDs send data.
/// </summary>
public sealed class BudgetScenario : ITenantOwned, IStamped, IAudited
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Guid Id { get; set; } = VersionSevenId.New();
    public string TenantCode { get; set; } = "";
    public required string Name { get; set; }
    public int FromYear { get; set; } = 2025;
    public int ToYear { get; set; } = 2029;

    /// <summary>Yearly growth of the eligible population, percent.</summary>
    public decimal PopulationGrowthPercent { get; set; }

    /// <summary>Yearly growth of PU wages, percent (BPU declared income stays as declared).</summary>
    public decimal WageGrowthPercent { get; set; }

    /// <summary>Weight added to the priority OPDs (DLH, BPBD, Satpol PP, Dishub, Damkar) when a cap bites.</summary>
    public decimal PriorityAgencyWeight { get; set; } = 10;

    /// <summary>Yearly caps, JSON object year → rupiah; years without a cap are unlimited.</summary>
    public string CapsJson { get; set; } = "{}";

    /// <summary>Category weights, JSON object category code → weight.</summary>
    public string CategoryWeightsJson { get; set; } = "{}";

    public string? Notes { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }

    public IReadOnlyDictionary<int, long> Caps
    {
        get => JsonSerializer.Deserialize<Dictionary<int, long>>(CapsJson, Json) ?? [];
        set => CapsJson = JsonSerializer.Serialize(value.OrderBy(p => p.Key).ToDictionary(), Json);
    }

    public IReadOnlyDictionary<string, decimal> CategoryWeights
    {
        get => JsonSerializer.Deserialize<Dictionary<string, decimal>>(CategoryWeightsJson, Json) ?? [];
        set => CategoryWeightsJson = JsonSerializer.Serialize(value.Where(p => p.Value != 0).OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(), Json);
    }
}
