using Lindung.Core.Audit;
using Lindung.Core.Data;
using Lindung.Core.MasterData;
using Lindung.Core.Projects;
using Lindung.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Pages.Proyek;

/// <summary>The project list with filters; overdue registrations and term payments without proof stand out. XLSX export.</summary>
public sealed class IndexModel(LindungDbContext db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Opd { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Tahun { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public ProjectFilter Status { get; set; }

    public List<ProjectListRow> Rows { get; private set; } = [];
    public List<Agency> Agencies { get; private set; } = [];
    public int Overdue { get; private set; }
    public int TermWithoutProof { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await LoadAsync(ct);
        var all = Status == ProjectFilter.All && Opd is null && Tahun is null && Q is null ? Rows
            : await ProjectQueries.ListAsync(db, new ProjectQuery(UserScope.Of(User).OwnAgencyId), Today, ct);
        Overdue = all.Count(r => r.Status.RegistrationOverdue);
        TermWithoutProof = all.Count(r => r.Status.TermDueWithoutProof);
        var own = UserScope.Of(User).OwnAgencyId;
        Agencies = await db.Agencies.AsNoTracking().Where(a => own == null || a.Id == own).OrderBy(a => a.ShortName).ToListAsync(ct);
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        var rows = await LoadAsync(ct);
        var prefix = db.CurrentTenantCode + ".";
        var regionNames = await db.Regions.AsNoTracking().Where(r => r.Code.StartsWith(prefix)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var codes = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code, ct);
        var output = new MemoryStream();
        ProjectExport.Write(output, rows, regionNames, codes, Today);
        db.Audit(AuditActions.Exported, nameof(ConstructionProject), null, $"daftar proyek: {rows.Count} baris");
        await db.SaveChangesAsync(ct);
        output.Position = 0;
        return File(output, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"proyek-jasa-konstruksi-{Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}.xlsx");
    }

    private Task<List<ProjectListRow>> LoadAsync(CancellationToken ct)
    {
        Today = ProjectQueries.Today(time);
        return ProjectQueries.ListAsync(db, new ProjectQuery(UserScope.Of(User).OwnAgencyId, Opd, Tahun, Q, Status), Today, ct);
    }
}
