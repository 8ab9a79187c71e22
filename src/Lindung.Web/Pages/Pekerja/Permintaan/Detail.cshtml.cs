using Lindung.Core.Data;
using Lindung.Core.Privacy;
using Lindung.Core.Registry;
using Lindung.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lindung.Web.Pages.Pekerja.Permintaan;

/// <summary>
/// One request: its steps (who/when), the legal limits on a deletion, and the actions. Diproses: the roles that may
/// edit the worker. A correction is carried out through the edit form, which links its audited edit to the request.
/// Ditolak and carrying out a deletion: Koordinator/Administrator. Operator OPD: own OPD's people only (else 404).
/// </summary>
public sealed class DetailModel(LindungDbContext db, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    public PersonalDataRequest DataRequest { get; private set; } = null!;
    public Person Person { get; private set; } = null!;
    public ErasureCheck? Check { get; private set; }
    public RetentionPolicy Policy { get; private set; } = RetentionPolicy.Default;
    public bool MayEdit { get; private set; }
    public bool MayDecide { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostProcessAsync(Guid id, CancellationToken ct)
    {
        if (!UserScope.Of(User).MayEditRegistry)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!RequestWorkflow.StartProcessing(DataRequest, db.Actor.UserName, time.GetUtcNow().UtcDateTime))
        {
            Error = t["Req_Err_NotOpen"];
            return Page();
        }

        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRefuseAsync(Guid id, string? reason, CancellationToken ct)
    {
        if (!UserScope.Of(User).MayVerify)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var text = reason?.Trim() ?? "";
        if (text.Length is 0 or > RequestWorkflow.MaxReason)
        {
            Error = t["Req_Err_Reason", RequestWorkflow.MaxReason];
            return Page();
        }

        if (!RequestWorkflow.Refuse(DataRequest, text, db.Actor.UserName, time.GetUtcNow().UtcDateTime))
        {
            Error = t["Req_Err_NotOpen"];
            return Page();
        }

        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostEraseAsync(Guid id, CancellationToken ct)
    {
        if (!UserScope.Of(User).MayVerify)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (DataRequest.Kind != RequestKind.Deletion || !DataRequest.IsOpen)
        {
            Error = t["Req_Err_NotOpen"];
            return Page();
        }

        var result = await new PersonalDataEraser(db).EraseAsync(Person.Id, ErasureCause.Request, DataRequest.Id.ToString(), Today(), DataRequest, ct);
        if (!result.Allowed)
        {
            Check = result;
            Error = t["Req_Err_Blocked"];
            return Page();
        }

        return RedirectToPage(new { id });
    }

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var scope = UserScope.Of(User);
        var request = await db.PersonalDataRequests.FirstOrDefaultAsync(r => r.Id == id, ct);
        var person = request is null ? null
            : await RegistryQueries.VisiblePeople(db, scope.OwnAgencyId).AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.PersonId, ct);
        if (request is null || person is null)
        {
            return false;
        }

        (DataRequest, Person, MayEdit, MayDecide) = (request, person, scope.MayEditRegistry, scope.MayVerify);
        Policy = await RetentionPolicy.LoadAsync(db, ct);
        if (request.Kind == RequestKind.Deletion && person.ErasedAt is null)
        {
            Check = await ErasureRules.CheckAsync(db, person.Id, Today(), ct);
        }

        return true;
    }
}
