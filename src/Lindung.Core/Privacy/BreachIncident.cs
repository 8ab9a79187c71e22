using Lindung.Core.Data;
using Lindung.Core.Tenancy;

namespace Lindung.Core.Privacy;

/// <summary>
/// A suspected personal-data protection failure (UU 27/2022 Pasal 46), recorded by an Administrator: when it was
/// discovered, what is suspected (an account, a time window, kinds of data), and its steps Dugaan → Dikonfirmasi →
/// Diberitahukan → Ditutup, each with who and when. The people affected are derived from the audit trail
/// (<see cref="BreachAnalysis"/>), never stored, so they always reflect the trail as it is.
/// </summary>
public sealed class BreachIncident : ITenantOwned, IStamped, IAudited
{
    public Guid Id { get; set; } = VersionSevenId.New();
    public string TenantCode { get; set; } = "";

    /// <summary>When the failure was discovered (UTC); the 3 × 24-hour notification deadline counts from here.</summary>
    public DateTime DiscoveredAt { get; set; }

    public required string Description { get; set; }

    /// <summary>The account suspected (its user name as the audit trail records it), or null for any account.</summary>
    public string? SuspectedUserName { get; set; }

    /// <summary>The suspected window (UTC, inclusive start, exclusive end); null = open on that side.</summary>
    public DateTime? WindowFrom { get; set; }

    public DateTime? WindowTo { get; set; }

    /// <summary>Kinds of data suspected, <see cref="BreachDataKinds"/> joined with ';'; empty = all kinds.</summary>
    public string DataKinds { get; set; } = "";

    public BreachStatus Status { get; set; } = BreachStatus.Suspected;
    public required string RecordedBy { get; set; }
    public string? ConfirmedBy { get; set; }
    public DateTime? ConfirmedAt { get; set; }
    public string? NotifiedBy { get; set; }
    public DateTime? NotifiedAt { get; set; }
    public string? ClosedBy { get; set; }
    public DateTime? ClosedAt { get; set; }

    /// <summary>Handling and recovery steps (Pasal 46: the notice states them); typed by the Administrator.</summary>
    public string? HandlingSteps { get; set; }

    /// <summary>The notice to the data subjects as edited before sending; null = the generated text.</summary>
    public string? SubjectNoticeText { get; set; }

    /// <summary>The notice to the PDP agency as edited before sending; null = the generated text.</summary>
    public string? AgencyNoticeText { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }

    public IReadOnlyList<string> Kinds => BreachDataKinds.Parse(DataKinds);
}

/// <summary>Dugaan → Dikonfirmasi → Diberitahukan → Ditutup.</summary>
public enum BreachStatus
{
    Suspected = 0,
    Confirmed = 1,
    Notified = 2,
    Closed = 3,
}

/// <summary>The kinds of personal data a suspected breach may concern, as the audit trail can tell them apart.</summary>
public static class BreachDataKinds
{
    /// <summary>Full NIK shown (an audited reveal) or a subject report produced.</summary>
    public const string Nik = "nik";

    /// <summary>Identity and contact fields of a person changed (name, address, phone, …).</summary>
    public const string Identity = "identitas";

    /// <summary>Engagements changed (wage, OPD, verification decisions, ending).</summary>
    public const string Engagement = "penugasan";

    /// <summary>A collective registration file with full NIKs (the only export that records who was in it).</summary>
    public const string Export = "ekspor";

    public static readonly IReadOnlyList<string> All = [Nik, Identity, Engagement, Export];

    public static IReadOnlyList<string> Parse(string? joined) =>
        (joined ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(All.Contains).Distinct().ToList();

    public static string Join(IEnumerable<string> kinds) => string.Join(';', All.Where(kinds.Contains));
}
