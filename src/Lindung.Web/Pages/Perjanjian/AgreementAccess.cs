using System.Security.Claims;
using Lindung.Core.Identity;

namespace Lindung.Web.Pages.Perjanjian;

/// <summary>Who writes agreements, renewals and handovers: the Koordinator and the Administrator (PRODUCT §2); the rest of the folder reads.</summary>
public static class AgreementAccess
{
    public static bool MayWrite(ClaimsPrincipal user) => user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Koordinator);

    /// <summary>Funding sources offered in the scope: the categories' own plus the two public budgets.</summary>
    public static IEnumerable<string> FundingChoices(IEnumerable<string> categoryFunding) =>
        new[] { "APBD", "APBDes" }.Concat(categoryFunding).Where(f => f.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase);

    public static readonly string[] ProgramChoices = ["JKK", "JKM", "JHT", "JP", "JKP"];
}
