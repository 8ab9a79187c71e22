using System.Globalization;
using Lindung.Core.Bpjs;
using Lindung.Core.Data;
using Lindung.Core.Registry;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Claims;

public enum StatusRefusal
{
    None = 0,
    DocumentsMissing = 1,
    AmountRequired = 2,
    DateRequired = 3,
    Closed = 4,
    Backwards = 5,
}

/// <summary>Whether a worker was active in the month of an incident, and which data said so.</summary>
public sealed record ActivityCheck(bool Active, ActivitySource Source, string Period);

public enum ActivitySource
{
    /// <summary>BPJS's participant list for the month was imported: active only if listed as active.</summary>
    BpjsList = 1,

    /// <summary>No BPJS list for the month: registered (Terdaftar) and eligible engagement that month.</summary>
    Registry = 2,
}

/// <summary>Incident and claim rules (docs/agreements-and-claims.md).</summary>
public static class ClaimRules
{
    /// <summary>A death not caused by work is a JKM claim; a work accident, or a death caused by work, is JKK.</summary>
    public static string ProgramFor(IncidentKind kind, bool workRelated) =>
        kind == IncidentKind.Death && !workRelated ? "JKM" : "JKK";

    /// <summary>
    /// The checklist by type (reference §8: KPJ card, KTP of participant and heir, death certificate, KK, heir
    /// statement, marriage book, savings account; an accident report for a work accident).
    /// </summary>
    public static IReadOnlyList<ClaimDocumentKind> RequiredDocuments(IncidentKind kind, bool workRelated)
    {
        var docs = new List<ClaimDocumentKind> { ClaimDocumentKind.KpjCard, ClaimDocumentKind.Ktp };
        if (kind == IncidentKind.Death)
        {
            docs.AddRange([ClaimDocumentKind.FamilyCard, ClaimDocumentKind.DeathCertificate, ClaimDocumentKind.HeirStatement,
                ClaimDocumentKind.MarriageBook]);
        }

        if (kind == IncidentKind.WorkAccident || workRelated)
        {
            docs.Add(ClaimDocumentKind.AccidentReport);
        }

        docs.Add(ClaimDocumentKind.BankBook);
        return docs;
    }

    /// <summary>A new claim for an incident, with its checklist, nothing received yet.</summary>
    public static Claim NewClaim(Incident incident)
    {
        var workRelated = incident.Kind == IncidentKind.WorkAccident || incident.WorkRelated;
        var claim = new Claim { IncidentId = incident.Id, Program = ProgramFor(incident.Kind, workRelated) };
        claim.Documents.AddRange(RequiredDocuments(incident.Kind, workRelated).Select(k => new ClaimDocument { ClaimId = claim.Id, Kind = k }));
        return claim;
    }

    /// <summary>
    /// Moves a claim forward and stamps the date of the step. Submitting needs every checklist document received; paying
    /// needs the amount; a paid or rejected claim is closed; a claim never moves back.
    /// </summary>
    public static StatusRefusal SetStatus(Claim claim, ClaimStatus status, DateOnly? on, long? amount, string? note)
    {
        if (claim.Status is ClaimStatus.Paid or ClaimStatus.Rejected)
        {
            return StatusRefusal.Closed;
        }

        if (status <= claim.Status && status != ClaimStatus.Rejected)
        {
            return StatusRefusal.Backwards;
        }

        if (on is not { } date)
        {
            return StatusRefusal.DateRequired;
        }

        if (status >= ClaimStatus.Submitted && status != ClaimStatus.Rejected && claim.Documents.Any(d => !d.Received))
        {
            return StatusRefusal.DocumentsMissing;
        }

        if (status == ClaimStatus.Paid && amount is not > 0)
        {
            return StatusRefusal.AmountRequired;
        }

        switch (status)
        {
            case ClaimStatus.Submitted:
                claim.SubmittedOn = date;
                break;
            case ClaimStatus.Processing:
                claim.SubmittedOn ??= date;
                claim.ProcessingOn = date;
                break;
            case ClaimStatus.Paid:
                claim.SubmittedOn ??= date;
                claim.PaidOn = date;
                claim.AmountPaid = amount;
                break;
            case ClaimStatus.Rejected:
                claim.RejectedOn = date;
                break;
        }

        claim.Status = status;
        claim.StatusNote = string.IsNullOrWhiteSpace(note) ? claim.StatusNote : note.Trim();
        return StatusRefusal.None;
    }

    public static string PeriodOf(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>
    /// Was the person active in the incident's month? If a BPJS participant list was imported for that month, BPJS's
    /// word decides (listed as active = active). Otherwise the registry does: an engagement registered at BPJS
    /// (Terdaftar, registered on or before the month's last day) that is eligible that month (verified, not ended
    /// before the month started).
    /// </summary>
    public static async Task<Dictionary<Guid, ActivityCheck>> ActivityAsync(LindungDbContext db, IReadOnlyCollection<Incident> incidents,
        CancellationToken ct = default)
    {
        var result = new Dictionary<Guid, ActivityCheck>();
        if (incidents.Count == 0)
        {
            return result;
        }

        var periods = incidents.Select(i => PeriodOf(i.OccurredOn)).Distinct().ToList();
        var people = incidents.Select(i => i.PersonId).Distinct().ToList();
        var listed = (await db.BpjsImports.AsNoTracking().Where(i => periods.Contains(i.Period)).Select(i => i.Period).Distinct().ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var activeAtBpjs = (await db.BpjsStatuses.AsNoTracking()
                .Where(s => s.Active && s.PersonId != null && people.Contains(s.PersonId.Value) && periods.Contains(s.Period))
                .Select(s => new { s.PersonId, s.Period }).ToListAsync(ct))
            .Select(s => (s.PersonId!.Value, s.Period)).ToHashSet();
        var engagements = (await db.Engagements.AsNoTracking().Where(e => people.Contains(e.PersonId)).ToListAsync(ct))
            .ToLookup(e => e.PersonId);

        foreach (var incident in incidents)
        {
            var period = PeriodOf(incident.OccurredOn);
            var monthStart = new DateOnly(incident.OccurredOn.Year, incident.OccurredOn.Month, 1);
            var monthEnd = monthStart.AddMonths(1).AddDays(-1);
            result[incident.Id] = listed.Contains(period)
                ? new ActivityCheck(activeAtBpjs.Contains((incident.PersonId, period)), ActivitySource.BpjsList, period)
                : new ActivityCheck(engagements[incident.PersonId].Any(e => e.Registration == RegistrationStatus.Registered
                    && (e.RegisteredOn is null || e.RegisteredOn <= monthEnd) && e.IsEligibleIn(monthStart)), ActivitySource.Registry, period);
        }

        return result;
    }
}

/// <summary>One line of the paid-out report: a year and a program.</summary>
public sealed record PaidOutLine(int Year, string Program, int Claims, long ClaimAmount, int Scholarships, long ScholarshipAmount)
{
    public long Total => ClaimAmount + ScholarshipAmount;
}

/// <summary>
/// What BPJS has paid to the regency's workers (a figure leaders ask for): claims marked Dibayar counted in the year
/// of their payment date with the amount paid, and scholarships marked paid in the year of their payment date, per
/// program of the claim they belong to.
/// </summary>
public static class PaidOutReport
{
    public static async Task<IReadOnlyList<PaidOutLine>> BuildAsync(LindungDbContext db, Guid? ownAgencyId, CancellationToken ct = default)
    {
        var claims = db.Claims.AsNoTracking()
            .Where(c => ownAgencyId == null || c.Incident!.AgencyId == ownAgencyId);
        var paid = await claims.Where(c => c.Status == ClaimStatus.Paid && c.PaidOn != null)
            .Select(c => new { c.Program, PaidOn = c.PaidOn!.Value, Amount = c.AmountPaid ?? 0 }).ToListAsync(ct);
        var scholarships = await (from c in claims
                                  join s in db.Scholarships on c.Id equals s.ClaimId
                                  where s.Paid && s.PaidOn != null
                                  select new { c.Program, PaidOn = s.PaidOn!.Value, s.Amount })
            .ToListAsync(ct);

        var keys = paid.Select(p => (p.PaidOn.Year, p.Program)).Concat(scholarships.Select(s => (s.PaidOn.Year, s.Program))).Distinct();
        return keys.Select(k => new PaidOutLine(k.Year, k.Program,
                paid.Count(p => p.PaidOn.Year == k.Year && p.Program == k.Program),
                paid.Where(p => p.PaidOn.Year == k.Year && p.Program == k.Program).Sum(p => p.Amount),
                scholarships.Count(s => s.PaidOn.Year == k.Year && s.Program == k.Program),
                scholarships.Where(s => s.PaidOn.Year == k.Year && s.Program == k.Program).Sum(s => s.Amount)))
            .OrderBy(l => l.Year).ThenBy(l => l.Program, StringComparer.Ordinal)
            .ToList();
    }
}
