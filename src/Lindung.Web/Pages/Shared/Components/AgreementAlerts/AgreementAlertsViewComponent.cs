using Lindung.Core.Agreements;
using Lindung.Core.Data;
using Lindung.Core.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Pages.Shared.Components.AgreementAlerts;

/// <summary>
/// The dashboard's agreement card: agreements ending within 90 days (or ended) and not renewed, for the roles that
/// act on them (Koordinator, Administrator) and the leaders who sign them (Pimpinan). Renders nothing otherwise.
/// </summary>
public sealed class AgreementAlertsViewComponent(LindungDbContext db, TimeProvider time) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!(User.IsInRole(Roles.Koordinator) || User.IsInRole(Roles.Pimpinan) || User.IsInRole(Roles.Administrator)))
        {
            return Content("");
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        // Only versions ending within the alert window or renewing one can matter; the table stays small anyway.
        var horizon = today.AddDays(AgreementRules.AlertDays[0]);
        var agreements = await db.Agreements.AsNoTracking().Where(a => a.ValidTo <= horizon || a.PreviousVersionId != null).ToListAsync();
        var alerts = AgreementRules.Alerts(agreements, today);
        return alerts.Count == 0 ? Content("") : View(alerts);
    }
}
