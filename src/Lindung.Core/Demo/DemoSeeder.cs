using Lindung.Core.Audit;
using Lindung.Core.Data;
using Lindung.Core.MasterData;
using Lindung.Core.Registry;
using Lindung.Core.Registry.Protection;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Demo;

public sealed record DemoSeedResult(int People, int Engagements, bool AlreadyPresent);

/// <summary>
/// Loads the demo registry into a tenant that has no workers yet (idempotent: a second run adds nothing).
/// States are spread realistically: most engagements verified, some awaiting verification or rejected,
/// a share of the verified ones registered at BPJS with a (fictitious) KPJ.
/// </summary>
public static class DemoSeeder
{
    public static async Task<DemoSeedResult> SeedAsync(LindungDbContext db, NikProtector protector, DemoOptions options,
        IProgress<double>? progress = null, CancellationToken ct = default)
    {
        if (await db.People.AnyAsync(ct))
        {
            return new DemoSeedResult(0, 0, AlreadyPresent: true);
        }

        var tenant = db.CurrentTenantCode!;
        var regions = await db.Regions.AsNoTracking().Where(r => r.Code.StartsWith(tenant + ".")).ToListAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, ct);
        var categories = await db.WorkerCategories.AsNoTracking().ToDictionaryAsync(c => c.Code, ct);
        var now = db.Time.GetUtcNow().UtcDateTime;
        var expected = options.Workers ?? 9_600;
        var people = new List<Person>();
        var engagements = new List<Engagement>();
        int totalPeople = 0, index = 0;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var w in DemoRegistryGenerator.Generate(options, regions))
        {
            index++;
            var person = new NewPerson(w.Nik, w.FullName, w.BirthDate, w.Sex, w.BirthPlace, w.FrontTitle, w.BackTitle, w.Address,
                w.DistrictCode, w.VillageCode, w.Phone).ToPerson(protector);
            person.TenantCode = tenant;
            person.CreatedAt = person.ModifiedAt = now;
            var category = categories[w.CategoryCode];
            var roll = index % 20;
            var verification = roll switch { 0 => VerificationStatus.Rejected, 1 or 2 => VerificationStatus.Pending, _ => VerificationStatus.Verified };
            var registration = verification != VerificationStatus.Verified ? RegistrationStatus.NotRegistered
                : roll < 12 ? RegistrationStatus.Registered
                : roll < 14 ? RegistrationStatus.SentToBpjs
                : RegistrationStatus.NotRegistered;
            if (registration == RegistrationStatus.Registered)
            {
                person.Kpj = (10_000_000_000L + index * 7_919L % 89_999_999_999L).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            people.Add(person);
            engagements.Add(new Engagement
            {
                TenantCode = tenant,
                PersonId = person.Id,
                AgencyId = agencies[w.AgencyCode].Id,
                CategoryId = category.Id,
                Scheme = category.Scheme,
                Position = w.Position,
                Wage = w.Wage,
                DeclaredIncome = w.DeclaredIncome,
                FundingSource = category.FundingSource,
                Programs = category.DefaultPrograms,
                StartDate = w.StartDate,
                Verification = verification,
                VerificationReason = verification == VerificationStatus.Rejected ? "Data KTP tidak terbaca; mohon unggah ulang (contoh demo)" : null,
                VerifiedBy = verification == VerificationStatus.Pending ? null : "koordinator",
                VerifiedAt = verification == VerificationStatus.Pending ? null : now,
                Registration = registration,
                RegisteredOn = registration == RegistrationStatus.Registered ? w.StartDate : null,
                CreatedAt = now,
                ModifiedAt = now,
            });
            if (people.Count == 10_000)
            {
                totalPeople += await FlushAsync(db, people, engagements, ct);
                progress?.Report(Math.Min(1, (double)index / expected));
            }
        }

        totalPeople += await FlushAsync(db, people, engagements, ct);
        db.Audit(AuditActions.Created, "DemoRegistry", null, $"demo registry: {totalPeople} people (seed {options.RandomSeed})");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await QueryPlannerStatistics.RefreshAsync(db, ct);
        progress?.Report(1);
        return new DemoSeedResult(totalPeople, totalPeople, AlreadyPresent: false);
    }

    private static async Task<int> FlushAsync(LindungDbContext db, List<Person> people, List<Engagement> engagements, CancellationToken ct)
    {
        await BulkInsert.InsertAsync(db, people, ct);
        await BulkInsert.InsertAsync(db, engagements, ct);
        var n = people.Count;
        people.Clear();
        engagements.Clear();
        return n;
    }
}
