using System.Security.Claims;
using Lindung.Core.Identity;

namespace Lindung.Web.Infrastructure;

/// <summary>
/// Record-level rights read from the sign-in claims: an Operator OPD is confined to their OPD (other OPDs'
/// records answer 404), and only some roles may reveal a full NIK (PRODUCT §2).
/// </summary>
public sealed record UserScope(Guid? OwnAgencyId, bool MayRevealNik, bool MayEditRegistry, bool MayVerify, bool MayPlan, bool MayBudget)
{
    public static UserScope Of(ClaimsPrincipal user)
    {
        var isOperator = user.IsInRole(Roles.OperatorOpd);
        var agency = Guid.TryParse(user.FindFirstValue(LindungClaims.Agency), out var id) ? id : (Guid?)null;
        return new UserScope(
            // An operator without an OPD sees nothing: Guid.Empty matches no row.
            isOperator ? agency ?? Guid.Empty : null,
            MayRevealNik: Roles.MayRevealNik.Any(user.IsInRole),
            MayEditRegistry: user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Koordinator) || isOperator,
            MayVerify: user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Koordinator),
            MayPlan: user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Perencana),
            MayBudget: user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Perencana) || user.IsInRole(Roles.Keuangan));
    }
}
