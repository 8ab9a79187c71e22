using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Channels;
using Lindung.Core.Audit;
using Lindung.Core.Data;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Core.MasterData;
using Lindung.Core.Registry;
using Lindung.Core.Registry.Protection;
using Lindung.Core.Registry.Validation;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Import;

public sealed record WorkerImportRequest(Guid AgencyId, Guid? CategoryId, string Period, bool DryRun, string FileName,
    string? Sheet = null);

/// <summary>
/// The worker import shared by the web upload and <c>lindung import workers</c>: streams the file, validates
/// every row, finds duplicates in the file, in the registry and across OPDs, and — unless it is a dry run —
/// commits the good rows in ONE transaction (all or nothing), bulk-inserting new rows with the provider's fast
/// path. Running the same file again creates nothing new: every row is then "unchanged".
/// </summary>
public sealed class WorkerImporter(LindungDbContext db, NikProtector protector, SpreadsheetLimits limits)
{
    /// <summary>
    /// New rows are written in batches of this many inside the one transaction (memory stays flat). Batches of 20,000
    /// waited in the channel long enough to reach generation 2: the 1M-row import peaked at 611–668 MB with 11 full
    /// collections; with 5,000 at 479–526 MB with 6–7, and no slower (docs/performance.md, "Stop 15").
    /// </summary>
    internal int FlushEvery { get; init; } = 5_000;

    public async Task<WorkerImportReport> RunAsync(Stream file, WorkerImportRequest request, IProgress<double>? progress = null,
        CancellationToken ct = default)
    {
        var tenant = db.CurrentTenantCode ?? throw new InvalidOperationException("Import needs a tenant.");
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == request.AgencyId, ct)
            ?? throw new UnusableImportException("opd.unknown", ImportMessages.OpdUnknown);
        var categories = await db.WorkerCategories.AsNoTracking().ToListAsync(ct);
        var fixedCategory = request.CategoryId is { } cid
            ? categories.FirstOrDefault(c => c.Id == cid) ?? throw new UnusableImportException("category.unknown", ImportMessages.CategoryNotFound)
            : null;
        if (!Lindung.Core.Formatting.Periods.TryParse(request.Period, out var periodStart))
        {
            throw new UnusableImportException("period.invalid", ImportMessages.PeriodInvalid);
        }

        var sha = await Sha256Async(file, ct);
        var smallFileNiks = await NikHashesOfSmallFileAsync(file, request, ct);
        using var reader = SpreadsheetFiles.Open(file, request.FileName, request.Sheet, limits);
        var header = ReadHeader(reader);
        var map = HeaderMap.From(header);
        if (map.MissingRequired.Count > 0)
        {
            throw new UnusableImportException("column.missing",
                ImportMessages.ColumnsMissing(string.Join(", ", map.MissingRequired.Select(HeaderMap.DisplayName))));
        }

        if (fixedCategory is null && !map.Columns.ContainsKey(WorkerField.Category))
        {
            throw new UnusableImportException("category.missing", ImportMessages.CategoryColumnMissing);
        }

        var report = new WorkerImportReport { DryRun = request.DryRun, Headers = header, IgnoredColumns = map.Unknown };
        var categoryLookup = CategoryLookup(categories);
        var regions = await RegionResolver.LoadAsync(db, tenant, ct);
        var today = DateOnly.FromDateTime(db.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        var now = db.Time.GetUtcNow().UtcDateTime;
        var seen = new Dictionary<HashKey, int>();
        var newPeople = new List<Person>();
        var newEngagements = new List<Engagement>();
        var updates = new List<(Guid PersonId, string? Phone, string? Address, string? District, string? Village)>();
        var conflicts = new List<RegistryConflict>();

        if (!request.DryRun && !db.IsPostgres)
        {
            // A bigger page cache for this connection (64 MB) keeps the rightmost index pages in memory during a large insert
            // (the random-key people indexes of a large load are built at the end, see DeferredIndexes);
            // NORMAL sync is durable in WAL mode at each commit (and an import is one commit).
            await db.Database.OpenConnectionAsync(ct);
            // Temporary storage on file: the sorter of a deferred index rebuild then sorts its runs on helper threads
            // (DeferredIndexes.RestoreAsync), and its runs stay out of the process's memory.
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -65536; PRAGMA synchronous = NORMAL; PRAGMA temp_store = FILE;", ct);
        }

        await using var tx = request.DryRun ? null : await db.Database.BeginTransactionAsync(ct);
        if (tx is not null)
        {
            // One registry writer per tenant at a time, and the registry read only once this import holds the lock:
            // two OPDs sending the same new person at once must yield one person and a conflict, not a failed import.
            await RegistryWriteLock.AcquireAsync(db, tenant, ct);
        }

        var existing = await ExistingRegistry.LoadAsync(db, smallFileNiks, ct);
        RegistryPeopleLoaded = existing.People.Count;
        Submission? submission = null;
        if (!request.DryRun)
        {
            submission = new Submission
            {
                AgencyId = agency.Id,
                Period = request.Period,
                FileName = Path.GetFileName(request.FileName),
                FileSha256 = sha,
                Status = SubmissionStatus.Submitted,
                SubmittedBy = db.Actor.UserName,
                SubmittedAt = now,
            };
            db.Submissions.Add(submission);
            await db.SaveChangesAsync(ct);
            report.SubmissionId = submission.Id;
        }

        // The pipeline (issue 3): this thread reads the file into chunks; the chunks are parsed, validated and hashed on
        // the thread pool in parallel (each row on its own; nothing shared but read-only lookups); the results are then
        // taken IN FILE ORDER on this thread for everything that depends on earlier rows (duplicates in the file, the
        // report, row numbers); new rows go through a bounded channel to one writer task that owns the connection.
        var context = new ParseContext(map, fixedCategory, categoryLookup, regions, today, periodStart, protector, existing,
            BuildPeople: !request.DryRun);
        var writes = Channel.CreateBounded<WriteBatch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var writer = request.DryRun ? Task.CompletedTask : Task.Run(() => WriteAllAsync(writes.Reader, tenant, now, stop), CancellationToken.None);
        var inFlight = new Queue<Task<ParsedChunk>>();
        var lastReport = 0L;
        try
        {
            while (true)
            {
                stop.Token.ThrowIfCancellationRequested();
                var chunk = ReadChunk(reader, Math.Max(1, Math.Min(ChunkRows, FlushEvery)));
                if (chunk is not null)
                {
                    inFlight.Enqueue(Task.Run(() => Parse(chunk, context), stop.Token));
                }

                while (inFlight.Count > (chunk is null ? 0 : MaxChunksInFlight))
                {
                    var parsed = await inFlight.Dequeue();
                    for (var i = 0; i < parsed.Rows.Length; i++)
                    {
                        Take(parsed.Rows[i]);
                        if (!request.DryRun && newPeople.Count + newEngagements.Count >= FlushEvery)
                        {
                            // Waits only while the writer is two batches behind: memory stays bounded.
                            await writes.Writer.WriteAsync(new WriteBatch([.. newPeople], [.. newEngagements],
                                EstimatedPeople(report.Rows, parsed, newPeople.Count)), stop.Token);
                            newPeople.Clear();
                            newEngagements.Clear();
                        }
                    }

                    if (progress is not null && parsed.Position - lastReport > 256 * 1024)
                    {
                        lastReport = parsed.Position;
                        progress.Report(parsed.TotalBytes == 0 ? 0 : (double)parsed.Position / parsed.TotalBytes);
                    }
                }

                if (chunk is null)
                {
                    break;
                }
            }

            if (!request.DryRun)
            {
                await writes.Writer.WriteAsync(new WriteBatch([.. newPeople], [.. newEngagements], newPeople.Count), stop.Token);
                newPeople.Clear();
                newEngagements.Clear();
            }

            writes.Writer.TryComplete();
            await writer;
            if (deferredIndexes is not null)
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                await deferredIndexes.RestoreAsync(db, ct);
                IndexBuildTime = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            }
        }
        catch (Exception failure)
        {
            // Nothing may touch the connection until the writer has stopped; its own failure is the one to report.
            writes.Writer.TryComplete();
            await stop.CancelAsync();
            try
            {
                await Task.WhenAll(inFlight);
            }
            catch (Exception)
            {
                // A parse cancelled by the stop above.
            }

            try
            {
                await writer;
            }
            catch (Exception writerFailure) when (writerFailure is not OperationCanceledException)
            {
                if (failure is OperationCanceledException && !ct.IsCancellationRequested)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(writerFailure);
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped on request.
            }

            throw;
        }

        void Take(ParsedLine line)
        {
            if (line.Blank)
            {
                return;
            }

            report.Rows++;
            var row = line.Row!;
            if (row.Issues.Any(i => !i.IsWarning))
            {
                report.Count(row.Issues.Where(i => !i.IsWarning).ToList());
                report.Rejected++;
                report.Keep(new ImportProblem(line.RowNumber, Texts(line.Cells), row.Issues, Rejected: true));
                return;
            }

            var key = line.Key;
            if (seen.TryGetValue(key, out var firstRow))
            {
                report.DuplicatesInFile++;
                report.Keep(new ImportProblem(line.RowNumber, Texts(line.Cells), row.Issues, Rejected: false,
                    ValidationMessages.DuplicateInFile(firstRow)));
                return;
            }

            seen[key] = line.RowNumber;
            var issues = row.Issues.ToList();
            var engagement = row.ToEngagement(agency);
            engagement.SubmissionId = submission?.Id;
            string? note = null;
            if (existing.People.TryGetValue(key, out var person))
            {
                report.DuplicatesInRegistry++;
                if (!person.SameIdentity(row))
                {
                    issues.Add(new ValidationIssue(IssueCodes.PersonDiffers, ValidationMessages.PersonDiffers, IsWarning: true));
                }

                var contactChanged = person.ContactDiffers(row);
                var engagements = existing.EngagementsOf(person.Id);
                ExistingEngagement? same = null, elsewhere = null;
                foreach (var e in engagements)
                {
                    if (e.EndDate is not null)
                    {
                        continue;
                    }

                    if (e.AgencyId == agency.Id && e.CategoryId == engagement.CategoryId)
                    {
                        same ??= e;
                    }
                    else
                    {
                        elsewhere ??= e;
                    }
                }

                if (same is { } running)
                {
                    if (!contactChanged && running.Fingerprint == ExistingRegistry.Fingerprint(engagement))
                    {
                        report.Unchanged++;
                    }
                    else
                    {
                        report.Accepted++;
                        updates.Add((person.Id, row.Phone, row.Address, row.District, row.Village));
                        // An updated wage/position replaces the running engagement's terms (audited).
                        newEngagements.Add(engagement.WithId(running.Id, person.Id, update: true));
                    }
                }
                else if (elsewhere is { } other)
                {
                    report.Conflicts++;
                    engagement.PersonId = person.Id;
                    newEngagements.Add(engagement);
                    conflicts.Add(new RegistryConflict
                    {
                        PersonId = person.Id,
                        NewEngagementId = engagement.Id,
                        ExistingEngagementId = other.Id,
                        SubmissionId = submission?.Id,
                    });
                    note = ValidationMessages.ConflictQueued;
                }
                else
                {
                    report.Accepted++;
                    engagement.PersonId = person.Id;
                    newEngagements.Add(engagement);
                    if (contactChanged)
                    {
                        updates.Add((person.Id, row.Phone, row.Address, row.District, row.Village));
                    }
                }
            }
            else
            {
                report.Accepted++;
                if (!request.DryRun)
                {
                    var p = line.NewPerson!;
                    p.TenantCode = tenant;
                    p.CreatedAt = p.ModifiedAt = now;
                    engagement.PersonId = p.Id;
                    newPeople.Add(p);
                    newEngagements.Add(engagement);
                }
            }

            if (issues.Any(i => i.IsWarning) || note is not null)
            {
                report.Count(issues);
                if (issues.Any(i => i.IsWarning))
                {
                    report.Warnings++;
                }

                report.Keep(new ImportProblem(line.RowNumber, Texts(line.Cells), issues, Rejected: false, note));
            }

            if (request.DryRun)
            {
                newEngagements.Clear();
            }
        }

        if (request.DryRun)
        {
            progress?.Report(1);
            return report;
        }

        await ApplyUpdatesAsync(updates, ct);
        db.RegistryConflicts.AddRange(conflicts);
        if (report.Accepted + report.Conflicts == 0)
        {
            // Nothing new: the same file committed twice leaves no trace but this audit line.
            db.Submissions.Remove(submission!);
            report.SubmissionId = null;
        }
        else
        {
            submission!.Rows = report.Rows;
            submission.Accepted = report.Accepted;
            submission.Rejected = report.Rejected;
        }

        db.Audit(AuditActions.ImportCommitted, nameof(Submission), report.SubmissionId?.ToString(), JsonSerializer.Serialize(new
        {
            file = Path.GetFileName(request.FileName),
            sha256 = sha,
            agency = agency.Code,
            request.Period,
            report.Rows,
            report.Accepted,
            report.Unchanged,
            report.Rejected,
            report.Conflicts,
            report.DuplicatesInFile,
        }));
        await db.SaveChangesAsync(ct);
        await QueryPlannerStatistics.RefreshAsync(db, [typeof(Person), typeof(Engagement)], ct);
        await tx!.CommitAsync(ct);
        progress?.Report(1);
        return report;
    }

    /// <summary>Rows read into one chunk before it is handed to the thread pool for parsing (at most one batch).</summary>
    internal int ChunkRows { get; init; } = 1_000;

    /// <summary>Chunks being parsed ahead of the in-order step (two cores: enough to keep both busy).</summary>
    private const int MaxChunksInFlight = 4;

    private sealed record RawChunk(int[] RowNumbers, SheetCell[][] Cells, int Count, long Position, long TotalBytes);

    private sealed record ParsedChunk(ParsedLine[] Rows, long Position, long TotalBytes);

    /// <summary>One row after the row-local work: validation, the NIK hash and, for a new person, the protected row.</summary>
    private readonly record struct ParsedLine(int RowNumber, SheetCell[] Cells, bool Blank, ParsedRow? Row, HashKey Key, Person? NewPerson);

    private sealed record ParseContext(HeaderMap Map, WorkerCategory? FixedCategory, Dictionary<string, WorkerCategory> Categories,
        RegionResolver Regions, DateOnly Today, DateOnly PeriodStart, NikProtector Protector, ExistingRegistry Existing, bool BuildPeople);

    /// <param name="EstimatedPeople">New people the whole file will bring, extrapolated from the share of the file read.</param>
    private sealed record WriteBatch(List<Person> People, List<Engagement> Engagements, long EstimatedPeople);

    private static long EstimatedPeople(int rowsSoFar, ParsedChunk at, int newSoFar) =>
        at.TotalBytes <= 0 || at.Position <= 0 || rowsSoFar == 0 ? newSoFar : (long)((double)newSoFar * at.TotalBytes / at.Position);

    private static RawChunk? ReadChunk(ISheetReader reader, int size)
    {
        int[]? numbers = null;
        SheetCell[][]? cells = null;
        var count = 0;
        while (count < size && reader.Read())
        {
            numbers ??= new int[size];
            cells ??= new SheetCell[size][];
            numbers[count] = reader.RowNumber;
            cells[count] = [.. reader.Cells];
            count++;
        }

        return count == 0 ? null : new RawChunk(numbers!, cells!, count, reader.Position, reader.TotalBytes);
    }

    private static ParsedChunk Parse(RawChunk chunk, ParseContext c)
    {
        var lines = new ParsedLine[chunk.Count];
        for (var i = 0; i < chunk.Count; i++)
        {
            var cells = chunk.Cells[i];
            if (Array.TrueForAll(cells, x => string.IsNullOrWhiteSpace(x.Text)))
            {
                lines[i] = new ParsedLine(chunk.RowNumbers[i], cells, Blank: true, null, default, null);
                continue;
            }

            var row = ParseRow(cells, c.Map, c.FixedCategory, c.Categories, c.Regions, c.Today, c.PeriodStart);
            if (row.Issues.Exists(x => !x.IsWarning))
            {
                lines[i] = new ParsedLine(chunk.RowNumbers[i], cells, Blank: false, row, default, null);
                continue;
            }

            var hash = c.Protector.Hash(row.Nik!.Digits);
            var key = HashKey.From(hash);
            // Encrypting here (in parallel) is wasted only on a duplicate within the file.
            var person = c.BuildPeople && !c.Existing.People.ContainsKey(key) ? row.ToNewPerson().ToPerson(c.Protector, hash) : null;
            lines[i] = new ParsedLine(chunk.RowNumbers[i], cells, Blank: false, row, key, person);
        }

        return new ParsedChunk(lines, chunk.Position, chunk.TotalBytes);
    }

    /// <summary>The one task that writes during the import: batches in order, on the import's connection and transaction.</summary>
    private async Task WriteAllAsync(ChannelReader<WriteBatch> batches, string tenant, DateTime now, CancellationTokenSource stop)
    {
        try
        {
            var first = true;
            await foreach (var batch in batches.ReadAllAsync(stop.Token))
            {
                if (first)
                {
                    first = false;
                    deferredIndexes = await DeferredIndexes.DropIfWorthItAsync(db, "People", batch.EstimatedPeople, DeferIndexesFrom, stop.Token);
                }

                await FlushAsync(batch.People, batch.Engagements, tenant, now, stop.Token);
            }
        }
        catch
        {
            // Stops the reading side too (it may be waiting for room in the channel).
            await stop.CancelAsync();
            throw;
        }
    }

    /// <summary>
    /// From how many new people (estimated for the whole file) a SQLite import into a smaller People table drops the
    /// table's secondary indexes and builds them again before commit: inserting a million rows into five B-trees with
    /// random keys costs about twice building them from the finished table (docs/performance.md).
    /// </summary>
    internal long DeferIndexesFrom { get; init; } = 50_000;

    private DeferredIndexes? deferredIndexes;

    /// <summary>Time spent writing batches (reported by the benchmark).</summary>
    public TimeSpan WriteTime { get; private set; }

    private async Task FlushAsync(List<Person> people, List<Engagement> engagements, string tenant, DateTime now, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var cpu = ThreadCpu.Now();
        await BulkInsert.InsertAsync(db, people, ct);
        PeopleWriteTime += System.Diagnostics.Stopwatch.GetElapsedTime(started);
        // The SQLite inserts complete synchronously on this thread (BulkInsert), so its CPU clock covers them.
        var cpuPeople = ThreadCpu.Now();
        PeopleWriteCpu += cpuPeople - cpu;
        var inserts = engagements.Where(e => !e.IsUpdate).ToList();
        foreach (var e in inserts)
        {
            e.TenantCode = tenant;
            e.CreatedAt = e.ModifiedAt = now;
        }

        var cpuEngagements = ThreadCpu.Now();
        await BulkInsert.InsertAsync(db, inserts, ct);
        EngagementWriteCpu += ThreadCpu.Now() - cpuEngagements;
        // Changed engagements (a re-sent file with new wages): loaded 1,000 per query, not one query per row.
        foreach (var chunk in engagements.Where(e => e.IsUpdate).Chunk(1_000))
        {
            var ids = chunk.Select(e => e.Id).ToList();
            var tracked = await db.Engagements.Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
            foreach (var update in chunk)
            {
                var e = tracked[update.Id];
                e.Wage = update.Wage;
                e.DeclaredIncome = update.DeclaredIncome;
                e.Position = update.Position;
                e.StartDate = update.StartDate;
                e.SubmissionId = update.SubmissionId;
            }
        }

        await db.SaveChangesAsync(ct);
        people.Clear();
        engagements.Clear();
        WriteTime += System.Diagnostics.Stopwatch.GetElapsedTime(started);
    }

    /// <summary>CPU time of the people and engagement inserts (Linux; for the benchmark).</summary>
    public TimeSpan PeopleWriteCpu { get; private set; }

    /// <inheritdoc cref="PeopleWriteCpu"/>
    public TimeSpan EngagementWriteCpu { get; private set; }

    /// <summary>Time spent building deferred indexes again (zero when none were deferred).</summary>
    public TimeSpan IndexBuildTime { get; private set; }

    /// <summary>Of <see cref="WriteTime"/>, the part spent on people rows.</summary>
    public TimeSpan PeopleWriteTime { get; private set; }

    private async Task ApplyUpdatesAsync(List<(Guid PersonId, string? Phone, string? Address, string? District, string? Village)> updates,
        CancellationToken ct)
    {
        foreach (var chunk in updates.Chunk(500))
        {
            var ids = chunk.Select(u => u.PersonId).ToList();
            var people = await db.People.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
            foreach (var u in chunk)
            {
                var p = people[u.PersonId];
                p.Phone = u.Phone ?? p.Phone;
                p.Address = u.Address ?? p.Address;
                p.DistrictCode = u.District ?? p.DistrictCode;
                p.VillageCode = u.Village ?? p.VillageCode;
            }

            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Categories by code and by normalised name, for the Kategori column.</summary>
    private static Dictionary<string, WorkerCategory> CategoryLookup(List<WorkerCategory> categories)
    {
        var lookup = new Dictionary<string, WorkerCategory>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in categories)
        {
            lookup.TryAdd(NameKeys.For(c.Name), c);
            lookup[c.Code] = c;
        }

        return lookup;
    }

    private static readonly WorkerField[] MoneyFields = [WorkerField.Wage, WorkerField.Income];

    private static ParsedRow ParseRow(IReadOnlyList<SheetCell> cells, HeaderMap map, WorkerCategory? fixedCategory,
        Dictionary<string, WorkerCategory> categories, RegionResolver regions, DateOnly today, DateOnly periodStart)
    {
        SheetCell Cell(WorkerField f) => map.Columns.TryGetValue(f, out var i) && i < cells.Count ? cells[i] : SheetCell.Empty;
        string? Text(WorkerField f) => Cell(f).Text.Trim() is { Length: > 0 } t ? t : null;

        var issues = new List<ValidationIssue>();
        var row = new ParsedRow();

        var (name, nameIssue) = PersonName.Parse(Text(WorkerField.Name));
        if (nameIssue is not null)
        {
            issues.Add(nameIssue);
        }

        row.Name = name;
        DateOnly? birth = null;
        if (Text(WorkerField.BirthDate) is { } birthText)
        {
            if (DateParsing.TryParse(birthText, out var d))
            {
                birth = d;
            }
            else
            {
                issues.Add(new ValidationIssue(IssueCodes.BirthDateInvalid, ValidationMessages.BirthDateInvalid(birthText)));
            }
        }

        char? sex = null;
        if (Text(WorkerField.Sex) is { } sexText)
        {
            sex = FieldParsing.ParseSex(sexText);
            if (sex is null)
            {
                issues.Add(new ValidationIssue(IssueCodes.SexInvalid, ValidationMessages.SexInvalid));
            }
        }

        var nikCell = Cell(WorkerField.Nik);
        var nik = Nik.Check(nikCell.Text, today, nikCell.IsNumeric, birth, sex, regions.CodeExists);
        issues.AddRange(nik.Issues);
        row.Nik = nik.Value;
        if (nik.Value is { } n)
        {
            if (birth is null && !issues.Any(i => i.Code == IssueCodes.BirthDateInvalid))
            {
                birth = n.BirthDate;
                issues.Add(new ValidationIssue(IssueCodes.BirthDateTakenFromNik, ValidationMessages.BirthDateTakenFromNik, IsWarning: true));
            }

            sex ??= n.Sex;
        }

        row.BirthDate = birth;
        row.Sex = sex;

        var category = fixedCategory;
        if (category is null)
        {
            var typed = Text(WorkerField.Category) ?? "";
            category = categories.GetValueOrDefault(typed) ?? categories.GetValueOrDefault(NameKeys.For(typed));
            if (category is null)
            {
                issues.Add(new ValidationIssue(IssueCodes.CategoryUnknown, ValidationMessages.CategoryUnknown(typed)));
            }
        }

        row.Category = category;
        foreach (var field in MoneyFields)
        {
            if (Text(field) is { } money)
            {
                if (FieldParsing.TryParseRupiah(money, out var amount) && amount > 0)
                {
                    row.Amount = amount;
                }
                else
                {
                    issues.Add(new ValidationIssue(IssueCodes.IncomeInvalid, ValidationMessages.IncomeInvalid));
                }
            }
        }

        if (category is { } cat && birth is { } b && (cat.MinAge is not null || cat.MaxAge is not null))
        {
            var age = today.Year - b.Year - (today < b.AddYears(today.Year - b.Year) ? 1 : 0);
            if (age < (cat.MinAge ?? 0) || age > (cat.MaxAge ?? 200))
            {
                issues.Add(new ValidationIssue(IssueCodes.AgeOutOfRange, ValidationMessages.AgeOutOfRange(age, cat.MinAge, cat.MaxAge)));
            }
        }

        if (Text(WorkerField.Phone) is { } phone)
        {
            row.Phone = FieldParsing.NormalisePhone(phone);
            if (row.Phone is null)
            {
                issues.Add(new ValidationIssue(IssueCodes.PhoneInvalid, ValidationMessages.PhoneInvalid, IsWarning: true));
            }
        }

        var (district, village, unresolved) = regions.Resolve(Text(WorkerField.District), Text(WorkerField.Village));
        if (unresolved)
        {
            issues.Add(new ValidationIssue(IssueCodes.RegionUnresolved,
                ValidationMessages.RegionUnresolved(string.Join(" / ", new[] { Text(WorkerField.Village), Text(WorkerField.District) }.OfType<string>())),
                IsWarning: true));
        }

        if (Text(WorkerField.Nip) is not null)
        {
            issues.Add(new ValidationIssue(IssueCodes.NipPresent, ValidationMessages.NipPresent, IsWarning: true));
        }

        row.District = district;
        row.Village = village;
        row.Address = Text(WorkerField.Address);
        row.BirthPlace = Text(WorkerField.BirthPlace);
        row.Position = Text(WorkerField.Position);
        row.StartDate = Text(WorkerField.StartDate) is { } start && DateParsing.TryParse(start, out var sd) ? sd : periodStart;
        row.Issues = issues;
        return row;
    }

    /// <summary>
    /// The NIK hashes of a small file sent into a large registry (a pass over the file's NIK column before the import
    /// reads it), so that only those people are loaded: an OPD's list of 700 rows into a registry of a million took 7 s and
    /// 381 MB to load everyone (docs/performance.md, stop 19). Null — load the whole registry — for a large file, or a
    /// small registry. Every 16-digit text of the NIK column counts, valid or not: a superset of what the rows will look up.
    /// </summary>
    private async Task<Dictionary<HashKey, byte[]>?> NikHashesOfSmallFileAsync(Stream file, WorkerImportRequest request, CancellationToken ct)
    {
        var start = file.Position;
        if (file.Length - start > SelectiveLoadMaxBytes || await db.People.CountAsync(ct) < SelectiveLoadFromPeople)
        {
            return null;
        }

        var hashes = new Dictionary<HashKey, byte[]>();
        using (var scan = SpreadsheetFiles.Open(file, request.FileName, request.Sheet, limits, leaveOpen: true))
        {
            if (!HeaderMap.From(ReadHeader(scan)).Columns.TryGetValue(WorkerField.Nik, out var nikColumn))
            {
                file.Position = start;
                return null; // The import itself says what is missing.
            }

            while (scan.Read())
            {
                if (nikColumn < scan.Cells.Count && Nik.DigitsOf(scan.Cells[nikColumn].Text) is { } digits)
                {
                    var hash = protector.Hash(digits);
                    hashes.TryAdd(HashKey.From(hash), hash);
                }
            }
        }

        file.Position = start;
        return hashes;
    }

    /// <summary>Files up to this size sent into a registry of at least <see cref="SelectiveLoadFromPeople"/> people load only
    /// their own people (≈ 50,000 CSV rows).</summary>
    internal long SelectiveLoadMaxBytes { get; init; } = 8 * 1024 * 1024;

    internal int SelectiveLoadFromPeople { get; init; } = 50_000;

    /// <summary>How many of the registry's people the last run held in memory (for the tests and the benchmark).</summary>
    internal int RegistryPeopleLoaded { get; private set; }

    private static List<string> ReadHeader(ISheetReader reader)
    {
        while (reader.Read())
        {
            if (reader.Cells.Any(c => !string.IsNullOrWhiteSpace(c.Text)))
            {
                return reader.Cells.Select(c => c.Text.Trim()).ToList();
            }
        }

        throw new UnusableImportException("file.empty", ImportMessages.FileEmpty);
    }

    private static string[] Texts(IReadOnlyList<SheetCell> cells) => cells.Select(c => c.Text).ToArray();

    private static async Task<string> Sha256Async(Stream file, CancellationToken ct)
    {
        var start = file.Position;
        var hash = await SHA256.HashDataAsync(file, ct);
        file.Position = start;
        return Convert.ToHexStringLower(hash);
    }

    private sealed class ParsedRow
    {
        public Nik? Nik { get; set; }
        public PersonName? Name { get; set; }
        public DateOnly? BirthDate { get; set; }
        public char? Sex { get; set; }
        public WorkerCategory? Category { get; set; }
        public long? Amount { get; set; }
        public string? Phone { get; set; }
        public string? Address { get; set; }
        public string? BirthPlace { get; set; }
        public string? District { get; set; }
        public string? Village { get; set; }
        public string? Position { get; set; }
        public DateOnly StartDate { get; set; }
        public List<ValidationIssue> Issues { get; set; } = [];

        public NewPerson ToNewPerson() => new(Nik!.Digits, Name!.Name, BirthDate!.Value, Sex!.Value, BirthPlace, Name.FrontTitle,
            Name.BackTitle, Address, District, Village, Phone);

        public Engagement ToEngagement(Agency agency)
        {
            var c = Category!;
            return new Engagement
            {
                AgencyId = agency.Id,
                CategoryId = c.Id,
                Scheme = c.Scheme,
                Position = Position,
                Wage = c.Scheme == Scheme.PU ? Amount : null,
                DeclaredIncome = c.Scheme == Scheme.BPU ? Amount ?? c.DefaultIncome : null,
                FundingSource = c.FundingSource,
                Programs = c.DefaultPrograms,
                StartDate = StartDate,
            };
        }
    }

    /// <summary>
    /// The registry as the import needs it: people by NIK hash, their engagements' terms — held compactly, because it is
    /// the whole registry: a person's identity and contact fields as 64-bit hashes (XxHash3; a collision is one chance
    /// in 2^64 per comparison) instead of their strings, an engagement as a struct, a list only for the few people with
    /// more than one. With the strings and a list per person a 1M registry took ≈ 735 MB of heap, and importing a file
    /// into it peaked at 1.1 GB (docs/performance.md, stop 19).
    /// </summary>
    private sealed class ExistingRegistry
    {
        // Sized from counts first: a dictionary that grows holds its old and new arrays at once (≈ 2× at the last step).
        private ExistingRegistry(int people, int engagements)
        {
            People = new Dictionary<HashKey, ExistingPerson>(people);
            firstEngagements = new Dictionary<Guid, ExistingEngagement>(Math.Min(people, engagements));
        }

        public Dictionary<HashKey, ExistingPerson> People { get; }
        private readonly Dictionary<Guid, ExistingEngagement> firstEngagements;
        private readonly Dictionary<Guid, List<ExistingEngagement>> moreEngagements = [];

        public IReadOnlyList<ExistingEngagement> EngagementsOf(Guid personId) =>
            moreEngagements.TryGetValue(personId, out var several) ? several
            : firstEngagements.TryGetValue(personId, out var one) ? [one]
            : [];

        /// <summary>The whole registry, or (<paramref name="only"/>) the people with these NIK hashes and their engagements.</summary>
        public static async Task<ExistingRegistry> LoadAsync(LindungDbContext db, Dictionary<HashKey, byte[]>? only, CancellationToken ct)
        {
            if (only is not null)
            {
                return await LoadSomeAsync(db, only, ct);
            }

            var registry = new ExistingRegistry(await db.People.CountAsync(ct), await db.Engagements.CountAsync(ct));
            await registry.AddPeopleAsync(db.People, ct);
            await registry.AddEngagementsAsync(db.Engagements, ct);
            return registry;
        }

        private static async Task<ExistingRegistry> LoadSomeAsync(LindungDbContext db, Dictionary<HashKey, byte[]> niks, CancellationToken ct)
        {
            var registry = new ExistingRegistry(niks.Count, niks.Count);
            // By the stored hashes, 500 to a query (well inside SQLite's and PostgreSQL's parameter limits).
            foreach (var chunk in niks.Values.Chunk(500))
            {
                var hashes = chunk.ToList();
                await registry.AddPeopleAsync(db.People.Where(p => hashes.Contains(p.NikHash)), ct);
            }

            foreach (var chunk in registry.People.Values.Select(p => p.Id).Chunk(500))
            {
                var ids = chunk.ToList();
                await registry.AddEngagementsAsync(db.Engagements.Where(e => ids.Contains(e.PersonId)), ct);
            }

            return registry;
        }

        private async Task AddPeopleAsync(IQueryable<Person> people, CancellationToken ct)
        {
            await foreach (var p in people.AsNoTracking()
                               .Select(p => new { p.Id, p.NikHash, p.FullName, p.BirthDate, p.Sex, p.Phone, p.Address, p.DistrictCode, p.VillageCode })
                               .AsAsyncEnumerable().WithCancellation(ct))
            {
                People[HashKey.From(p.NikHash)] = new ExistingPerson(p.Id, ExistingPerson.IdentityOf(p.FullName, p.BirthDate, p.Sex),
                    ExistingPerson.TextHash(p.Phone), ExistingPerson.TextHash(p.Address), ExistingPerson.TextHash(p.DistrictCode),
                    ExistingPerson.TextHash(p.VillageCode));
            }
        }

        private async Task AddEngagementsAsync(IQueryable<Engagement> engagements, CancellationToken ct)
        {
            await foreach (var e in engagements.AsNoTracking()
                               .Select(e => new { e.Id, e.PersonId, e.AgencyId, e.CategoryId, e.EndDate, e.Wage, e.DeclaredIncome, e.Position, e.StartDate })
                               .AsAsyncEnumerable().WithCancellation(ct))
            {
                var engagement = new ExistingEngagement(e.Id, e.AgencyId, e.CategoryId, e.EndDate,
                    HashCode.Combine(e.Wage, e.DeclaredIncome, e.Position, e.StartDate));
                if (moreEngagements.TryGetValue(e.PersonId, out var several))
                {
                    several.Add(engagement);
                }
                else if (firstEngagements.TryGetValue(e.PersonId, out var first))
                {
                    moreEngagements[e.PersonId] = [first, engagement];
                }
                else
                {
                    firstEngagements[e.PersonId] = engagement;
                }
            }
        }

        public static int Fingerprint(Engagement e) => HashCode.Combine(e.Wage, e.DeclaredIncome, e.Position, e.StartDate);
    }

    /// <summary>A registered person: the id, and hashes of what an import compares (<see cref="ExistingRegistry"/>).</summary>
    private readonly record struct ExistingPerson(Guid Id, ulong Identity, ulong Phone, ulong Address, ulong District, ulong Village)
    {
        /// <summary>The name as written, compared without regard to letter case, the birth date and the sex.</summary>
        public bool SameIdentity(ParsedRow row) => Identity == IdentityOf(row.Name!.Name, row.BirthDate, row.Sex);

        public bool ContactDiffers(ParsedRow row) =>
            (row.Phone is not null && TextHash(row.Phone) != Phone) || (row.Address is not null && TextHash(row.Address) != Address)
            || (row.Village is not null && TextHash(row.Village) != Village) || (row.District is not null && TextHash(row.District) != District);

        public static ulong IdentityOf(string name, DateOnly? birthDate, char? sex)
        {
            Span<char> upper = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
            name.AsSpan().ToUpperInvariant(upper);
            var seed = ((long)(birthDate?.DayNumber ?? -1) << 17) | (sex ?? '\0');
            return System.IO.Hashing.XxHash3.HashToUInt64(System.Runtime.InteropServices.MemoryMarshal.AsBytes((ReadOnlySpan<char>)upper), seed);
        }

        /// <summary>A text's hash; null has its own value (zero), distinct from the empty text's.</summary>
        public static ulong TextHash(string? text) =>
            text is null ? 0 : System.IO.Hashing.XxHash3.HashToUInt64(System.Runtime.InteropServices.MemoryMarshal.AsBytes(text.AsSpan())) | 1;
    }

    private readonly record struct ExistingEngagement(Guid Id, Guid AgencyId, Guid CategoryId, DateOnly? EndDate, int Fingerprint);

    /// <summary>The first 128 bits of the NIK's HMAC: compact and, for HMAC-SHA256, collision-free in practice.</summary>
    private readonly record struct HashKey(ulong High, ulong Low)
    {
        public static HashKey From(byte[] hash) =>
            new(BinaryPrimitives.ReadUInt64BigEndian(hash), BinaryPrimitives.ReadUInt64BigEndian(hash.AsSpan(8)));
    }
}
