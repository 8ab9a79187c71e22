using Lindung.Core.Data;
using Lindung.Core.MasterData;

namespace Lindung.Core.Registry;

/// <summary>Queries shared by the registry pages, the CLI and the API.</summary>
public static class RegistryQueries
{
    /// <summary>Engagements the actor may see: all of the tenant's, or only their own OPD's for an Operator OPD.</summary>
    public static IQueryable<Engagement> VisibleEngagements(LindungDbContext db, Guid? ownAgencyId) =>
        ownAgencyId is { } agency ? db.Engagements.Where(e => e.AgencyId == agency) : db.Engagements;

    /// <summary>People the actor may see: for an Operator OPD, those with an engagement in their OPD.</summary>
    public static IQueryable<Person> VisiblePeople(LindungDbContext db, Guid? ownAgencyId) =>
        ownAgencyId is { } agency ? db.People.Where(p => p.Engagements.Any(e => e.AgencyId == agency)) : db.People;

    /// <summary>
    /// The prefix a typed name is searched by: the same normalisation as <see cref="Person.NameKey"/>, so
    /// "siti  nur" finds "SITI NURHAYATI". Searching from the start keeps the query on an index at a million rows.
    /// </summary>
    public static string NameSearchKey(string typed) => NameKeys.For(typed);

    /// <summary>
    /// From how many matching rows the registry list walks the index of its sort column and stops after the page;
    /// below it the matches are found first and then sorted (docs/performance.md, "Registry list").
    /// </summary>
    public const int SortMatchesBelow = 50_000;

    /// <summary>Whether a list of <paramref name="matches"/> rows is read in the order of its sort column's index.</summary>
    public static bool WalkSortIndex(int matches) => matches >= SortMatchesBelow;
}

/// <summary>
/// The month rules every count shares (PRODUCT §4.5, docs/billing.md), in one place so coverage, its drill-down, the
/// reconciliation lists, the bill and the budget can never disagree about who counts.
/// </summary>
public static class EngagementMonths
{
    /// <summary>Eligible between <paramref name="start"/> and <paramref name="end"/>: verified PU/BPU, started by the end, not ended before the start.</summary>
    public static IQueryable<Engagement> EligibleIn(this IQueryable<Engagement> engagements, DateOnly start, DateOnly end) =>
        engagements.Where(e => e.Verification == VerificationStatus.Verified && e.Scheme != Scheme.Jakon
                               && e.StartDate <= end && (e.EndDate == null || e.EndDate >= start));

    /// <summary>Terdaftar at BPJS by <paramref name="end"/> (no registration date recorded counts as registered).</summary>
    public static IQueryable<Engagement> RegisteredBy(this IQueryable<Engagement> engagements, DateOnly end) =>
        engagements.Where(e => e.Registration == RegistrationStatus.Registered && (e.RegisteredOn == null || e.RegisteredOn <= end));

    /// <summary>On the month's bill: PU/BPU, Terdaftar by the month's end, not ended before it starts (MonthlyBill).</summary>
    public static IQueryable<Engagement> BilledIn(this IQueryable<Engagement> engagements, DateOnly start, DateOnly end) =>
        engagements.RegisteredBy(end).Where(e => e.Scheme != Scheme.Jakon && (e.EndDate == null || e.EndDate >= start));
}
