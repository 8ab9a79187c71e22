using Lindung.Core.Data;

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
}
