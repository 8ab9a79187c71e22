using Lindung.Core.Data;
using Lindung.Core.Registry;
using Lindung.Core.Registry.Verification;
using Lindung.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Pages.Pengajuan;

/// <summary>The conflict queue: the same person submitted by two OPDs or in two categories, side by side.</summary>
public sealed class KonflikModel(LindungDbContext db) : PageModel
{
    public sealed record Side(string Agency, string Category, string? Position, long? Amount, DateOnly Start, VerificationStatus Verification, DateTime Created);

    public sealed record Item(Guid Id, Guid PersonId, string Name, string NikMasked, DateOnly BirthDate, Side Existing, Side New);

    public List<Item> Items { get; private set; } = [];
    public bool MayDecide { get; private set; }

    public async Task OnGetAsync()
    {
        MayDecide = UserScope.Of(User).MayVerify;
        var open = await db.RegistryConflicts.AsNoTracking().Where(c => c.Status == ConflictStatus.Open)
            .OrderBy(c => c.CreatedAt).Take(200).ToListAsync();
        var ids = open.SelectMany(c => new[] { c.NewEngagementId, c.ExistingEngagementId }).ToList();
        var sides = await db.Engagements.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, Side = new Side(e.Agency!.Name, e.Category!.Name, e.Position, e.Wage ?? e.DeclaredIncome, e.StartDate, e.Verification, e.CreatedAt) })
            .ToDictionaryAsync(x => x.Id, x => x.Side);
        var personIds = open.Select(c => c.PersonId).ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => new { p.FullName, p.NikMasked, p.BirthDate });
        Items = open.Select(c => new Item(c.Id, c.PersonId, people[c.PersonId].FullName, people[c.PersonId].NikMasked, people[c.PersonId].BirthDate,
            sides[c.ExistingEngagementId], sides[c.NewEngagementId])).ToList();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, ConflictStatus decision, string? note)
    {
        if (!UserScope.Of(User).MayVerify)
        {
            return Forbid();
        }

        return await ConflictService.DecideAsync(db, id, decision, string.IsNullOrWhiteSpace(note) ? null : note)
            ? RedirectToPage()
            : NotFound();
    }
}
