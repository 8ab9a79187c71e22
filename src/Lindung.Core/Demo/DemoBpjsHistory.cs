using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Lindung.Core.Audit;
using Lindung.Core.Bpjs;
using Lindung.Core.Data;
using Lindung.Core.Formatting;
using Lindung.Core.MasterData;
using Lindung.Core.Registry;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Demo;

public sealed record DemoBpjsHistoryResult(int Months, int Rows, bool AlreadyPresent);

/// <summary>
/// BPJS's monthly participant lists for the demo regency, from January 2024 to the last ended month, so the dashboard
/// shows a real trend (docs/demo-data.md). The story follows PRODUCT §1: BPJS holds the names of every vulnerable
/// worker (3.934) and in April 2025 only 25,77% of them are active; from May 2025 the regency's programme registers
/// them, and by the last month exactly the people the registry marks Terdaftar are active. PU workers registered in the
/// registry are listed active from the month they were registered. Rows are written as the importer would after an exact
/// NIK match (the people are the registry's own), deterministically: the same registry gives the same history.
/// </summary>
public static class DemoBpjsHistory
{
    public const string FirstPeriod = "2024-01";
    public const string StoryPeriod = "2025-04";

    /// <summary>Share of the vulnerable names BPJS lists active in April 2025 (PRODUCT §1).</summary>
    public const decimal StoryActiveShare = 0.2577m;

    /// <summary>Share active in January 2024, the first demo month.</summary>
    public const decimal FirstActiveShare = 0.12m;

    public static async Task<DemoBpjsHistoryResult> SeedAsync(LindungDbContext db, DateOnly today, CancellationToken ct = default)
    {
        if (await db.BpjsImports.AnyAsync(ct) || !await db.People.AnyAsync(ct))
        {
            return new DemoBpjsHistoryResult(0, 0, AlreadyPresent: true);
        }

        var people = await db.Engagements.AsNoTracking()
            .Where(e => e.Scheme != Scheme.Jakon)
            .Select(e => new
            {
                e.PersonId,
                e.Person!.FullName,
                e.Person.NikHash,
                e.Person.NikMasked,
                e.Person.BirthDate,
                e.Person.Sex,
                e.Person.Kpj,
                e.Scheme,
                e.StartDate,
                Registered = e.Registration == RegistrationStatus.Registered,
                e.RegisteredOn,
            })
            .ToListAsync(ct);

        // One line per person: their first engagement decides (the demo registry has one engagement per person).
        var byPerson = people.GroupBy(p => p.PersonId).Select(g => g.OrderBy(p => p.StartDate).First()).ToList();
        var vulnerable = byPerson.Where(p => p.Scheme == Scheme.BPU).OrderBy(p => Rank(p.PersonId)).ToList();
        var storyActive = (int)Math.Round(vulnerable.Count * StoryActiveShare, MidpointRounding.AwayFromZero);
        var activeInStory = vulnerable.Take(storyActive).Select(p => p.PersonId).ToHashSet();
        // Registered vulnerable people: those already active in April 2025 first, then the rest in a fixed order.
        var registered = vulnerable.Where(p => p.Registered).OrderBy(p => activeInStory.Contains(p.PersonId) ? 0 : 1).ThenBy(p => Rank(p.PersonId)).ToList();
        var registeredActiveInStory = registered.Count(p => activeInStory.Contains(p.PersonId));

        var first = Month(FirstPeriod);
        var story = Month(StoryPeriod);
        var last = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        if (last < first)
        {
            return new DemoBpjsHistoryResult(0, 0, AlreadyPresent: false);
        }

        // Active in April 2025 but never registered by the regency: they stop paying at a month between May 2025 and the end.
        var lapseSpan = Math.Max(1, MonthsBetween(story, last));
        var lapse = vulnerable.Where(p => activeInStory.Contains(p.PersonId) && !p.Registered)
            .ToDictionary(p => p.PersonId, p => story.AddMonths(1 + (int)(Rank(p.PersonId) % (ulong)lapseSpan)));
        var registeredRank = registered.Select((p, i) => (p.PersonId, i)).ToDictionary(x => x.PersonId, x => x.i);
        var vulnerableRank = vulnerable.Select((p, i) => (p.PersonId, i)).ToDictionary(x => x.PersonId, x => x.i);

        var now = db.Time.GetUtcNow().UtcDateTime;
        var tenant = db.CurrentTenantCode!;
        int months = 0, total = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        for (var month = first; month <= last; month = month.AddMonths(1))
        {
            var end = month.AddMonths(1).AddDays(-1);
            var period = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var import = new BpjsImport
            {
                TenantCode = tenant,
                Period = period,
                FileName = $"demo-daftar-peserta-{period}.xlsx",
                FileHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("demo:" + tenant + ":" + period))),
                ImportedBy = "demo",
                CreatedAt = now,
                ModifiedAt = now,
            };
            var rows = new List<BpjsStatus>();
            foreach (var p in byPerson.Where(p => p.StartDate <= end))
            {
                bool active;
                if (p.Scheme == Scheme.BPU)
                {
                    active = month <= story
                        ? vulnerableRank[p.PersonId] < Share(vulnerable.Count, FirstActiveShare, StoryActiveShare, MonthsBetween(first, month), MonthsBetween(first, story))
                        : (registeredRank.TryGetValue(p.PersonId, out var r) && r < Grow(registeredActiveInStory, registered.Count, MonthsBetween(story, month), MonthsBetween(story, last)))
                          || (lapse.TryGetValue(p.PersonId, out var until) && month < until);
                }
                else if (p.Registered && (p.RegisteredOn ?? p.StartDate) <= end)
                {
                    active = true;
                }
                else
                {
                    continue;
                }

                rows.Add(new BpjsStatus
                {
                    TenantCode = tenant,
                    ImportId = import.Id,
                    Period = period,
                    RowNumber = rows.Count + 2,
                    PersonId = p.PersonId,
                    Kpj = p.Kpj,
                    NikHash = p.NikHash,
                    NikMasked = p.NikMasked,
                    Name = p.FullName,
                    BirthDate = p.BirthDate,
                    Sex = p.Sex,
                    Active = active,
                    StatusText = active ? "AKTIF" : "NON AKTIF",
                    LastPaidPeriod = active ? period : null,
                    Match = MatchKind.Exact,
                    NameScore = 1,
                    Explanation = MatchMessages.Exact,
                    CreatedAt = now,
                    ModifiedAt = now,
                });
            }

            import.Rows = rows.Count;
            import.MatchedExact = rows.Count;
            import.Active = rows.Count(r => r.Active);
            import.Inactive = rows.Count - import.Active;
            db.BpjsImports.Add(import);
            await db.SaveChangesAsync(ct);
            await BulkInsert.InsertAsync(db, rows, ct);
            months++;
            total += rows.Count;
        }

        db.Audit(AuditActions.Created, "DemoBpjsHistory", null, $"demo BPJS lists {FirstPeriod}..{last:yyyy-MM}: {months} months, {total} rows");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await QueryPlannerStatistics.RefreshAsync(db, ct);
        return new DemoBpjsHistoryResult(months, total, AlreadyPresent: false);
    }

    /// <summary>A count rising linearly from <paramref name="from"/> to <paramref name="to"/> of <paramref name="n"/>.</summary>
    private static int Share(int n, decimal from, decimal to, int step, int steps) =>
        (int)Math.Round(n * (from + (to - from) * step / Math.Max(1, steps)), MidpointRounding.AwayFromZero);

    private static int Grow(int from, int to, int step, int steps) =>
        from + (int)Math.Round((decimal)(to - from) * step / Math.Max(1, steps), MidpointRounding.AwayFromZero);

    private static int MonthsBetween(DateOnly a, DateOnly b) => (b.Year - a.Year) * 12 + b.Month - a.Month;

    private static DateOnly Month(string period) => Periods.Start(period);

    /// <summary>A stable pseudo-random order of people (their ids are random, but fixed once seeded).</summary>
    private static ulong Rank(Guid id)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(id.ToByteArray(), hash);
        return BitConverter.ToUInt64(hash);
    }
}
