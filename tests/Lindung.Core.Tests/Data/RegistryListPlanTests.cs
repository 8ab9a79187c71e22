using Lindung.Core.Data;
using Lindung.Core.MasterData;
using Lindung.Core.Registry;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Tests.Data;

/// <summary>
/// The registry list (Pages/Pekerja) filtered by kecamatan at scale: the count and the first page must come from
/// indexes alone, in name order. Without the covering indexes SQLite joined every person of the kecamatan to their
/// engagement row and sorted them all (1 s at a million workers, docs/performance.md).
/// </summary>
public class RegistryListPlanTests
{
    private static readonly string[] Districts = ["16.09.01", "16.09.02", "16.09.03", "16.09.04", "16.09.05", "16.09.06", "16.09.07", "16.09.08", "16.09.09", "16.09.10"];

    [Fact]
    public async Task KecamatanFilter_CountAndNameOrderedPage_ReadOnlyCoveringIndexesWithoutSortingTheKecamatan()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var ctx = db.Context("16.09");
        await RegistryAsync(ctx, 20_000, _ => VerificationStatus.Pending);

        // The page's query shape: engagements joined to the filtered people, ordered by name then engagement.
        var joined = from e in ctx.Engagements
                     join p in ctx.People.Where(p => p.DistrictCode == "16.09.09") on e.PersonId equals p.Id
                     select new { e, p };
        var count = await PlanAsync(ctx, joined.Select(x => x.e.Id).ToQueryString(), asCount: true);
        var page = await PlanAsync(ctx, joined.OrderBy(x => x.p.NameKey).ThenBy(x => x.e.Id).Take(50)
            .Select(x => new { x.p.Id, x.p.FullName, x.e.Verification }).ToQueryString(), asCount: false);

        Assert.Contains("COVERING INDEX IX_People_TenantCode_DistrictCode_NameKey_Id", count, StringComparison.Ordinal);
        Assert.Contains("COVERING INDEX IX_Engagements_PersonId_TenantCode", count, StringComparison.Ordinal);
        Assert.Contains("IX_People_TenantCode_DistrictCode_NameKey_Id", page, StringComparison.Ordinal);
        Assert.DoesNotContain("USE TEMP B-TREE FOR ORDER BY", page, StringComparison.Ordinal);
        Assert.Equal(2_000, await joined.CountAsync());
        var names = await joined.OrderBy(x => x.p.NameKey).ThenBy(x => x.e.Id).Take(50).Select(x => x.p.NameKey).ToListAsync();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public async Task KecamatanAndStatusFilter_CountReadsNoEngagementRow()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var ctx = db.Context("16.09");
        // 1% rejected, spread over the ten kecamatan as in bench/registry-list.sh.
        await RegistryAsync(ctx, 20_000, i => i / 10 % 100 == 7 ? VerificationStatus.Rejected : VerificationStatus.Pending);

        var joined = from e in ctx.Engagements.Where(e => e.Verification == VerificationStatus.Rejected)
                     join p in ctx.People.Where(p => p.DistrictCode == "16.09.09") on e.PersonId equals p.Id
                     select new { e, p };
        var count = await PlanAsync(ctx, joined.Select(x => x.e.Id).ToQueryString(), asCount: true);

        // Each person of the kecamatan is looked up in the person index, which also holds the status: 0.25 → 0.10 s at a
        // million workers (docs/performance.md, stop 19); before, every engagement row of the kecamatan was read.
        Assert.Contains("SEARCH e USING COVERING INDEX IX_Engagements_PersonId_TenantCode_Verification", count, StringComparison.Ordinal);
        Assert.Equal(20, await joined.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FewMatchesOfAnEngagementFilter_PageSortsTheMatchesInsteadOfWalkingEveryoneByName(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var ctx = db.Context("16.09");
        await RegistryAsync(ctx, 20_000, i => i % 1_000 == 0 ? VerificationStatus.Rejected : VerificationStatus.Pending);
        var joined = from e in ctx.Engagements.Where(e => e.Verification == VerificationStatus.Rejected)
                     join p in ctx.People on e.PersonId equals p.Id
                     select new { e, p };
        var total = await joined.CountAsync();

        // The page's orderings when the total is below RegistryQueries.SortMatchesBelow (Pages/Pekerja/Index).
        Assert.False(RegistryQueries.WalkSortIndex(total));
        // As the page joins when no filter is on the person: engagements first (a left join keeps them outer).
        var engagementsFirst = from e in ctx.Engagements.Where(e => e.Verification == VerificationStatus.Rejected)
                               join p in ctx.People on e.PersonId equals p.Id into match
                               from p in match.DefaultIfEmpty()
                               select new { e, p };
        var byName = engagementsFirst.OrderBy(x => x.p.NameKey + "").ThenBy(x => x.e.Id).Take(50);
        var byBirth = engagementsFirst.OrderBy(x => x.p.BirthDate.AddDays(0)).Take(50);
        var newest = engagementsFirst.OrderByDescending(x => x.e.CreatedAt.AddSeconds(0)).Take(50);
        var names = await byName.Select(x => x.p.NameKey).ToListAsync();
        var born = await byBirth.Select(x => x.p.BirthDate).ToListAsync();
        var created = await newest.Select(x => x.e.CreatedAt).ToListAsync();
        Assert.Equal(20, total);
        Assert.Equal(20, names.Count);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal(born.Order(), born);
        Assert.Equal(created.OrderDescending(), created);
        if (provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        var walking = await PlanAsync(ctx, joined.OrderBy(x => x.p.NameKey).ThenBy(x => x.e.Id).Take(50).Select(x => x.p.Id).ToQueryString(), asCount: false);

        Assert.Contains("IX_People_TenantCode_NameKey", walking, StringComparison.Ordinal);
        foreach (var ordered in new[] { byName, byBirth, newest })
        {
            // The page's row reads these engagement columns too (Pages/Pekerja/Index): no engagement index covers them, so a scan
            // of a whole index that holds the status (IX_Engagements_PersonId_TenantCode_Verification) is never cheaper.
            var plan = await PlanAsync(ctx, ordered.Select(x => new { x.p.Id, x.p.NikMasked, x.p.FullName, x.p.BirthDate, x.e.Verification, x.e.Registration, x.e.EndDate })
                .ToQueryString(), asCount: false);
            Assert.StartsWith("SEARCH e USING INDEX IX_Engagements_TenantCode_Verification", plan, StringComparison.Ordinal);
            Assert.Contains("USE TEMP B-TREE FOR ORDER BY", plan, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task KpjSearch_UsesTheIndexOfPeopleWithAKpjOnly(DatabaseProvider provider)
    {
        // A new registry has no KPJ at all: the index holds only the people who have one (a million NULL entries cost
        // every big import 0.6 s of index building), and a search by KPJ still finds them through it.
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var ctx = db.Context("16.09");
        await RegistryAsync(ctx, 2_000, _ => VerificationStatus.Pending);
        var registered = await ctx.People.OrderBy(p => p.Id).Take(3).ToListAsync();
        for (var i = 0; i < registered.Count; i++)
        {
            registered[i].Kpj = "2400000000" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await ctx.SaveChangesAsync();
        var withKpj = registered.Select(p => p.Id).ToList();
        var one = registered[1].Kpj;
        await QueryPlannerStatistics.RefreshAsync(ctx, [typeof(Person)]);

        var search = ctx.People.Where(p => p.Kpj == one);
        var found = await search.Select(p => p.Id).ToListAsync();

        Assert.Equal([withKpj[1]], found);
        var definition = provider == DatabaseProvider.Sqlite
            ? await ctx.Database.SqlQueryRaw<string>("SELECT sql AS \"Value\" FROM sqlite_master WHERE name = 'IX_People_TenantCode_Kpj'").SingleAsync()
            : await ctx.Database.SqlQueryRaw<string>("SELECT indexdef AS \"Value\" FROM pg_indexes WHERE indexname = 'IX_People_TenantCode_Kpj'").SingleAsync();
        Assert.Contains("WHERE", definition, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("IS NOT NULL", definition, StringComparison.OrdinalIgnoreCase);
        if (provider == DatabaseProvider.Sqlite)
        {
            Assert.Contains("USING INDEX IX_People_TenantCode_Kpj", await PlanAsync(ctx, search.ToQueryString(), asCount: false), StringComparison.Ordinal);
            Assert.Equal(3, await ctx.Database.SqlQueryRaw<int>(
                "SELECT count(*) AS \"Value\" FROM People INDEXED BY IX_People_TenantCode_Kpj WHERE TenantCode = '16.09' AND Kpj IS NOT NULL").SingleAsync());
        }
    }

    /// <summary>People in ten kecamatan with one engagement each, written as a big import writes them, with statistics.</summary>
    private static async Task RegistryAsync(LindungDbContext ctx, int count, Func<int, VerificationStatus> verification)
    {
        await MasterDataSeeder.SeedAsync(ctx, "16.09");
        var agency = await ctx.Agencies.FirstAsync();
        var category = await ctx.WorkerCategories.FirstAsync();
        var people = Enumerable.Range(0, count).Select(i =>
        {
            var person = SqlitePlans.Person(i);
            person.NameKey = "ORANG " + (i * 7_919 % count);
            person.DistrictCode = Districts[i % Districts.Length];
            return person;
        }).ToList();
        var engagements = people.Select((p, i) => new Engagement
        {
            TenantCode = "16.09",
            PersonId = p.Id,
            AgencyId = agency.Id,
            CategoryId = category.Id,
            FundingSource = "APBD",
            Programs = "JKK;JKM",
            StartDate = new DateOnly(2025, 1, 1),
            Verification = verification(i),
            CreatedAt = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i * 7_919 % count),
        }).ToList();
        await using (var tx = await ctx.Database.BeginTransactionAsync())
        {
            await BulkInsert.InsertAsync(ctx, people);
            await BulkInsert.InsertAsync(ctx, engagements);
            await tx.CommitAsync();
        }

        await QueryPlannerStatistics.RefreshAsync(ctx, [typeof(Person), typeof(Engagement)]);
    }

    /// <summary>SQLite's plan of EF's <paramref name="sql"/>, or of the count of its rows.</summary>
    private static Task<string> PlanAsync(LindungDbContext ctx, string sql, bool asCount)
    {
        var statement = SqlitePlans.Inline(sql);
        return SqlitePlans.OfAsync(ctx, asCount ? "SELECT COUNT(*) FROM (" + statement + ")" : statement);
    }
}
