using Lindung.Core.Data;
using Lindung.Core.Identity;
using Lindung.Core.MasterData;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Pages.Dasbor;

public sealed class IndexModel(LindungDbContext db) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public int Agencies { get; private set; }
    public int Categories { get; private set; }
    public int Districts { get; private set; }
    public int Villages { get; private set; }
    public List<Agency> Priority { get; private set; } = [];
    public int Engagements { get; private set; }

    public async Task OnGetAsync()
    {
        DisplayName = User.FindFirst(LindungClaims.DisplayName)?.Value ?? User.Identity?.Name ?? "";
        Agencies = await db.Agencies.CountAsync(a => a.IsActive);
        Categories = await db.WorkerCategories.CountAsync(c => c.IsActive);
        var tenant = db.CurrentTenantCode + ".";
        Districts = await db.Regions.CountAsync(r => r.Level == RegionLevel.District && r.Code.StartsWith(tenant));
        Villages = await db.Regions.CountAsync(r => r.Level == RegionLevel.Village && r.Code.StartsWith(tenant));
        Engagements = await db.Engagements.CountAsync();
        Priority = await db.Agencies.AsNoTracking().Where(a => a.IsPriority).OrderBy(a => a.Name).ToListAsync();
    }
}
