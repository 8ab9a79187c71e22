using Lindung.Core.Data;
using Lindung.Core.Import;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Pages.Pengajuan;

/// <summary>Downloads the Excel template of a worker category.</summary>
public sealed class TemplatModel(LindungDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string kategori)
    {
        var category = await db.WorkerCategories.AsNoTracking().FirstOrDefaultAsync(c => c.Code == kategori);
        if (category is null)
        {
            return NotFound();
        }

        var tenant = db.CurrentTenantCode + ".";
        var regions = await db.Regions.AsNoTracking().Where(r => r.Code.StartsWith(tenant)).ToListAsync();
        var categories = await db.WorkerCategories.AsNoTracking().OrderBy(c => c.Code).ToListAsync();
        var output = new MemoryStream();
        WorkerTemplate.Write(output, category, regions, categories);
        output.Position = 0;
        return File(output, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"templat-{category.Code.ToLowerInvariant()}.xlsx");
    }
}
