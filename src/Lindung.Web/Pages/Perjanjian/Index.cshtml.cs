using Lindung.Core.Agreements;
using Lindung.Core.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Pages.Perjanjian;

/// <summary>Every agreement version, newest end date first, with the expiry alerts of the versions not yet renewed.</summary>
public sealed class IndexModel(LindungDbContext db, TimeProvider time) : PageModel
{
    public List<Agreement> Agreements { get; private set; } = [];
    public HashSet<Guid> Renewed { get; private set; } = [];
    public Dictionary<Guid, ExpiryAlert> Alerts { get; private set; } = [];
    public bool MayWrite { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        MayWrite = AgreementAccess.MayWrite(User);
        Today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        Agreements = await db.Agreements.AsNoTracking().OrderByDescending(a => a.ValidTo).ThenByDescending(a => a.Version).ToListAsync(ct);
        Renewed = Agreements.Where(a => a.PreviousVersionId is not null).Select(a => a.PreviousVersionId!.Value).ToHashSet();
        Alerts = AgreementRules.Alerts(Agreements, Today).ToDictionary(a => a.Agreement.Id);
    }
}
