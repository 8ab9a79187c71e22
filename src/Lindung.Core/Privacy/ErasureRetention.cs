using System.Text.Json;
using Lindung.Core.Audit;
using Lindung.Core.Claims;
using Lindung.Core.Data;
using Lindung.Core.Formatting;
using Lindung.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Privacy;

/// <summary>How a retention run started.</summary>
public enum RetentionTrigger
{
    Scheduled = 1,
    Manual = 2,
    Cli = 3,
}

/// <summary>
/// Evidence of one retention run: when, the rule and period applied, how many people were anonymised and which
/// (person ids only: the ids identify no one once the person is erased). A run that erases nobody is recorded too.
/// </summary>
public sealed class RetentionRun : ITenantOwned, IStamped, IAudited
{
    public Guid Id { get; set; } = VersionSevenId.New();
    public string TenantCode { get; set; } = "";
    public DateTime RanAt { get; set; }
    public RetentionTrigger Trigger { get; set; }
    public string RanBy { get; set; } = "";
    public int RetentionYears { get; set; }
    public int MustKeepYears { get; set; }

    /// <summary>Engagements that ended on or before this day are due (today minus the retention period).</summary>
    public DateOnly Cutoff { get; set; }

    /// <summary>The legal basis recorded with the setting when the run happened; null = the period was not confirmed.</summary>
    public string? LegalBasis { get; set; }

    public int People { get; set; }

    /// <summary>JSON array of the anonymised person ids.</summary>
    public string PersonIds { get; set; } = "[]";

    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }
}

/// <summary>A person due for anonymisation, for the preview.</summary>
public sealed record DuePerson(Guid Id, DateOnly LastEnded, int Engagements);

public sealed record RetentionResult(RetentionRun? Run, IReadOnlyList<DuePerson> Due, bool DryRun);

/// <summary>
/// The retention rule (docs/privacy-requests.md): a person whose every engagement ended at least
/// <see cref="RetentionPolicy.RetentionYears"/> years ago, who has no open claim and is not active in BPJS's latest list,
/// is anonymised with <see cref="PersonalDataEraser"/>, which applies the legal limits again. Idempotent: an erased
/// person is never due again.
/// </summary>
public sealed class RetentionService(LindungDbContext db)
{
    public static DateOnly CutoffFor(RetentionPolicy policy, DateOnly today) => today.AddYears(-policy.RetentionYears);

    public async Task<IReadOnlyList<DuePerson>> DueAsync(RetentionPolicy policy, DateOnly today, CancellationToken ct = default)
    {
        var cutoff = CutoffFor(policy, today);
        var latest = await db.BpjsStatuses.MaxAsync(s => (string?)s.Period, ct);
        // Open claims and people active on BPJS's latest list are excluded in the query (anti-joins on indexed
        // columns) rather than by loading every such id: at a million workers that list is the whole registry.
        var people = db.People.AsNoTracking()
            .Where(p => p.ErasedAt == null && p.Engagements.Any()
                && !p.Engagements.Any(e => e.EndDate == null || e.EndDate > cutoff)
                && !db.Claims.Any(c => c.Incident!.PersonId == p.Id && c.Status != ClaimStatus.Paid && c.Status != ClaimStatus.Rejected));
        if (latest is not null)
        {
            people = people.Where(p => !db.BpjsStatuses.Any(s => s.Period == latest && s.Active && s.PersonId == p.Id));
        }

        var due = await people
            .Select(p => new { p.Id, LastEnded = p.Engagements.Max(e => e.EndDate), Count = p.Engagements.Count() })
            .ToListAsync(ct);
        return due.OrderBy(c => c.LastEnded).ThenBy(c => c.Id)
            .Select(c => new DuePerson(c.Id, c.LastEnded!.Value, c.Count)).ToList();
    }

    /// <summary>
    /// Anonymises everyone due and records the run with an audit event. A dry run writes nothing and returns who is due.
    /// </summary>
    public async Task<RetentionResult> RunAsync(RetentionTrigger trigger, DateOnly today, bool dryRun, CancellationToken ct = default)
    {
        var policy = await RetentionPolicy.LoadAsync(db, ct);
        if (policy.Problem() is not null)
        {
            throw new InvalidOperationException("The retention setting is invalid: " + policy.Problem());
        }

        var due = await DueAsync(policy, today, ct);
        if (dryRun)
        {
            return new RetentionResult(null, due, true);
        }

        var run = new RetentionRun
        {
            RanAt = db.Time.GetUtcNow().UtcDateTime,
            Trigger = trigger,
            RanBy = db.Actor.UserName,
            RetentionYears = policy.RetentionYears,
            MustKeepYears = policy.MustKeepYears,
            Cutoff = CutoffFor(policy, today),
            LegalBasis = policy.LegalBasis,
        };
        var eraser = new PersonalDataEraser(db);
        var erased = new List<Guid>();
        foreach (var person in due)
        {
            // Each person in its own transaction: a failure leaves the others done and this one untouched.
            var check = await eraser.EraseAsync(person.Id, ErasureCause.Retention, run.Id.ToString(), today, ct: ct);
            if (check.Allowed)
            {
                erased.Add(person.Id);
            }

            db.ChangeTracker.Clear();
        }

        run.People = erased.Count;
        run.PersonIds = JsonSerializer.Serialize(erased);
        db.RetentionRuns.Add(run);
        db.Audit(AuditActions.RetentionRan, nameof(RetentionRun), run.Id.ToString(),
            $"retensi {policy.RetentionYears} tahun setelah penugasan terakhir berakhir (batas {IndonesianFormat.Date(run.Cutoff)}; wajib simpan {policy.MustKeepYears} tahun): {erased.Count} orang dianonimkan");
        await db.SaveChangesAsync(ct);
        return new RetentionResult(run, due.Where(d => erased.Contains(d.Id)).ToList(), false);
    }
}
