using System.Text.Json;
using Lindung.Core.Claims;
using Lindung.Core.Data;
using Lindung.Core.Registry;
using Lindung.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Privacy;

/// <summary>
/// The tenant's retention setting. No period comes from the reference (UU 27/2022 as summarised there names none):
/// the defaults are placeholders, shown as "perlu konfirmasi" until an Administrator records the legal basis.
/// </summary>
public sealed record RetentionPolicy(int MustKeepYears, int RetentionYears, bool AutomaticEnabled, string? LegalBasis)
{
    public const string Key = "privacy.retention";
    public const int MaxYears = 100;

    /// <summary>Placeholders (perlu konfirmasi), and the scheduled job off: an irreversible erasure must not start on a guess.</summary>
    public static readonly RetentionPolicy Default = new(5, 5, false, null);

    public bool Confirmed => !string.IsNullOrWhiteSpace(LegalBasis);

    /// <summary>Null when the values are usable; otherwise why not (a code the page turns into Bahasa Indonesia).</summary>
    public string? Problem() =>
        MustKeepYears is < 0 or > MaxYears || RetentionYears is < 1 or > MaxYears ? "range"
        : RetentionYears < MustKeepYears ? "retention-below-must-keep"
        : LegalBasis?.Length > 500 ? "basis-too-long"
        : null;

    public static async Task<RetentionPolicy> LoadAsync(LindungDbContext db, CancellationToken ct = default) =>
        await db.TenantSettings.AsNoTracking().Where(s => s.Key == Key).Select(s => s.Value).FirstOrDefaultAsync(ct) is { } json
            ? JsonSerializer.Deserialize<RetentionPolicy>(json) ?? Default
            : Default;

    /// <summary>Stores the setting (audited as a tenant setting change); the caller saves.</summary>
    public async Task StoreAsync(LindungDbContext db, CancellationToken ct = default)
    {
        var json = JsonSerializer.Serialize(this);
        var row = await db.TenantSettings.FirstOrDefaultAsync(s => s.Key == Key, ct);
        if (row is null)
        {
            db.TenantSettings.Add(new TenantSetting { Key = Key, Value = json });
        }
        else
        {
            row.Value = json;
        }
    }
}

/// <summary>Why a person's data may not be erased (yet).</summary>
public enum ErasureBlock
{
    /// <summary>Already erased.</summary>
    AlreadyErased = 1,

    /// <summary>An engagement is running (no end date, or it ends today or later): refused.</summary>
    ActiveEngagement = 2,

    /// <summary>BPJS's latest participant list shows the person active: refused until BPJS ends the membership.</summary>
    BpjsMembershipActive = 3,

    /// <summary>A claim is not yet paid or rejected: refused until it is settled.</summary>
    OpenClaim = 4,

    /// <summary>Within the period the regency must keep records of a registered/billed worker: deferred to <see cref="ErasureCheck.NotBefore"/>.</summary>
    MustKeep = 5,
}

/// <summary>The outcome of the legal-limit check. Allowed when there is no block.</summary>
public sealed record ErasureCheck(IReadOnlyList<ErasureBlock> Blocks, DateOnly? LastEnded, DateOnly? NotBefore, string? BpjsPeriod)
{
    public bool Allowed => Blocks.Count == 0;

    /// <summary>Deferred (not refused): the only obstacle is the keeping period, which ends on <see cref="NotBefore"/>.</summary>
    public bool Deferred => Blocks.Count == 1 && Blocks[0] == ErasureBlock.MustKeep;
}

/// <summary>The facts the rules read, gathered by <see cref="ErasureRules.FactsAsync"/>.</summary>
public sealed record ErasureFacts(bool Erased, IReadOnlyList<(DateOnly? End, RegistrationStatus Registration)> Engagements,
    int OpenClaims, string? ActiveInBpjsPeriod);

/// <summary>
/// The legal limits on erasing a person (docs/privacy-requests.md): refused while an engagement is active, while BPJS
/// lists the person as an active participant, or while a claim is open; deferred while within the keeping period for
/// a worker whose data underlies records the regency must keep (sent to or registered at BPJS: contributions paid from
/// the APBD). A person never sent to BPJS has no such record: only the first three rules apply.
/// </summary>
public static class ErasureRules
{
    public static ErasureCheck Check(ErasureFacts facts, RetentionPolicy policy, DateOnly today)
    {
        var blocks = new List<ErasureBlock>();
        if (facts.Erased)
        {
            return new ErasureCheck([ErasureBlock.AlreadyErased], null, null, null);
        }

        if (facts.Engagements.Any(e => e.End is null || e.End >= today))
        {
            blocks.Add(ErasureBlock.ActiveEngagement);
        }

        if (facts.ActiveInBpjsPeriod is not null)
        {
            blocks.Add(ErasureBlock.BpjsMembershipActive);
        }

        if (facts.OpenClaims > 0)
        {
            blocks.Add(ErasureBlock.OpenClaim);
        }

        var lastEnded = facts.Engagements.Count > 0 && facts.Engagements.All(e => e.End is not null)
            ? facts.Engagements.Max(e => e.End) : null;
        DateOnly? notBefore = null;
        if (facts.Engagements.Any(e => e.Registration != RegistrationStatus.NotRegistered) && lastEnded is { } ended)
        {
            notBefore = ended.AddYears(policy.MustKeepYears).AddDays(1);
            if (today < notBefore)
            {
                blocks.Add(ErasureBlock.MustKeep);
            }
        }

        return new ErasureCheck(blocks, lastEnded, notBefore, facts.ActiveInBpjsPeriod);
    }

    public static async Task<ErasureFacts> FactsAsync(LindungDbContext db, Guid personId, CancellationToken ct = default)
    {
        var erased = await db.People.Where(p => p.Id == personId).Select(p => p.ErasedAt != null).SingleAsync(ct);
        var engagements = (await db.Engagements.Where(e => e.PersonId == personId)
            .Select(e => new { e.EndDate, e.Registration }).ToListAsync(ct)).Select(e => (e.EndDate, e.Registration)).ToList();
        var openClaims = await db.Claims.CountAsync(c => c.Incident!.PersonId == personId
            && c.Status != ClaimStatus.Paid && c.Status != ClaimStatus.Rejected, ct);
        var latest = await db.BpjsStatuses.MaxAsync(s => (string?)s.Period, ct);
        var activeInLatest = latest is not null
            && await db.BpjsStatuses.AnyAsync(s => s.Period == latest && s.PersonId == personId && s.Active, ct);
        return new ErasureFacts(erased, engagements, openClaims, activeInLatest ? latest : null);
    }

    public static async Task<ErasureCheck> CheckAsync(LindungDbContext db, Guid personId, DateOnly today, CancellationToken ct = default) =>
        Check(await FactsAsync(db, personId, ct), await RetentionPolicy.LoadAsync(db, ct), today);
}
