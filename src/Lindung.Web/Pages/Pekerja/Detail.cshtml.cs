using Lindung.Core.Audit;
using Lindung.Core.Data;
using Lindung.Core.Registry;
using Lindung.Core.Registry.Protection;
using Lindung.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Web.Pages.Pekerja;

/// <summary>One person: identity (NIK masked unless revealed, which is audited), engagements, full history.</summary>
public sealed class DetailModel(LindungDbContext db, NikProtector nik) : PageModel
{
    public Person Person { get; private set; } = null!;
    public List<Engagement> Engagements { get; private set; } = [];
    public List<AuditEvent> History { get; private set; } = [];
    public string? RevealedNik { get; private set; }
    public bool MayReveal { get; private set; }
    public string? District { get; private set; }
    public string? Village { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>Shows the full NIK once, to a role allowed to see it, and records the reveal.</summary>
    public async Task<IActionResult> OnPostRevealAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!MayReveal)
        {
            return Forbid();
        }

        db.Audit(AuditActions.NikRevealed, nameof(Lindung.Core.Registry.Person), id.ToString());
        await db.SaveChangesAsync();
        RevealedNik = nik.Decrypt(Person.NikCipher);
        History.Insert(0, db.AuditEvents.Local.Last());
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var scope = UserScope.Of(User);
        var person = await RegistryQueries.VisiblePeople(db, scope.OwnAgencyId).AsNoTracking().FirstOrDefaultAsync(p => p.Id == id);
        if (person is null)
        {
            return false;
        }

        Person = person;
        MayReveal = scope.MayRevealNik;
        Engagements = await RegistryQueries.VisibleEngagements(db, scope.OwnAgencyId).AsNoTracking()
            .Where(e => e.PersonId == id).Include(e => e.Agency).Include(e => e.Category)
            .OrderBy(e => e.StartDate).ToListAsync();
        var ids = Engagements.Select(e => e.Id.ToString()).Append(id.ToString()).ToList();
        History = await db.AuditEvents.AsNoTracking().Where(e => e.EntityId != null && ids.Contains(e.EntityId))
            .OrderByDescending(e => e.At).Take(200).ToListAsync();
        var regions = await db.Regions.AsNoTracking()
            .Where(r => r.Code == person.DistrictCode || r.Code == person.VillageCode).ToListAsync();
        District = regions.FirstOrDefault(r => r.Code == person.DistrictCode)?.Name;
        Village = regions.FirstOrDefault(r => r.Code == person.VillageCode)?.Name;
        return true;
    }
}
