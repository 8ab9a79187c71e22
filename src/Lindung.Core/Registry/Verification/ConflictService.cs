using Lindung.Core.Audit;
using Lindung.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Registry.Verification;

/// <summary>
/// The Koordinator's decision on a cross-OPD conflict: keep both engagements (one person, two roles), keep the
/// existing one (the new submission is rejected), or keep the new one (the existing engagement ends today).
/// Both records are changed in one SaveChanges with their audit events.
/// </summary>
public static class ConflictService
{
    public static async Task<bool> DecideAsync(LindungDbContext db, Guid conflictId, ConflictStatus decision, string? note,
        CancellationToken ct = default)
    {
        if (decision == ConflictStatus.Open)
        {
            throw new ArgumentException("Pilih keputusan.");
        }

        var conflict = await db.RegistryConflicts.FirstOrDefaultAsync(c => c.Id == conflictId && c.Status == ConflictStatus.Open, ct);
        if (conflict is null)
        {
            return false;
        }

        var now = db.Time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(db.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        var engagements = await db.Engagements
            .Where(e => e.Id == conflict.NewEngagementId || e.Id == conflict.ExistingEngagementId).ToListAsync(ct);
        var added = engagements.Single(e => e.Id == conflict.NewEngagementId);
        var existing = engagements.Single(e => e.Id == conflict.ExistingEngagementId);
        switch (decision)
        {
            case ConflictStatus.KeepExisting:
                added.Verification = VerificationStatus.Rejected;
                added.VerificationReason = "Konflik antar-OPD: tetap tercatat di penugasan sebelumnya." + (note is null ? "" : " " + note);
                added.VerifiedBy = db.Actor.UserName;
                added.VerifiedAt = now;
                break;
            case ConflictStatus.KeepNew:
                existing.EndDate = today;
                existing.EndReason = EndReason.Other;
                break;
        }

        conflict.Status = decision;
        conflict.Note = note?.Trim();
        conflict.DecidedBy = db.Actor.UserName;
        conflict.DecidedAt = now;
        db.Audit(AuditActions.ConflictDecided, nameof(RegistryConflict), conflict.Id.ToString(), decision.ToString());
        await db.SaveChangesAsync(ct);
        return true;
    }
}
