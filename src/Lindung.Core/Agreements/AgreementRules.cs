using Lindung.Core.Data;
using Lindung.Core.Registry;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Agreements;

/// <summary>How close an agreement is to its end: the alert steps of PRODUCT §4.11 (90, 60, 30 days) and expired.</summary>
public enum ExpiryLevel
{
    Expired = 0,
    Days30 = 30,
    Days60 = 60,
    Days90 = 90,
}

public sealed record ExpiryAlert(Agreement Agreement, int DaysLeft, ExpiryLevel Level);

public enum RenewalRefusal
{
    None = 0,
    AlreadyRenewed = 1,
}

/// <summary>Expiry alerts, renewal and the agreement that funds an engagement (docs/agreements-and-claims.md).</summary>
public static class AgreementRules
{
    public static readonly int[] AlertDays = [90, 60, 30];

    /// <summary>
    /// Alerts for agreements that have not been renewed: from 90 days before <see cref="Agreement.ValidTo"/> (the last
    /// day in force) the alert shows at level 90, from 60 days at level 60, from 30 days at level 30, and after the
    /// last day as expired. A renewed agreement (one with a successor) never alerts: its successor speaks for it.
    /// </summary>
    public static IReadOnlyList<ExpiryAlert> Alerts(IReadOnlyCollection<Agreement> agreements, DateOnly today)
    {
        var renewed = agreements.Where(a => a.PreviousVersionId is not null).Select(a => a.PreviousVersionId!.Value).ToHashSet();
        return agreements.Where(a => !renewed.Contains(a.Id))
            .Select(a => (Agreement: a, Days: a.ValidTo.DayNumber - today.DayNumber))
            .Where(x => x.Days <= AlertDays[0])
            .Select(x => new ExpiryAlert(x.Agreement, x.Days, LevelFor(x.Days)))
            .OrderBy(x => x.DaysLeft).ThenBy(x => x.Agreement.Number, StringComparer.Ordinal)
            .ToList();
    }

    public static ExpiryLevel LevelFor(int daysLeft) => daysLeft switch
    {
        < 0 => ExpiryLevel.Expired,
        <= 30 => ExpiryLevel.Days30,
        <= 60 => ExpiryLevel.Days60,
        _ => ExpiryLevel.Days90,
    };

    /// <summary>
    /// The next version, prefilled from <paramref name="old"/>: same parties, scope and Perbup; valid from the day after
    /// the old one ends for the same length (in months when it ran whole months); no signed document (the new one must be uploaded). Not yet saved.
    /// </summary>
    public static Agreement DraftRenewal(Agreement old, DateOnly today)
    {
        var from = old.ValidTo.AddDays(1);
        // Whole months (the usual 1 Jan – 31 Dec) stay whole months; any other span keeps its length in days.
        var months = (from.Year - old.ValidFrom.Year) * 12 + from.Month - old.ValidFrom.Month;
        var to = from.Day == old.ValidFrom.Day && months > 0
            ? from.AddMonths(months).AddDays(-1)
            : from.AddDays(old.ValidTo.DayNumber - old.ValidFrom.DayNumber);
        return new Agreement
        {
            Number = old.Number,
            SignedOn = today,
            Parties = old.Parties,
            Categories = old.Categories,
            Programs = old.Programs,
            FundingSources = old.FundingSources,
            ValidFrom = from,
            ValidTo = to,
            PerbupNumber = old.PerbupNumber,
            PerbupYear = old.PerbupYear,
            PerbupTitle = old.PerbupTitle,
            Version = old.Version + 1,
            PreviousVersionId = old.Id,
            Notes = old.Notes,
        };
    }

    /// <summary>Whether <paramref name="old"/> may still be renewed: each version has at most one successor.</summary>
    public static async Task<RenewalRefusal> CheckRenewalAsync(LindungDbContext db, Guid old, CancellationToken ct = default) =>
        await db.Set<Agreement>().AnyAsync(a => a.PreviousVersionId == old, ct) ? RenewalRefusal.AlreadyRenewed : RenewalRefusal.None;

    /// <summary>
    /// The date at which an engagement's funding is traced: today while it runs, its start if it has not started,
    /// its last day once ended.
    /// </summary>
    public static DateOnly TraceDate(Engagement e, DateOnly today) =>
        e.StartDate > today ? e.StartDate : e.EndDate is { } end && end < today ? end : today;

    /// <summary>
    /// The agreement in force on <paramref name="date"/> whose scope names the category and the funding source; when
    /// several do, the one that started last (then the highest version).
    /// </summary>
    public static Agreement? FundingAgreement(IEnumerable<Agreement> agreements, string categoryCode, string fundingSource, DateOnly date) =>
        agreements.Where(a => a.IsInForceOn(date) && a.CoversCategory(categoryCode) && a.CoversFunding(fundingSource))
            .OrderByDescending(a => a.ValidFrom).ThenByDescending(a => a.Version).FirstOrDefault();

    /// <summary>For each engagement (with its category loaded), the agreement that funds it at its trace date, or null.</summary>
    public static async Task<Dictionary<Guid, Agreement?>> FundingAgreementsAsync(LindungDbContext db, IReadOnlyCollection<Engagement> engagements,
        DateOnly today, CancellationToken ct = default)
    {
        var agreements = engagements.Count == 0 ? [] : await db.Set<Agreement>().AsNoTracking().ToListAsync(ct);
        return engagements.ToDictionary(e => e.Id, e => e.Category is { } c
            ? FundingAgreement(agreements, c.Code, e.FundingSource, TraceDate(e, today))
            : null);
    }
}
