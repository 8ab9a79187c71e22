using Lindung.Core.Api;
using Lindung.Core.Data;
using Lindung.Core.MasterData;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lindung.Web.Pages.Admin.Api;

/// <summary>
/// API clients of the tenant (docs/api.md): register one (name, optional OPD, read or write, may reveal NIK) and
/// see its token ONCE — only its SHA-256 is stored; revoke one; see when each was last used.
/// </summary>
public sealed class IndexModel(LindungDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public ClientInput Input { get; set; } = new();

    public List<ApiClient> Clients { get; private set; } = [];
    public Dictionary<Guid, string> AgencyNames { get; private set; } = [];
    public List<Agency> Agencies { get; private set; } = [];

    /// <summary>The token of the client just registered, shown on this response only.</summary>
    public string? NewToken { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var name = Input.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200
            || (Input.AgencyId is { } agency && !await db.Agencies.AnyAsync(a => a.Id == agency, ct)))
        {
            Error = t["ApiAdmin_Invalid"];
            await LoadAsync(ct);
            return Page();
        }

        var token = ApiTokens.NewToken();
        db.ApiClients.Add(new ApiClient
        {
            Name = name,
            AgencyId = Input.AgencyId,
            MayWrite = Input.MayWrite,
            MayRevealNik = Input.MayRevealNik,
            TokenHash = ApiTokens.Hash(token),
            TokenPrefix = ApiTokens.Visible(token),
            CreatedBy = User.Identity?.Name ?? "",
        });
        await db.SaveChangesAsync(ct);
        NewToken = token;
        Input = new ClientInput();
        ModelState.Clear();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        var client = await db.ApiClients.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (client is null)
        {
            return NotFound();
        }

        client.RevokedAt ??= db.Time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Clients = await db.ApiClients.AsNoTracking().OrderBy(c => c.RevokedAt != null).ThenBy(c => c.Name).ToListAsync(ct);
        Agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).ToListAsync(ct);
        AgencyNames = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
    }

    public sealed class ClientInput
    {
        public string? Name { get; set; }
        public Guid? AgencyId { get; set; }
        public bool MayWrite { get; set; }
        public bool MayRevealNik { get; set; }
    }
}
