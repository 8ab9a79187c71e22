using Lindung.Core.Data;
using Lindung.Core.Formatting;
using Lindung.Core.MasterData;
using Lindung.Core.Projects;
using Lindung.Core.Registry.Validation;
using Lindung.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Pages.Proyek;

/// <summary>Registers a project (no id) or edits one; an Operator OPD only for their own OPD.</summary>
public sealed class UbahModel(LindungDbContext db, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Guid? Id { get; private set; }
    public List<Agency> Agencies { get; private set; } = [];
    public List<Region> Villages { get; private set; } = [];
    public List<Region> Districts { get; private set; } = [];
    public List<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (!ProjectAccess.MayEdit(User))
        {
            return Forbid();
        }

        if (id is { } existing)
        {
            var p = await ProjectAccess.Visible(db, User).AsNoTracking().FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (p is null)
            {
                return NotFound();
            }

            Id = p.Id;
            Input = new InputModel
            {
                AgencyId = p.AgencyId,
                ContractNumber = p.ContractNumber,
                PackageName = p.PackageName,
                Contractor = p.Contractor,
                ContractValue = p.ContractValue,
                IncludesVat = p.IncludesVat,
                SpkDate = IndonesianFormat.Date(p.SpkDate),
                DurationDays = p.DurationDays,
                DistrictCode = p.DistrictCode,
                VillageCode = p.VillageCode,
                FundingYear = p.FundingYear,
                FundingSource = p.FundingSource,
                Notes = p.Notes,
            };
        }
        else
        {
            Input.AgencyId = UserScope.Of(User).OwnAgencyId;
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        if (!ProjectAccess.MayEdit(User))
        {
            return Forbid();
        }

        ConstructionProject? project = null;
        if (id is { } existing && (project = await ProjectAccess.Visible(db, User).FirstOrDefaultAsync(x => x.Id == existing, ct)) is null)
        {
            return NotFound();
        }

        Id = project?.Id;
        var own = UserScope.Of(User).OwnAgencyId;
        var agency = own ?? Input.AgencyId;
        if (agency is not { } agencyId || !await db.Agencies.AnyAsync(a => a.Id == agencyId, ct))
        {
            Problems.Add(t["Proj_ChooseOpd"]);
        }

        DateOnly? spk = null;
        if (Input.SpkDate is { Length: > 0 } spkText)
        {
            if (DateParsing.TryParse(spkText, out var d))
            {
                spk = d;
            }
            else
            {
                Problems.Add(t["Proj_BadSpkDate", spkText]);
            }
        }

        var input = new ProjectInput(agency ?? Guid.Empty, Input.ContractNumber, Input.PackageName, Input.Contractor, Input.ContractValue, Input.IncludesVat,
            spk, Input.DurationDays, Input.DistrictCode, Input.VillageCode, Input.FundingYear, Input.FundingSource, Input.Notes);
        var tenant = db.CurrentTenantCode!;
        var checks = ProjectEditor.Check(input, tenant, await ProjectEditor.RegionCodesAsync(db, tenant, ct));
        if (spk is null && Input.SpkDate is { Length: > 0 })
        {
            // The unreadable date is already reported; "required" would contradict what the user typed.
            checks.RemoveAll(p => p.Key == ProjectMessages.SpkDateMissing.Key);
        }

        Problems.AddRange(checks.Select(p => p.ToString()));
        var number = Input.ContractNumber?.Trim();
        if (number is { Length: > 0 } && await db.ConstructionProjects.AnyAsync(p => p.ContractNumber == number && p.Id != (Id ?? Guid.Empty), ct))
        {
            Problems.Add(t["Proj_DuplicateNumber", number]);
        }

        if (Problems.Count > 0)
        {
            await LoadAsync(ct);
            return Page();
        }

        if (project is null)
        {
            project = ProjectEditor.New(input);
            db.ConstructionProjects.Add(project);
        }
        else
        {
            ProjectEditor.Apply(input, project);
        }

        await db.SaveChangesAsync(ct);
        TempData["ProjectMessage"] = "saved";
        return RedirectToPage("Detail", new { id = project.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var own = UserScope.Of(User).OwnAgencyId;
        Agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive && (own == null || a.Id == own)).OrderBy(a => a.ShortName).ToListAsync(ct);
        var tenant = db.CurrentTenantCode + ".";
        var regions = await db.Regions.AsNoTracking().Where(r => r.Code.StartsWith(tenant)).OrderBy(r => r.Code).ToListAsync(ct);
        Districts = regions.Where(r => r.Level == RegionLevel.District).ToList();
        Villages = regions.Where(r => r.Level == RegionLevel.Village).ToList();
    }

    public sealed class InputModel
    {
        public Guid? AgencyId { get; set; }
        public string? ContractNumber { get; set; }
        public string? PackageName { get; set; }
        public string? Contractor { get; set; }
        public long? ContractValue { get; set; }
        public bool IncludesVat { get; set; }
        public string? SpkDate { get; set; }
        public int? DurationDays { get; set; }
        public string? DistrictCode { get; set; }
        public string? VillageCode { get; set; }
        public int? FundingYear { get; set; }
        public string? FundingSource { get; set; } = "APBD";
        public string? Notes { get; set; }
    }
}
