using System.Security.Claims;
using Lindung.Core.Data;
using Lindung.Core.Identity;
using Lindung.Core.Projects;
using Lindung.Web.Infrastructure;

namespace Lindung.Web.Pages.Proyek;

/// <summary>
/// Record-level rules for projects (PRODUCT §2): Administrator and Koordinator register and edit any OPD's
/// projects, an Operator OPD only their own OPD's; everyone else reads. An Operator OPD never sees another
/// OPD's project: it answers 404, as if it did not exist.
/// </summary>
public static class ProjectAccess
{
    public static bool MayEdit(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Koordinator) || user.IsInRole(Roles.OperatorOpd);

    public static IQueryable<ConstructionProject> Visible(LindungDbContext db, ClaimsPrincipal user) =>
        UserScope.Of(user).OwnAgencyId is { } own ? db.ConstructionProjects.Where(p => p.AgencyId == own) : db.ConstructionProjects;
}
