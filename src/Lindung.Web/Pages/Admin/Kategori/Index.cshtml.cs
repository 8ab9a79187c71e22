using Lindung.Core.Data;
using Lindung.Core.MasterData;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Pages.Admin.Kategori;

public sealed class IndexModel(LindungDbContext db) : PageModel
{
    public List<WorkerCategory> Categories { get; private set; } = [];

    public async Task OnGetAsync() =>
        Categories = await db.WorkerCategories.AsNoTracking().OrderBy(c => c.Scheme).ThenBy(c => c.Code).ToListAsync();
}
