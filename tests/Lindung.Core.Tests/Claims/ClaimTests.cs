using Lindung.Core.Bpjs;
using Lindung.Core.Claims;
using Lindung.Core.Data;
using Lindung.Core.MasterData;
using Lindung.Core.Registry;
using Lindung.Core.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Tests.Claims;

public class ClaimTests
{
    private sealed record Fixture(TestDatabase Db, Guid Dlh, Guid Bpbd);

    private static int serial;

    private static async Task<Fixture> SeedAsync(DatabaseProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        await using var ctx = db.Context("16.09");
        await MasterDataSeeder.SeedAsync(ctx, "16.09");
        return new Fixture(db, (await ctx.Agencies.SingleAsync(a => a.Code == "DLH")).Id, (await ctx.Agencies.SingleAsync(a => a.Code == "BPBD")).Id);
    }

    private static async Task<Incident> IncidentAsync(LindungDbContext ctx, Guid agency, IncidentKind kind, DateOnly on, bool workRelated = false,
        RegistrationStatus registration = RegistrationStatus.Registered, DateOnly? end = null)
    {
        var n = Interlocked.Increment(ref serial);
        var category = await ctx.WorkerCategories.SingleAsync(c => c.Code == "NONASN");
        var person = new Person { NikHash = BitConverter.GetBytes(n), NikCipher = [1], NikMasked = "1609••••••••0001", FullName = "Pekerja " + n, BirthDate = new DateOnly(1980, 1, 1), Sex = 'L' };
        var engagement = new Engagement
        {
            PersonId = person.Id,
            AgencyId = agency,
            CategoryId = category.Id,
            Scheme = Scheme.PU,
            FundingSource = "APBD",
            Programs = "JKK;JKM",
            StartDate = new DateOnly(2024, 1, 1),
            EndDate = end,
            Verification = VerificationStatus.Verified,
            Registration = registration,
            RegisteredOn = registration == RegistrationStatus.Registered ? new DateOnly(2024, 2, 1) : null,
        };
        var incident = new Incident
        {
            PersonId = person.Id,
            EngagementId = engagement.Id,
            AgencyId = agency,
            Kind = kind,
            OccurredOn = on,
            Place = "Muaradua",
            Description = "uji",
            WorkRelated = workRelated,
        };
        ctx.People.Add(person);
        ctx.Engagements.Add(engagement);
        ctx.Incidents.Add(incident);
        ctx.Claims.Add(ClaimRules.NewClaim(incident));
        await ctx.SaveChangesAsync();
        return incident;
    }

    private static async Task PayAsync(LindungDbContext ctx, Incident incident, DateOnly on, long amount)
    {
        var claim = await ctx.Claims.Include(c => c.Documents).SingleAsync(c => c.IncidentId == incident.Id);
        claim.Documents.ForEach(d => d.Received = true);
        Assert.Equal(StatusRefusal.None, ClaimRules.SetStatus(claim, ClaimStatus.Paid, on, amount, null));
        await ctx.SaveChangesAsync();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PaidOutReport_ClaimsAndScholarshipsByYearOfPaymentAndProgram(DatabaseProvider provider)
    {
        var f = await SeedAsync(provider);
        await using var db = f.Db;
        await using var ctx = db.Context("16.09");
        var death1 = await IncidentAsync(ctx, f.Dlh, IncidentKind.Death, new DateOnly(2025, 3, 4));
        var death2 = await IncidentAsync(ctx, f.Bpbd, IncidentKind.Death, new DateOnly(2025, 11, 20));
        var accident = await IncidentAsync(ctx, f.Dlh, IncidentKind.WorkAccident, new DateOnly(2025, 5, 1));
        var pending = await IncidentAsync(ctx, f.Dlh, IncidentKind.Death, new DateOnly(2025, 6, 1));
        await PayAsync(ctx, death1, new DateOnly(2025, 4, 10), 42_000_000);
        await PayAsync(ctx, death2, new DateOnly(2026, 1, 15), 42_000_000);
        await PayAsync(ctx, accident, new DateOnly(2025, 6, 30), 3_250_000);
        var claim1 = await ctx.Claims.SingleAsync(c => c.IncidentId == death1.Id);
        ctx.Scholarships.AddRange(
            new Scholarship { ClaimId = claim1.Id, ChildName = "Anak A", Level = SchoolLevel.SD, SchoolYear = "2025/2026", Amount = 1_500_000, Paid = true, PaidOn = new DateOnly(2025, 8, 1) },
            new Scholarship { ClaimId = claim1.Id, ChildName = "Anak A", Level = SchoolLevel.SD, SchoolYear = "2026/2027", Amount = 1_500_000, Paid = true, PaidOn = new DateOnly(2026, 8, 3) },
            new Scholarship { ClaimId = claim1.Id, ChildName = "Anak B", Level = SchoolLevel.SMP, SchoolYear = "2026/2027", Amount = 2_000_000 });
        await ctx.SaveChangesAsync();
        Assert.Equal(ClaimStatus.Preparing, (await ctx.Claims.SingleAsync(c => c.IncidentId == pending.Id)).Status);

        var all = await PaidOutReport.BuildAsync(ctx, null);
        var dlhOnly = await PaidOutReport.BuildAsync(ctx, f.Dlh);

        Assert.Equal(
            [
                new PaidOutLine(2025, "JKK", 1, 3_250_000, 0, 0),
                new PaidOutLine(2025, "JKM", 1, 42_000_000, 1, 1_500_000),
                new PaidOutLine(2026, "JKM", 1, 42_000_000, 1, 1_500_000),
            ],
            all);
        Assert.Equal(90_250_000, all.Sum(l => l.Total));
        Assert.Equal(3_250_000 + 42_000_000 + 3_000_000L, dlhOnly.Sum(l => l.Total));
        Assert.DoesNotContain(dlhOnly, l => l.Claims == 1 && l.Year == 2026);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Activity_BpjsListDecidesWhenImported_OtherwiseTheRegisteredEngagement(DatabaseProvider provider)
    {
        var f = await SeedAsync(provider);
        await using var db = f.Db;
        await using var ctx = db.Context("16.09");
        var listedActive = await IncidentAsync(ctx, f.Dlh, IncidentKind.WorkAccident, new DateOnly(2025, 4, 10));
        var listedInactive = await IncidentAsync(ctx, f.Dlh, IncidentKind.WorkAccident, new DateOnly(2025, 4, 12));
        var registered = await IncidentAsync(ctx, f.Dlh, IncidentKind.Death, new DateOnly(2025, 5, 2));
        var notRegistered = await IncidentAsync(ctx, f.Dlh, IncidentKind.Death, new DateOnly(2025, 5, 3), registration: RegistrationStatus.SentToBpjs);
        var endedBefore = await IncidentAsync(ctx, f.Dlh, IncidentKind.Death, new DateOnly(2025, 5, 4), end: new DateOnly(2025, 3, 31));
        var import = new BpjsImport { Period = "2025-04", FileName = "april.csv", FileHash = "x" };
        ctx.BpjsImports.Add(import);
        ctx.BpjsStatuses.AddRange(
            new BpjsStatus { ImportId = import.Id, Period = "2025-04", PersonId = listedActive.PersonId, Name = "A", Active = true, Explanation = "uji" },
            new BpjsStatus { ImportId = import.Id, Period = "2025-04", PersonId = listedInactive.PersonId, Name = "B", Active = false, Explanation = "uji" });
        await ctx.SaveChangesAsync();

        var activity = await ClaimRules.ActivityAsync(ctx, await ctx.Incidents.AsNoTracking().ToListAsync());

        Assert.Equal(new ActivityCheck(true, ActivitySource.BpjsList, "2025-04"), activity[listedActive.Id]);
        Assert.Equal(new ActivityCheck(false, ActivitySource.BpjsList, "2025-04"), activity[listedInactive.Id]);
        Assert.Equal(new ActivityCheck(true, ActivitySource.Registry, "2025-05"), activity[registered.Id]);
        Assert.False(activity[notRegistered.Id].Active);
        Assert.False(activity[endedBefore.Id].Active);
    }

    [Fact]
    public void NewClaim_ProgramAndChecklistFollowTheKind()
    {
        static Claim For(IncidentKind kind, bool workRelated) =>
            ClaimRules.NewClaim(new Incident { Kind = kind, WorkRelated = workRelated, Place = "x", Description = "x" });

        var jkm = For(IncidentKind.Death, false);
        var jkkDeath = For(IncidentKind.Death, true);
        var accident = For(IncidentKind.WorkAccident, false);

        Assert.Equal(("JKM", "JKK", "JKK"), (jkm.Program, jkkDeath.Program, accident.Program));
        Assert.Contains(jkm.Documents, d => d.Kind == ClaimDocumentKind.DeathCertificate);
        Assert.Contains(jkm.Documents, d => d.Kind == ClaimDocumentKind.HeirStatement);
        Assert.DoesNotContain(jkm.Documents, d => d.Kind == ClaimDocumentKind.AccidentReport);
        Assert.Contains(jkkDeath.Documents, d => d.Kind == ClaimDocumentKind.AccidentReport);
        Assert.DoesNotContain(accident.Documents, d => d.Kind == ClaimDocumentKind.DeathCertificate);
        Assert.All([jkm, jkkDeath, accident], c => Assert.Contains(c.Documents, d => d.Kind == ClaimDocumentKind.BankBook));
    }

    [Fact]
    public void SetStatus_SubmitNeedsDocuments_PaidNeedsAmount_ClosedStaysClosed()
    {
        var claim = ClaimRules.NewClaim(new Incident { Kind = IncidentKind.Death, Place = "x", Description = "x" });
        var day = new DateOnly(2025, 5, 1);

        Assert.Equal(StatusRefusal.DocumentsMissing, ClaimRules.SetStatus(claim, ClaimStatus.Submitted, day, null, null));
        claim.Documents.ForEach(d => d.Received = true);
        Assert.Equal(StatusRefusal.DateRequired, ClaimRules.SetStatus(claim, ClaimStatus.Submitted, null, null, null));
        Assert.Equal(StatusRefusal.None, ClaimRules.SetStatus(claim, ClaimStatus.Submitted, day, null, null));
        Assert.Equal(StatusRefusal.Backwards, ClaimRules.SetStatus(claim, ClaimStatus.Submitted, day, null, null));
        Assert.Equal(StatusRefusal.AmountRequired, ClaimRules.SetStatus(claim, ClaimStatus.Paid, day, null, null));
        Assert.Equal(StatusRefusal.None, ClaimRules.SetStatus(claim, ClaimStatus.Paid, day.AddDays(20), 42_000_000, null));
        Assert.Equal((ClaimStatus.Paid, 42_000_000L, day.AddDays(20)), (claim.Status, claim.AmountPaid!.Value, claim.PaidOn!.Value));
        Assert.Equal(StatusRefusal.Closed, ClaimRules.SetStatus(claim, ClaimStatus.Rejected, day, null, null));
    }
}
