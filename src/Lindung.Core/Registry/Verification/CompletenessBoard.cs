using Lindung.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Registry.Verification;

public sealed record CompletenessRow(Guid AgencyId, string Code, string Name, bool IsPriority, int Submissions, int Rows,
    int Pending, int Verified, int Rejected, DateTime? LastSubmittedAt)
{
    public bool HasSubmitted => Submissions > 0;
}

/// <summary>Which OPDs have submitted for a period and which have not (high-risk OPDs first).</summary>
public static class CompletenessBoard
{
    public static async Task<List<CompletenessRow>> ForPeriodAsync(LindungDbContext db, string period, CancellationToken ct = default)
    {
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive).ToListAsync(ct);
        var submissions = await db.Submissions.AsNoTracking()
            .Where(s => s.Period == period && s.Status != SubmissionStatus.Draft)
            .GroupBy(s => s.AgencyId)
            .Select(g => new { AgencyId = g.Key, Count = g.Count(), Rows = g.Sum(s => s.Accepted), Last = g.Max(s => s.SubmittedAt) })
            .ToListAsync(ct);
        var states = await (from e in db.Engagements
                            join s in db.Submissions on e.SubmissionId equals s.Id
                            where s.Period == period
                            group e by new { e.AgencyId, e.Verification } into g
                            select new { g.Key.AgencyId, g.Key.Verification, Count = g.Count() }).ToListAsync(ct);
        return agencies
            .Select(a =>
            {
                var s = submissions.FirstOrDefault(x => x.AgencyId == a.Id);
                int Count(VerificationStatus v) => states.Where(x => x.AgencyId == a.Id && x.Verification == v).Sum(x => x.Count);
                return new CompletenessRow(a.Id, a.Code, a.Name, a.IsPriority, s?.Count ?? 0, s?.Rows ?? 0,
                    Count(VerificationStatus.Pending), Count(VerificationStatus.Verified), Count(VerificationStatus.Rejected), s?.Last);
            })
            .OrderByDescending(r => r.IsPriority).ThenBy(r => r.HasSubmitted).ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
    }
}
