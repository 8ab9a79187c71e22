using Lindung.Core.Data;
using Lindung.Core.Import;
using Lindung.Core.MasterData;
using Lindung.Core.Tests.Data;

namespace Lindung.Core.Tests.Import;

public class RegionResolverTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TypedNames_ResolveLoosely_AndTheSameOnEveryAsking(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var regions = await OkuSelatanAsync(db);

        for (var asked = 0; asked < 2; asked++)
        {
            Assert.Equal(("16.09.01", "16.09.01.2003", false), regions.Resolve("Kecamatan Muaradua", "Desa Gunung  Tiga"));
            Assert.Equal(("16.09.01", null, true), regions.Resolve("Muara Dua", "Gunung Empat"));
            Assert.Equal((null, null, false), regions.Resolve(null, null));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AFileOfEverDifferentTypos_StillResolvesEveryRowByItself(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var regions = await OkuSelatanAsync(db);

        // More distinct pairs than the resolver remembers: past its cap, pairs are resolved without being kept.
        for (var i = 0; i < 12_000; i++)
        {
            Assert.Equal((null, null, true), regions.Resolve("Kecamatan Tidak Ada " + i, null));
        }

        Assert.Equal(("16.09.01", "16.09.01.2004", false), regions.Resolve("Muara Dua", "Suka Banjar"));
        Assert.Equal(("16.09.01", "16.09.01.2004", false), regions.Resolve(" muara-dua ", "SUKA BANJAR"));
    }

    /// <summary>The resolver of OKU Selatan (16.09) over its seeded region table.</summary>
    private static async Task<RegionResolver> OkuSelatanAsync(TestDatabase db)
    {
        await using var ctx = db.Context("16.09");
        await MasterDataSeeder.SeedAsync(ctx, "16.09");
        return await RegionResolver.LoadAsync(ctx, "16.09", CancellationToken.None);
    }
}
