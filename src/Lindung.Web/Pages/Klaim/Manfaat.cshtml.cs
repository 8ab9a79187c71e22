using Lindung.Core.Claims;
using Lindung.Core.Data;
using Lindung.Core.Identity;
using Lindung.Core.Registry.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lindung.Web.Pages.Klaim;

/// <summary>
/// Reference benefit amounts by version (from the date each takes effect), with their sources; an Administrator adds
/// a version when a regulation changes them. Saved as the tenant setting <c>claims.benefits</c> (audited).
/// </summary>
public sealed class ManfaatModel(LindungDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<BenefitVersion> Versions { get; private set; } = [];
    public bool MayEdit { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(DateOnly? from, string? basis, Dictionary<string, string>? amounts, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Administrator))
        {
            return Forbid();
        }

        await LoadAsync(ct);
        var latest = Versions.MaxBy(v => v.EffectiveFrom)!;
        var parsed = new List<BenefitAmount>();
        foreach (var a in latest.Amounts)
        {
            var typed = amounts?.GetValueOrDefault(a.Code);
            if (!FieldParsing.TryParseRupiah(typed, out var value) || value <= 0)
            {
                Error = t["Clm_ErrAmount", typed ?? ""].Value;
                return Page();
            }

            parsed.Add(a with { Amount = value, Source = value == a.Amount ? a.Source : basis?.Trim() ?? "", Uncertain = value != a.Amount && a.Uncertain });
        }

        if (from is null || string.IsNullOrWhiteSpace(basis) || Versions.Any(v => v.EffectiveFrom == from))
        {
            Error = t["Clm_ErrBenefitVersion"].Value;
            return Page();
        }

        await BenefitBook.SaveAsync(db, [.. Versions, new BenefitVersion(from.Value, true, basis.Trim(), parsed)], ct);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Versions = (await BenefitBook.LoadAsync(db, ct)).OrderByDescending(v => v.EffectiveFrom).ToList();
        MayEdit = User.IsInRole(Roles.Administrator);
    }
}
