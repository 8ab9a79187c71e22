using Lindung.Core.Agreements;
using Lindung.Core.Data;
using Lindung.Core.MasterData;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lindung.Web.Pages.Perjanjian;

/// <summary>
/// Adds an agreement, corrects one, or (with <c>?perpanjang=ID</c>) drafts its renewal: a new version prefilled from
/// the old one, which stays as it was. The signed PDF is checked by content and size before anything is saved.
/// </summary>
[RequestSizeLimit(20L * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 20L * 1024 * 1024)]
public sealed class UbahModel(LindungDbContext db, AgreementDocuments documents, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Agreement? Previous { get; private set; }
    public List<WorkerCategory> Categories { get; private set; } = [];
    public List<string> FundingChoices { get; private set; } = [];
    public string? Error { get; private set; }
    public bool IsNew => Input.Id is null;

    public async Task<IActionResult> OnGetAsync(Guid? id, Guid? perpanjang, CancellationToken ct)
    {
        if (!AgreementAccess.MayWrite(User))
        {
            return Forbid();
        }

        var today = Today;
        if (id is { } existing)
        {
            if (await db.Agreements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == existing, ct) is not { } a)
            {
                return NotFound();
            }

            Input = InputModel.From(a, a.Id);
        }
        else if (perpanjang is { } oldId)
        {
            if (await db.Agreements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == oldId, ct) is not { } old)
            {
                return NotFound();
            }

            if (await AgreementRules.CheckRenewalAsync(db, oldId, ct) != RenewalRefusal.None)
            {
                TempData["AgreementMessage"] = "already-renewed";
                return RedirectToPage("Detail", new { id = oldId });
            }

            Input = InputModel.From(AgreementRules.DraftRenewal(old, today), null);
        }
        else
        {
            Input = new InputModel { SignedOn = today, ValidFrom = today, ValidTo = today.AddYears(1).AddDays(-1), Programs = ["JKK", "JKM"] };
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? document, CancellationToken ct)
    {
        if (!AgreementAccess.MayWrite(User))
        {
            return Forbid();
        }

        Agreement? agreement = null;
        if (Input.Id is { } id && (agreement = await db.Agreements.FirstOrDefaultAsync(a => a.Id == id, ct)) is null)
        {
            return NotFound();
        }

        if (Input.Id is null && Input.PreviousVersionId is { } prev
            && (!await db.Agreements.AnyAsync(a => a.Id == prev, ct) || await AgreementRules.CheckRenewalAsync(db, prev, ct) != RenewalRefusal.None))
        {
            TempData["AgreementMessage"] = "already-renewed";
            return RedirectToPage("Detail", new { id = prev });
        }

        await LoadAsync(ct);
        var codes = Categories.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        Error = Validate(codes);
        MemoryStream? pdf = null;
        if (Error is null && document is not null)
        {
            (pdf, Error) = await ReadDocumentAsync(document, ct);
        }

        if (Error is not null)
        {
            return Page();
        }

        if (agreement is null)
        {
            agreement = new Agreement { Number = "", Parties = "" };
            if (Input.PreviousVersionId is { } previousId)
            {
                var old = await db.Agreements.AsNoTracking().FirstAsync(a => a.Id == previousId, ct);
                agreement.PreviousVersionId = old.Id;
                agreement.Version = old.Version + 1;
            }

            db.Agreements.Add(agreement);
        }

        Input.ApplyTo(agreement);
        if (pdf is not null)
        {
            await documents.SaveAsync(agreement.Id, pdf, ct);
            agreement.DocumentName = Path.GetFileName(document!.FileName);
            agreement.DocumentSize = pdf.Length;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (agreement.PreviousVersionId is { } raced)
        {
            // Someone else renewed the same version a moment earlier: the unique index refused the second successor.
            TempData["AgreementMessage"] = "already-renewed";
            return RedirectToPage("Detail", new { id = raced });
        }

        TempData["AgreementMessage"] = "saved";
        return RedirectToPage("Detail", new { id = agreement.Id });
    }

    private async Task<(MemoryStream?, string?)> ReadDocumentAsync(IFormFile document, CancellationToken ct)
    {
        if (document.Length > AgreementDocuments.MaxBytes)
        {
            return (null, t["Agr_DocTooLarge", AgreementDocuments.MaxBytes / (1024 * 1024)].Value);
        }

        var buffer = new MemoryStream();
        await document.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        return AgreementDocuments.Check(buffer, buffer.Length) switch
        {
            DocumentRefusal.None => (buffer, null),
            DocumentRefusal.TooLarge => (null, t["Agr_DocTooLarge", AgreementDocuments.MaxBytes / (1024 * 1024)].Value),
            DocumentRefusal.Empty => (null, t["Agr_DocEmpty"].Value),
            _ => (null, t["Agr_DocNotPdf"].Value),
        };
    }

    private string? Validate(HashSet<string> categoryCodes)
    {
        if (string.IsNullOrWhiteSpace(Input.Number) || string.IsNullOrWhiteSpace(Input.Parties))
        {
            return t["Agr_ErrRequired"].Value;
        }

        if (Input.SignedOn is null || Input.ValidFrom is null || Input.ValidTo is null || Input.ValidTo < Input.ValidFrom)
        {
            return t["Agr_ErrDates"].Value;
        }

        if (Input.Categories.Count == 0 || Input.Programs.Count == 0 || Input.FundingSources.Count == 0
            || Input.Categories.Any(c => !categoryCodes.Contains(c)) || Input.Programs.Any(p => !AgreementAccess.ProgramChoices.Contains(p))
            || Input.FundingSources.Any(f => !FundingChoices.Contains(f)))
        {
            return t["Agr_ErrScope"].Value;
        }

        return Input.PerbupYear is < 1990 or > 2100 ? t["Agr_ErrPerbupYear"].Value : null;
    }

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);

    private async Task LoadAsync(CancellationToken ct)
    {
        Categories = await db.WorkerCategories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Name).ToListAsync(ct);
        FundingChoices = [.. AgreementAccess.FundingChoices(Categories.Select(c => c.FundingSource))];
        if (Input.PreviousVersionId is { } prev)
        {
            Previous = await db.Agreements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == prev, ct);
        }
    }

    public sealed class InputModel
    {
        public Guid? Id { get; set; }
        public Guid? PreviousVersionId { get; set; }
        public string? Number { get; set; }
        public DateOnly? SignedOn { get; set; }
        public string? Parties { get; set; }
        public List<string> Categories { get; set; } = [];
        public List<string> Programs { get; set; } = [];
        public List<string> FundingSources { get; set; } = [];
        public DateOnly? ValidFrom { get; set; }
        public DateOnly? ValidTo { get; set; }
        public string? PerbupNumber { get; set; }
        public int? PerbupYear { get; set; }
        public string? PerbupTitle { get; set; }
        public string? Notes { get; set; }

        public static InputModel From(Agreement a, Guid? id) => new()
        {
            Id = id,
            PreviousVersionId = a.PreviousVersionId,
            Number = a.Number,
            SignedOn = a.SignedOn,
            Parties = a.Parties,
            Categories = [.. Agreement.Split(a.Categories)],
            Programs = [.. Agreement.Split(a.Programs)],
            FundingSources = [.. Agreement.Split(a.FundingSources)],
            ValidFrom = a.ValidFrom,
            ValidTo = a.ValidTo,
            PerbupNumber = a.PerbupNumber,
            PerbupYear = a.PerbupYear,
            PerbupTitle = a.PerbupTitle,
            Notes = a.Notes,
        };

        public void ApplyTo(Agreement a)
        {
            a.Number = Number!.Trim();
            a.SignedOn = SignedOn!.Value;
            a.Parties = Parties!.Trim();
            a.Categories = Agreement.Join(Categories);
            a.Programs = Agreement.Join(Programs);
            a.FundingSources = Agreement.Join(FundingSources);
            a.ValidFrom = ValidFrom!.Value;
            a.ValidTo = ValidTo!.Value;
            a.PerbupNumber = Trimmed(PerbupNumber);
            a.PerbupYear = PerbupYear;
            a.PerbupTitle = Trimmed(PerbupTitle);
            a.Notes = Trimmed(Notes);
        }

        private static string? Trimmed(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    }
}
