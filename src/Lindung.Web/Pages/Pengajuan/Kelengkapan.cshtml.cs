using System.Globalization;
using Lindung.Core.Data;
using Lindung.Core.Formatting;
using Lindung.Core.Registry.Verification;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lindung.Web.Pages.Pengajuan;

/// <summary>Completeness board: which OPDs have submitted for the period, which have not.</summary>
public sealed class KelengkapanModel(LindungDbContext db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Periode { get; set; }

    public List<CompletenessRow> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        if (Periode is null || !Periods.TryParse(Periode, out _))
        {
            Periode = time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        }

        Rows = await CompletenessBoard.ForPeriodAsync(db, Periode);
    }
}
