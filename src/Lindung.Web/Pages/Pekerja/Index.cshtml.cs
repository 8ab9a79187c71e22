using Lindung.Core.Data;
using Lindung.Core.MasterData;
using Lindung.Core.Registry;
using Lindung.Core.Registry.Protection;
using Lindung.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Pages.Pekerja;

/// <summary>The registry: one row per engagement, searchable by name, exact NIK or KPJ, filtered and paged.</summary>
public sealed class IndexModel(LindungDbContext db, NikProtector nik) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public Filter F { get; set; } = new();

    /// <summary>The sealed NIK of the previous search, posted back when the box still shows it masked.</summary>
    [BindProperty]
    public string? SealedQ { get; set; }

    /// <summary>What the search box shows: a NIK masked (it travels sealed in the URL, see <see cref="NikInUrls"/>).</summary>
    public string? SearchText => NikInUrls.ForDisplay(nik, F.Q);

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public List<Agency> Agencies { get; private set; } = [];
    public List<WorkerCategory> Categories { get; private set; } = [];
    public List<Region> Districts { get; private set; } = [];
    public List<Region> Villages { get; private set; } = [];

    public sealed record Row(Guid PersonId, string NikMasked, string FullName, string? FrontTitle, string? BackTitle, char Sex,
        DateOnly BirthDate, string Agency, string Category, string? VillageCode, VerificationStatus Verification,
        RegistrationStatus Registration, string? Kpj, DateOnly? EndDate);

    public sealed class Filter
    {
        public string? Q { get; set; }
        public Guid? Opd { get; set; }
        public Guid? Kategori { get; set; }
        public string? Kecamatan { get; set; }
        public string? Desa { get; set; }
        public VerificationStatus? Verifikasi { get; set; }
        public RegistrationStatus? Registrasi { get; set; }
        public Scheme? Skema { get; set; }
        public string Urut { get; set; } = "nama";
        public int Hal { get; set; } = 1;
    }

    /// <summary>The search form posts (a NIK must not travel in a URL) and lands on the filtered list.</summary>
    public IActionResult OnPost()
    {
        F.Q = NikInUrls.FromForm(nik, F.Q, SealedQ);
        return RedirectToPage(RouteFor(1));
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var scope = UserScope.Of(User);
        var query = RegistryQueries.VisibleEngagements(db, scope.OwnAgencyId);
        var people = db.People.AsQueryable();

        var q = F.Q?.Trim() ?? "";
        var digits = new string(q.Where(char.IsAsciiDigit).ToArray());
        if (NikInUrls.Unseal(nik, F.Q) is { } searchedNik)
        {
            var hash = nik.Hash(searchedNik);
            people = people.Where(p => p.NikHash == hash);
        }
        else if (q.StartsWith(NikInUrls.Prefix, StringComparison.Ordinal))
        {
            // A sealed NIK this installation cannot open (another key, or altered): nothing matches.
            people = people.Where(p => false);
        }
        else if (digits.Length == 11 && digits.Length == q.Length)
        {
            people = people.Where(p => p.Kpj == digits);
        }
        else if (q.Length > 0)
        {
            var key = RegistryQueries.NameSearchKey(q);
            if (key.Length > 0)
            {
                // The prefix as a range the NameKey index can seek ("SITI" ≤ key < "SITJ"): LIKE with a parameter is
                // not index-friendly in SQLite; StartsWith stays as the exact test (collations may order otherwise).
                var upper = key[..^1] + (char)(key[^1] + 1);
                people = people.Where(p => p.NameKey.CompareTo(key) >= 0 && p.NameKey.CompareTo(upper) < 0 && p.NameKey.StartsWith(key));
            }
        }

        if (F.Kecamatan is { Length: > 0 } district)
        {
            people = people.Where(p => p.DistrictCode == district);
        }

        if (F.Desa is { Length: > 0 } village)
        {
            people = people.Where(p => p.VillageCode == village);
        }

        if (F.Opd is { } opd)
        {
            query = query.Where(e => e.AgencyId == opd);
        }

        if (F.Kategori is { } category)
        {
            query = query.Where(e => e.CategoryId == category);
        }

        if (F.Verifikasi is { } verification)
        {
            query = query.Where(e => e.Verification == verification);
        }

        if (F.Registrasi is { } registration)
        {
            query = query.Where(e => e.Registration == registration);
        }

        if (F.Skema is { } scheme)
        {
            query = query.Where(e => e.Scheme == scheme);
        }

        var joined = from e in query
                     join p in people on e.PersonId equals p.Id
                     select new { e, p };
        // Without a filter on the person every engagement has its one person (a foreign key), so the engagements alone
        // give the total: counting the join over a million rows took over a second (docs/performance.md).
        var personFiltered = q.Length > 0 || F.Kecamatan is { Length: > 0 } || F.Desa is { Length: > 0 };
        Total = personFiltered ? await joined.CountAsync() : await query.CountAsync();
        F.Hal = Math.Clamp(F.Hal, 1, Pages);
        // Many matches, or a filter on the person (its index is in name order): walk the sort column's index and stop
        // after the page. Few matches of engagement filters alone: walking would visit nearly every row to find them
        // (11 s for a status no one has at a million workers), so the sort key becomes an expression no index provides
        // and the matches are found first, then sorted.
        var walk = personFiltered || RegistryQueries.WalkSortIndex(Total);
        if (!walk)
        {
            // A left join keeps the engagements (and their status indexes) first in the plan; with an inner join SQLite
            // started from all people instead.
            joined = from e in query
                     join p in people on e.PersonId equals p.Id into match
                     from p in match.DefaultIfEmpty()
                     select new { e, p };
        }

        joined = F.Urut switch
        {
            "opd" => joined.OrderBy(x => x.e.Agency!.Name).ThenBy(x => x.p.NameKey),
            "terbaru" => walk ? joined.OrderByDescending(x => x.e.CreatedAt) : joined.OrderByDescending(x => x.e.CreatedAt.AddSeconds(0)),
            "lahir" => walk ? joined.OrderBy(x => x.p.BirthDate) : joined.OrderBy(x => x.p.BirthDate.AddDays(0)),
            _ => walk ? joined.OrderBy(x => x.p.NameKey).ThenBy(x => x.e.Id) : joined.OrderBy(x => x.p.NameKey + "").ThenBy(x => x.e.Id),
        };
        Rows = await joined.Skip((F.Hal - 1) * PageSize).Take(PageSize)
            .Select(x => new Row(x.p.Id, x.p.NikMasked, x.p.FullName, x.p.FrontTitle, x.p.BackTitle, x.p.Sex, x.p.BirthDate,
                x.e.Agency!.ShortName, x.e.Category!.Name, x.p.VillageCode, x.e.Verification, x.e.Registration, x.p.Kpj, x.e.EndDate))
            .ToListAsync();

        Agencies = scope.OwnAgencyId is { } own
            ? await db.Agencies.AsNoTracking().Where(a => a.Id == own).ToListAsync()
            : await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).ToListAsync();
        Categories = await db.WorkerCategories.AsNoTracking().OrderBy(c => c.Name).ToListAsync();
        var tenant = db.CurrentTenantCode + ".";
        Districts = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.District && r.Code.StartsWith(tenant))
            .OrderBy(r => r.Name).ToListAsync();
        if (F.Kecamatan is { Length: > 0 } k)
        {
            Villages = await db.Regions.AsNoTracking().Where(r => r.ParentCode == k).OrderBy(r => r.Name).ToListAsync();
        }

        return Page();
    }

    public string VillageName(string? code) => code is null ? "" : Villages.FirstOrDefault(v => v.Code == code)?.Name ?? code;

    public Dictionary<string, string?> RouteFor(int page) => new()
    {
        ["F.Q"] = F.Q,
        ["F.Opd"] = F.Opd?.ToString(),
        ["F.Kategori"] = F.Kategori?.ToString(),
        ["F.Kecamatan"] = F.Kecamatan,
        ["F.Desa"] = F.Desa,
        ["F.Verifikasi"] = F.Verifikasi?.ToString(),
        ["F.Registrasi"] = F.Registrasi?.ToString(),
        ["F.Skema"] = F.Skema?.ToString(),
        ["F.Urut"] = F.Urut,
        ["F.Hal"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
