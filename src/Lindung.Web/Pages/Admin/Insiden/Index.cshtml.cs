using Lindung.Core.Data;
using Lindung.Core.Privacy;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Pages.Admin.Insiden;

/// <summary>Suspected personal-data breaches (UU 27/2022 Pasal 46), newest first, each with where its 3 × 24-hour deadline stands.</summary>
public sealed class IndexModel(LindungDbContext db, TimeProvider time) : PageModel
{
    public List<(BreachIncident Incident, BreachDeadline Deadline)> Incidents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        Incidents = (await db.BreachIncidents.AsNoTracking().OrderByDescending(i => i.DiscoveredAt).Take(500).ToListAsync(ct))
            .Select(i => (i, BreachDeadline.Compute(i.DiscoveredAt, i.NotifiedAt, now))).ToList();
    }
}
