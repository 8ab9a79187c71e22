using Lindung.Core.Claims;
using Lindung.Core.Data;
using Lindung.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Pages.Klaim;

/// <summary>Incidents and their claims, newest first (an Operator OPD sees their own OPD's only).</summary>
public sealed class IndexModel(LindungDbContext db) : PageModel
{
    public sealed record Row(Guid Id, DateOnly OccurredOn, string Name, string Agency, IncidentKind Kind, string Program, ClaimStatus Status, long? AmountPaid);

    public List<Row> Rows { get; private set; } = [];
    public bool MayWrite { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = UserScope.Of(User);
        MayWrite = scope.MayEditRegistry;
        Rows = await (from i in ClaimAccess.VisibleIncidents(db, scope.OwnAgencyId).AsNoTracking()
                      join p in db.People on i.PersonId equals p.Id
                      join a in db.Agencies on i.AgencyId equals a.Id
                      orderby i.OccurredOn descending
                      select new Row(i.Id, i.OccurredOn, p.FullName, a.ShortName, i.Kind, i.Claim!.Program, i.Claim.Status, i.Claim.AmountPaid))
            .Take(500).ToListAsync(ct);
    }
}
