using Lindung.Core.Contributions;
using Lindung.Core.Data;
using Lindung.Core.MasterData;
using Lindung.Core.Projects;
using Lindung.Core.Registry;
using Lindung.Core.Tests.Data;
using Microsoft.EntityFrameworkCore;
using static Lindung.Core.Contributions.ContributionProgram;

namespace Lindung.Core.Tests.Contributions;

public class MonthlyBillTests
{
    private static async Task<TestDatabase> RegistryAsync(DatabaseProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        await using var ctx = db.Context("16.09");
        await MasterDataSeeder.SeedAsync(ctx, "16.09");
        var guru = await ctx.WorkerCategories.SingleAsync(c => c.Code == "GURU_NGAJI");
        var nonAsn = await ctx.WorkerCategories.SingleAsync(c => c.Code == "NONASN");
        var kesra = await ctx.Agencies.SingleAsync(a => a.Code == "KESRA");
        var dlh = await ctx.Agencies.SingleAsync(a => a.Code == "DLH");
        var n = 0;

        void Add(Agency agency, WorkerCategory category, long? wage, long? income, string programs, RegistrationStatus registration,
            DateOnly? registeredOn, DateOnly? end = null, int? risk = null)
        {
            n++;
            var person = new Person
            {
                NikHash = [(byte)n],
                NikCipher = [(byte)n],
                NikMasked = "1609••••••••000" + n,
                FullName = "Pekerja " + n,
                BirthDate = new DateOnly(1980, 1, 1),
                Sex = 'L',
            };
            ctx.People.Add(person);
            ctx.Engagements.Add(new Engagement
            {
                PersonId = person.Id,
                AgencyId = agency.Id,
                CategoryId = category.Id,
                Scheme = category.Scheme,
                Wage = wage,
                DeclaredIncome = income,
                FundingSource = category.FundingSource,
                Programs = programs,
                StartDate = new DateOnly(2024, 1, 1),
                EndDate = end,
                Verification = VerificationStatus.Verified,
                Registration = registration,
                RegisteredOn = registeredOn,
                JkkRiskGroup = risk,
            });
        }

        Add(kesra, guru, null, 1_000_000, "JKK;JKM", RegistrationStatus.Registered, new DateOnly(2025, 1, 1));
        Add(dlh, nonAsn, 2_000_000, null, "JKK;JKM;JHT;JP", RegistrationStatus.Registered, new DateOnly(2025, 6, 20), risk: 3);
        Add(kesra, guru, null, 1_000_000, "JKK;JKM", RegistrationStatus.Registered, new DateOnly(2025, 1, 1), end: new DateOnly(2025, 5, 31));
        Add(kesra, guru, null, 1_000_000, "JKK;JKM", RegistrationStatus.Registered, new DateOnly(2025, 7, 1));
        Add(kesra, guru, null, 1_000_000, "JKK;JKM", RegistrationStatus.SentToBpjs, null);
        await ctx.SaveChangesAsync();
        return db;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bill_June2025_IsEveryRegisteredEngagementForTheWholeMonth(DatabaseProvider provider)
    {
        await using var db = await RegistryAsync(provider);
        await using var ctx = db.Context("16.09");

        var bill = await new MonthlyBill(ctx).ForAsync("2025-06");

        // Guru ngaji BPU minimum 16.800; non-ASN at Rp2.000.000, risk group 3 (0,89%): 17.800 + 6.000 + 114.000 + 60.000.
        Assert.Equal(2, bill.Lines.Count);
        Assert.Equal(16_800 + 197_800L, bill.Total);
        Assert.Equal(new Dictionary<ContributionProgram, long> { [JKK] = 27_800, [JKM] = 12_800, [JHT] = 114_000, [JP] = 60_000 }, bill.Programs);
        Assert.Equal((new DateOnly(2025, 7, 15), "2025-03-01"), (bill.DueDate, bill.RateVersion));
        var byFunding = bill.By(l => l.FundingSource);
        Assert.Equal(bill.Total, byFunding.Sum(f => f.Total));
        Assert.Equal(bill.Total, bill.By(l => l.AgencyCode).Sum(f => f.Total));
        Assert.Equal(3, bill.Lines.Single(l => l.AgencyCode == "DLH").RiskGroup);
    }

    [Theory]
    [InlineData("2025-06-01", "2025-07-15")]
    [InlineData("2025-08-01", "2025-09-15")]
    [InlineData("2026-01-01", "2026-02-16")]
    public void DueDate_IsThe15thOfNextMonth_MovedOffWeekends(string month, string due)
    {
        Assert.Equal(Day(due), MonthlyBill.DueDate(Day(month), new HashSet<DateOnly>()));
    }

    [Theory]
    // 15 Feb 2026 is a Sunday; Monday 16 is cuti bersama Imlek, Tuesday 17 Imlek itself: Wednesday 18.
    [InlineData("2026-01-01", "2026-02-18")]
    // Friday 15 May 2026 is cuti bersama after Kenaikan Yesus Kristus: Monday 18.
    [InlineData("2026-04-01", "2026-05-18")]
    // A 15th with no day off around it stays.
    [InlineData("2026-06-01", "2026-07-15")]
    public void DueDate_MovesOffTheTenantsDaysOff_ToTheNextWorkingDay(string month, string due)
    {
        var holidays = new HashSet<DateOnly> { Day("2026-02-16"), Day("2026-02-17"), Day("2026-05-14"), Day("2026-05-15") };

        Assert.Equal(Day(due), MonthlyBill.DueDate(Day(month), holidays));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bill_DueDate_ComesFromTheTenantsHolidayCalendar(DatabaseProvider provider)
    {
        await using var db = await RegistryAsync(provider);
        await using (var ctx = db.Context("16.09"))
        {
            // 15 Jul 2025 is a Tuesday: a day off declared by this tenant moves the June bill to Wednesday.
            ctx.PublicHolidays.Add(new PublicHoliday { Date = Day("2025-07-15"), Name = "Libur uji" });
            await ctx.SaveChangesAsync();
        }

        await using (var other = db.Context("16.01"))
        {
            // Another tenant's day off is not this tenant's.
            other.PublicHolidays.Add(new PublicHoliday { Date = Day("2025-07-16"), Name = "Libur lain" });
            await other.SaveChangesAsync();
        }

        await using var read = db.Context("16.09");
        Assert.Equal(Day("2025-07-16"), (await new MonthlyBill(read).ForAsync("2025-06")).DueDate);
    }

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
