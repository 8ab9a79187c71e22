using System.Text;
using Lindung.Core.Agreements;
using Lindung.Core.Data;
using Lindung.Core.MasterData;
using Lindung.Core.Registry;
using Lindung.Core.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Tests.Agreements;

public class AgreementTests
{
    private static Agreement Pks(string number, DateOnly from, DateOnly to, string categories = "NONASN", string funding = "APBD") => new()
    {
        Number = number,
        SignedOn = from,
        Parties = "Bupati OKU Selatan; BPJS Ketenagakerjaan Cabang OKU Raya",
        Categories = categories,
        Programs = "JKK;JKM",
        FundingSources = funding,
        ValidFrom = from,
        ValidTo = to,
        PerbupNumber = "12",
        PerbupYear = 2024,
        PerbupTitle = "Perbup uji",
    };

    [Theory]
    [InlineData(91, null)]
    [InlineData(90, ExpiryLevel.Days90)]
    [InlineData(61, ExpiryLevel.Days90)]
    [InlineData(60, ExpiryLevel.Days60)]
    [InlineData(31, ExpiryLevel.Days60)]
    [InlineData(30, ExpiryLevel.Days30)]
    [InlineData(0, ExpiryLevel.Days30)]
    [InlineData(-1, ExpiryLevel.Expired)]
    public void Alerts_DaysBeforeTheLastDay_AppearAt90_60_30(int daysLeft, ExpiryLevel? expected)
    {
        var today = new DateOnly(2026, 11, 20);
        var pks = Pks("PKS/1", new DateOnly(2025, 1, 1), today.AddDays(daysLeft));

        var alerts = AgreementRules.Alerts([pks], today);

        Assert.Equal(expected, alerts.SingleOrDefault()?.Level);
        if (expected is not null)
        {
            Assert.Equal(daysLeft, alerts.Single().DaysLeft);
        }
    }

    [Fact]
    public void Alerts_RenewedVersion_DoesNotAlert()
    {
        var today = new DateOnly(2026, 11, 20);
        var old = Pks("PKS/1", new DateOnly(2025, 1, 1), today.AddDays(10));
        var renewal = AgreementRules.DraftRenewal(old, today);

        Assert.Empty(AgreementRules.Alerts([old, renewal], today));
        Assert.Single(AgreementRules.Alerts([old], today));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Renewal_NewVersionSaved_OldVersionIntactAndOnlyOneSuccessor(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var old = Pks("001/PKS/2024", new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31));
        old.DocumentName = "pks-2024.pdf";
        await using (var ctx = db.Context("16.09"))
        {
            ctx.Agreements.Add(old);
            await ctx.SaveChangesAsync();
        }

        string before;
        await using (var ctx = db.Context("16.09"))
        {
            before = Describe(await ctx.Agreements.AsNoTracking().SingleAsync());
            var renewal = AgreementRules.DraftRenewal(await ctx.Agreements.AsNoTracking().SingleAsync(), new DateOnly(2025, 12, 1));
            renewal.Number = "002/PKS/2026";
            Assert.Equal(RenewalRefusal.None, await AgreementRules.CheckRenewalAsync(ctx, old.Id));
            ctx.Agreements.Add(renewal);
            await ctx.SaveChangesAsync();
        }

        await using (var ctx = db.Context("16.09"))
        {
            var versions = await ctx.Agreements.AsNoTracking().OrderBy(a => a.Version).ToListAsync();
            Assert.Equal(2, versions.Count);
            Assert.Equal(before, Describe(versions[0]));
            var next = versions[1];
            Assert.Equal((2, old.Id, "002/PKS/2026"), (next.Version, next.PreviousVersionId, next.Number));
            Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31)), (next.ValidFrom, next.ValidTo));
            Assert.Equal((old.Categories, old.Programs, old.FundingSources, old.PerbupNumber), (next.Categories, next.Programs, next.FundingSources, next.PerbupNumber));
            Assert.Null(next.DocumentName);
            Assert.Equal(RenewalRefusal.AlreadyRenewed, await AgreementRules.CheckRenewalAsync(ctx, old.Id));
            Assert.Equal(2, await ctx.AuditEvents.CountAsync(e => e.EntityType == nameof(Agreement)));

            // A second successor (two people renewing at once) is refused by the database.
            ctx.Agreements.Add(AgreementRules.DraftRenewal(versions[0], new DateOnly(2025, 12, 2)));
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => ctx.SaveChangesAsync());
        }
    }

    private static string Describe(Agreement a) =>
        $"{a.Number}|{a.SignedOn}|{a.Parties}|{a.Categories}|{a.Programs}|{a.FundingSources}|{a.ValidFrom}|{a.ValidTo}|{a.PerbupNumber}|{a.Version}|{a.DocumentName}|{a.ModifiedAt:O}";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FundingAgreements_EngagementTracedToTheAgreementInForceForItsCategoryAndFunding(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var ctx = db.Context("16.09");
        await MasterDataSeeder.SeedAsync(ctx, "16.09");
        var nonAsn = await ctx.WorkerCategories.SingleAsync(c => c.Code == "NONASN");
        var desa = await ctx.WorkerCategories.SingleAsync(c => c.Code == "PERANGKAT_DESA");
        var dlh = await ctx.Agencies.SingleAsync(a => a.Code == "DLH");
        var v1 = Pks("PKS/2024", new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31), "NONASN;DPRD", "APBD");
        var v2 = AgreementRules.DraftRenewal(v1, new DateOnly(2025, 12, 1));
        v2.Number = "PKS/2026";
        var village = Pks("PKS/DESA", new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31), "PERANGKAT_DESA", "APBDes");
        ctx.Agreements.AddRange(v1, v2, village);
        var person = new Person { NikHash = [1], NikCipher = [1], NikMasked = "1609••••••••0001", FullName = "Pekerja", BirthDate = new DateOnly(1980, 1, 1), Sex = 'L' };
        ctx.People.Add(person);
        Engagement Add(WorkerCategory c, string funding, DateOnly start, DateOnly? end)
        {
            var e = new Engagement { PersonId = person.Id, AgencyId = dlh.Id, CategoryId = c.Id, Scheme = c.Scheme, FundingSource = funding, Programs = "JKK;JKM", StartDate = start, EndDate = end };
            ctx.Engagements.Add(e);
            return e;
        }

        var running = Add(nonAsn, "APBD", new DateOnly(2024, 3, 1), null);
        var ended = Add(nonAsn, "APBD", new DateOnly(2024, 3, 1), new DateOnly(2025, 6, 30));
        var villageRole = Add(desa, "APBDes", new DateOnly(2025, 2, 1), null);
        var wrongFunding = Add(desa, "APBD", new DateOnly(2025, 2, 1), null);
        await ctx.SaveChangesAsync();

        var loaded = await ctx.Engagements.AsNoTracking().Include(e => e.Category).ToListAsync();
        var in2026 = await AgreementRules.FundingAgreementsAsync(ctx, loaded, new DateOnly(2026, 3, 1));
        var in2025 = await AgreementRules.FundingAgreementsAsync(ctx, loaded, new DateOnly(2025, 3, 1));

        Assert.Equal("PKS/2026", in2026[running.Id]?.Number);
        Assert.Equal("PKS/2024", in2025[running.Id]?.Number);
        Assert.Equal("PKS/2024", in2026[ended.Id]?.Number); // traced on its last day, 30/06/2025
        Assert.Equal("PKS/DESA", in2026[villageRole.Id]?.Number);
        Assert.Null(in2026[wrongFunding.Id]);
        Assert.Null((await AgreementRules.FundingAgreementsAsync(ctx, loaded, new DateOnly(2028, 1, 1)))[running.Id]);
    }

    [Fact]
    public void Check_ContentDecides_NotTheName()
    {
        using var pdf = new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"));
        using var text = new MemoryStream(Encoding.ASCII.GetBytes("MZ\x90\0 not a pdf at all"));
        using var tiny = new MemoryStream(Encoding.ASCII.GetBytes("%PD"));

        Assert.Equal(DocumentRefusal.None, AgreementDocuments.Check(pdf, pdf.Length));
        Assert.Equal(0, pdf.Position);
        Assert.Equal(DocumentRefusal.NotPdf, AgreementDocuments.Check(text, text.Length));
        Assert.Equal(DocumentRefusal.NotPdf, AgreementDocuments.Check(tiny, tiny.Length));
        Assert.Equal(DocumentRefusal.Empty, AgreementDocuments.Check(new MemoryStream(), 0));
        Assert.Equal(DocumentRefusal.TooLarge, AgreementDocuments.Check(pdf, AgreementDocuments.MaxBytes + 1));
    }
}
