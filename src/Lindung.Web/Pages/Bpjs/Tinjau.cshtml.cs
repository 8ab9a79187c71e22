using Lindung.Core.Bpjs;
using Lindung.Core.Data;
using Lindung.Core.Registry;
using Lindung.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Pages.Bpjs;

/// <summary>
/// The review queue: BPJS rows the matcher was not sure of, each beside its registry candidates (masked NIK,
/// birth date, sex, OPDs), with the matcher's explanation. Same person → applied; nobody → stays unmatched.
/// </summary>
public sealed class TinjauModel(LindungDbContext db) : PageModel
{
    public const int PageSize = 25;

    public List<BpjsStatus> Items { get; private set; } = [];
    public Dictionary<Guid, Person> People { get; private set; } = [];
    public Dictionary<Guid, string> AgencyNames { get; private set; } = [];
    public int Total { get; private set; }
    public bool MayDecide { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAcceptAsync(Guid id, Guid person, CancellationToken ct)
    {
        if (!UserScope.Of(User).MayVerify)
        {
            return Forbid();
        }

        if (!await new BpjsReview(db).AcceptAsync(id, person, ct))
        {
            return NotFound();
        }

        TempData["Decided"] = "accepted";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken ct)
    {
        if (!UserScope.Of(User).MayVerify)
        {
            return Forbid();
        }

        if (!await new BpjsReview(db).RejectAsync(id, ct))
        {
            return NotFound();
        }

        TempData["Decided"] = "rejected";
        return RedirectToPage();
    }

    public IEnumerable<Guid> CandidatesOf(BpjsStatus s) =>
        (s.Candidates ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).Where(People.ContainsKey);

    private async Task LoadAsync(CancellationToken ct)
    {
        MayDecide = UserScope.Of(User).MayVerify;
        var pending = db.BpjsStatuses.AsNoTracking().Where(s => s.Review == ReviewState.Pending);
        Total = await pending.CountAsync(ct);
        Items = await pending.OrderBy(s => s.Period).ThenBy(s => s.RowNumber).Take(PageSize).ToListAsync(ct);
        var ids = Items.SelectMany(s => (s.Candidates ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)).Select(Guid.Parse).Distinct().ToList();
        People = await db.People.AsNoTracking().Include(p => p.Engagements).Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        AgencyNames = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.ShortName, ct);
    }
}
