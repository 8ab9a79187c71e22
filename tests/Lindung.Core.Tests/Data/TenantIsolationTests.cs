using Lindung.Core.Data;
using Lindung.Core.MasterData;
using Lindung.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Tests.Data;

public class TenantIsolationTests
{
    private static async Task SeedTwoTenantsAsync(TestDatabase db)
    {
        await using (var install = db.Context(null))
        {
            install.Tenants.AddRange(
                new Tenant { Code = "16.09", Name = "OKU Selatan" },
                new Tenant { Code = "16.08", Name = "OKU Timur" });
            await install.SaveChangesAsync();
        }

        await using (var a = db.Context("16.09"))
        {
            a.Agencies.Add(new Agency { Code = "DLH", ShortName = "DLH", Name = "DLH OKU Selatan" });
            await a.SaveChangesAsync();
        }

        await using (var b = db.Context("16.08"))
        {
            b.Agencies.Add(new Agency { Code = "DLH", ShortName = "DLH", Name = "DLH OKU Timur" });
            b.Agencies.Add(new Agency { Code = "DISHUB", ShortName = "Dishub", Name = "Dishub OKU Timur" });
            await b.SaveChangesAsync();
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Query_ActingForOneTenant_NeverReturnsAnotherTenantsRows(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await SeedTwoTenantsAsync(db);

        await using var a = db.Context("16.09");
        await using var b = db.Context("16.08");
        var seenByA = await a.Agencies.Select(x => x.Name).ToListAsync();
        var seenByB = await b.Agencies.OrderBy(x => x.Code).Select(x => x.Name).ToListAsync();

        Assert.Equal(["DLH OKU Selatan"], seenByA);
        Assert.Equal(["Dishub OKU Timur", "DLH OKU Timur"], seenByB);
        Assert.All(await a.AuditEvents.ToListAsync(), e => Assert.Equal("16.09", e.TenantCode));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Query_WithoutTenant_SeesNoTenantRows(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await SeedTwoTenantsAsync(db);

        await using var none = db.Context(null);

        Assert.Equal(0, await none.Agencies.CountAsync());
        Assert.Equal(3, await none.Agencies.IgnoreQueryFilters().CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Save_RowOfAnotherTenant_IsRefused(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await SeedTwoTenantsAsync(db);

        await using var a = db.Context("16.09");
        a.Agencies.Add(new Agency { TenantCode = "16.08", Code = "X", ShortName = "X", Name = "Smuggled" });

        await Assert.ThrowsAsync<InvalidOperationException>(() => a.SaveChangesAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Add_WithoutTenantCode_IsStampedWithTheActorsTenant(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await SeedTwoTenantsAsync(db);

        await using var a = db.Context("16.09");
        var agency = new Agency { Code = "BPBD", ShortName = "BPBD", Name = "BPBD" };
        a.Agencies.Add(agency);
        await a.SaveChangesAsync();

        Assert.Equal("16.09", agency.TenantCode);
        Assert.NotEqual(default, agency.CreatedAt);
        Assert.Equal(7, agency.Id.Version);
    }
}
