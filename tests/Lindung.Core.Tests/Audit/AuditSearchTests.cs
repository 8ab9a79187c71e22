using Lindung.Core.Audit;
using Lindung.Core.Data;
using Lindung.Core.Registry.Protection;
using Lindung.Core.Tenancy;
using Lindung.Core.Tests.Data;

namespace Lindung.Core.Tests.Audit;

/// <summary>The audit trail search on both providers: case-insensitive user and text, WIB period, tenant isolation.</summary>
public class AuditSearchTests
{
    private static readonly NikProtector Nik = new(new byte[64]);

    private static AuditEvent Event(string tenant, string user, string action, DateTime atUtc, string? detail = null) => new()
    {
        TenantCode = tenant,
        UserName = user,
        Action = action,
        At = atUtc,
        Detail = detail,
        IpAddress = "10.0.0.1",
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_FiltersByUserTextPeriodAndTenant(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var ctx = db.Context("16.09"))
        {
            ctx.Tenants.Add(new Tenant { Code = "16.09", Name = "OKU Selatan" });
            ctx.Tenants.Add(new Tenant { Code = "16.10", Name = "Kabupaten Lain" });
            await ctx.SaveChangesAsync();
            // 31/12/2025 23:30 WIB is 16:30 UTC; 01/01/2026 00:30 WIB is 31/12/2025 17:30 UTC.
            ctx.AuditEvents.AddRange(
                Event("16.09", "auditor.uji", AuditActions.Exported, new DateTime(2025, 12, 31, 16, 30, 0, DateTimeKind.Utc), "Daftar Proyek: 3 baris"),
                Event("16.09", "Koordinator.Uji", AuditActions.NikRevealed, new DateTime(2025, 12, 31, 17, 30, 0, DateTimeKind.Utc)));
            await ctx.SaveChangesAsync();
        }

        await using (var other = db.Context("16.10"))
        {
            other.AuditEvents.Add(Event("16.10", "auditor.uji", AuditActions.Exported, new DateTime(2025, 12, 31, 17, 30, 0, DateTimeKind.Utc), "daftar proyek lain"));
            await other.SaveChangesAsync();
        }

        await using var search = db.Context("16.09");

        var byUser = await AuditSearch.SearchAsync(search, Nik, new AuditQuery(User: "KOORDINATOR"), 1);
        var byText = await AuditSearch.SearchAsync(search, Nik, new AuditQuery(Text: "daftar proyek"), 1);
        var newYear = await AuditSearch.SearchAsync(search, Nik, new AuditQuery(From: new DateOnly(2026, 1, 1), To: new DateOnly(2026, 1, 1)), 1);
        var oldYear = await AuditSearch.SearchAsync(search, Nik, new AuditQuery(To: new DateOnly(2025, 12, 31)), 1);

        Assert.Equal(AuditActions.NikRevealed, Assert.Single(byUser.Events).Action);
        Assert.Equal("Daftar Proyek: 3 baris", Assert.Single(byText.Events).Detail); // the other tenant's is not seen
        Assert.Equal("Koordinator.Uji", Assert.Single(newYear.Events).UserName);
        Assert.Contains(oldYear.Events, e => e.UserName == "auditor.uji" && e.Action == AuditActions.Exported);
        Assert.DoesNotContain(oldYear.Events, e => e.Action == AuditActions.NikRevealed);
    }
}
