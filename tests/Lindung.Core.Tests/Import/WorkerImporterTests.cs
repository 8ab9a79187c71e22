using System.Security.Cryptography;
using System.Text;
using Lindung.Core.Audit;
using Lindung.Core.Data;
using Lindung.Core.Import;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Core.MasterData;
using Lindung.Core.Registry;
using Lindung.Core.Registry.Protection;
using Lindung.Core.Registry.Validation;
using Lindung.Core.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Tests.Import;

public class WorkerImporterTests
{
    private const string Header = "NIK;Nama;Tgl Lahir;JK;Desa;Kecamatan;No HP;Penghasilan\n";
    private static readonly NikProtector Protector = new(RandomNumberGenerator.GetBytes(64));

    private static async Task<TestDatabase> SeededAsync(DatabaseProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        await using var ctx = db.Context("16.09");
        await MasterDataSeeder.SeedAsync(ctx, "16.09");
        return db;
    }

    private static async Task<WorkerImportReport> ImportAsync(TestDatabase db, string csv, string opd = "KESRA", string? category = "GURU_NGAJI",
        bool dryRun = false, int flushEvery = 20_000, Stream? stream = null, int chunkRows = 2_000, long deferIndexesFrom = 50_000,
        IProgress<double>? progress = null, CancellationToken ct = default)
    {
        await using var ctx = db.Context("16.09", user: "operator.uji");
        var agency = await ctx.Agencies.SingleAsync(a => a.Code == opd, ct);
        var cat = category is null ? null : (Guid?)(await ctx.WorkerCategories.SingleAsync(c => c.Code == category, ct)).Id;
        var importer = new WorkerImporter(ctx, Protector, SpreadsheetLimits.Default)
        {
            FlushEvery = flushEvery,
            ChunkRows = chunkRows,
            DeferIndexesFrom = deferIndexesFrom,
        };
        return await importer.RunAsync(stream ?? new MemoryStream(Encoding.UTF8.GetBytes(csv)),
            new WorkerImportRequest(agency.Id, cat, "2025-04", dryRun, stream is FileStream f ? Path.GetFileName(f.Name) : "pekerja.csv"),
            progress, ct);
    }

    private const string Good =
        Header
        + "1609014708850001;Hj. Siti Nurhayati;07/08/1985;P;Pasar Muara Dua;Muara Dua;0812-3456-7890;1.000.000\n"
        + "1609011208850002;Ahmad Fauzi;12-8-1985;L;;Muaradua;;\n"
        + "160901120885000;Terlalu Pendek;;;;;;\n"
        + "1.60901E+15;Rusak Excel;;;;;;\n"
        + "1609011208850002;Ganda;;;;;;\n"
        + "1609015212900003;Rina Sari;12/12/1990;L;;;;\n";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_MixedFile_CommitsGoodRowsAndCountsEveryKind(DatabaseProvider provider)
    {
        await using var db = await SeededAsync(provider);

        var report = await ImportAsync(db, Good);

        Assert.Equal((6, 3, 0, 2, 1, 1, 0, 0), (report.Rows, report.Accepted, report.Unchanged, report.Rejected, report.Warnings,
            report.DuplicatesInFile, report.DuplicatesInRegistry, report.Conflicts));
        Assert.Equal(new Dictionary<string, int> { [IssueCodes.NikExcelDamage] = 1, [IssueCodes.NikLength] = 1 }, report.Errors);
        Assert.Equal(new Dictionary<string, int> { [IssueCodes.NikSexMismatch] = 1 }, report.WarningCodes);
        await using var ctx = db.Context("16.09");
        var siti = await ctx.People.SingleAsync(p => p.NikHash == Protector.Hash("1609014708850001"));
        Assert.Equal(("Siti Nurhayati", "Hj.", 'P', new DateOnly(1985, 8, 7), "+6281234567890"), (siti.FullName, siti.FrontTitle, siti.Sex, siti.BirthDate, siti.Phone));
        Assert.Equal(("16.09.01", "1609••••••••0001"), (siti.DistrictCode, siti.NikMasked));
        Assert.Equal("1609014708850001", Protector.Decrypt(siti.NikCipher));
        var engagements = await ctx.Engagements.ToListAsync();
        Assert.Equal(3, engagements.Count);
        Assert.All(engagements, e => Assert.Equal((VerificationStatus.Pending, Scheme.BPU, 1_000_000L, report.SubmissionId),
            (e.Verification, e.Scheme, e.DeclaredIncome!.Value, e.SubmissionId)));
        var submission = await ctx.Submissions.SingleAsync();
        Assert.Equal((SubmissionStatus.Submitted, 6, 3, 2), (submission.Status, submission.Rows, submission.Accepted, submission.Rejected));
        Assert.Equal(1, await ctx.AuditEvents.CountAsync(e => e.Action == AuditActions.ImportCommitted));
        Assert.DoesNotContain(await ctx.AuditEvents.Select(e => e.Detail ?? "").ToListAsync(), d => d.Contains("1609014708850001", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_InEnglish_ExplainsEveryRowInEnglish_FromTheParallelParse()
    {
        await using var db = await SeededAsync(DatabaseProvider.Sqlite);
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        WorkerImportReport english;
        try
        {
            // The web sets the request's language, the CLI LINDUNG_LANG's; rows are parsed on the thread pool, where the
            // culture must follow.
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en");
            english = await ImportAsync(db, Good, dryRun: true, chunkRows: 1);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }

        var indonesian = await ImportAsync(db, Good, dryRun: true, chunkRows: 1);

        var shortNik = (IssueCodes.NikLength, "The NIK has only 15 digits; it must have 16.");
        Assert.Contains(shortNik, english.Problems.SelectMany(p => p.Issues).Select(i => (i.Code, i.Message)));
        Assert.Contains((IssueCodes.NikLength, "NIK hanya 15 digit; harus 16 digit."),
            indonesian.Problems.SelectMany(p => p.Issues).Select(i => (i.Code, i.Message)));
        Assert.Contains("Same NIK as row 3; this row is skipped.", english.Problems.Select(p => p.Note));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_SameFileTwice_CreatesNothingNew(DatabaseProvider provider)
    {
        await using var db = await SeededAsync(provider);
        await ImportAsync(db, Good);

        var again = await ImportAsync(db, Good);

        Assert.Equal((0, 3, 3, null), (again.Accepted, again.Unchanged, again.DuplicatesInRegistry, again.SubmissionId));
        await using var ctx = db.Context("16.09");
        Assert.Equal((3, 3, 1), (await ctx.People.CountAsync(), await ctx.Engagements.CountAsync(), await ctx.Submissions.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_ResentWithNewIncome_UpdatesTheRunningEngagementsInPlaceAndAuditsThem(DatabaseProvider provider)
    {
        await using var db = await SeededAsync(provider);
        await ImportAsync(db, Good);

        var resent = await ImportAsync(db, Good.Replace(";1.000.000\n", ";1.250.000\n", StringComparison.Ordinal)
            .Replace("Ahmad Fauzi;12-8-1985;L;;Muaradua;;", "Ahmad Fauzi;12-8-1985;L;;Muaradua;;1.100.000", StringComparison.Ordinal));

        Assert.Equal((2, 1), (resent.Accepted, resent.Unchanged));
        await using var ctx = db.Context("16.09");
        var engagements = await ctx.Engagements.Include(e => e.Person).ToDictionaryAsync(e => e.Person!.FullName);
        Assert.Equal(3, engagements.Count);
        Assert.Equal((1_250_000L, 1_100_000L, 1_000_000L), (engagements["Siti Nurhayati"].DeclaredIncome!.Value,
            engagements["Ahmad Fauzi"].DeclaredIncome!.Value, engagements["Rina Sari"].DeclaredIncome!.Value));
        Assert.Equal(resent.SubmissionId, engagements["Siti Nurhayati"].SubmissionId);
        var ids = new[] { engagements["Siti Nurhayati"].Id.ToString(), engagements["Ahmad Fauzi"].Id.ToString() };
        Assert.Equal(2, await ctx.AuditEvents.CountAsync(e => e.Action == AuditActions.Updated && e.EntityType == nameof(Engagement)
            && ids.Contains(e.EntityId!)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_ResentWithNewContactOrAnotherName_UpdatesContactsButNeverTheIdentity(DatabaseProvider provider)
    {
        await using var db = await SeededAsync(provider);
        await ImportAsync(db, Good);

        // Siti: a new phone number (contact: updated). Ahmad: a name in other letter case (the same identity: unchanged).
        // Rina: another name (kept as the registry has it, with a warning; the row itself is unchanged).
        var resent = await ImportAsync(db, Good.Replace("0812-3456-7890", "0813-1111-2222", StringComparison.Ordinal)
            .Replace("Ahmad Fauzi;", "AHMAD FAUZI;", StringComparison.Ordinal)
            .Replace("Rina Sari;", "Rina Sarinah;", StringComparison.Ordinal));

        Assert.Equal((1, 2, 3), (resent.Accepted, resent.Unchanged, resent.DuplicatesInRegistry));
        Assert.Equal(1, resent.WarningCodes.GetValueOrDefault(IssueCodes.PersonDiffers));
        await using var ctx = db.Context("16.09");
        var people = await ctx.People.ToDictionaryAsync(p => p.FullName);
        Assert.Equal(["Ahmad Fauzi", "Rina Sari", "Siti Nurhayati"], people.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("+6281311112222", people["Siti Nurhayati"].Phone);
        Assert.Equal(3, await ctx.Engagements.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_SmallFileIntoALargerRegistry_LoadsOnlyItsOwnPeople_AndDecidesAsWithEveryoneLoaded(DatabaseProvider provider)
    {
        // Siti with a new phone, Ahmad in capitals, Rina as another OPD's worker, and one new person: 5 people registered,
        // 3 of them in the file (and the new one, looked up and not found).
        var file = Header
            + "1609014708850001;Hj. Siti Nurhayati;07/08/1985;P;Pasar Muara Dua;Muara Dua;0813-1111-2222;1.000.000\n"
            + "1609011208850002;AHMAD FAUZI;12-8-1985;L;;Muaradua;;\n"
            + "1609 0152 1290 0003;Rina Sari;12/12/1990;L;;;;\n"
            + "1609015506000006;Nur Aini;15/06/2000;P;;;;\n";
        var outcomes = new List<(int Loaded, WorkerImportReport Report)>();
        foreach (var selectiveFrom in new[] { 0, int.MaxValue })
        {
            // The same registry each way: the three people of Good, and two more.
            await using var db = await SeededAsync(provider);
            await ImportAsync(db, Good);
            await ImportAsync(db, Header + "1609016003950004;Dewi Lestari;20/03/1995;P;;;;\n1609010101800005;Budi Santoso;01/01/1980;L;;;;\n");
            await using var ctx = db.Context("16.09", user: "operator.uji");
            var importer = new WorkerImporter(ctx, Protector, SpreadsheetLimits.Default) { SelectiveLoadFromPeople = selectiveFrom };
            var report = await importer.RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(file)),
                new WorkerImportRequest((await ctx.Agencies.SingleAsync(a => a.Code == "KESRA")).Id,
                    (await ctx.WorkerCategories.SingleAsync(c => c.Code == "GURU_NGAJI")).Id, "2025-04", false, "kecil.csv"));
            outcomes.Add((importer.RegistryPeopleLoaded, report));
        }

        Assert.Equal((3, 5), (outcomes[0].Loaded, outcomes[1].Loaded));
        foreach (var (_, report) in outcomes)
        {
            Assert.Equal((4, 2, 2, 3), (report.Rows, report.Accepted, report.Unchanged, report.DuplicatesInRegistry));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_SamePersonByAnotherOpd_GoesToTheConflictQueue(DatabaseProvider provider)
    {
        await using var db = await SeededAsync(provider);
        await ImportAsync(db, Good);

        var other = await ImportAsync(db, Header + "1609011208850002;Ahmad Fauzi;12/08/1985;L;;;;\n", opd: "DLH", category: "NONASN");

        Assert.Equal((1, 0, 1), (other.Conflicts, other.Accepted, other.DuplicatesInRegistry));
        await using var ctx = db.Context("16.09");
        var conflict = await ctx.RegistryConflicts.SingleAsync();
        Assert.Equal(ConflictStatus.Open, conflict.Status);
        var both = await ctx.Engagements.Where(e => e.Id == conflict.NewEngagementId || e.Id == conflict.ExistingEngagementId)
            .Select(e => e.Agency!.Code).OrderBy(c => c).ToListAsync();
        Assert.Equal(["DLH", "KESRA"], both);
        Assert.Equal(1, await ctx.People.CountAsync(p => p.NikHash == Protector.Hash("1609011208850002")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_FailureAfterBatchesWereWritten_LeavesNothingBehind(DatabaseProvider provider)
    {
        await using var db = await SeededAsync(provider);
        var csv = new StringBuilder(Header);
        for (var i = 1; i <= 60; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"16090112088{5:0}{i:0000};Pekerja {(char)('A' + (i % 26))}{(char)('a' + (i % 7))};;;;;;\n");
        }

        var bytes = Encoding.UTF8.GetBytes(csv.ToString());
        var failing = new FailingStream(bytes, failAfter: bytes.Length * 3 / 4);

        await Assert.ThrowsAsync<IOException>(() => ImportAsync(db, "", flushEvery: 5, stream: failing));

        await using var ctx = db.Context("16.09");
        Assert.Equal((0, 0, 0), (await ctx.People.CountAsync(), await ctx.Engagements.CountAsync(), await ctx.Submissions.CountAsync()));
        Assert.Equal(0, await ctx.AuditEvents.CountAsync(e => e.Action == AuditActions.ImportCommitted));
    }

    [Fact]
    public async Task Import_DryRun_CountsButWritesNothing()
    {
        await using var db = await SeededAsync(DatabaseProvider.Sqlite);

        var report = await ImportAsync(db, Good, dryRun: true);

        Assert.Equal((3, 2, true, null), (report.Accepted, report.Rejected, report.DryRun, report.SubmissionId));
        await using var ctx = db.Context("16.09");
        Assert.Equal(0, await ctx.People.CountAsync());
    }

    [Fact]
    public async Task Import_NoNikColumn_IsUnusableWithAMessage()
    {
        await using var db = await SeededAsync(DatabaseProvider.Sqlite);

        var e = await Assert.ThrowsAsync<UnusableImportException>(() => ImportAsync(db, "Nama;Alamat\nSiti;Muaradua\n"));

        Assert.Contains("Kolom wajib tidak ditemukan: NIK", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_CategoryColumn_MatchesByNameCaseInsensitively()
    {
        await using var db = await SeededAsync(DatabaseProvider.Sqlite);

        var report = await ImportAsync(db, "NIK;Nama;Profesi\n1609014708850001;Siti;guru ngaji\n1609011208850002;Ahmad;Tukang Sulap\n", category: null);

        Assert.Equal((1, 1), (report.Accepted, report.Errors[IssueCodes.CategoryUnknown]));
    }

    [Fact]
    public async Task Import_RealXlsxWithNumericNikCells_ReportsExcelDamage()
    {
        await using var db = await SeededAsync(DatabaseProvider.Sqlite);
        await using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Fixtures", "numeric-nik.xlsx"));

        var report = await ImportAsync(db, "", stream: file);

        Assert.Equal((2, 2), (report.Rows, report.Rejected));
        Assert.Equal(2, report.Errors[IssueCodes.NikExcelDamage]);
        Assert.Contains("ketik ulang sebagai teks", report.Problems[0].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_RealXlsxWithTextNikCells_IsAccepted()
    {
        await using var db = await SeededAsync(DatabaseProvider.Sqlite);
        await using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Fixtures", "text-nik.xlsx"));

        var report = await ImportAsync(db, "", stream: file);

        Assert.Equal((2, 2, 0), (report.Rows, report.Accepted, report.Rejected));
    }

    [Fact]
    public async Task ErrorReport_ProblemRows_CarryKeteranganAndNeutralisedCells()
    {
        await using var db = await SeededAsync(DatabaseProvider.Sqlite);
        var report = await ImportAsync(db, Header + "=1+1;Rumus;;;;;;\n", dryRun: true);
        var output = new MemoryStream();

        ErrorReport.Write(output, report);

        output.Position = 0;
        using var reader = new XlsxSheetReader(output);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(reader.Cells.Select(c => c.Text).ToArray());
        }

        Assert.Equal("Keterangan", rows[0][^1]);
        Assert.Equal("'=1+1", rows[1][0]);
        Assert.StartsWith("DITOLAK: NIK memuat karakter selain angka", rows[1][^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_RowsParsedInParallelChunks_KeepFileOrderForRowNumbersAndDuplicates()
    {
        await using var db = await SeededAsync(DatabaseProvider.Sqlite);

        // One row per chunk: the chunks finish in any order, the duplicate still points at the first occurrence.
        var oneByOne = await ImportAsync(db, Good, dryRun: true, chunkRows: 1);
        var whole = await ImportAsync(db, Good, dryRun: true);

        static List<(int, bool, string?)> Problems(WorkerImportReport r) => r.Problems.Select(p => (p.RowNumber, p.Rejected, p.Note)).ToList();
        Assert.Equal(Problems(whole), Problems(oneByOne));
        Assert.Equal([4, 5, 6, 7], Problems(oneByOne).Select(p => p.Item1));
        Assert.Equal(ValidationMessages.DuplicateInFile(3), oneByOne.Problems.Single(p => p.RowNumber == 6).Note);
        Assert.Equal((6, 3, 2, 1), (oneByOne.Rows, oneByOne.Accepted, oneByOne.Rejected, oneByOne.DuplicatesInFile));
    }

    [Fact]
    public async Task Import_LargeLoadIntoSmallerTable_BuildsThePeopleIndexesAgainBeforeCommit()
    {
        await using var db = await SeededAsync(DatabaseProvider.Sqlite);
        var before = await PeopleIndexesAsync(db);

        var report = await ImportAsync(db, Good, deferIndexesFrom: 1);

        Assert.Equal((6, 3, 2, 1), (report.Rows, report.Accepted, report.Rejected, report.DuplicatesInFile));
        Assert.Equal(6, before.Count);
        Assert.Equal(before, await PeopleIndexesAsync(db));
        await using var ctx = db.Context("16.09");
        Assert.Equal(3, await ctx.People.CountAsync());
        // The unique NIK index holds again.
        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => ctx.Database.ExecuteSqlRawAsync(
            "INSERT INTO People (Id, TenantCode, NikHash, NikCipher, NikMasked, FullName, NameKey, BirthDate, Sex, CreatedAt, ModifiedAt) "
            + "SELECT 'x', TenantCode, NikHash, NikCipher, NikMasked, FullName, NameKey, BirthDate, Sex, CreatedAt, ModifiedAt FROM People LIMIT 1"));
    }

    [Fact]
    public async Task Import_CancelledAfterBatchesWithDeferredIndexes_LeavesRegistryAndIndexesAsTheyWere()
    {
        await using var db = await SeededAsync(DatabaseProvider.Sqlite);
        var before = await PeopleIndexesAsync(db);
        var csv = new StringBuilder(Header);
        for (var i = 0; i < 20_000; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"160901{i % 28 + 1:00}{i / 28 % 12 + 1:00}85{i / 336 + 1:0000};Pekerja {(char)('A' + (i % 26))}{(char)('a' + (i % 7))};;;;;;\n");
        }

        using var cts = new CancellationTokenSource();
        var reports = 0;
        // The first progress report comes after 256 KB, long after the first batches were written.
        var progress = new CallbackProgress(_ =>
        {
            if (++reports == 1)
            {
                cts.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ImportAsync(db, csv.ToString(), flushEvery: 100, chunkRows: 50, deferIndexesFrom: 1, progress: progress, ct: cts.Token));

        Assert.Equal(1, reports);
        await using var ctx = db.Context("16.09");
        Assert.Equal((0, 0, 0), (await ctx.People.CountAsync(), await ctx.Engagements.CountAsync(), await ctx.Submissions.CountAsync()));
        Assert.Equal(before, await PeopleIndexesAsync(db));
    }

    private static async Task<List<string>> PeopleIndexesAsync(TestDatabase db)
    {
        await using var ctx = db.Context("16.09");
        return await ctx.Database.SqlQueryRaw<string>(
            "SELECT sql AS Value FROM sqlite_master WHERE type = 'index' AND tbl_name = 'People' AND sql IS NOT NULL ORDER BY name").ToListAsync();
    }

    private sealed class CallbackProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }

    /// <summary>A file that breaks part-way through reading (a lost connection, a killed upload).</summary>
    private sealed class FailingStream(byte[] data, int failAfter) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Position >= failAfter)
            {
                throw new IOException("simulated failure");
            }

            return base.Read(buffer, offset, Math.Min(count, Math.Max(1, failAfter - (int)Position)));
        }

        public override int Read(Span<byte> buffer)
        {
            if (Position >= failAfter)
            {
                throw new IOException("simulated failure");
            }

            return base.Read(buffer[..Math.Min(buffer.Length, Math.Max(1, failAfter - (int)Position))]);
        }
    }
}
