using Lindung.Core.Bpjs;
using Lindung.Core.Data;
using Lindung.Core.MasterData;
using Lindung.Core.Registry;
using Lindung.Core.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Tests.Bpjs;

public class NikIndexTests
{
    private static readonly Lindung.Core.Registry.Protection.NikProtector Protector = BpjsStatusImporterTests.Protector;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task NikIndex_HoldsEveryPersonOfTheTenantOnce_AndAnAliasOnlyForAHashNoPersonHas(DatabaseProvider provider)
    {
        // On SQLite the people are read in two halves by rowid on connections of their own, with the tenant written into
        // the SQL by hand: every person of this tenant must be found (both halves, odd counts), none of another tenant,
        // and a confirmed alias must never take a hash away from the person who has it.
        await using var db = await TestDatabase.CreateAsync(provider);
        var ours = new List<(string Nik, Guid Id)>();
        await using (var ctx = db.Context("16.09"))
        {
            await MasterDataSeeder.SeedAsync(ctx, "16.09");
            for (var i = 1; i <= 7; i++)
            {
                var nik = "16090147088500" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
                var person = new NewPerson(nik, "Orang " + i, new DateOnly(1985, 8, 7), 'P', "Muaradua").ToPerson(Protector);
                ctx.People.Add(person);
                ours.Add((nik, person.Id));
            }

            await ctx.SaveChangesAsync();
            ctx.BpjsNikAliases.Add(new BpjsNikAlias { NikHash = Protector.Hash(ours[0].Nik), PersonId = ours[1].Id });
            ctx.BpjsNikAliases.Add(new BpjsNikAlias { NikHash = Protector.Hash("1609014708859999"), PersonId = ours[2].Id });
            await ctx.SaveChangesAsync();
        }

        await using (var other = db.Context("16.08"))
        {
            await MasterDataSeeder.SeedAsync(other, "16.08");
            other.People.Add(new NewPerson("1608014708850001", "Orang Lain", new DateOnly(1985, 8, 7), 'P', "Martapura").ToPerson(Protector));
            await other.SaveChangesAsync();
        }

        await using var read = db.Context("16.09");
        var index = await BpjsFile.NikIndexAsync(read, CancellationToken.None);

        Assert.Equal(7 + 2, index.Count);
        Assert.All(ours, p => Assert.True(index.TryGetValue(Protector.Hash(p.Nik), out var id) && id == p.Id, p.Nik));
        Assert.True(index.TryGetValue(Protector.Hash("1609014708859999"), out var alias));
        Assert.Equal(ours[2].Id, alias);
        Assert.False(index.TryGetValue(Protector.Hash("1608014708850001"), out _));
        Assert.False(index.TryGetValue(null, out _));
    }
}
