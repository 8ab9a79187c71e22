using Lindung.Core.Data;
using Lindung.Core.Formatting;
using Lindung.Core.MasterData;
using Lindung.Core.Registry;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Bpjs;

public enum ReconciliationList
{
    /// <summary>In BPJS's list for the period, matched to the registry, active.</summary>
    ActiveMatched = 1,

    /// <summary>Matched to the registry, but BPJS lists them not active (registered, contributions stopped).</summary>
    RegisteredNotActive = 2,

    /// <summary>Active at BPJS but no registry person (unmatched, or rejected in review).</summary>
    ActiveNotInRegistry = 3,

    /// <summary>Verified, not-ended in the registry, but absent from BPJS's list for the period.</summary>
    EligibleNotAtBpjs = 4,

    /// <summary>Waiting for a reviewer.</summary>
    NeedsReview = 5,

    /// <summary>
    /// Paid for but not active: BPJS lists them not active although the regency pays for them that month (an engagement
    /// Terdaftar, so on the month's bill) or BPJS itself records a contribution for the month or later.
    /// </summary>
    PaidNotActive = 6,
}

/// <summary>One line of a reconciliation list (a person or a BPJS row), NIK masked.</summary>
public sealed record ReconciliationLine(Guid? PersonId, string Name, string? NikMasked, string? Kpj, string? Agencies, string? Status, string? Explanation);

/// <summary>
/// The lists a Koordinator needs after BPJS answers for a period: who is active, who is registered but not active,
/// who BPJS has that the registry does not, and who the registry has that BPJS does not (docs/bpjs.md).
/// </summary>
public sealed class BpjsReconciliation(LindungDbContext db)
{
    public async Task<IReadOnlyDictionary<ReconciliationList, int>> CountsAsync(string period, CancellationToken ct = default)
    {
        var rows = db.BpjsStatuses.Where(s => s.Period == period);
        var matched = rows.Where(s => s.PersonId != null);
        return new Dictionary<ReconciliationList, int>
        {
            [ReconciliationList.ActiveMatched] = await matched.Where(s => s.Active).Select(s => s.PersonId).Distinct().CountAsync(ct),
            [ReconciliationList.RegisteredNotActive] = await matched.Where(s => !s.Active).Select(s => s.PersonId).Distinct().CountAsync(ct),
            [ReconciliationList.ActiveNotInRegistry] = await rows.CountAsync(s => s.PersonId == null && s.Active && s.Review != ReviewState.Pending, ct),
            [ReconciliationList.EligibleNotAtBpjs] = await EligibleNotAtBpjs(period).CountAsync(ct),
            [ReconciliationList.NeedsReview] = await rows.CountAsync(s => s.Review == ReviewState.Pending, ct),
            [ReconciliationList.PaidNotActive] = await PaidNotActive(rows, period).Select(s => s.PersonId).Distinct().CountAsync(ct),
        };
    }

    public async Task<IReadOnlyList<ReconciliationLine>> ListAsync(string period, ReconciliationList list, int take, CancellationToken ct = default)
    {
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.ShortName, ct);
        if (list == ReconciliationList.EligibleNotAtBpjs)
        {
            var people = await EligibleNotAtBpjs(period).OrderBy(p => p.NameKey).Take(take)
                .Select(p => new { p.Id, p.FullName, p.NikMasked, p.Kpj, Agencies = p.Engagements.Select(e => e.AgencyId).ToList() }).ToListAsync(ct);
            return [.. people.Select(p => new ReconciliationLine(p.Id, p.FullName, p.NikMasked, p.Kpj,
                string.Join(", ", p.Agencies.Select(a => agencies.GetValueOrDefault(a)).Distinct()), null, null))];
        }

        var rows = db.BpjsStatuses.AsNoTracking().Where(s => s.Period == period);
        rows = list switch
        {
            ReconciliationList.ActiveMatched => rows.Where(s => s.PersonId != null && s.Active),
            ReconciliationList.RegisteredNotActive => rows.Where(s => s.PersonId != null && !s.Active),
            ReconciliationList.ActiveNotInRegistry => rows.Where(s => s.PersonId == null && s.Active && s.Review != ReviewState.Pending),
            ReconciliationList.PaidNotActive => PaidNotActive(rows, period),
            _ => rows.Where(s => s.Review == ReviewState.Pending),
        };
        var found = await rows.OrderBy(s => s.RowNumber).Take(take).ToListAsync(ct);
        var ids = found.Where(s => s.PersonId != null).Select(s => s.PersonId!.Value).Distinct().ToList();
        var engaged = await db.Engagements.AsNoTracking().Where(e => ids.Contains(e.PersonId)).Select(e => new { e.PersonId, e.AgencyId }).ToListAsync(ct);
        return [.. found.Select(s => new ReconciliationLine(s.PersonId, s.Name, s.NikMasked, s.Kpj,
            s.PersonId is { } pid ? string.Join(", ", engaged.Where(e => e.PersonId == pid).Select(e => agencies.GetValueOrDefault(e.AgencyId)).Distinct()) : null,
            s.StatusText ?? (s.Active ? "AKTIF" : null), s.Explanation))];
    }

    private IQueryable<BpjsStatus> PaidNotActive(IQueryable<BpjsStatus> rows, string period)
    {
        var start = Periods.Start(period);
        var end = Periods.End(start);
        // The month's bill (MonthlyBill): registered by the month's end, not ended before it starts.
        var billed = db.Engagements.BilledIn(start, end).Select(e => e.PersonId);
        return rows.Where(s => s.PersonId != null && !s.Active
                               && (billed.Contains(s.PersonId!.Value) || (s.LastPaidPeriod != null && string.Compare(s.LastPaidPeriod, period) >= 0)));
    }

    /// <summary>People with a verified PU/BPU engagement not ended before the period, and no row in BPJS's list for it.</summary>
    private IQueryable<Person> EligibleNotAtBpjs(string period)
    {
        var start = Periods.Start(period);
        var end = Periods.End(start);
        var listed = db.BpjsStatuses.Where(s => s.Period == period && s.PersonId != null).Select(s => s.PersonId!.Value);
        var eligible = db.Engagements.EligibleIn(start, end);
        return db.People.Where(p => eligible.Any(e => e.PersonId == p.Id) && !listed.Any(id => id == p.Id));
    }
}
