using Lindung.Core.Audit;
using Lindung.Core.Data;
using Lindung.Core.Formatting;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Bpjs;

/// <summary>
/// A person decides a BPJS row the matcher was not sure of: it is this registry person (the row is applied like a
/// confident match and BPJS's NIK is remembered as theirs, so the next month matches exactly), or it is nobody
/// in the registry. One save, audited.
/// </summary>
public sealed class BpjsReview(LindungDbContext db)
{
    public async Task<bool> AcceptAsync(Guid statusId, Guid personId, CancellationToken ct = default)
    {
        var row = await db.BpjsStatuses.FirstOrDefaultAsync(s => s.Id == statusId && s.Review == ReviewState.Pending, ct);
        if (row is null || !(row.Candidates ?? "").Split(',').Contains(personId.ToString()))
        {
            return false;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        row.PersonId = personId;
        row.Review = ReviewState.Accepted;
        if (row.NikHash is { } hash && !await db.BpjsNikAliases.AnyAsync(a => a.NikHash == hash, ct)
            && !await db.People.AnyAsync(p => p.NikHash == hash, ct))
        {
            db.BpjsNikAliases.Add(new BpjsNikAlias
            {
                NikHash = hash,
                PersonId = personId,
                DecidedBy = db.Audit(AuditActions.BpjsReviewDecided,
                nameof(BpjsStatus), row.Id.ToString(), "diterima: orang yang sama").UserName
            });
        }
        else
        {
            db.Audit(AuditActions.BpjsReviewDecided, nameof(BpjsStatus), row.Id.ToString(), "diterima: orang yang sama");
        }

        var periodStart = Periods.Start(row.Period);
        await BpjsStatusImporter.ApplyAsync(db, [row], periodStart, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<bool> RejectAsync(Guid statusId, CancellationToken ct = default)
    {
        var row = await db.BpjsStatuses.FirstOrDefaultAsync(s => s.Id == statusId && s.Review == ReviewState.Pending, ct);
        if (row is null)
        {
            return false;
        }

        row.Review = ReviewState.Rejected;
        db.Audit(AuditActions.BpjsReviewDecided, nameof(BpjsStatus), row.Id.ToString(), "ditolak: bukan orang di registri");
        await db.SaveChangesAsync(ct);
        return true;
    }
}
