using Lindung.Core.Agreements;
using Lindung.Core.Audit;
using Lindung.Core.Data;
using Lindung.Core.Formatting;
using Lindung.Core.Registry;
using Lindung.Core.Registry.Protection;
using Lindung.Core.Registry.Validation;
using Lindung.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lindung.Web.Pages.Pekerja;

/// <summary>
/// One person: identity (NIK masked unless revealed, which is audited), engagements, full history. Roles that edit
/// the registry end a running engagement here (Berakhir: date and reason); an Operator OPD only sees, hence only
/// ends, their own OPD's engagements.
/// </summary>
public sealed class DetailModel(LindungDbContext db, NikProtector nik, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    public Person Person { get; private set; } = null!;
    public List<Engagement> Engagements { get; private set; } = [];
    public List<AuditEvent> History { get; private set; } = [];
    public string? RevealedNik { get; private set; }
    public bool MayReveal { get; private set; }
    public string? District { get; private set; }
    public string? Village { get; private set; }
    public bool MayEdit { get; private set; }

    /// <summary>Per engagement, the agreement (PKS) that funds it at its trace date (<see cref="AgreementRules.TraceDate"/>), or null.</summary>
    public Dictionary<Guid, Agreement?> Funding { get; private set; } = [];

    public bool MayOpenAgreements { get; private set; }

    /// <summary>The engagement whose end was refused, the reason, and what was typed (shown again in its form).</summary>
    public Guid? EndFailedFor { get; private set; }
    public string? EndError { get; private set; }
    public string? EndDateTyped { get; private set; }
    public EndReason? EndReasonChosen { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>Shows the full NIK once, to a role allowed to see it, and records the reveal.</summary>
    public async Task<IActionResult> OnPostRevealAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!MayReveal)
        {
            return Forbid();
        }

        if (Person.ErasedAt is not null)
        {
            return NotFound();
        }

        db.Audit(AuditActions.NikRevealed, nameof(Lindung.Core.Registry.Person), id.ToString());
        await db.SaveChangesAsync();
        RevealedNik = nik.Decrypt(Person.NikCipher);
        History.Insert(0, db.AuditEvents.Local.Last());
        return Page();
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id, Guid engagement, string? endDate, EndReason? reason, CancellationToken ct)
    {
        var scope = UserScope.Of(User);
        if (!scope.MayEditRegistry)
        {
            return Forbid();
        }

        var tracked = await RegistryQueries.VisibleEngagements(db, scope.OwnAgencyId)
            .FirstOrDefaultAsync(e => e.Id == engagement && e.PersonId == id, ct);
        if (tracked is null || !await LoadAsync(id))
        {
            return NotFound();
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        var typed = endDate?.Trim() ?? "";
        EndReason? chosen = reason is { } r && Enum.IsDefined(r) ? r : null;
        string? error;
        if (typed.Length == 0 || !DateParsing.TryParse(typed, out var end))
        {
            error = typed.Length == 0 ? t["Val_Required", t["End_Date"]].Value : t["End_Err_Date", typed].Value;
        }
        else if (chosen is not { } why)
        {
            error = t["End_Err_Reason"].Value;
        }
        else
        {
            error = EngagementEnding.End(tracked, end, why, today) switch
            {
                EndRefusal.AlreadyEnded => t["End_Err_AlreadyEnded"].Value,
                EndRefusal.BeforeStart => t["End_Err_BeforeStart", IndonesianFormat.Date(end), IndonesianFormat.Date(tracked.StartDate)].Value,
                EndRefusal.TooFarAhead => t["End_Err_TooFar", IndonesianFormat.Date(end), EngagementEnding.MaxDaysAhead,
                    IndonesianFormat.Date(today.AddDays(EngagementEnding.MaxDaysAhead))].Value,
                _ => null,
            };
        }

        if (error is not null)
        {
            (EndFailedFor, EndError, EndDateTyped, EndReasonChosen) = (engagement, error, typed, chosen);
            return Page();
        }

        await db.SaveChangesAsync(ct);
        TempData["WorkerMessage"] = "ended";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var scope = UserScope.Of(User);
        var person = await RegistryQueries.VisiblePeople(db, scope.OwnAgencyId).AsNoTracking().FirstOrDefaultAsync(p => p.Id == id);
        if (person is null)
        {
            return false;
        }

        Person = person;
        MayReveal = scope.MayRevealNik;
        MayEdit = scope.MayEditRegistry;
        Engagements = await RegistryQueries.VisibleEngagements(db, scope.OwnAgencyId).AsNoTracking()
            .Where(e => e.PersonId == id).Include(e => e.Agency).Include(e => e.Category)
            .OrderBy(e => e.StartDate).ToListAsync();
        Funding = await AgreementRules.FundingAgreementsAsync(db, Engagements,
            DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime));
        MayOpenAgreements = Lindung.Web.Authorization.AreaAccess.Folders["/Perjanjian"].Any(User.IsInRole);
        var ids = Engagements.Select(e => e.Id.ToString()).Append(id.ToString()).ToList();
        History = await db.AuditEvents.AsNoTracking().Where(e => e.EntityId != null && ids.Contains(e.EntityId))
            .OrderByDescending(e => e.At).Take(200).ToListAsync();
        var regions = await db.Regions.AsNoTracking()
            .Where(r => r.Code == person.DistrictCode || r.Code == person.VillageCode).ToListAsync();
        District = regions.FirstOrDefault(r => r.Code == person.DistrictCode)?.Name;
        Village = regions.FirstOrDefault(r => r.Code == person.VillageCode)?.Name;
        return true;
    }
}
