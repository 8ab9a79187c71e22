using Lindung.Core.Data;
using Lindung.Core.Privacy;
using Lindung.Core.Registry;
using Lindung.Core.Registry.Validation;
using Lindung.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lindung.Web.Pages.Pekerja.Permintaan;

/// <summary>
/// Records a correction or deletion request (UU PDP) by or for the person: the roles that may edit the worker; an
/// Operator OPD only for a person with an engagement in their OPD (others answer 404).
/// </summary>
public sealed class CatatModel(LindungDbContext db, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Person Person { get; private set; } = null!;
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!UserScope.Of(User).MayEditRegistry)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input.ReceivedOn = Lindung.Core.Formatting.IndonesianFormat.Date(Today());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!UserScope.Of(User).MayEditRegistry)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            Errors.Add(t["Req_Err_Kind"]);
        }

        if (Input.Channel is not { } channel || !Enum.IsDefined(channel))
        {
            Errors.Add(t["Req_Err_Channel"]);
        }

        if (Input.Relation is not { } relation || !Enum.IsDefined(relation))
        {
            Errors.Add(t["Req_Err_Relation"]);
        }

        var received = default(DateOnly);
        if (string.IsNullOrWhiteSpace(Input.ReceivedOn) || !DateParsing.TryParse(Input.ReceivedOn.Trim(), out received) || received > Today())
        {
            Errors.Add(t["Req_Err_Received"]);
        }

        var requester = Input.RequesterName?.Trim() ?? "";
        if (requester.Length is 0 or > RequestWorkflow.MaxName)
        {
            Errors.Add(t["Req_Err_Requester", RequestWorkflow.MaxName]);
        }

        var details = Input.Details?.Trim() ?? "";
        if (details.Length is 0 or > RequestWorkflow.MaxDetails)
        {
            Errors.Add(t["Req_Err_Details", RequestWorkflow.MaxDetails]);
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        var request = new PersonalDataRequest
        {
            PersonId = Person.Id,
            Kind = Input.Kind!.Value,
            ReceivedOn = received,
            Channel = Input.Channel!.Value,
            RequesterName = requester,
            Relation = Input.Relation!.Value,
            Details = details,
            RecordedBy = db.Actor.UserName,
            RecordedAt = time.GetUtcNow().UtcDateTime,
        };
        db.PersonalDataRequests.Add(request);
        await db.SaveChangesAsync(ct);
        return RedirectToPage("Detail", new { id = request.Id });
    }

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var person = await RegistryQueries.VisiblePeople(db, UserScope.Of(User).OwnAgencyId).AsNoTracking()
            .FirstOrDefaultAsync(p => p.Id == id && p.ErasedAt == null, ct);
        Person = person!;
        return person is not null;
    }

    public sealed class InputModel
    {
        public RequestKind? Kind { get; set; }
        public string? ReceivedOn { get; set; }
        public RequestChannel? Channel { get; set; }
        public string? RequesterName { get; set; }
        public RequesterRelation? Relation { get; set; }
        public string? Details { get; set; }
    }
}
