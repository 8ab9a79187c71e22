using Lindung.Core.Claims;
using Lindung.Core.Data;

namespace Lindung.Web.Pages.Klaim;

/// <summary>
/// Incidents an actor may see: all of the tenant's, or only those of their own OPD for an Operator OPD (another OPD's
/// incident answers 404). Writing is for the roles that edit the registry (Administrator, Koordinator, Operator OPD).
/// </summary>
public static class ClaimAccess
{
    public static IQueryable<Incident> VisibleIncidents(LindungDbContext db, Guid? ownAgencyId) =>
        ownAgencyId is { } agency ? db.Incidents.Where(i => i.AgencyId == agency) : db.Incidents;

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
}
