using System.Globalization;
using Lindung.Core.Audit;
using Lindung.Core.Data;
using Lindung.Core.Formatting;
using Lindung.Core.Privacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lindung.Web.Pages.Admin.Insiden;

/// <summary>
/// One suspected breach: the 3 × 24-hour deadline (Pasal 46) prominently, the status steps with who/when, the people and
/// exports the audit trail links to the suspicion (paged; XLSX with masked NIK, audited), and the two notices — to the data
/// subjects and to the PDP agency — generated from templates in the resources and editable before sending.
/// </summary>
public sealed class DetailModel(LindungDbContext db, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int PageSize = 50;

    public BreachIncident Incident { get; private set; } = null!;
    public BreachDeadline Deadline { get; private set; } = null!;
    public int AffectedCount { get; private set; }
    public IReadOnlyList<AffectedPerson> Affected { get; private set; } = [];
    public IReadOnlyList<WindowExport> Exports { get; private set; } = [];
    public int Halaman { get; private set; } = 1;
    public int Pages => Math.Max(1, (AffectedCount + PageSize - 1) / PageSize);
    public string SubjectNotice { get; private set; } = "";
    public string AgencyNotice { get; private set; } = "";

    /// <summary>The generated texts as shown, sent back with the form: a notice left as generated is not stored, so it follows later changes.</summary>
    public string SubjectGenerated { get; private set; } = "";
    public string AgencyGenerated { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, int halaman = 1, CancellationToken ct = default)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var analysis = new BreachAnalysis(db);
        var affected = await analysis.AffectedAsync(Incident, ct);
        AffectedCount = affected.Count;
        Halaman = Math.Clamp(halaman, 1, Pages);
        Affected = await analysis.PageAsync(affected, Halaman, PageSize, ct);
        Exports = await analysis.ExportsAsync(Incident, ct);
        SubjectGenerated = Notice("Br_NoticeSubjectTemplate", affected.Count);
        AgencyGenerated = Notice("Br_NoticeAgencyTemplate", affected.Count);
        SubjectNotice = Incident.SubjectNoticeText ?? SubjectGenerated;
        AgencyNotice = Incident.AgencyNoticeText ?? AgencyGenerated;
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var analysis = new BreachAnalysis(db);
        var affected = await analysis.AffectedAsync(Incident, ct);
        var output = new MemoryStream();
        await analysis.WriteXlsxAsync(output, Incident, affected, ct);
        db.Audit(AuditActions.Exported, nameof(BreachIncident), id.ToString(), $"orang terdampak insiden data: {affected.Count} baris (NIK tersamar)");
        await db.SaveChangesAsync(ct);
        output.Position = 0;
        return File(output, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"insiden-terdampak-{Incident.DiscoveredAt.AddHours(7).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}.xlsx");
    }

    /// <summary>Moves to the next step (or closes), recording who and when; audited with the incident.</summary>
    public async Task<IActionResult> OnPostStatusAsync(Guid id, BreachStatus to, CancellationToken ct)
    {
        var incident = await db.BreachIncidents.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null)
        {
            return NotFound();
        }

        if (!BreachWorkflow.Move(incident, to, db.Actor.UserName, time.GetUtcNow().UtcDateTime))
        {
            return BadRequest();
        }

        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { id });
    }

    /// <summary>Saves the handling steps and the notices as edited (empty = back to the generated text).</summary>
    public async Task<IActionResult> OnPostNoticeAsync(Guid id, string? handlingSteps, string? subjectNotice, string? agencyNotice,
        string? subjectGenerated, string? agencyGenerated, CancellationToken ct)
    {
        var incident = await db.BreachIncidents.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null)
        {
            return NotFound();
        }

        static string? Clean(string? text, int max) => string.IsNullOrWhiteSpace(text) ? null : text.Trim()[..Math.Min(text.Trim().Length, max)];
        static string? Edited(string? text, string? generated) =>
            Clean(text, 8000) is { } edited && edited.ReplaceLineEndings() != (Clean(generated, 8000) ?? "").ReplaceLineEndings() ? edited : null;
        incident.HandlingSteps = Clean(handlingSteps, 4000);
        incident.SubjectNoticeText = Edited(subjectNotice, subjectGenerated);
        incident.AgencyNoticeText = Edited(agencyNotice, agencyGenerated);
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var incident = await db.BreachIncidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null)
        {
            return false;
        }

        Incident = incident;
        Deadline = BreachDeadline.Compute(incident.DiscoveredAt, incident.NotifiedAt, time.GetUtcNow().UtcDateTime);
        return true;
    }

    /// <summary>
    /// The notice from its template: {0} which data, {1} when discovered, {2} the suspected window, {3} how (the description),
    /// {4} how many people, {5} handling and recovery steps — the contents Pasal 46 names.
    /// </summary>
    private string Notice(string template, int people)
    {
        var kinds = Incident.Kinds.Count == 0 ? BreachDataKinds.All : Incident.Kinds;
        var which = string.Join(", ", kinds.Select(k => t["Br_KindNotice_" + k].Value));
        var window = (Incident.WindowFrom, Incident.WindowTo) switch
        {
            (null, null) => t["Br_WindowOpen"].Value,
            ({ } f, null) => t["Br_WindowFrom", When(f)].Value,
            (null, { } u) => t["Br_WindowTo", When(u)].Value,
            ({ } f, { } u) => t["Br_WindowBetween", When(f), When(u)].Value,
        };
        return t[template, which, When(Incident.DiscoveredAt), window, Incident.Description, IndonesianFormat.Number(people),
            Incident.HandlingSteps ?? t["Br_StepsMissing"].Value].Value;
    }

    public static string When(DateTime utc) => IndonesianFormat.DateTime(utc, IndonesianFormat.Wib) + " WIB";
}
