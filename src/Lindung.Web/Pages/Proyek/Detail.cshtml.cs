using Lindung.Core.Contributions;
using Lindung.Core.Data;
using Lindung.Core.Formatting;
using Lindung.Core.Projects;
using Lindung.Core.Registry.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lindung.Web.Pages.Proyek;

/// <summary>
/// One project: its contribution with the tier breakdown, the registration deadline, the BPJS registration
/// (number, amount and date paid, certificate PDF) and term payments. Another OPD's project answers 404.
/// </summary>
public sealed class DetailModel(LindungDbContext db, TimeProvider time, CertificateStore certificates, IStringLocalizer<SharedResource> t) : PageModel
{
    public ConstructionProject Project { get; private set; } = null!;
    public string AgencyName { get; private set; } = "";
    public string? DistrictName { get; private set; }
    public string? VillageName { get; private set; }
    public ContributionResult Contribution { get; private set; } = null!;
    public RateTable Rates { get; private set; } = null!;
    public ProjectStatus Status { get; private set; } = null!;
    public List<PublicHoliday> HolidaysInWindow { get; private set; } = [];
    public List<string> Problems { get; private set; } = [];

    [BindProperty]
    public RegistrationInput Registration { get; set; } = new();

    [BindProperty]
    public TermInput Term { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Registration = new RegistrationInput
        {
            Number = Project.RegistrationNumber,
            AmountPaid = Project.AmountPaid ?? Contribution.Total,
            PaidOn = Project.PaidOn is { } d ? IndonesianFormat.Date(d) : null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostRegistrationAsync(Guid id, IFormFile? certificate, CancellationToken ct)
    {
        if (!ProjectAccess.MayEdit(User))
        {
            return Forbid();
        }

        var project = await ProjectAccess.Visible(db, User).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(Registration.Number) || Registration.Number.Trim().Length > 60)
        {
            Problems.Add(t["Proj_Err_RegNumber"]);
        }

        if (Registration.AmountPaid is not > 0)
        {
            Problems.Add(t["Proj_Err_AmountPaid"]);
        }

        DateOnly paidOn = default;
        if (Registration.PaidOn is not { Length: > 0 } paidText || !DateParsing.TryParse(paidText, out paidOn))
        {
            Problems.Add(t["Proj_Err_PaidOn"]);
        }

        await using var upload = certificate?.OpenReadStream();
        if (certificate is not null && CertificateStore.Refusal(upload!, certificate.Length) is { } refusal)
        {
            Problems.Add(refusal.ToString());
        }

        if (Problems.Count > 0)
        {
            await LoadAsync(id, ct);
            return Page();
        }

        if (certificate is not null)
        {
            await certificates.SaveAsync(project.TenantCode, project.Id, upload!, ct);
            project.CertificateFileName = Path.GetFileName(certificate.FileName) is { Length: > 0 and <= 200 } name ? name : "sertifikat.pdf";
            project.CertificateBytes = certificate.Length;
            project.CertificateUploadedAt = time.GetUtcNow().UtcDateTime;
        }

        project.RegistrationNumber = Registration.Number!.Trim();
        project.AmountPaid = Registration.AmountPaid;
        project.PaidOn = paidOn;
        await db.SaveChangesAsync(ct);
        TempData["ProjectMessage"] = "registered";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostTermAsync(Guid id, CancellationToken ct)
    {
        if (!ProjectAccess.MayEdit(User))
        {
            return Forbid();
        }

        if (!await ProjectAccess.Visible(db, User).AnyAsync(p => p.Id == id, ct))
        {
            return NotFound();
        }

        if (Term.DueOn is not { Length: > 0 } dueText || !DateParsing.TryParse(dueText, out var dueOn))
        {
            Problems.Add(t["Proj_Err_TermDate"]);
            dueOn = default;
        }

        if (Term.Amount is not > 0)
        {
            Problems.Add(t["Proj_Err_TermAmount"]);
        }

        if (Problems.Count > 0)
        {
            await LoadAsync(id, ct);
            return Page();
        }

        db.ProjectTermPayments.Add(new ProjectTermPayment { ProjectId = id, DueOn = dueOn, Amount = Term.Amount!.Value, Note = Term.Note?.Trim() is { Length: > 0 } n ? n : null });
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeleteTermAsync(Guid id, Guid termId, CancellationToken ct)
    {
        if (!ProjectAccess.MayEdit(User))
        {
            return Forbid();
        }

        if (!await ProjectAccess.Visible(db, User).AnyAsync(p => p.Id == id, ct))
        {
            return NotFound();
        }

        var term = await db.ProjectTermPayments.FirstOrDefaultAsync(x => x.Id == termId && x.ProjectId == id, ct);
        if (term is null)
        {
            return NotFound();
        }

        db.ProjectTermPayments.Remove(term);
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { id });
    }

    /// <summary>The certificate, only to whoever may see the project; never a static file.</summary>
    public async Task<IActionResult> OnGetCertificateAsync(Guid id, CancellationToken ct)
    {
        var project = await ProjectAccess.Visible(db, User).AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project?.CertificateFileName is null || certificates.Open(project.TenantCode, project.Id) is not { } file)
        {
            return NotFound();
        }

        return File(file, "application/pdf", project.CertificateFileName);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var project = await ProjectAccess.Visible(db, User).AsNoTracking().Include(p => p.TermPayments).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null)
        {
            return false;
        }

        Project = project;
        project.TermPayments = [.. project.TermPayments.OrderBy(x => x.DueOn)];
        AgencyName = await db.Agencies.Where(a => a.Id == project.AgencyId).Select(a => a.Name).FirstAsync(ct);
        var codes = new[] { project.DistrictCode, project.VillageCode }.OfType<string>().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        DistrictName = project.DistrictCode is { } dc ? names.GetValueOrDefault(dc) : null;
        VillageName = project.VillageCode is { } vc ? names.GetValueOrDefault(vc) : null;
        var book = await RateBookStore.LoadAsync(db, ct);
        Rates = book.For(project.SpkDate);
        Contribution = ProjectQueries.Contribution(book, project);
        var holidays = await HolidayCalendar.LoadAsync(db, ct);
        Status = ProjectQueries.StatusOf(project, project.TermPayments.Select(x => x.DueOn), book, holidays, ProjectQueries.Today(time));
        HolidaysInWindow = await db.PublicHolidays.AsNoTracking().Where(h => h.Date > project.SpkDate && h.Date <= Status.Deadline).OrderBy(h => h.Date).ToListAsync(ct);
        return true;
    }

    public sealed class RegistrationInput
    {
        public string? Number { get; set; }
        public long? AmountPaid { get; set; }
        public string? PaidOn { get; set; }
    }

    public sealed class TermInput
    {
        public string? DueOn { get; set; }
        public long? Amount { get; set; }
        public string? Note { get; set; }
    }
}
