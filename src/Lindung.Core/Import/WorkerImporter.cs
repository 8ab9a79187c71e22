using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json;
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
    /// <summary>New rows are written in batches of this many inside the one transaction (memory stays flat).</summary>
    internal int FlushEvery { get; init; } = 20_000;

    public async Task<WorkerImportReport> RunAsync(Stream file, WorkerImportRequest request, IProgress<double>? progress = null,
        CancellationToken ct = default)
    {
        var tenant = db.CurrentTenantCode ?? throw new InvalidOperationException("Import needs a tenant.");
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == request.AgencyId, ct)
            ?? throw new UnusableImportException("opd.unknown", "OPD tidak ditemukan di kabupaten ini.");
        var categories = await db.WorkerCategories.AsNoTracking().ToListAsync(ct);
        var fixedCategory = request.CategoryId is { } cid
            ? categories.FirstOrDefault(c => c.Id == cid) ?? throw new UnusableImportException("category.unknown", "Kategori tidak ditemukan.")
            : null;
        if (!Lindung.Core.Formatting.Periods.TryParse(request.Period, out var periodStart))
        {
            throw new UnusableImportException("period.invalid", "Periode harus berbentuk YYYY-MM.");
        }

        var sha = await Sha256Async(file, ct);
        using var reader = SpreadsheetFiles.Open(file, request.FileName, request.Sheet, limits);
        var header = ReadHeader(reader);
        var map = HeaderMap.From(header);
        if (map.MissingRequired.Count > 0)
        {
            throw new UnusableImportException("column.missing",
                "Kolom wajib tidak ditemukan: " + string.Join(", ", map.MissingRequired.Select(HeaderMap.DisplayName))
                + ". Baris pertama berkas harus berisi judul kolom (unduh templat Lindung).");
        }

        if (fixedCategory is null && !map.Columns.ContainsKey(WorkerField.Category))
        {
            throw new UnusableImportException("category.missing",
                "Pilih kategori pekerja, atau sertakan kolom Kategori/Pekerjaan/Profesi di berkas.");
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
            // A bigger page cache for this connection keeps the index B-trees in memory during a large insert;
            // NORMAL sync is durable in WAL mode at each commit (and an import is one commit).
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY;", ct);
        }

        await using var tx = request.DryRun ? null : await db.Database.BeginTransactionAsync(ct);
        if (tx is not null)
        {
            // One registry writer per tenant at a time, and the registry read only once this import holds the lock:
            // two OPDs sending the same new person at once must yield one person and a conflict, not a failed import.
            await RegistryWriteLock.AcquireAsync(db, tenant, ct);
        }

        var existing = await ExistingRegistry.LoadAsync(db, ct);
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

        var lastReport = 0L;
        while (reader.Read())
        {
            var cells = reader.Cells;
            if (cells.All(c => string.IsNullOrWhiteSpace(c.Text)))
            {
                continue;
            }

            report.Rows++;
            var row = ParseRow(cells, map, fixedCategory, categoryLookup, regions, today, periodStart);
            if (row.Issues.Any(i => !i.IsWarning))
            {
                report.Count(row.Issues.Where(i => !i.IsWarning).ToList());
                report.Rejected++;
                report.Keep(new ImportProblem(reader.RowNumber, Texts(cells), row.Issues, Rejected: true));
                continue;
            }

            var hash = protector.Hash(row.Nik!.Digits);
            var key = HashKey.From(hash);
            if (seen.TryGetValue(key, out var firstRow))
            {
                report.DuplicatesInFile++;
                report.Keep(new ImportProblem(reader.RowNumber, Texts(cells), row.Issues, Rejected: false,
                    ValidationMessages.DuplicateInFile(firstRow)));
                continue;
            }

            seen[key] = reader.RowNumber;
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
                var same = engagements.FirstOrDefault(e => e.AgencyId == agency.Id && e.CategoryId == engagement.CategoryId && e.EndDate is null);
                var elsewhere = engagements.FirstOrDefault(e => e.EndDate is null && !(e.AgencyId == agency.Id && e.CategoryId == engagement.CategoryId));
                if (same is not null)
                {
                    if (!contactChanged && same.Fingerprint == ExistingRegistry.Fingerprint(engagement))
                    {
                        report.Unchanged++;
                    }
                    else
                    {
                        report.Accepted++;
                        updates.Add((person.Id, row.Phone, row.Address, row.District, row.Village));
                        // An updated wage/position replaces the running engagement's terms (audited).
                        newEngagements.Add(engagement.WithId(same.Id, person.Id, update: true));
                    }
                }
                else if (elsewhere is not null)
                {
                    report.Conflicts++;
                    engagement.PersonId = person.Id;
                    newEngagements.Add(engagement);
                    conflicts.Add(new RegistryConflict
                    {
                        PersonId = person.Id,
                        NewEngagementId = engagement.Id,
                        ExistingEngagementId = elsewhere.Id,
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
                    var p = row.ToNewPerson().ToPerson(protector, hash);
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

                report.Keep(new ImportProblem(reader.RowNumber, Texts(cells), issues, Rejected: false, note));
            }

            if (request.DryRun)
            {
                newEngagements.Clear();
            }
            else if (newPeople.Count + newEngagements.Count >= FlushEvery)
            {
                await FlushAsync(newPeople, newEngagements, tenant, now, ct);
            }

            if (progress is not null && reader.Position - lastReport > 256 * 1024)
            {
                lastReport = reader.Position;
                progress.Report(reader.TotalBytes == 0 ? 0 : (double)reader.Position / reader.TotalBytes);
            }
        }

        if (request.DryRun)
        {
            progress?.Report(1);
            return report;
        }

        await FlushAsync(newPeople, newEngagements, tenant, now, ct);
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

    /// <summary>Time spent writing batches (reported by the benchmark).</summary>
    public TimeSpan WriteTime { get; private set; }

    private async Task FlushAsync(List<Person> people, List<Engagement> engagements, string tenant, DateTime now, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await BulkInsert.InsertAsync(db, people, ct);
        PeopleWriteTime += System.Diagnostics.Stopwatch.GetElapsedTime(started);
        var inserts = engagements.Where(e => !e.IsUpdate).ToList();
        foreach (var e in inserts)
        {
            e.TenantCode = tenant;
            e.CreatedAt = e.ModifiedAt = now;
        }

        await BulkInsert.InsertAsync(db, inserts, ct);
        foreach (var update in engagements.Where(e => e.IsUpdate))
        {
            var tracked = await db.Engagements.FirstAsync(e => e.Id == update.Id, ct);
            tracked.Wage = update.Wage;
            tracked.DeclaredIncome = update.DeclaredIncome;
            tracked.Position = update.Position;
            tracked.StartDate = update.StartDate;
            tracked.SubmissionId = update.SubmissionId;
        }

        await db.SaveChangesAsync(ct);
        people.Clear();
        engagements.Clear();
        WriteTime += System.Diagnostics.Stopwatch.GetElapsedTime(started);
    }

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
        var nik = Nik.Check(nikCell.Text, today, nikCell.IsNumeric, birth, sex, regions.Exists);
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
        foreach (var field in new[] { WorkerField.Wage, WorkerField.Income })
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

    private static List<string> ReadHeader(ISheetReader reader)
    {
        while (reader.Read())
        {
            if (reader.Cells.Any(c => !string.IsNullOrWhiteSpace(c.Text)))
            {
                return reader.Cells.Select(c => c.Text.Trim()).ToList();
            }
        }

        throw new UnusableImportException("file.empty", "Berkas kosong: tidak ada baris judul kolom maupun data.");
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

    /// <summary>The registry as the import needs it: people by NIK hash, their engagements' terms.</summary>
    private sealed class ExistingRegistry
    {
        public Dictionary<HashKey, ExistingPerson> People { get; } = [];
        private readonly Dictionary<Guid, List<ExistingEngagement>> engagements = [];

        public IReadOnlyList<ExistingEngagement> EngagementsOf(Guid personId) =>
            engagements.TryGetValue(personId, out var list) ? list : [];

        public static async Task<ExistingRegistry> LoadAsync(LindungDbContext db, CancellationToken ct)
        {
            var registry = new ExistingRegistry();
            await foreach (var p in db.People.AsNoTracking()
                               .Select(p => new { p.Id, p.NikHash, p.FullName, p.BirthDate, p.Sex, p.Phone, p.Address, p.DistrictCode, p.VillageCode })
                               .AsAsyncEnumerable().WithCancellation(ct))
            {
                registry.People[HashKey.From(p.NikHash)] = new ExistingPerson(p.Id, p.FullName, p.BirthDate, p.Sex, p.Phone, p.Address,
                    p.DistrictCode, p.VillageCode);
            }

            await foreach (var e in db.Engagements.AsNoTracking()
                               .Select(e => new { e.Id, e.PersonId, e.AgencyId, e.CategoryId, e.EndDate, e.Wage, e.DeclaredIncome, e.Position, e.StartDate })
                               .AsAsyncEnumerable().WithCancellation(ct))
            {
                if (!registry.engagements.TryGetValue(e.PersonId, out var list))
                {
                    registry.engagements[e.PersonId] = list = [];
                }

                list.Add(new ExistingEngagement(e.Id, e.AgencyId, e.CategoryId, e.EndDate,
                    HashCode.Combine(e.Wage, e.DeclaredIncome, e.Position, e.StartDate)));
            }

            return registry;
        }

        public static int Fingerprint(Engagement e) => HashCode.Combine(e.Wage, e.DeclaredIncome, e.Position, e.StartDate);
    }

    private sealed record ExistingPerson(Guid Id, string FullName, DateOnly BirthDate, char Sex, string? Phone, string? Address,
        string? District, string? Village)
    {
        public bool SameIdentity(ParsedRow row) =>
            string.Equals(FullName, row.Name!.Name, StringComparison.OrdinalIgnoreCase) && BirthDate == row.BirthDate && Sex == row.Sex;

        public bool ContactDiffers(ParsedRow row) =>
            (row.Phone is not null && row.Phone != Phone) || (row.Address is not null && row.Address != Address)
            || (row.Village is not null && row.Village != Village) || (row.District is not null && row.District != District);
    }

    private sealed record ExistingEngagement(Guid Id, Guid AgencyId, Guid CategoryId, DateOnly? EndDate, int Fingerprint);

    /// <summary>The first 128 bits of the NIK's HMAC: compact and, for HMAC-SHA256, collision-free in practice.</summary>
    private readonly record struct HashKey(ulong High, ulong Low)
    {
        public static HashKey From(byte[] hash) =>
            new(BinaryPrimitives.ReadUInt64BigEndian(hash), BinaryPrimitives.ReadUInt64BigEndian(hash.AsSpan(8)));
    }
}
