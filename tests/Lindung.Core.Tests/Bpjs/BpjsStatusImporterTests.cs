using System.Security.Cryptography;
using System.Text;
using Lindung.Core.Audit;
using Lindung.Core.Bpjs;
using Lindung.Core.Data;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Core.MasterData;
using Lindung.Core.Registry;
using Lindung.Core.Registry.Protection;
using Lindung.Core.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Tests.Bpjs;

public class BpjsStatusImporterTests
{
    internal static readonly NikProtector Protector = new(RandomNumberGenerator.GetBytes(64));

    /// <summary>Siti (DLH, verified), Fauzi (KESRA, verified), Rina (KESRA, pending).</summary>
    internal static async Task<TestDatabase> RegistryAsync(DatabaseProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        await using var ctx = db.Context("16.09");
        await MasterDataSeeder.SeedAsync(ctx, "16.09");
        var category = await ctx.WorkerCategories.SingleAsync(c => c.Code == "GURU_NGAJI");
        foreach (var (nik, name, opd, verified) in new[]
                 {
                     ("1609014708850001", "Siti Nurhayati", "DLH", true),
                     ("1609011208850002", "Muhammad Fauzi", "KESRA", true),
                     ("1609015203900003", "Rina Sari", "KESRA", false),
                 })
        {
            var fromNik = BpjsMatcher.FromNik(nik)!.Value;
            var person = new NewPerson(nik, name, fromNik.BirthDate, fromNik.Sex, "Muaradua").ToPerson(Protector);
            person.Engagements.Add(new Engagement
            {
                AgencyId = (await ctx.Agencies.SingleAsync(a => a.Code == opd)).Id,
                CategoryId = category.Id,
                Scheme = Scheme.BPU,
                DeclaredIncome = 1_000_000,
                FundingSource = "APBD",
                Programs = "JKK;JKM",
                StartDate = new DateOnly(2024, 1, 1),
                Verification = verified ? VerificationStatus.Verified : VerificationStatus.Pending,
            });
            ctx.People.Add(person);
        }

        await ctx.SaveChangesAsync();
        return db;
    }

    internal static async Task<BpjsImportReport> ImportAsync(TestDatabase db, string csv, string period = "2025-04", bool scanRegistry = false)
    {
        await using var ctx = db.Context("16.09", user: "koordinator.uji");
        // scanRegistry: the paths of a large list (the registry scanned, the candidates staged by the NIK index's scan).
        return await new BpjsStatusImporter(ctx, Protector, SpreadsheetLimits.Default)
        {
            ScanRegistryAbove = scanRegistry ? 0 : 20_000,
            StageCandidatesFromBytes = scanRegistry ? 0 : 1 << 20,
        }
            .RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "status-bpjs.csv", period);
    }

    private const string April =
        "No KPJ;NIK;Nama Peserta;Tgl Lahir;Status Kepesertaan\n"
        + "25010000001;1609014708850001;SITI NURHAYATI;07-08-1985;AKTIF\n"
        + "25010000002;1609011208850003;MOH. FAUZI;12-08-1985;AKTIF\n"
        + "25010000003;1609995203901234;RINA SARI;12-03-1990;NON AKTIF\n"
        + "25010000004;1609016101950004;DEWI LESTARI;21-01-1995;AKTIF\n";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_StatusList_MatchesExplainsAndAppliesConfidentMatches(DatabaseProvider provider)
    {
        await using var db = await RegistryAsync(provider);

        var report = await ImportAsync(db, April);

        Assert.Equal((4, 1, 1, 1, 1, 3, 1), (report.Rows, report.MatchedExact, report.MatchedFuzzy, report.NeedsReview, report.Unmatched, report.Active, report.Inactive));
        Assert.Equal((2, 0, 2), (report.KpjFilled, report.KpjDiffers, report.Registered));
        await using var ctx = db.Context("16.09");
        var people = await ctx.People.Include(p => p.Engagements).ToDictionaryAsync(p => p.FullName);
        Assert.Equal(("25010000001", RegistrationStatus.Registered), (people["Siti Nurhayati"].Kpj, people["Siti Nurhayati"].Engagements[0].Registration));
        Assert.Equal(("25010000002", RegistrationStatus.Registered), (people["Muhammad Fauzi"].Kpj, people["Muhammad Fauzi"].Engagements[0].Registration));
        Assert.Equal((null, RegistrationStatus.NotRegistered), (people["Rina Sari"].Kpj, people["Rina Sari"].Engagements[0].Registration));
        var review = await ctx.BpjsStatuses.SingleAsync(s => s.Match == MatchKind.NeedsReview);
        Assert.Equal((ReviewState.Pending, (Guid?)null), (review.Review, review.PersonId));
        Assert.Contains(people["Rina Sari"].Id.ToString(), review.Candidates, StringComparison.Ordinal);
        Assert.Contains("digit ke-16", (await ctx.BpjsStatuses.SingleAsync(s => s.Match == MatchKind.Fuzzy)).Explanation, StringComparison.Ordinal);
        Assert.All(await ctx.BpjsStatuses.ToListAsync(), s => Assert.DoesNotContain("1609", s.Explanation, StringComparison.Ordinal));
        Assert.Equal(1, await ctx.AuditEvents.CountAsync(e => e.Action == AuditActions.BpjsImported));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_CandidatesStagedByTheNikIndexScan_SameDecisionsAsReadByTheFuzzyStage_ErasedAndOtherTenantsNever(DatabaseProvider provider)
    {
        // Dewi Lestari (21-01-1995) is in the list with a NIK the registry does not have. The registry holds an erased
        // Dewi Lestari born that day and another tenant holds one too: neither may ever become a candidate, whichever way
        // the candidates are read (staged by the exact stage's scan on SQLite, or read by the fuzzy stage).
        async Task<List<(int, MatchKind, Guid?, string)>> StoredAsync(bool staged)
        {
            await using var db = await RegistryAsync(provider);
            await using (var ctx = db.Context("16.09"))
            {
                ctx.People.Add(new NewPerson("1609016101950777", "Dewi Lestari", new DateOnly(1995, 1, 21), 'P').ToPerson(Protector));
                await ctx.SaveChangesAsync();
                await ctx.People.Where(p => p.FullName == "Dewi Lestari").ExecuteUpdateAsync(x => x.SetProperty(p => p.ErasedAt, DateTime.UtcNow));
            }

            await using (var other = db.Context("16.10"))
            {
                other.People.Add(new NewPerson("1610016101950005", "Dewi Lestari", new DateOnly(1995, 1, 21), 'P').ToPerson(Protector));
                await other.SaveChangesAsync();
            }

            await using (var ctx = db.Context("16.09", user: "koordinator.uji"))
            {
                await new BpjsStatusImporter(ctx, Protector, SpreadsheetLimits.Default) { StageCandidatesFromBytes = staged ? 0 : long.MaxValue }
                    .RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(April)), "status-bpjs.csv", "2025-04");
            }

            await using var check = db.Context("16.09");
            return (await check.BpjsStatuses.OrderBy(s => s.RowNumber).ToListAsync()).Select(s => (s.RowNumber, s.Match, s.PersonId, s.Explanation)).ToList();
        }

        var read = await StoredAsync(staged: false);
        var staged = await StoredAsync(staged: true);

        Assert.Equal([MatchKind.Exact, MatchKind.Fuzzy, MatchKind.NeedsReview, MatchKind.Unmatched], read.Select(r => r.Item2));
        Assert.Equal(MatchMessages.NoCandidate, read[3].Item4);
        // Person ids differ between the two registries (made twice): compare everything else, and which rows have one.
        Assert.Equal(read.Select(r => (r.Item1, r.Item2, r.Item3 is null, r.Item4)), staged.Select(r => (r.Item1, r.Item2, r.Item3 is null, r.Item4)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_ReadInSmallChunksOnEveryCore_StoresTheSameRowsInFileOrderAsOneChunk(DatabaseProvider provider)
    {
        // The file is cut into chunks that become rows on the thread pool; the rows must come back in file order with
        // their row numbers (a blank line skipped, not renumbered) and the same decisions as when read in one piece.
        var csv = April.Replace("AKTIF\n25010000003", "AKTIF\n;;;;\n25010000003", StringComparison.Ordinal);
        async Task<List<(int, MatchKind, string, bool, DateOnly?)>> StoredAsync(int chunkRows)
        {
            await using var db = await RegistryAsync(provider);
            await using (var ctx = db.Context("16.09", user: "koordinator.uji"))
            {
                await new BpjsStatusImporter(ctx, Protector, SpreadsheetLimits.Default) { ChunkRows = chunkRows }
                    .RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "status-bpjs.csv", "2025-04");
            }

            await using var check = db.Context("16.09");
            return (await check.BpjsStatuses.OrderBy(s => s.RowNumber).ToListAsync())
                .Select(s => (s.RowNumber, s.Match, s.Name, s.Active, s.BirthDate)).ToList();
        }

        var oneChunk = await StoredAsync(1_000);
        var chunksOfOne = await StoredAsync(1);

        Assert.Equal([2, 3, 5, 6], oneChunk.Select(r => r.Item1));
        Assert.Equal(oneChunk, chunksOfOne);
        Assert.Equal([MatchKind.Exact, MatchKind.Fuzzy, MatchKind.NeedsReview, MatchKind.Unmatched], chunksOfOne.Select(r => r.Item2));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_SamePeriodTwice_SameFileChangesNothing_AnotherFileReplacesThePeriod(DatabaseProvider provider)
    {
        await using var db = await RegistryAsync(provider);
        await ImportAsync(db, April);

        var again = await ImportAsync(db, April);
        await using (var ctx = db.Context("16.09"))
        {
            Assert.True(again.Unchanged);
            Assert.Equal(4, await ctx.BpjsStatuses.CountAsync());
            Assert.Equal(1, await ctx.AuditEvents.CountAsync(e => e.Action == AuditActions.BpjsImported));
        }

        var corrected = await ImportAsync(db, string.Join('\n', April.Split('\n').Take(3)) + "\n");
        await using var check = db.Context("16.09");
        Assert.Equal((false, 2), (corrected.Unchanged, corrected.Rows));
        Assert.Equal(2, await check.BpjsStatuses.CountAsync(s => s.Period == "2025-04"));
        Assert.Equal(1, await check.BpjsImports.CountAsync(i => i.Period == "2025-04"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_RegistrationResultWithoutStatus_TakesEveryoneListedAsRegistered(DatabaseProvider provider)
    {
        await using var db = await RegistryAsync(provider);

        var report = await ImportAsync(db, "NIK;Nama;KPJ\n1609014708850001;Siti Nurhayati;25010000001\n", "2025-05");

        Assert.Equal((true, 1, 1, 1), (report.StatusAssumed, report.Active, report.MatchedExact, report.Registered));
    }

    [Theory]
    [InlineData("Nama;Status\nSiti;AKTIF\n", "perlu kolom Nama dan NIK")]
    [InlineData("", "Berkas kosong")]
    public async Task Import_UnusableFile_IsRefusedWithAMessageAndNothingStored(string csv, string message)
    {
        await using var db = await RegistryAsync(DatabaseProvider.Sqlite);

        var e = await Assert.ThrowsAsync<Lindung.Core.Import.UnusableImportException>(() => ImportAsync(db, csv));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        await using var ctx = db.Context("16.09");
        Assert.Equal(0, await ctx.BpjsImports.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Review_Accepted_AppliesTheRowAndNextMonthMatchesExactly(DatabaseProvider provider)
    {
        await using var db = await RegistryAsync(provider);
        await ImportAsync(db, April);
        Guid statusId, rina;
        await using (var ctx = db.Context("16.09"))
        {
            statusId = (await ctx.BpjsStatuses.SingleAsync(s => s.Match == MatchKind.NeedsReview)).Id;
            rina = (await ctx.People.SingleAsync(p => p.FullName == "Rina Sari")).Id;
        }

        await using (var ctx = db.Context("16.09", user: "koordinator.uji"))
        {
            Assert.False(await new BpjsReview(ctx).AcceptAsync(statusId, Guid.CreateVersion7()));
            Assert.True(await new BpjsReview(ctx).AcceptAsync(statusId, rina));
        }

        var may = await ImportAsync(db, April.Replace("NON AKTIF", "AKTIF", StringComparison.Ordinal), "2025-05");
        await using var check = db.Context("16.09");
        // Siti and now Rina (by the remembered NIK) exactly; Fauzi again by one digit; Dewi still unmatched.
        Assert.Equal((2, 1, 0, 1), (may.MatchedExact, may.MatchedFuzzy, may.NeedsReview, may.Unmatched));
        Assert.Equal("25010000003", (await check.People.SingleAsync(p => p.Id == rina)).Kpj);
        Assert.Equal(ReviewState.Accepted, (await check.BpjsStatuses.SingleAsync(s => s.Id == statusId)).Review);
        Assert.Equal(1, await check.AuditEvents.CountAsync(e => e.Action == AuditActions.BpjsReviewDecided));
    }

    [Fact]
    public async Task Review_Rejected_StaysUnmatchedAndIsNotDecidedTwice()
    {
        await using var db = await RegistryAsync(DatabaseProvider.Sqlite);
        await ImportAsync(db, April);
        await using var ctx = db.Context("16.09");
        var row = await ctx.BpjsStatuses.SingleAsync(s => s.Match == MatchKind.NeedsReview);

        Assert.True(await new BpjsReview(ctx).RejectAsync(row.Id));
        Assert.False(await new BpjsReview(ctx).RejectAsync(row.Id));

        await using var check = db.Context("16.09");
        Assert.Equal((ReviewState.Rejected, (Guid?)null), await check.BpjsStatuses.Where(s => s.Id == row.Id).Select(s => new ValueTuple<ReviewState, Guid?>(s.Review, s.PersonId)).SingleAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reconciliation_ListsWhoIsActiveNotActiveMissingAtBpjsAndUnknownToTheRegistry(DatabaseProvider provider)
    {
        await using var db = await RegistryAsync(provider);
        await ImportAsync(db, "NIK;Nama;Status\n1609014708850001;SITI NURHAYATI;AKTIF\n1609016101950004;DEWI LESTARI;AKTIF\n", "2025-04");
        await ImportAsync(db, "NIK;Nama;Status\n1609014708850001;SITI NURHAYATI;NON AKTIF\n1609011208850002;MUHAMMAD FAUZI;AKTIF\n", "2025-05");
        await using var ctx = db.Context("16.09");
        var reconciliation = new BpjsReconciliation(ctx);

        var april = await reconciliation.CountsAsync("2025-04");
        var may = await reconciliation.CountsAsync("2025-05");

        Assert.Equal([1, 0, 1, 1, 0, 0], april.OrderBy(p => p.Key).Select(p => p.Value));
        // Siti became Terdaftar through April's list, so May's bill pays for her while BPJS lists her not active.
        Assert.Equal([1, 1, 0, 0, 0, 1], may.OrderBy(p => p.Key).Select(p => p.Value));
        Assert.Equal(["SITI NURHAYATI"], (await reconciliation.ListAsync("2025-05", ReconciliationList.PaidNotActive, 50)).Select(l => l.Name));
        Assert.Equal(["Muhammad Fauzi"], (await reconciliation.ListAsync("2025-04", ReconciliationList.EligibleNotAtBpjs, 50)).Select(l => l.Name));
        Assert.Equal(["DEWI LESTARI"], (await reconciliation.ListAsync("2025-04", ReconciliationList.ActiveNotInRegistry, 50)).Select(l => l.Name));
        var notActive = Assert.Single(await reconciliation.ListAsync("2025-05", ReconciliationList.RegisteredNotActive, 50));
        Assert.Equal(("SITI NURHAYATI", "1609••••••••0001", "DLH"), (notActive.Name, notActive.NikMasked, notActive.Agencies));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Coverage_EndedMonthIsFrozen_CurrentMonthIsLiveAndNotStored(DatabaseProvider provider)
    {
        await using var db = await RegistryAsync(provider);
        await ImportAsync(db, "NIK;Nama;Status\n1609014708850001;SITI NURHAYATI;AKTIF\n1609016101950004;DEWI LESTARI;AKTIF\n", "2025-04");
        var today = new DateOnly(2025, 6, 10);

        await using (var ctx = db.Context("16.09"))
        {
            var (april, frozen) = await new Lindung.Core.Coverage.CoverageService(ctx).ForAsync("2025-04", today);
            Assert.True(frozen);
            Assert.Equal((2, 1, Lindung.Core.Coverage.ActiveSource.BpjsList), (april.Eligible, april.Active, april.Source));
            Assert.Equal([("DLH", 1, 1), ("KESRA", 1, 0)], april.Groups.Where(g => g.Dimension == "opd").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Eligible, g.Active)));
            Assert.Equal([("P", 1, 1), ("L", 1, 0)], april.Groups.Where(g => g.Dimension == "sex").OrderByDescending(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Eligible, g.Active)));
        }

        await using (var change = db.Context("16.09"))
        {
            // Fauzi leaves in March: a later correction must not rewrite April's frozen figures.
            var e = await change.Engagements.SingleAsync(x => x.Person!.FullName == "Muhammad Fauzi");
            e.EndDate = new DateOnly(2025, 3, 31);
            e.EndReason = EndReason.ContractEnded;
            await change.SaveChangesAsync();
        }

        await using var check = db.Context("16.09");
        var (again, _) = await new Lindung.Core.Coverage.CoverageService(check).ForAsync("2025-04", today);
        var (june, juneFrozen) = await new Lindung.Core.Coverage.CoverageService(check).ForAsync("2025-06", today);
        Assert.Equal((2, 1), (again.Eligible, again.Active));
        Assert.False(juneFrozen);
        Assert.Equal((1, 1, Lindung.Core.Coverage.ActiveSource.RegistryRegistered), (june.Eligible, june.Active, june.Source));
        Assert.Equal(1, await check.CoverageSnapshots.CountAsync());
        Assert.Equal(50.0m, Lindung.Core.Coverage.CoverageService.Percent(again.Active, again.Eligible));
    }

    public static TheoryData<DatabaseProvider, bool> ProvidersAndReadPaths()
    {
        var data = new TheoryData<DatabaseProvider, bool>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            data.Add(provider, false);
            data.Add(provider, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ProvidersAndReadPaths))]
    public async Task Import_AppliedChanges_AreAuditedPerPersonAndEngagementExactlyAsAReviewDecisionAuditsThem(DatabaseProvider provider, bool scanRegistry)
    {
        // The import writes its changes in bulk (BulkUpdate + its own audit events); a review decision goes through
        // SaveChanges. Siti (exact match) takes the first path, Rina (accepted from the review queue) the second.
        await using var db = await RegistryAsync(provider);
        await using (var ctx = db.Context("16.09"))
        {
            var rinaEngagement = await ctx.Engagements.SingleAsync(e => e.Person!.FullName == "Rina Sari");
            rinaEngagement.Verification = VerificationStatus.Verified;
            await ctx.SaveChangesAsync();
        }

        await ImportAsync(db, April.Replace("NON AKTIF", "AKTIF", StringComparison.Ordinal), scanRegistry: scanRegistry);
        Guid siti, rina;
        await using (var ctx = db.Context("16.09", user: "koordinator.uji"))
        {
            siti = (await ctx.People.SingleAsync(p => p.FullName == "Siti Nurhayati")).Id;
            rina = (await ctx.People.SingleAsync(p => p.FullName == "Rina Sari")).Id;
            var statusId = (await ctx.BpjsStatuses.SingleAsync(s => s.Match == MatchKind.NeedsReview)).Id;
            Assert.True(await new BpjsReview(ctx).AcceptAsync(statusId, rina));
        }

        await using var check = db.Context("16.09");
        async Task<(AuditEvent Person, AuditEvent Engagement)> TrailOf(Guid person)
        {
            var engagement = (await check.Engagements.SingleAsync(e => e.PersonId == person)).Id.ToString();
            var updates = await check.AuditEvents.Where(e => e.Action == AuditActions.Updated
                && (e.EntityId == person.ToString() || e.EntityId == engagement)).ToListAsync();
            // Rina's engagement was also verified above: only the registration is compared.
            return (Assert.Single(updates, e => e.EntityType == nameof(Person)),
                Assert.Single(updates, e => e.EntityType == nameof(Engagement) && e.After!.Contains("Registered", StringComparison.Ordinal)));
        }

        var bulk = await TrailOf(siti);
        var tracked = await TrailOf(rina);
        Assert.Equal((tracked.Person.Before, tracked.Person.After), (bulk.Person.Before, bulk.Person.After));
        Assert.Equal((tracked.Engagement.Before, tracked.Engagement.After), (bulk.Engagement.Before, bulk.Engagement.After));
        Assert.Equal("""{"RegisteredOn":"2025-04-01","Registration":"Registered"}""", bulk.Engagement.After);
        Assert.Equal("""{"Kpj":"•••"}""", bulk.Person.After);
        Assert.All(new[] { bulk.Person, bulk.Engagement }, e => Assert.Equal("koordinator.uji", e.UserName));
        var stored = await check.People.Include(p => p.Engagements).SingleAsync(p => p.Id == siti);
        Assert.Equal(("25010000001", RegistrationStatus.Registered, (DateOnly?)new DateOnly(2025, 4, 1)),
            (stored.Kpj, stored.Engagements[0].Registration, stored.Engagements[0].RegisteredOn));
        Assert.True(stored.ModifiedAt > stored.CreatedAt && stored.Engagements[0].ModifiedAt > stored.Engagements[0].CreatedAt);
        Assert.Equal(bulk.Person.At, stored.ModifiedAt);
    }

    [Theory]
    [MemberData(nameof(ProvidersAndReadPaths))]
    public async Task Import_PersonListedTwice_FirstKpjFillsTheSecondIsCountedAsDifferentAndNothingIsAppliedTwice(DatabaseProvider provider, bool scanRegistry)
    {
        await using var db = await RegistryAsync(provider);

        var report = await ImportAsync(db, "No KPJ;NIK;Nama Peserta;Status\n"
            + "25010000001;1609014708850001;SITI NURHAYATI;NON AKTIF\n"
            + "25019999999;1609014708850001;SITI NURHAYATI;AKTIF\n"
            + "25019999999;1609014708850001;SITI NURHAYATI;AKTIF\n", scanRegistry: scanRegistry);

        Assert.Equal((1, 2, 1), (report.KpjFilled, report.KpjDiffers, report.Registered));
        await using var check = db.Context("16.09");
        var siti = await check.People.Include(p => p.Engagements).SingleAsync(p => p.FullName == "Siti Nurhayati");
        Assert.Equal(("25010000001", RegistrationStatus.Registered), (siti.Kpj, siti.Engagements[0].Registration));
        Assert.Equal(2, await check.AuditEvents.CountAsync(e => e.Action == AuditActions.Updated
            && (e.EntityId == siti.Id.ToString() || e.EntityId == siti.Engagements[0].Id.ToString())));
    }

    [Fact]
    public async Task Import_UsesTheTenantsMatchThresholds()
    {
        await using var db = await RegistryAsync(DatabaseProvider.Sqlite);
        const string Row = "NIK;Nama;Status\n1609011208850003;MUHAMMAD FAUZY;AKTIF\n";

        var before = await ImportAsync(db, Row, "2025-04");
        await using (var ctx = db.Context("16.09"))
        {
            Assert.False(await MatchSettingsStore.SaveAsync(ctx, new MatchSettings(AutoNameScore: 0.80, ReviewNameScore: 0.85)));
            Assert.True(await MatchSettingsStore.SaveAsync(ctx, new MatchSettings(AutoNameScore: 1.0, ReviewNameScore: 0.85)));
        }

        var after = await ImportAsync(db, Row, "2025-05");

        Assert.Equal((1, 0), (before.MatchedFuzzy, before.NeedsReview));
        Assert.Equal((0, 1), (after.MatchedFuzzy, after.NeedsReview));
    }
}
