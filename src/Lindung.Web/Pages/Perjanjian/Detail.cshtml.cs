using Lindung.Core.Agreements;
using Lindung.Core.Data;
using Lindung.Core.Registry;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lindung.Web.Pages.Perjanjian;

/// <summary>
/// One agreement version: terms, its place in the version chain, the signed PDF (served only through this page's
/// handler, to the roles of the folder), how many engagements it funds today, and the symbolic handovers.
/// </summary>
public sealed class DetailModel(LindungDbContext db, AgreementDocuments documents, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    public Agreement Agreement { get; private set; } = null!;
    public Agreement? Previous { get; private set; }
    public Agreement? Next { get; private set; }
    public List<AgreementHandover> Handovers { get; private set; } = [];
    public Dictionary<string, string> CategoryNames { get; private set; } = [];
    public int FundedEngagements { get; private set; }
    public bool MayWrite { get; private set; }
    public DateOnly Today { get; private set; }

    /// <summary>People found by the handover form's name search.</summary>
    public List<Person> Found { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Cari { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetDocumentAsync(Guid id, CancellationToken ct)
    {
        var agreement = await db.Agreements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agreement?.DocumentName is null || documents.Open(id) is not { } stream)
        {
            return NotFound();
        }

        return File(stream, "application/pdf", agreement.DocumentName);
    }

    public async Task<IActionResult> OnPostHandoverAsync(Guid id, DateOnly? date, string? place, string? note, List<Guid>? people,
        string? names, CancellationToken ct)
    {
        if (!AgreementAccess.MayWrite(User))
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var typed = (names ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var picked = people is { Count: > 0 }
            ? await db.People.AsNoTracking().Where(p => people.Contains(p.Id)).Select(p => new { p.Id, p.FullName }).ToListAsync(ct)
            : [];
        if (date is null || string.IsNullOrWhiteSpace(place))
        {
            Error = t["Agr_HandoverErrRequired"].Value;
        }
        else if (picked.Count + typed.Count == 0)
        {
            Error = t["Agr_HandoverErrRecipients"].Value;
        }
        else if (typed.Any(n => n.Length > 200))
        {
            Error = t["Agr_HandoverErrName"].Value;
        }

        if (Error is not null)
        {
            return Page();
        }

        var handover = new AgreementHandover { AgreementId = id, Date = date!.Value, Place = place!.Trim(), Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim() };
        handover.Recipients.AddRange(picked.Select(p => new HandoverRecipient { HandoverId = handover.Id, PersonId = p.Id, Name = p.FullName }));
        handover.Recipients.AddRange(typed.Select(n => new HandoverRecipient { HandoverId = handover.Id, Name = n }));
        db.AgreementHandovers.Add(handover);
        await db.SaveChangesAsync(ct);
        TempData["AgreementMessage"] = "handover";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await db.Agreements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is not { } agreement)
        {
            return false;
        }

        Agreement = agreement;
        MayWrite = AgreementAccess.MayWrite(User);
        Today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        Previous = agreement.PreviousVersionId is { } prev ? await db.Agreements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == prev, ct) : null;
        Next = await db.Agreements.AsNoTracking().FirstOrDefaultAsync(a => a.PreviousVersionId == id, ct);
        Handovers = await db.AgreementHandovers.AsNoTracking().Where(h => h.AgreementId == id).Include(h => h.Recipients)
            .OrderByDescending(h => h.Date).ToListAsync(ct);
        CategoryNames = await db.WorkerCategories.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        FundedEngagements = await CountFundedAsync(agreement, ct);
        if (MayWrite && !string.IsNullOrWhiteSpace(Cari))
        {
            var key = RegistryQueries.NameSearchKey(Cari);
            Found = key.Length == 0 ? [] : await db.People.AsNoTracking().Where(p => p.NameKey.StartsWith(key))
                .OrderBy(p => p.NameKey).Take(20).ToListAsync(ct);
        }

        return true;
    }

    /// <summary>
    /// Verified engagements running today whose category and funding source are in scope, if this version is in force
    /// today and is the one <see cref="AgreementRules.FundingAgreement"/> would pick for them.
    /// </summary>
    private async Task<int> CountFundedAsync(Agreement agreement, CancellationToken ct)
    {
        if (!agreement.IsInForceOn(Today))
        {
            return 0;
        }

        var all = await db.Agreements.AsNoTracking().ToListAsync(ct);
        var categories = Agreement.Split(agreement.Categories).ToList();
        var funding = Agreement.Split(agreement.FundingSources).ToList();
        var today = Today;
        var groups = await db.Engagements.AsNoTracking()
            .Where(e => e.Verification == VerificationStatus.Verified && e.StartDate <= today && (e.EndDate == null || e.EndDate >= today)
                        && categories.Contains(e.Category!.Code) && funding.Contains(e.FundingSource))
            .GroupBy(e => new { e.Category!.Code, e.FundingSource }).Select(g => new { g.Key.Code, g.Key.FundingSource, Count = g.Count() })
            .ToListAsync(ct);
        return groups.Where(g => AgreementRules.FundingAgreement(all, g.Code, g.FundingSource, today)?.Id == agreement.Id).Sum(g => g.Count);
    }
}
