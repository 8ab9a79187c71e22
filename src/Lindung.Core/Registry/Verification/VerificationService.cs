using Lindung.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Registry.Verification;

public sealed record VerificationResult(int Changed, int Skipped);

/// <summary>
/// Disnakertrans's decision on engagements (Menunggu verifikasi → Diverifikasi / Ditolak with a reason),
/// singly or in bulk, recording who and when; each change is audited with the engagement (IAudited).
/// </summary>
public static class VerificationService
{
    public const int MaxReasonLength = 500;

    public static async Task<VerificationResult> DecideAsync(LindungDbContext db, IReadOnlyCollection<Guid> engagementIds,
        bool approve, string? reason, CancellationToken ct = default)
    {
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (!approve && reason is null)
        {
            throw new ArgumentException("Alasan penolakan wajib diisi.");
        }

        if (reason is { Length: > MaxReasonLength })
        {
            throw new ArgumentException($"Alasan paling panjang {MaxReasonLength} karakter.");
        }

        var now = db.Time.GetUtcNow().UtcDateTime;
        var engagements = await db.Engagements.Where(e => engagementIds.Contains(e.Id)).ToListAsync(ct);
        var changed = 0;
        foreach (var e in engagements)
        {
            // A decided engagement is decided again only deliberately: re-deciding to the same outcome is a no-op.
            var target = approve ? VerificationStatus.Verified : VerificationStatus.Rejected;
            if (e.Verification == target && e.VerificationReason == reason)
            {
                continue;
            }

            e.Verification = target;
            e.VerificationReason = approve ? null : reason;
            e.VerifiedBy = db.Actor.UserName;
            e.VerifiedAt = now;
            changed++;
        }

        await db.SaveChangesAsync(ct);
        await CloseFinishedSubmissionsAsync(db, engagements.Select(e => e.SubmissionId).OfType<Guid>().Distinct().ToList(), ct);
        return new VerificationResult(changed, engagementIds.Count - changed);
    }

    /// <summary>
    /// Whether a correction of the person's identity (name, birth date, sex) by someone who does not verify sends
    /// this engagement back to Menunggu verifikasi (ADR 0006): it was decided, still runs, and its data has not been
    /// sent to BPJS yet. Once sent, BPJS holds the data as sent and the verification stays.
    /// </summary>
    public static bool ReopensAfterIdentityChange(Engagement e, DateOnly today) =>
        e.Verification != VerificationStatus.Pending && (e.EndDate is null || e.EndDate >= today)
        && e.Registration == RegistrationStatus.NotRegistered;

    /// <summary>Sends those engagements back to Menunggu verifikasi with the reason; returns how many. Saved by the caller.</summary>
    public static int ReopenAfterIdentityChange(IEnumerable<Engagement> engagements, string reason, DateOnly today)
    {
        var reopened = 0;
        foreach (var e in engagements.Where(e => ReopensAfterIdentityChange(e, today)))
        {
            e.Verification = VerificationStatus.Pending;
            e.VerificationReason = reason.Length > MaxReasonLength ? reason[..MaxReasonLength] : reason;
            e.VerifiedBy = null;
            e.VerifiedAt = null;
            reopened++;
        }

        return reopened;
    }

    /// <summary>A submission whose rows are all decided becomes "Selesai diverifikasi".</summary>
    private static async Task CloseFinishedSubmissionsAsync(LindungDbContext db, List<Guid> submissionIds, CancellationToken ct)
    {
        if (submissionIds.Count == 0)
        {
            return;
        }

        var open = await db.Submissions.Where(s => submissionIds.Contains(s.Id) && s.Status == SubmissionStatus.Submitted).ToListAsync(ct);
        foreach (var s in open)
        {
            if (!await db.Engagements.AnyAsync(e => e.SubmissionId == s.Id && e.Verification == VerificationStatus.Pending, ct))
            {
                s.Status = SubmissionStatus.Verified;
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
