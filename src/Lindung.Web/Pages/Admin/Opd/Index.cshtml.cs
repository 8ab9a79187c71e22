using Lindung.Core.Data;
using Lindung.Core.MasterData;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Pages.Admin.Opd;

public sealed class IndexModel(LindungDbContext db) : PageModel
{
    public List<Agency> Agencies { get; private set; } = [];

    public async Task OnGetAsync() =>
        Agencies = await db.Agencies.AsNoTracking().OrderByDescending(a => a.IsPriority).ThenBy(a => a.Code).ToListAsync();
}
