using System.Security.Cryptography;
using Lindung.Core.Audit;
using Lindung.Core.Data;
using Lindung.Core.Registry;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Privacy;

/// <summary>Why an erasure happened, for the audit event.</summary>
public enum ErasureCause
{
    /// <summary>A deletion request (UU PDP) carried out by a Koordinator/Administrator.</summary>
    Request = 1,

    /// <summary>The retention job (<see cref="RetentionService"/>).</summary>
    Retention = 2,
}

/// <summary>
/// Anonymises one person: removes everything that identifies them from every table that holds it and keeps only the
/// non-identifying facts statistics and the frozen monthly snapshots need (docs/privacy-requests.md "What is kept"):
/// birth year (stored as 1 July of that year), sex, kecamatan of domicile, and the engagements' OPD, category, scheme,
/// wage, funding, programs, dates and state lines. The audit trail is never rewritten — it holds no personal values to
/// begin with (<see cref="LindungDbContext.PersonalAnnotation"/>).
/// The legal limits (<see cref="ErasureRules"/>) are checked here, so no entry point can skip them.
/// </summary>
public sealed class PersonalDataEraser(LindungDbContext db)
{
    /// <summary>
    /// Erases the person in one transaction with its audit event, or returns the check that refused it (nothing written).
    /// A deletion request passed in is marked Dilaksanakan in the same transaction.
    /// </summary>
    public async Task<ErasureCheck> EraseAsync(Guid personId, ErasureCause cause, string reference, DateOnly today,
        PersonalDataRequest? request = null, CancellationToken ct = default)
    {
        var check = await ErasureRules.CheckAsync(db, personId, today, ct);
        if (!check.Allowed)
        {
            return check;
        }

        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (request is not null && !RequestWorkflow.MarkDone(request, db.Actor.UserName, db.Time.GetUtcNow().UtcDateTime))
        {
            throw new InvalidOperationException("The request is no longer open.");
        }

        await EraseRowsAsync(personId, cause, reference, ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }

        return check;
    }

    private async Task EraseRowsAsync(Guid personId, ErasureCause cause, string reference, CancellationToken ct)
    {
        var now = db.Time.GetUtcNow().UtcDateTime;
        var person = await db.People.Include(p => p.Engagements).SingleAsync(p => p.Id == personId, ct);
        var aliases = await db.BpjsNikAliases.Where(a => a.PersonId == personId).ToListAsync(ct);
        var hashes = aliases.Select(a => a.NikHash).Append(person.NikHash).ToList();
        var kpj = person.Kpj;

        // BPJS list and invoice rows are bulk data (not audited one by one): updated in place, in this transaction.
        foreach (var hash in hashes)
        {
            await db.BpjsStatuses.Where(s => s.NikHash == hash).ExecuteUpdateAsync(u => u.SetProperty(s => s.PersonId, personId), ct);
            await db.BpjsInvoiceLines.Where(s => s.NikHash == hash).ExecuteUpdateAsync(u => u.SetProperty(s => s.PersonId, personId), ct);
        }

        if (kpj is not null)
        {
            await db.BpjsStatuses.Where(s => s.Kpj == kpj).ExecuteUpdateAsync(u => u.SetProperty(s => s.PersonId, personId), ct);
            await db.BpjsInvoiceLines.Where(s => s.Kpj == kpj).ExecuteUpdateAsync(u => u.SetProperty(s => s.PersonId, personId), ct);
        }

        await db.BpjsStatuses.Where(s => s.PersonId == personId).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.Name, "").SetProperty(s => s.NikHash, (byte[]?)null).SetProperty(s => s.NikMasked, (string?)null)
            .SetProperty(s => s.Kpj, (string?)null).SetProperty(s => s.BirthDate, (DateOnly?)null)
            .SetProperty(s => s.Explanation, "").SetProperty(s => s.Candidates, (string?)null), ct);
        await db.BpjsInvoiceLines.Where(s => s.PersonId == personId).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.Name, "").SetProperty(s => s.NikHash, (byte[]?)null).SetProperty(s => s.NikMasked, (string?)null)
            .SetProperty(s => s.Kpj, (string?)null), ct);

        db.BpjsNikAliases.RemoveRange(aliases);

        // The person: a random hash keeps the (tenant, NIK hash) key unique and links to no NIK.
        person.NikHash = RandomNumberGenerator.GetBytes(32);
        person.NikCipher = [];
        person.NikMasked = "";
        person.NikRegionCode = null;
        person.FullName = "";
        person.FrontTitle = null;
        person.BackTitle = null;
        person.NameKey = "";
        person.BirthPlace = null;
        person.BirthDate = new DateOnly(person.BirthDate.Year, 7, 1);
        person.Address = null;
        person.VillageCode = null;
        person.Phone = null;
        person.Kpj = null;
        person.ErasedAt = now;
        foreach (var e in person.Engagements)
        {
            e.Position = null;
            e.VerificationReason = null;
        }

        foreach (var conflict in await db.RegistryConflicts.Where(c => c.PersonId == personId && c.Note != null).ToListAsync(ct))
        {
            conflict.Note = null;
        }

        foreach (var recipient in await db.HandoverRecipients.Where(r => r.PersonId == personId).ToListAsync(ct))
        {
            recipient.Name = "";
        }

        var incidents = await db.Incidents.Where(i => i.PersonId == personId).Include(i => i.Claim).ToListAsync(ct);
        var claimIds = incidents.Where(i => i.Claim is not null).Select(i => i.Claim!.Id).ToList();
        foreach (var incident in incidents)
        {
            incident.Place = "";
            incident.Description = "";
            if (incident.Claim is { } claim)
            {
                claim.StatusNote = null;
            }
        }

        foreach (var heir in await db.Heirs.Where(h => claimIds.Contains(h.ClaimId)).ToListAsync(ct))
        {
            heir.Name = "";
            heir.Phone = null;
        }

        foreach (var child in await db.Scholarships.Where(s => claimIds.Contains(s.ClaimId)).ToListAsync(ct))
        {
            child.ChildName = "";
        }

        // The requests stay as evidence of what was asked and done (kind, dates, channel, steps), without the words.
        foreach (var request in await db.PersonalDataRequests.Where(r => r.PersonId == personId).ToListAsync(ct))
        {
            request.RequesterName = "";
            request.Details = "";
        }

        db.Audit(AuditActions.PersonalDataErased, nameof(Person), personId.ToString(),
            (cause == ErasureCause.Request ? "permintaan " : "retensi ") + reference);
        await db.SaveChangesAsync(ct);
    }
}
