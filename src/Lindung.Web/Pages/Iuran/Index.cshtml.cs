using System.Globalization;
using Lindung.Core.Contributions;
using Lindung.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lindung.Web.Pages.Iuran;

/// <summary>The contribution simulator: PU, BPU or construction, on the rate table in force on a date.</summary>
public sealed class IndexModel(LindungDbContext db, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Skema { get; set; } = "BPU";

    [BindProperty(SupportsGet = true)]
    public long? Nilai { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Risiko { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public List<string> Program { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public bool TermasukPpn { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Tanggal { get; set; }

    public ContributionResult? Result { get; private set; }
    public RateTable? Rates { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var date = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        if (Tanggal is { Length: > 0 } && !DateOnly.TryParseExact(Tanggal, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            Error = t["Iuran_DateInvalid"];
            return;
        }

        Tanggal = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (Program.Count == 0)
        {
            Program = ["JKK", "JKM"];
        }

        if (Nilai is null)
        {
            return;
        }

        try
        {
            Rates = (await RateBookStore.LoadAsync(db, ct)).For(date);
            var programs = Calculators.ParsePrograms(string.Join(',', Program));
            Result = Skema switch
            {
                "PU" => Calculators.Pu(Rates, Nilai.Value, Risiko, programs),
                "JAKON" => Calculators.Jakon(Rates, Nilai.Value, TermasukPpn),
                _ => Calculators.Bpu(Rates, Nilai.Value, programs),
            };
        }
        catch (ArgumentException e)
        {
            Error = e.Message;
        }
    }
}
