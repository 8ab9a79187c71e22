using Lindung.Core.Claims;
using Lindung.Core.Data;
using Lindung.Core.Registry;
using Lindung.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lindung.Web.Pages.Klaim;

/// <summary>
/// Records a work accident or a death of a registered worker: find the worker by name among the engagements the user
/// may see, then the facts. The claim and its checklist are created with it.
/// </summary>
public sealed class CatatModel(LindungDbContext db, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record Candidate(Guid EngagementId, string Name, string NikMasked, string Agency, string Category, DateOnly Start, DateOnly? End);

    [BindProperty(SupportsGet = true)]
    public string? Cari { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public List<Candidate> Candidates { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? engagement, CancellationToken ct)
    {
        if (!UserScope.Of(User).MayEditRegistry)
        {
            return Forbid();
        }

        Input.EngagementId = engagement;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = UserScope.Of(User);
        if (!scope.MayEditRegistry)
        {
            return Forbid();
        }

        var engagement = Input.EngagementId is { } id
            ? await RegistryQueries.VisibleEngagements(db, scope.OwnAgencyId).AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct)
            : null;
        if (Input.EngagementId is not null && engagement is null)
        {
            return NotFound();
        }

        var today = ClaimAccess.Today(time);
        Error = engagement is null ? t["Clm_ErrWorker"].Value
            : Input.OccurredOn is null || Input.OccurredOn > today ? t["Clm_ErrDate"].Value
            : Input.OccurredOn < engagement.StartDate.AddYears(-1) ? t["Clm_ErrDate"].Value
            : string.IsNullOrWhiteSpace(Input.Place) || string.IsNullOrWhiteSpace(Input.Description) ? t["Clm_ErrRequired"].Value
            : !Enum.IsDefined(Input.Kind) ? t["Clm_ErrRequired"].Value
            : null;
        if (Error is not null)
        {
            await LoadAsync(ct);
            return Page();
        }

        var incident = new Incident
        {
            PersonId = engagement!.PersonId,
            EngagementId = engagement.Id,
            AgencyId = engagement.AgencyId,
            Kind = Input.Kind,
            OccurredOn = Input.OccurredOn!.Value,
            Place = Input.Place!.Trim(),
            Description = Input.Description!.Trim(),
            WorkRelated = Input.Kind == IncidentKind.WorkAccident || Input.WorkRelated,
            RecordedBy = User.Identity?.Name,
        };
        db.Incidents.Add(incident);
        db.Claims.Add(ClaimRules.NewClaim(incident));
        await db.SaveChangesAsync(ct);
        TempData["ClaimMessage"] = "recorded";
        return RedirectToPage("Detail", new { id = incident.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = UserScope.Of(User);
        var visible = RegistryQueries.VisibleEngagements(db, scope.OwnAgencyId).AsNoTracking();
        IQueryable<Engagement>? query = null;
        if (Input.EngagementId is { } chosen)
        {
            query = visible.Where(e => e.Id == chosen);
        }
        else if (!string.IsNullOrWhiteSpace(Cari) && RegistryQueries.NameSearchKey(Cari) is { Length: > 0 } key)
        {
            query = visible.Where(e => e.Person!.NameKey.StartsWith(key));
        }

        Candidates = query is null ? [] : await query.OrderBy(e => e.Person!.NameKey).ThenBy(e => e.StartDate).Take(30)
            .Select(e => new Candidate(e.Id, e.Person!.FullName, e.Person.NikMasked, e.Agency!.ShortName, e.Category!.Name, e.StartDate, e.EndDate))
            .ToListAsync(ct);
    }

    public sealed class InputModel
    {
        public Guid? EngagementId { get; set; }
        public IncidentKind Kind { get; set; } = IncidentKind.WorkAccident;
        public DateOnly? OccurredOn { get; set; }
        public string? Place { get; set; }
        public string? Description { get; set; }
        public bool WorkRelated { get; set; }
    }
}
