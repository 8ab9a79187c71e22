using Lindung.Core.Contributions;
using Lindung.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lindung.Web.Pages.Admin.Tarif;

/// <summary>
/// Rate-table versions: the shipped ones and those an Administrator added. A new version starts as a copy of
/// the one in force on its date; the figures that change by regulation (JP cap, percentages, BPU minimum) are
/// edited, construction tiers and notes are carried over. It applies from its effective date to every calculation.
/// </summary>
public sealed class IndexModel(LindungDbContext db, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    public RateBook Book { get; private set; } = RateBook.LoadSeed();
    public HashSet<DateOnly> AddedDates { get; private set; } = [];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        Input = InputModel.From(Book.For(today));
        Input.Version = "";
        Input.EffectiveFrom = null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input.Version = Input.Version?.Trim() ?? "";
        Input.Source = Input.Source?.Trim() ?? "";
        if (Input.Version.Length is 0 or > 80)
        {
            ModelState.AddModelError("Input.Version", t["Rates_VersionRequired"]);
        }

        if (Input.EffectiveFrom is not { } from || from < Book.Versions[0].EffectiveFrom)
        {
            ModelState.AddModelError("Input.EffectiveFrom", t["Rates_DateRequired", Core.Formatting.IndonesianFormat.Date(Book.Versions[0].EffectiveFrom)]);
        }

        var percents = Input.PuJkk.Append(Input.PuJkm).Append(Input.JhtEmployer).Append(Input.JhtWorker).Append(Input.JpEmployer)
            .Append(Input.JpWorker).Append(Input.BpuJkkPercent).Append(Input.BpuJhtPercent).Append(Input.PpnPercent);
        if (Input.PuJkk.Length != 5 || percents.Any(p => p is < 0 or > 100))
        {
            ModelState.AddModelError("Input.PuJkk", t["Rates_PercentRange"]);
        }

        // Construction tiers: the upper bounds of all but the last tier, ascending; the last tier is open.
        var tiers = Input.JakonJkk.Length;
        if (tiers == 0 || Input.JakonJkm.Length != tiers || Input.JakonUpTo.Length != tiers - 1
            || Input.JakonUpTo.Any(u => u <= 0) || Input.JakonUpTo.Zip(Input.JakonUpTo.Skip(1)).Any(p => p.Second <= p.First)
            || Input.JakonJkk.Concat(Input.JakonJkm).Any(p => p is < 0 or > 100))
        {
            ModelState.AddModelError("Input.JakonUpTo", t["Rates_TiersInvalid"]);
        }

        if (Input.JpWageCap <= 0 || Input.BpuMinIncome <= 0 || Input.BpuJkmFlat < 0)
        {
            ModelState.AddModelError("Input.JpWageCap", t["Rates_AmountPositive"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var effective = Input.EffectiveFrom!.Value;
        var basis = Book.For(effective);
        var table = basis with
        {
            // A tier keeps its uncertainty note only while its JKM rate is the one the note was written for.
            JakonTiers = [.. Input.JakonJkk.Select((jkk, i) =>
            {
                long? upTo = i < Input.JakonUpTo.Length ? Input.JakonUpTo[i] : null;
                return new JakonTier(upTo, jkk, Input.JakonJkm[i], basis.JakonTiers.FirstOrDefault(b => b.UpTo == upTo && b.Jkm == Input.JakonJkm[i])?.JkmNote);
            })],
            Version = Input.Version,
            EffectiveFrom = effective,
            Source = Input.Source,
            PuJkk = Input.PuJkk,
            PuJkm = Input.PuJkm,
            JhtEmployer = Input.JhtEmployer,
            JhtWorker = Input.JhtWorker,
            JpEmployer = Input.JpEmployer,
            JpWorker = Input.JpWorker,
            JpWageCap = Input.JpWageCap,
            JpWageCapNote = null,
            BpuJkkPercent = Input.BpuJkkPercent,
            BpuMinIncome = Input.BpuMinIncome,
            BpuJkmFlat = Input.BpuJkmFlat,
            BpuJhtPercent = Input.BpuJhtPercent,
            PpnPercent = Input.PpnPercent,
        };
        var existing = await db.RateVersions.FirstOrDefaultAsync(v => v.EffectiveFrom == effective, ct);
        if (existing is null)
        {
            db.RateVersions.Add(new RateVersionRecord
            {
                Version = table.Version,
                EffectiveFrom = effective,
                TableJson = RateBookStore.Serialize(table),
                CreatedBy = User.Identity?.Name,
            });
        }
        else
        {
            existing.Version = table.Version;
            existing.TableJson = RateBookStore.Serialize(table);
        }

        await db.SaveChangesAsync(ct);
        TempData["Saved"] = "1";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Book = await RateBookStore.LoadAsync(db, ct);
        AddedDates = (await db.RateVersions.Select(v => v.EffectiveFrom).ToListAsync(ct)).ToHashSet();
    }

    public sealed class InputModel
    {
        public string? Version { get; set; }
        public DateOnly? EffectiveFrom { get; set; }
        public string? Source { get; set; }
        public decimal[] PuJkk { get; set; } = [];
        public decimal PuJkm { get; set; }
        public decimal JhtEmployer { get; set; }
        public decimal JhtWorker { get; set; }
        public decimal JpEmployer { get; set; }
        public decimal JpWorker { get; set; }
        public long JpWageCap { get; set; }
        public decimal BpuJkkPercent { get; set; }
        public long BpuMinIncome { get; set; }
        public long BpuJkmFlat { get; set; }
        public decimal BpuJhtPercent { get; set; }
        public decimal PpnPercent { get; set; }
        public long[] JakonUpTo { get; set; } = [];
        public decimal[] JakonJkk { get; set; } = [];
        public decimal[] JakonJkm { get; set; } = [];

        public static InputModel From(RateTable r) => new()
        {
            Version = r.Version,
            EffectiveFrom = r.EffectiveFrom,
            Source = r.Source,
            PuJkk = [.. r.PuJkk],
            PuJkm = r.PuJkm,
            JhtEmployer = r.JhtEmployer,
            JhtWorker = r.JhtWorker,
            JpEmployer = r.JpEmployer,
            JpWorker = r.JpWorker,
            JpWageCap = r.JpWageCap,
            BpuJkkPercent = r.BpuJkkPercent,
            BpuMinIncome = r.BpuMinIncome,
            BpuJkmFlat = r.BpuJkmFlat,
            BpuJhtPercent = r.BpuJhtPercent,
            PpnPercent = r.PpnPercent,
            JakonUpTo = [.. r.JakonTiers.Where(x => x.UpTo is not null).Select(x => x.UpTo!.Value)],
            JakonJkk = [.. r.JakonTiers.Select(x => x.Jkk)],
            JakonJkm = [.. r.JakonTiers.Select(x => x.Jkm)],
        };
    }
}
