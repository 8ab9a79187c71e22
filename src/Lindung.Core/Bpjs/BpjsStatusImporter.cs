using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Lindung.Core.Audit;
using Lindung.Core.Data;
using Lindung.Core.Formatting;
using Lindung.Core.Import;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Core.Registry;
using Lindung.Core.Registry.Protection;
using Lindung.Core.Registry.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Lindung.Core.Bpjs;

/// <summary>Stage times of one import: the exact stage is loading the registry's hashes plus reading and exact-matching every row.</summary>
public sealed class BpjsImportTimings
{
    /// <summary>Processor time of the whole process (all threads) in the exact and fuzzy stages: on a shared machine the wall time says little.</summary>
    public TimeSpan ExactCpu { get; set; }

    public TimeSpan FuzzyCpu { get; set; }

    public TimeSpan HashFile { get; set; }

    /// <summary>Loading the registry's NIK hashes: overlaps <see cref="ReadFile"/>.</summary>
    public TimeSpan LoadRegistry { get; set; }

    /// <summary>Reading every row of the file, from the start of the exact stage.</summary>
    public TimeSpan ReadFile { get; set; }

    /// <summary>The whole exact stage: the load and the read overlapped, then hashing and lookups.</summary>
    public TimeSpan Exact { get; set; }
    public TimeSpan Fuzzy { get; set; }
    public int Residue { get; set; }
    public TimeSpan Write { get; set; }
    public TimeSpan Apply { get; set; }
    public TimeSpan Commit { get; set; }
}

public sealed record BpjsImportReport(string Period, int Rows, int MatchedExact, int MatchedFuzzy, int NeedsReview, int Unmatched,
    int Active, int Inactive, bool StatusAssumed, bool Unchanged, int KpjFilled, int KpjDiffers, int Registered, Guid ImportId);

/// <summary>
/// Takes in a BPJS file for a period (docs/bpjs.md): reads the columns by header synonyms, matches each row
/// (<see cref="BpjsMatcher"/>), stores the rows with their decisions and applies confident matches to the
/// registry — the KPJ where the registry has none, "Terdaftar" on the person's verified engagements when BPJS
/// lists them active. One transaction; the same file for the same period changes nothing; another file for the
/// period replaces that period's rows.
/// </summary>
public sealed class BpjsStatusImporter(LindungDbContext db, NikProtector protector, SpreadsheetLimits limits, MatchSettings? settings = null)
{
    /// <summary>
    /// Matched people above which (when they are also a tenth of the registry or more) the apply stage reads the registry
    /// in two scans instead of looking people up by id, 2,000 at a time.
    /// </summary>
    public int ScanRegistryAbove { get; init; } = 20_000;

    /// <summary>Where the last run's time went (the benchmark reports it; docs/performance.md).</summary>
    public BpjsImportTimings Timings { get; } = new();

    private enum Col
    {
        Kpj,
        Nik,
        Name,
        BirthDate,
        Sex,
        Status,
        ParticipationDate,
        LastPaid,
    }

    private static readonly Dictionary<string, Col> Headers = BpjsFile.Synonyms(
        (Col.Kpj, BpjsFile.KpjHeaders),
        (Col.Nik, BpjsFile.NikHeaders),
        (Col.Name, BpjsFile.NameHeaders),
        (Col.BirthDate, ["Tgl Lahir", "Tanggal Lahir"]),
        (Col.Sex, ["JK", "L/P", "Jenis Kelamin"]),
        (Col.Status, ["Status", "Status Kepesertaan", "Status Peserta", "Keterangan Status"]),
        (Col.ParticipationDate, ["Tgl Kepesertaan", "Tanggal Kepesertaan", "TMT Kepesertaan", "Tgl Daftar", "Tanggal Terdaftar"]),
        (Col.LastPaid, ["Periode Iuran Terakhir", "Iuran Terakhir", "Bulan Iuran Terakhir", "Periode Terakhir"]));

    public async Task<BpjsImportReport> RunAsync(Stream file, string fileName, string period, CancellationToken ct = default)
    {
        if (!Periods.TryParse(period, out var periodStart))
        {
            throw new UnusableImportException("bpjs.period", ImportMessages.BpjsPeriodInvalid(period));
        }

        var started = Stopwatch.GetTimestamp();
        // Hash first, then read: a seekable file is read twice; anything else is spooled to a temporary file, never to memory.
        await using var spooled = await BpjsFile.SpoolAsync(file, ct);
        var hash = spooled.Hash;
        var previous = await db.BpjsImports.AsNoTracking().Where(i => i.Period == period).ToListAsync(ct);
        if (previous.FirstOrDefault(i => i.FileHash == hash) is { } same)
        {
            return new BpjsImportReport(period, same.Rows, same.MatchedExact, same.MatchedFuzzy, same.NeedsReview, same.Unmatched, same.Active,
                same.Inactive, same.StatusAssumed, Unchanged: true, 0, 0, 0, same.Id);
        }

        // The file is read twice (it is a seekable copy): first only what matching needs, then — once every row has its
        // decision — again to write the rows as they are stored. No row object is kept for the length of the import:
        // a million of them cost gigabytes and seconds of garbage collection.
        var reader = SpreadsheetFiles.Open(spooled.Reopen(), fileName, null, limits);
        Dictionary<Col, int> columns;
        try
        {
            columns = BpjsFile.Columns(reader, Headers);
        }
        catch
        {
            reader.Dispose();
            throw;
        }

        if (!columns.ContainsKey(Col.Name) || !(columns.ContainsKey(Col.Nik) || columns.ContainsKey(Col.BirthDate)))
        {
            reader.Dispose();
            throw new UnusableImportException("header.missing", ImportMessages.BpjsColumnsMissing);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!db.IsPostgres)
        {
            // As for a worker import: the index B-trees of a million-row write stay in memory (this connection only).
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144;", ct);
        }

        if (previous.Count > 0)
        {
            var ids = previous.Select(p => p.Id).ToList();
            await db.BpjsStatuses.Where(s => ids.Contains(s.ImportId)).ExecuteDeleteAsync(ct);
            await db.BpjsImports.Where(i => ids.Contains(i.Id)).ExecuteDeleteAsync(ct);
        }

        var import = new BpjsImport { Period = period, FileName = Path.GetFileName(fileName), FileHash = hash, StatusAssumed = !columns.ContainsKey(Col.Status) };
        db.BpjsImports.Add(import);
        Timings.HashFile = Stopwatch.GetElapsedTime(started);

        // Exact stage: first the registry's NIK hashes (and the aliases confirmed in review), read on both cores; then this
        // thread splits the file into chunks of cell texts while the thread pool hashes each chunk's NIKs and looks them
        // up. A row found keeps only its hash and decision; a row not found (the residue) keeps what the fuzzy stage
        // compares. (Reading the file while the index loads was slower: every chunk read had to wait, and a million rows of
        // waiting cell texts were promoted through the garbage collector's generations.)
        var stage = Stopwatch.GetTimestamp();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        await QueryPlannerStatistics.EnsureAsync(db, [typeof(Person), typeof(Engagement)], ct);
        // A large list (its residue then needs nearly every birth date): the same scan stages the fuzzy stage's candidates.
        var index = await BpjsFile.NikIndexAsync(db, spooled.Content.Length >= StageCandidatesFromBytes ? protector : null, ct);
        var staged = index.TakeCandidates();
        Timings.LoadRegistry = Stopwatch.GetElapsedTime(stage);

        var context = new RowContext(columns, import.StatusAssumed, protector);
        var matching = new List<Task<MatchedChunk>>();
        try
        {
            using (reader)
            {
                while (ReadChunk(reader, columns, ChunkRows) is { } chunk)
                {
                    matching.Add(Task.Run(() => Match(chunk, context, index), ct));
                }
            }
        }
        finally
        {
            // An unreadable file ends the import, but only once no chunk is being matched any more.
            await ((Task)Task.WhenAll(matching)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        Timings.ReadFile = Stopwatch.GetElapsedTime(stage);
        var chunks = new MatchedChunk[matching.Count];
        for (var i = 0; i < matching.Count; i++)
        {
            chunks[i] = await matching[i];
        }

        matching.Clear();
        index.Clear();
        var residue = chunks.SelectMany(c => c.Residue).ToList();
        Timings.Residue = residue.Count;
        Timings.Exact = Stopwatch.GetElapsedTime(stage);
        Timings.ExactCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        cpu = Process.GetCurrentProcess().TotalProcessorTime;

        // Fuzzy stage: the residue's birth dates (and their day/month swaps) loaded in a few queries, the NIK decrypted
        // only for a candidate whose name is alike enough; rows matched in parallel (the matcher is pure) in birth-date order.
        stage = Stopwatch.GetTimestamp();
        var matchSettings = settings ?? await MatchSettingsStore.LoadAsync(db, ct);
        var bornOn = staged is not null
            ? RegistryCandidates.FromStaged(staged, residue.Select(r => r.Row), matchSettings, ct)
            : await BornOnAsync(residue.Select(r => r.Row), matchSettings, ct);
        staged = null;
        var matcher = new BpjsMatcher(matchSettings, _ => null,
            (day, sex) => bornOn.TryGetValue((day, sex), out var block) ? block : default);
        var decisions = matcher.MatchAll(residue.Select(r => r.Row).ToList(), ct);
        for (var i = 0; i < residue.Count; i++)
        {
            residue[i].Chunk.Decide(residue[i].Index, decisions[i]);
        }

        foreach (var chunk in chunks)
        {
            chunk.Residue.Clear();
        }

        bornOn.Clear();
        Timings.Fuzzy = Stopwatch.GetElapsedTime(stage);
        Timings.FuzzyCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;

        stage = Stopwatch.GetTimestamp();
        import.Rows = chunks.Sum(c => c.Count);
        import.MatchedExact = import.Rows - residue.Count;
        import.MatchedFuzzy = decisions.Count(d => d.Kind == MatchKind.Fuzzy);
        import.NeedsReview = decisions.Count(d => d.Kind == MatchKind.NeedsReview);
        import.Unmatched = decisions.Count(d => d.Kind == MatchKind.Unmatched);
        import.Active = chunks.Sum(c => c.Active);
        import.Inactive = import.Rows - import.Active;
        residue.Clear();
        var importEvent = db.Audit(AuditActions.BpjsImported, nameof(BpjsImport), import.Id.ToString(),
            $"periode {period}, {import.Rows} baris, cocok NIK {import.MatchedExact}, cocok otomatis {import.MatchedFuzzy}, perlu diperiksa {import.NeedsReview}, tidak cocok {import.Unmatched}");
        import.ImportedBy = importEvent.UserName;
        await db.SaveChangesAsync(ct);

        // The rows themselves in bulk, built again from the file as they are written (they are not audited one by one:
        // the import's event above covers them); the matched ones are remembered compactly for the apply stage.
        var matched = new List<MatchedRow>(import.MatchedExact + import.MatchedFuzzy);
        using (var again = SpreadsheetFiles.Open(spooled.Reopen(), fileName, null, limits))
        {
            BpjsFile.Columns(again, Headers);
            await BulkInsert.InsertAsync(db, Written(again, columns, chunks, new RowStamp(db.CurrentTenantCode ?? throw new InvalidOperationException("A BPJS import needs a tenant."),
                import.Id, period, import.StatusAssumed, import.CreatedAt), matched), ct);
        }

        chunks = [];
        await QueryPlannerStatistics.RefreshAsync(db, [typeof(BpjsStatus)], ct);
        Timings.Write = Stopwatch.GetElapsedTime(stage);

        stage = Stopwatch.GetTimestamp();
        var (kpjFilled, kpjDiffers, registered) = await ApplyInBulkAsync(db, matched, periodStart, importEvent, ScanRegistryAbove, ct);
        if (kpjFilled > 0)
        {
            // The KPJ index went from empty to filled: a KPJ search planned on the old statistics would scan.
            await QueryPlannerStatistics.RefreshAsync(db, [typeof(Person)], ct);
        }

        Timings.Apply = Stopwatch.GetElapsedTime(stage);
        stage = Stopwatch.GetTimestamp();
        await tx.CommitAsync(ct);
        Timings.Commit = Stopwatch.GetElapsedTime(stage);
        return new BpjsImportReport(period, import.Rows, import.MatchedExact, import.MatchedFuzzy, import.NeedsReview, import.Unmatched,
            import.Active, import.Inactive, import.StatusAssumed, Unchanged: false, kpjFilled, kpjDiffers, registered, import.Id);
    }

    /// <summary>Rows of the file per chunk handed to the thread pool (small enough to stay off the large-object heap).</summary>
    internal int ChunkRows { get; init; } = 2_000;

    /// <summary>
    /// From this file size on (about 10,000 rows) the NIK index's scan of the registry also stages the fuzzy stage's
    /// candidates on SQLite, so that the registry is read once; a smaller list's residue reads its few birth dates itself.
    /// </summary>
    internal long StageCandidatesFromBytes { get; init; } = 1 << 20;

    private sealed record RowContext(Dictionary<Col, int> Columns, bool StatusAssumed, NikProtector Protector);

    /// <summary>What every stored row shares.</summary>
    private sealed record RowStamp(string Tenant, Guid ImportId, string Period, bool StatusAssumed, DateTime At);

    /// <summary>The texts of the columns Lindung reads, per row of one chunk (the rest of the row is not kept).</summary>
    private sealed record RawRows(string?[][] Cells, int Count);

    /// <summary>A matched row as the apply stage needs it (the stored row itself is long written by then).</summary>
    private readonly record struct MatchedRow(Guid PersonId, string? Kpj, bool Active, DateOnly? ParticipationDate);

    /// <summary>
    /// One chunk after matching, per non-blank row in file order (blank rows — no name, no NIK — are not counted): the NIK
    /// hash (if the NIK has 16 digits) and the person found exactly, in flat arrays (no object per row is kept until the
    /// rows are written); the residue's decisions once the fuzzy stage has made them.
    /// </summary>
    private sealed class MatchedChunk(int count)
    {
        private readonly byte[] hashes = new byte[count * NikIndex.HashLength];
        private readonly bool[] hashed = new bool[count];
        private readonly Guid[] exact = new Guid[count];
        private Dictionary<int, MatchDecision>? decided;

        public int Count => count;
        public List<(MatchedChunk Chunk, int Index, BpjsPersonRow Row)> Residue { get; } = [];
        public int Active { get; set; }

        public void Hashed(int index, byte[] hash)
        {
            hash.CopyTo(hashes, index * NikIndex.HashLength);
            hashed[index] = true;
        }

        public void Found(int index, Guid personId) => exact[index] = personId;

        public void Decide(int index, MatchDecision decision) => (decided ??= [])[index] = decision;

        public byte[]? Hash(int index) => hashed[index] ? hashes.AsSpan(index * NikIndex.HashLength, NikIndex.HashLength).ToArray() : null;

        public MatchDecision Decision(int index) => exact[index] != Guid.Empty ? BpjsMatcher.ExactDecision(exact[index])
            : decided?.GetValueOrDefault(index) ?? throw new InvalidOperationException("A BPJS row was left without a decision.");
    }

    private static readonly Col[] AllColumns = Enum.GetValues<Col>();

    private static RawRows? ReadChunk(ISheetReader reader, Dictionary<Col, int> columns, int size)
    {
        string?[][]? cells = null;
        var count = 0;
        while (count < size && reader.Read())
        {
            if (Cells(reader, columns) is { } row)
            {
                cells ??= new string?[size][];
                cells[count++] = row;
            }
        }

        return count == 0 ? null : new RawRows(cells!, count);
    }

    /// <summary>The row's texts by column, or null for a blank row (no name and no NIK: skipped, as in both passes).</summary>
    private static string?[]? Cells(ISheetReader reader, Dictionary<Col, int> columns)
    {
        var row = new string?[AllColumns.Length];
        foreach (var (col, index) in columns)
        {
            row[(int)col] = index < reader.Cells.Count ? reader.Cells[index].Text?.Trim() : null;
        }

        return string.IsNullOrWhiteSpace(row[(int)Col.Name]) && string.IsNullOrWhiteSpace(row[(int)Col.Nik]) ? null : row;
    }

    private static string StoredName(string? name) => (name ?? "").Length > 200 ? name![..200] : name ?? "";

    /// <summary>Hashes one chunk's NIKs and looks them up; what is not found becomes the residue, with the fields it is compared on.</summary>
    private static MatchedChunk Match(RawRows raw, RowContext c, NikIndex index)
    {
        var chunk = new MatchedChunk(raw.Count);
        for (var r = 0; r < raw.Count; r++)
        {
            var cells = raw.Cells[r];
            var nik = BpjsMatcher.Digits(cells[(int)Col.Nik]);
            if (c.StatusAssumed || IsActive(cells[(int)Col.Status]))
            {
                chunk.Active++;
            }

            var hash = nik.Length == 16 ? c.Protector.Hash(nik) : null;
            if (hash is not null)
            {
                chunk.Hashed(r, hash);
            }

            if (index.TryGetValue(hash, out var id))
            {
                chunk.Found(r, id);
            }
            else
            {
                chunk.Residue.Add((chunk, r, new BpjsPersonRow(nik, StoredName(cells[(int)Col.Name]),
                    DateParsing.TryParse(cells[(int)Col.BirthDate], out var b) ? b : null, FieldParsing.ParseSex(cells[(int)Col.Sex]))));
            }
        }

        return chunk;
    }

    /// <summary>
    /// The file read again, row by row, as stored: each row with its decision from the chunks (same rows, same order:
    /// the skipping rule is the same), built only as it is written. A file that changed in between is refused.
    /// </summary>
    private static IEnumerable<BpjsStatus> Written(ISheetReader reader, Dictionary<Col, int> columns, MatchedChunk[] chunks, RowStamp stamp,
        List<MatchedRow> matched)
    {
        var (chunk, at, written) = (0, 0, 0);
        while (reader.Read())
        {
            if (Cells(reader, columns) is not { } cells)
            {
                continue;
            }

            while (chunk < chunks.Length && at == chunks[chunk].Count)
            {
                (chunk, at) = (chunk + 1, 0);
            }

            if (chunk == chunks.Length)
            {
                throw new InvalidOperationException("The BPJS file changed while it was imported.");
            }

            var nik = BpjsMatcher.Digits(cells[(int)Col.Nik]);
            var statusText = cells[(int)Col.Status];
            var row = new BpjsStatus
            {
                TenantCode = stamp.Tenant,
                ImportId = stamp.ImportId,
                Period = stamp.Period,
                RowNumber = reader.RowNumber,
                Kpj = cells[(int)Col.Kpj] is { Length: > 0 } kpj ? kpj : null,
                NikHash = chunks[chunk].Hash(at),
                NikMasked = nik.Length == 16 ? NikProtector.Mask(nik) : null,
                Name = StoredName(cells[(int)Col.Name]),
                BirthDate = DateParsing.TryParse(cells[(int)Col.BirthDate], out var b) ? b : null,
                Sex = FieldParsing.ParseSex(cells[(int)Col.Sex]),
                Active = stamp.StatusAssumed || IsActive(statusText),
                StatusText = statusText is { Length: > 40 } ? statusText[..40] : statusText,
                ParticipationDate = DateParsing.TryParse(cells[(int)Col.ParticipationDate], out var p) ? p : null,
                LastPaidPeriod = cells[(int)Col.LastPaid] is { Length: > 0 } lp ? lp[..Math.Min(7, lp.Length)] : null,
                Explanation = "",
                CreatedAt = stamp.At,
                ModifiedAt = stamp.At,
            };
            Apply(row, chunks[chunk].Decision(at++));
            written++;
            if (row.PersonId is { } personId)
            {
                matched.Add(new MatchedRow(personId, row.Kpj, row.Active, row.ParticipationDate));
            }

            yield return row;
        }

        if (written != chunks.Sum(c => c.Count))
        {
            throw new InvalidOperationException("The BPJS file changed while it was imported.");
        }
    }

    private static void Apply(BpjsStatus status, MatchDecision decision)
    {
        status.PersonId = decision.Kind is MatchKind.Exact or MatchKind.Fuzzy ? decision.PersonId : null;
        status.Match = decision.Kind;
        status.NameScore = decision.NameScore;
        status.Explanation = decision.Explanation;
        status.Review = decision.Kind == MatchKind.NeedsReview ? ReviewState.Pending : ReviewState.None;
        status.Candidates = decision.Kind == MatchKind.NeedsReview ? string.Join(',', decision.Candidates.Take(10)) : null;
    }

    /// <summary>
    /// The registry people the fallback may ask for: everyone born on a day the residue needs (as given or encoded
    /// in the NIK, and that day with day and month swapped), grouped by (birth date, sex), names prepared for scoring;
    /// NIKs decrypted lazily, per candidate, only when the matcher looks at them (<see cref="RegistryCandidates"/>).
    /// </summary>
    private Task<Dictionary<(DateOnly, char), CandidateBlock>> BornOnAsync(IEnumerable<BpjsPersonRow> residue,
        MatchSettings matchSettings, CancellationToken ct) => RegistryCandidates.LoadAsync(db, protector, residue, matchSettings, ct);

    /// <summary>
    /// Applies matched rows to the registry: the KPJ where the person has none (a different KPJ is counted, never
    /// overwritten), and Terdaftar on their verified, not-ended engagements when BPJS lists them active.
    /// </summary>
    public static async Task<(int KpjFilled, int KpjDiffers, int Registered)> ApplyAsync(LindungDbContext db, IReadOnlyList<BpjsStatus> matched, DateOnly periodStart,
        CancellationToken ct)
    {
        var total = (0, 0, 0);
        foreach (var chunk in matched.Chunk(500))
        {
            total = Add(total, await ApplyChunkAsync(db, chunk, periodStart, ct));
        }

        return total;
    }

    /// <summary>
    /// <see cref="ApplyAsync"/> for a whole list inside the import's transaction, set-wise (a BPJS list holds up to a
    /// million people): the same decisions in the same row order, the same audit event per person and engagement
    /// changed (<see cref="LindungDbContext.AuditSnapshot"/>, stamped like <paramref name="importEvent"/>), but the
    /// state read with projections per 2,000 people and written with <see cref="BulkUpdate"/> and
    /// <see cref="BulkInsert"/> instead of tracked entities saved one by one (docs/performance.md).
    /// </summary>
    private static async Task<(int KpjFilled, int KpjDiffers, int Registered)> ApplyInBulkAsync(LindungDbContext db, IReadOnlyList<MatchedRow> matched,
        DateOnly periodStart, AuditEvent importEvent, int scanAbove, CancellationToken ct)
    {
        var kpjOf = new Dictionary<Guid, string?>();
        var open = new Dictionary<Guid, List<(Guid Id, RegistrationStatus Registration, DateOnly? RegisteredOn)>>();
        var wanted = matched.Select(r => r.PersonId).ToHashSet();
        void Open(Guid id, Guid personId, RegistrationStatus registration, DateOnly? registeredOn)
        {
            if (!open.TryGetValue(personId, out var list))
            {
                open[personId] = list = [];
            }

            list.Add((id, registration, registeredOn));
        }

        var openEngagements = db.Engagements.AsNoTracking().Where(e => e.Verification == VerificationStatus.Verified
            && (e.EndDate == null || e.EndDate >= periodStart) && e.Registration != RegistrationStatus.Registered);
        if (wanted.Count > scanAbove && wanted.Count * 10L > await db.People.LongCountAsync(ct))
        {
            // Most of the registry (a monthly list at a million workers): two scans in storage order beat a million
            // primary-key lookups in random order (measured: minutes against seconds on SQLite).
            await foreach (var p in db.People.AsNoTracking().Select(p => new { p.Id, p.Kpj }).AsAsyncEnumerable().WithCancellation(ct))
            {
                if (wanted.Contains(p.Id))
                {
                    kpjOf[p.Id] = p.Kpj;
                }
            }

            await foreach (var e in openEngagements.Select(e => new { e.Id, e.PersonId, e.Registration, e.RegisteredOn }).AsAsyncEnumerable().WithCancellation(ct))
            {
                if (wanted.Contains(e.PersonId))
                {
                    Open(e.Id, e.PersonId, e.Registration, e.RegisteredOn);
                }
            }
        }
        else
        {
            foreach (var chunk in wanted.Chunk(2000))
            {
                var ids = chunk.ToList();
                await foreach (var p in db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Kpj })
                                   .AsAsyncEnumerable().WithCancellation(ct))
                {
                    kpjOf[p.Id] = p.Kpj;
                }

                await foreach (var e in openEngagements.Where(e => ids.Contains(e.PersonId))
                                   .Select(e => new { e.Id, e.PersonId, e.Registration, e.RegisteredOn }).AsAsyncEnumerable().WithCancellation(ct))
                {
                    Open(e.Id, e.PersonId, e.Registration, e.RegisteredOn);
                }
            }
        }

        int filled = 0, differs = 0;
        var people = new List<(Guid Id, string Kpj)>();
        var engagements = new List<(Guid Id, RegistrationStatus Was, DateOnly? WasOn, DateOnly On)>();
        foreach (var row in matched)
        {
            var id = row.PersonId;
            if (!kpjOf.TryGetValue(id, out var current))
            {
                continue;
            }

            if (row.Kpj is { } kpj)
            {
                if (current is null)
                {
                    kpjOf[id] = kpj;
                    people.Add((id, kpj));
                    filled++;
                }
                else if (!string.Equals(current, kpj, StringComparison.Ordinal))
                {
                    differs++;
                }
            }

            if (row.Active && open.Remove(id, out var list))
            {
                engagements.AddRange(list.Select(e => (e.Id, e.Registration, e.RegisteredOn, row.ParticipationDate ?? periodStart)));
            }
        }

        // In key order: on SQLite the rows (ids are time-ordered) and the primary-key index are then visited front to back.
        people.Sort((a, b) => a.Id.CompareTo(b.Id));
        engagements.Sort((a, b) => a.Id.CompareTo(b.Id));
        var now = importEvent.At;
        await BulkUpdate.SetAsync<Person>(db, [nameof(Person.Kpj), nameof(Person.ModifiedAt)],
            people.Select(p => ((object)p.Id, new object?[] { p.Kpj, now })), ct);
        await BulkUpdate.SetAsync<Engagement>(db, [nameof(Engagement.Registration), nameof(Engagement.RegisteredOn), nameof(Engagement.ModifiedAt)],
            engagements.Select(e => ((object)e.Id, new object?[] { RegistrationStatus.Registered, e.On, now })), ct);

        var kpjProperty = db.Model.FindEntityType(typeof(Person))!.GetProperty(nameof(Person.Kpj));
        var engagementType = db.Model.FindEntityType(typeof(Engagement))!;
        var registration = engagementType.GetProperty(nameof(Engagement.Registration));
        var registeredOn = engagementType.GetProperty(nameof(Engagement.RegisteredOn));
        AuditEvent Changed(string type, Guid id, string before, string after) => new()
        {
            TenantCode = importEvent.TenantCode,
            At = now,
            UserId = importEvent.UserId,
            UserName = importEvent.UserName,
            IpAddress = importEvent.IpAddress,
            Action = AuditActions.Updated,
            EntityType = type,
            EntityId = id.ToString(),
            Before = before,
            After = after,
        };

        IEnumerable<(IReadOnlyProperty, object?)> EngagementValues(RegistrationStatus status, DateOnly? on, DateOnly? other) =>
            on == other ? [(registration, status)] : [(registration, status), (registeredOn, on)];
        var events = people.Select(p => Changed(nameof(Person), p.Id,
                LindungDbContext.AuditSnapshot([(kpjProperty, null)]), LindungDbContext.AuditSnapshot([(kpjProperty, p.Kpj)])))
            .Concat(engagements.Select(e => Changed(nameof(Engagement), e.Id,
                LindungDbContext.AuditSnapshot(EngagementValues(e.Was, e.WasOn, e.On)),
                LindungDbContext.AuditSnapshot(EngagementValues(RegistrationStatus.Registered, e.On, e.WasOn)))));
        await BulkInsert.InsertAsync(db, events, ct);
        return (filled, differs, engagements.Count);
    }

    private static (int, int, int) Add((int, int, int) a, (int, int, int) b) => (a.Item1 + b.Item1, a.Item2 + b.Item2, a.Item3 + b.Item3);

    private static async Task<(int KpjFilled, int KpjDiffers, int Registered)> ApplyChunkAsync(LindungDbContext db, IReadOnlyList<BpjsStatus> chunk,
        DateOnly periodStart, CancellationToken ct)
    {
        int filled = 0, differs = 0, registered = 0;
        var ids = chunk.Select(r => r.PersonId!.Value).Distinct().ToList();
        var people = await db.People.Include(p => p.Engagements).Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        foreach (var row in chunk)
        {
            var person = people[row.PersonId!.Value];
            if (row.Kpj is { } kpj)
            {
                if (person.Kpj is null)
                {
                    person.Kpj = kpj;
                    filled++;
                }
                else if (!string.Equals(person.Kpj, kpj, StringComparison.Ordinal))
                {
                    differs++;
                }
            }

            if (!row.Active)
            {
                continue;
            }

            foreach (var e in person.Engagements.Where(e => e.Verification == VerificationStatus.Verified
                         && (e.EndDate is null || e.EndDate >= periodStart) && e.Registration != RegistrationStatus.Registered))
            {
                e.Registration = RegistrationStatus.Registered;
                e.RegisteredOn = row.ParticipationDate ?? periodStart;
                registered++;
            }
        }

        return (filled, differs, registered);
    }

    /// <summary>Status words BPJS lists use for an active participant; anything else counts as not active.</summary>
    public static bool IsActive(string? status)
    {
        // As HeaderMap.Key compares (letters and digits only, upper case), without a string per row: twice per BPJS row.
        Span<char> key = stackalloc char[16];
        var length = 0;
        foreach (var c in (status ?? "").AsSpan())
        {
            if (char.IsLetterOrDigit(c))
            {
                if (length == key.Length)
                {
                    return false;
                }

                key[length++] = char.ToUpperInvariant(c);
            }
        }

        return key[..length] is "AKTIF" or "AKTIP" or "A" or "1" or "YA" or "ACTIVE" or "PESERTAAKTIF";
    }
}
