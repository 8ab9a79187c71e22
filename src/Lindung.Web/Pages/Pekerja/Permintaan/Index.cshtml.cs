using Lindung.Core.Data;
using Lindung.Core.Privacy;
using Lindung.Core.Registry;
using Lindung.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Pages.Pekerja.Permintaan;

/// <summary>
/// Correction and deletion requests (UU PDP) of the people the user may see: open ones (Diterima, Diproses) by
/// default, all with <c>?semua=1</c>, oldest first so none waits unseen. An Operator OPD sees their own OPD's people only.
/// </summary>
public sealed class IndexModel(LindungDbContext db) : PageModel
{
    public const int MaxRows = 500;

    [BindProperty(SupportsGet = true, Name = "semua")]
    public bool All { get; set; }

    public List<Row> Rows { get; private set; } = [];

    public sealed record Row(Guid Id, Guid PersonId, string PersonName, bool Erased, RequestKind Kind, DateOnly ReceivedOn,
        RequestStatus Status, string RequesterName, RequesterRelation Relation);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var people = RegistryQueries.VisiblePeople(db, UserScope.Of(User).OwnAgencyId);
        var requests = db.PersonalDataRequests.AsNoTracking().Where(r => people.Any(p => p.Id == r.PersonId));
        if (!All)
        {
            requests = requests.Where(r => r.Status == RequestStatus.Received || r.Status == RequestStatus.Processing);
        }

        Rows = await requests.Join(db.People, r => r.PersonId, p => p.Id, (r, p) => new { r, p })
            .OrderBy(x => x.r.ReceivedOn).ThenBy(x => x.r.RecordedAt).Take(MaxRows)
            .Select(x => new Row(x.r.Id, x.p.Id, x.p.FullName, x.p.ErasedAt != null, x.r.Kind, x.r.ReceivedOn, x.r.Status,
                x.r.RequesterName, x.r.Relation))
            .ToListAsync(ct);
    }
}
