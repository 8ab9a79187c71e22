using Lindung.Core.Coverage;
using Lindung.Core.Data;
using Lindung.Core.Demo;
using Lindung.Core.MasterData;
using Lindung.Core.Registry;
using Lindung.Core.Registry.Protection;
using Lindung.Core.Registry.Validation;
using Lindung.Core.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Tests.Demo;

public class DemoRegistryTests
{
    private static readonly List<Region> OkuSelatan = RegionLoader.ReadEmbedded().Where(r => r.Code.StartsWith("16.09.", StringComparison.Ordinal)).ToList();

    [Fact]
    public void Generate_SameSeed_SameRegistry_DifferentSeed_Different()
    {
        var a = DemoRegistryGenerator.Generate(new DemoOptions(500, 7), OkuSelatan).ToList();
        var b = DemoRegistryGenerator.Generate(new DemoOptions(500, 7), OkuSelatan).ToList();
        var c = DemoRegistryGenerator.Generate(new DemoOptions(500, 8), OkuSelatan).ToList();

        Assert.Equal(a, b);
        Assert.NotEqual(a.Select(w => w.Nik), c.Select(w => w.Nik));
    }

    [Fact]
    public void Generate_DefaultMix_MatchesTheRegencysSituation()
    {
        var all = DemoRegistryGenerator.Generate(new DemoOptions(), OkuSelatan).ToList();
        var vulnerable = new[] { "MARBOT", "GURU_NGAJI", "RELAWAN_DAMKAR", "RT_RW", "PEKERJA_RENTAN_LAIN" };

        Assert.Equal(3_934, all.Count(w => vulnerable.Contains(w.CategoryCode)));
        Assert.Equal(35, all.Count(w => w.CategoryCode == "DPRD"));
        Assert.InRange(all.Count(w => w.CategoryCode == "NONASN"), 3_900, 4_300);
        var village = all.Where(w => w.CategoryCode == "PERANGKAT_DESA").ToList();
        Assert.Equal(252, village.Select(w => w.VillageCode).Distinct().Count());
        Assert.All(village, w => Assert.Equal('2', w.VillageCode[^4]));
        Assert.Equal(252, village.Count(w => w.Position == "Kepala Desa"));
    }

    [Fact]
    public void Generate_EveryNik_IsValidConsistentAndUnique()
    {
        var today = new DateOnly(2025, 4, 30);
        var all = DemoRegistryGenerator.Generate(new DemoOptions(200_000), OkuSelatan).ToList();

        Assert.Equal(200_000, all.Count);
        Assert.Equal(all.Count, all.Select(w => w.Nik).Distinct().Count());
        foreach (var w in all.Take(20_000))
        {
            var check = Nik.Check(w.Nik, today, recordedBirthDate: w.BirthDate, recordedSex: w.Sex);
            Assert.True(check.IsValid, w.Nik);
            Assert.Empty(check.Issues);
            Assert.Null(PersonName.Parse(w.FullName).Issue);
            Assert.StartsWith("+628", w.Phone, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void WriteCsv_RowsParseBackWithIndonesianHeaders()
    {
        var names = RegionLoader.ReadEmbedded().ToDictionary(r => r.Code, r => r.Name);
        var writer = new StringWriter();

        DemoRegistryGenerator.WriteCsv(writer, DemoRegistryGenerator.Generate(new DemoOptions(10), OkuSelatan), names);

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(11, lines.Length);
        Assert.StartsWith("NIK,Nama,Tempat Lahir,Tanggal Lahir,JK", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^\d{16},", lines[1]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Seed_Twice_LoadsOnceWithStatesSpread(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var protector = new NikProtector(System.Security.Cryptography.RandomNumberGenerator.GetBytes(64));
        await using var ctx = db.Context("16.09");
        await MasterDataSeeder.SeedAsync(ctx, "16.09");

        var first = await DemoSeeder.SeedAsync(ctx, protector, new DemoOptions(1_000));
        var second = await DemoSeeder.SeedAsync(ctx, protector, new DemoOptions(1_000));

        Assert.Equal((1_000, false), (first.People, first.AlreadyPresent));
        Assert.True(second.AlreadyPresent);
        Assert.Equal(1_000, await ctx.People.CountAsync());
        Assert.Equal(850, await ctx.Engagements.CountAsync(e => e.Verification == VerificationStatus.Verified));
        Assert.True(await ctx.People.CountAsync(p => p.Kpj != null) > 400);
        var any = await ctx.People.OrderBy(p => p.NameKey).FirstAsync();
        Assert.Equal(16, protector.Decrypt(any.NikCipher).Length);
    }
}

public class DemoBpjsHistoryTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task History_TellsTheRegencysStory_3934NamesAbout25Point8PercentActiveInApril2025(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var protector = new NikProtector(System.Security.Cryptography.RandomNumberGenerator.GetBytes(64));
        await using var ctx = db.Context("16.09");
        await MasterDataSeeder.SeedAsync(ctx, "16.09");
        await DemoSeeder.SeedAsync(ctx, protector, new DemoOptions());
        var today = new DateOnly(2026, 11, 23);

        var first = await DemoBpjsHistory.SeedAsync(ctx, today);
        var again = await DemoBpjsHistory.SeedAsync(ctx, today);

        Assert.Equal(34, first.Months); // 2024-01 .. 2026-10
        Assert.True(again.AlreadyPresent);
        Assert.Equal(34, await ctx.BpjsImports.CountAsync());
        var bpu = ctx.Engagements.Where(e => e.Scheme == Scheme.BPU).Select(e => e.PersonId);
        var april = ctx.BpjsStatuses.Where(s => s.Period == "2025-04" && bpu.Contains(s.PersonId!.Value));
        Assert.Equal(3_934, await april.CountAsync());
        Assert.Equal(1_014, await april.CountAsync(s => s.Active)); // 25,77 %

        var (snapshot, frozen) = await new CoverageService(ctx).ForAsync("2025-04", today);
        var vulnerable = snapshot.Groups.Single(g => g.Dimension == "scheme" && g.Key == "BPU");
        Assert.True(frozen);
        Assert.Equal(ActiveSource.BpjsList, snapshot.Source);
        Assert.InRange(CoverageService.Percent(vulnerable.Active, vulnerable.Eligible), 24m, 28m);

        // By the last month BPJS lists active exactly the vulnerable people the registry marks Terdaftar.
        var registered = await ctx.Engagements.Where(e => e.Scheme == Scheme.BPU && e.Registration == RegistrationStatus.Registered)
            .Select(e => e.PersonId).OrderBy(id => id).ToListAsync();
        var activeLast = await ctx.BpjsStatuses.Where(s => s.Period == "2026-10" && s.Active && bpu.Contains(s.PersonId!.Value))
            .Select(s => s.PersonId!.Value).OrderBy(id => id).ToListAsync();
        Assert.Equal(registered, activeLast);
        var (october, _) = await new CoverageService(ctx).ForAsync("2026-10", today);
        var nonAsn = october.Groups.Single(g => g.Dimension == "category" && g.Key == "NONASN");
        Assert.Equal(await ctx.Engagements.CountAsync(e => e.Category!.Code == "NONASN" && e.Registration == RegistrationStatus.Registered), nonAsn.Active);
    }
}
