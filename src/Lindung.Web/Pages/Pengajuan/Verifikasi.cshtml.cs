using Lindung.Core.Data;
using Lindung.Core.MasterData;
using Lindung.Core.Registry;
using Lindung.Core.Registry.Verification;
using Lindung.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lindung.Web.Pages.Pengajuan;

/// <summary>The verification queue across OPDs: approve or reject rows, singly or in bulk, with a reason.</summary>
public sealed class VerifikasiModel(LindungDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public Guid? Opd { get; set; }

    [BindProperty]
    public List<Guid> Selected { get; set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public List<Agency> Agencies { get; private set; } = [];
    public bool MayVerify { get; private set; }
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public sealed record Row(Guid EngagementId, Guid PersonId, string NikMasked, string FullName, DateOnly BirthDate, char Sex,
        string Agency, string Category, string? Position, long? Amount, DateOnly StartDate, string? Note);

    public async Task OnGetAsync()
    {
        Message = TempData["VerifyMessage"] as string;
        await LoadAsync();
    }

    public Task<IActionResult> OnPostApproveAsync() => DecideAsync(approve: true);

    public Task<IActionResult> OnPostRejectAsync() => DecideAsync(approve: false);

    private async Task<IActionResult> DecideAsync(bool approve)
    {
        if (!UserScope.Of(User).MayVerify)
        {
            return Forbid();
        }

        if (Selected.Count == 0)
        {
            Error = t["Verify_NoneSelected"];
        }
        else
        {
            try
            {
                var result = await VerificationService.DecideAsync(db, Selected, approve, Reason);
                TempData["VerifyMessage"] = t[approve ? "Verify_Approved" : "Verify_Rejected", result.Changed].Value;
                return RedirectToPage(new { Opd });
            }
            catch (ArgumentException e)
            {
                Error = e.Message;
            }
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        MayVerify = UserScope.Of(User).MayVerify;
        var query = db.Engagements.AsNoTracking().Where(e => e.Verification == VerificationStatus.Pending);
        if (Opd is { } opd)
        {
            query = query.Where(e => e.AgencyId == opd);
        }

        Total = await query.CountAsync();
        Rows = await query.OrderBy(e => e.Agency!.Name).ThenBy(e => e.Person!.NameKey).Take(PageSize)
            .Select(e => new Row(e.Id, e.PersonId, e.Person!.NikMasked, e.Person.FullName, e.Person.BirthDate, e.Person.Sex,
                e.Agency!.ShortName, e.Category!.Name, e.Position, e.Wage ?? e.DeclaredIncome, e.StartDate, e.VerificationReason))
            .ToListAsync();
        Agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).ToListAsync();
    }
}
