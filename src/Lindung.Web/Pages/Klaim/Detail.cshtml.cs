using Lindung.Core.Claims;
using Lindung.Core.Data;
using Lindung.Core.Registry;
using Lindung.Core.Registry.Validation;
using Lindung.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ClaimRecord = Lindung.Core.Claims.Claim;

namespace Lindung.Web.Pages.Klaim;

/// <summary>
/// One incident and its claim: the activity warning, the document checklist, the status with BPJS and the amount paid,
/// and for a death the heirs and the children's scholarships by school year. Every handler re-checks the OPD scope.
/// </summary>
public sealed class DetailModel(LindungDbContext db, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    public Incident Incident { get; private set; } = null!;
    public ClaimRecord Claim { get; private set; } = null!;
    public Person Person { get; private set; } = null!;
    public Engagement Engagement { get; private set; } = null!;
    public string AgencyName { get; private set; } = "";
    public ActivityCheck Activity { get; private set; } = null!;
    public BenefitVersion Benefits { get; private set; } = null!;
    public bool MayWrite { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, track: false, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDocumentsAsync(Guid id, List<ClaimDocumentKind>? received, CancellationToken ct) =>
        await ChangeAsync(id, () =>
        {
            var today = ClaimAccess.Today(time);
            var got = (received ?? []).ToHashSet();
            foreach (var d in Claim.Documents)
            {
                var now = got.Contains(d.Kind);
                if (now != d.Received)
                {
                    d.Received = now;
                    d.ReceivedOn = now ? today : null;
                }
            }

            return null;
        }, ct);

    public async Task<IActionResult> OnPostStatusAsync(Guid id, ClaimStatus status, DateOnly? on, string? amount, string? note, CancellationToken ct) =>
        await ChangeAsync(id, () =>
        {
            long? paid = null;
            if (!string.IsNullOrWhiteSpace(amount))
            {
                if (!FieldParsing.TryParseRupiah(amount, out var parsed))
                {
                    return t["Clm_ErrAmount", amount].Value;
                }

                paid = parsed;
            }

            if (on > ClaimAccess.Today(time) || !Enum.IsDefined(status))
            {
                return t["Clm_ErrStatusDate"].Value;
            }

            return ClaimRules.SetStatus(Claim, status, on, paid, note) switch
            {
                StatusRefusal.None => null,
                StatusRefusal.DocumentsMissing => t["Clm_ErrDocsMissing"].Value,
                StatusRefusal.AmountRequired => t["Clm_ErrAmountRequired"].Value,
                StatusRefusal.DateRequired => t["Clm_ErrStatusDate"].Value,
                StatusRefusal.Closed => t["Clm_ErrClosed"].Value,
                _ => t["Clm_ErrBackwards"].Value,
            };
        }, ct);

    public async Task<IActionResult> OnPostHeirAsync(Guid id, string? name, string? relationship, string? phone, CancellationToken ct) =>
        await ChangeAsync(id, () =>
        {
            if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(relationship))
            {
                return t["Clm_ErrRequired"].Value;
            }

            db.Heirs.Add(new Heir { ClaimId = Claim.Id, Name = name.Trim(), Relationship = relationship.Trim(), Phone = FieldParsing.NormalisePhone(phone) });
            return null;
        }, ct);

    public async Task<IActionResult> OnPostScholarshipAsync(Guid id, string? child, SchoolLevel level, string? schoolYear, string? amount, CancellationToken ct) =>
        await ChangeAsync(id, () =>
        {
            var year = (schoolYear ?? "").Trim();
            if (string.IsNullOrWhiteSpace(child) || !Enum.IsDefined(level) || !IsSchoolYear(year))
            {
                return t["Clm_ErrScholarship"].Value;
            }

            var value = Benefits.Amount(BenefitBook.ScholarshipCode(level)) ?? 0;
            if (!string.IsNullOrWhiteSpace(amount) && !FieldParsing.TryParseRupiah(amount, out value))
            {
                return t["Clm_ErrAmount", amount].Value;
            }

            db.Scholarships.Add(new Scholarship { ClaimId = Claim.Id, ChildName = child.Trim(), Level = level, SchoolYear = year, Amount = value });
            return null;
        }, ct);

    public async Task<IActionResult> OnPostScholarshipPaidAsync(Guid id, Guid scholarship, DateOnly? on, CancellationToken ct) =>
        await ChangeAsync(id, () =>
        {
            var row = Claim.Scholarships.FirstOrDefault(s => s.Id == scholarship);
            if (row is null || on is null || on > ClaimAccess.Today(time))
            {
                return t["Clm_ErrStatusDate"].Value;
            }

            (row.Paid, row.PaidOn) = (true, on);
            return null;
        }, ct);

    /// <summary>"2025/2026": two consecutive years.</summary>
    public static bool IsSchoolYear(string s) =>
        s.Length == 9 && s[4] == '/' && int.TryParse(s.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture, out var a)
        && int.TryParse(s.AsSpan(5, 4), System.Globalization.CultureInfo.InvariantCulture, out var b) && b == a + 1 && a is >= 2000 and <= 2100;

    private async Task<IActionResult> ChangeAsync(Guid id, Func<string?> change, CancellationToken ct)
    {
        if (!UserScope.Of(User).MayEditRegistry)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, track: true, ct))
        {
            return NotFound();
        }

        Error = change();
        if (Error is not null)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, track: false, ct);
            return Page();
        }

        await db.SaveChangesAsync(ct);
        TempData["ClaimMessage"] = "saved";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, bool track, CancellationToken ct)
    {
        var scope = UserScope.Of(User);
        var incidents = ClaimAccess.VisibleIncidents(db, scope.OwnAgencyId);
        var incident = await (track ? incidents : incidents.AsNoTracking())
            .Include(i => i.Claim!).ThenInclude(c => c.Documents)
            .Include(i => i.Claim!).ThenInclude(c => c.Heirs)
            .Include(i => i.Claim!).ThenInclude(c => c.Scholarships)
            .AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident?.Claim is null)
        {
            return false;
        }

        Incident = incident;
        Claim = incident.Claim;
        MayWrite = scope.MayEditRegistry;
        Person = await db.People.AsNoTracking().FirstAsync(p => p.Id == incident.PersonId, ct);
        Engagement = await db.Engagements.AsNoTracking().Include(e => e.Category).FirstAsync(e => e.Id == incident.EngagementId, ct);
        AgencyName = await db.Agencies.AsNoTracking().Where(a => a.Id == incident.AgencyId).Select(a => a.ShortName).FirstAsync(ct);
        Activity = (await ClaimRules.ActivityAsync(db, [incident], ct))[incident.Id];
        Benefits = BenefitBook.For(await BenefitBook.LoadAsync(db, ct), incident.OccurredOn);
        return true;
    }
}
