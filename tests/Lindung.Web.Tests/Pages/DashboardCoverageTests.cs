using Lindung.Core.Identity;
using Lindung.Core.Registry;
using Lindung.Web.Infrastructure;
using Lindung.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Web.Tests.Pages;

/// <summary>10 verified guru ngaji in KESRA, 4 of them Terdaftar since 2024; no snapshot taken yet.</summary>
public class CoverageDataFactory : LindungFactory
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await AddVerifiedBpuWorkersAsync("KESRA", "GURU_NGAJI", 10, firstSerial: 5100);
        await using var db = Database.Context(Tenant);
        foreach (var e in await db.Engagements.Where(e => e.Verification == VerificationStatus.Verified).OrderBy(e => e.Id).Take(4).ToListAsync())
        {
            e.Registration = RegistrationStatus.Registered;
            e.RegisteredOn = new DateOnly(2024, 1, 1);
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Today in WIB, by the app's clock (what the worker counts months from).</summary>
    public DateOnly Today => DateOnly.FromDateTime(Services.GetRequiredService<TimeProvider>().GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);

    /// <summary>The month that just ended (<paramref name="back"/> = 0) or one that many months before it, as YYYY-MM.</summary>
    public string EndedMonth(int back = 0) =>
        new DateOnly(Today.Year, Today.Month, 1).AddMonths(-1 - back).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Deletes every snapshot of the tenant (their groups go by cascade): the next run back-fills as on a fresh start.</summary>
    public async Task ForgetSnapshotsAsync()
    {
        await using var db = Database.Context(Tenant);
        await db.CoverageSnapshots.ExecuteDeleteAsync();
    }
}

public sealed class PostgresCoverageDataFactory : CoverageDataFactory
{
    protected override Lindung.Core.Data.DatabaseProvider Provider => Lindung.Core.Data.DatabaseProvider.Postgres;
}

/// <summary>The same data with the snapshots taken by the worker.</summary>
public sealed class CoverageFactory : CoverageDataFactory
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Services.GetRequiredService<SnapshotWorker>().TakeMissingAsync(CancellationToken.None);
    }
}

public class DashboardCoverageTests(CoverageFactory factory) : IClassFixture<CoverageFactory>
{
    [Fact]
    public async Task Pimpinan_SeesCoverageAgainstTheTargetWithTheGapInPeopleAndRupiah()
    {
        var html = await (await factory.SignedInAsync(Roles.Pimpinan)).GetStringAsync("/");

        Assert.Contains("data-testid=\"coverage-percent\">40,0%", html, StringComparison.Ordinal);
        // The seeded 2026 target is 63,4%: ceil(10 × 63,4%) = 7, 4 active → 3 short × Rp16.800.
        Assert.Contains("Kurang 3 orang ≈ Rp 50.400 sebulan", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"coverage-chart\"", html, StringComparison.Ordinal);
        Assert.Contains("Bag. Kesra", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worker_TakesEachEndedMonthOnce_AndSnapshotsStayFrozen()
    {
        await using var db = factory.Database.Context(LindungFactory.Tenant);
        var before = await db.CoverageSnapshots.CountAsync();

        var again = await factory.Services.GetRequiredService<SnapshotWorker>().TakeMissingAsync(CancellationToken.None);

        Assert.Equal((SnapshotWorker.MonthsBack, 0), (before, again));
    }

    [Fact]
    public async Task OperatorOpd_SeesOnlyTheirOwnOpd()
    {
        var html = await (await factory.SignedInAsync(Roles.OperatorOpd)).GetStringAsync("/");

        Assert.Contains("Cakupan DLH", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Bag. Kesra", html, StringComparison.Ordinal);
    }
}
