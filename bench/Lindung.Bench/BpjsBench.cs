using System.Diagnostics;
using System.Globalization;
using System.Text;
using Lindung.Core.Bpjs;
using Lindung.Core.Coverage;
using Lindung.Core.Data;
using Lindung.Core.Import;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Core.Registry.Protection;
using Lindung.Core.Registry.Validation;
using Lindung.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

/// <summary>BPJS reconciliation and coverage snapshot benchmarks (docs/performance.md, issue 5). Synthetic data only.</summary>
internal static class BpjsBench
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Brings a registry made by an older build up to the current schema, as the app does when it starts.</summary>
    public static async Task MigrateAsync(string dataDir)
    {
        await using var db = Open(dataDir);
        await DatabaseBootstrap.MigrateAsync(db, new DatabaseSettings { Provider = DatabaseProvider.Sqlite, DataDirectory = dataDir });
    }

    public static LindungDbContext Open(string dataDir, string user = "bench")
    {
        var settings = new DatabaseSettings { Provider = DatabaseProvider.Sqlite, DataDirectory = dataDir };
        var options = new DbContextOptionsBuilder<LindungDbContext>();
        settings.Apply(options);
        return new LindungDbContext(options.Options, new FixedActor("16.09", user), TimeProvider.System);
    }

    /// <summary>
    /// An N-row list in BPJS's layout from the registry: 90% the registry's NIK (95% of them AKTIF), 7% the NIK with
    /// one digit of the sequence part mistyped (same name, birth date and sex: the fuzzy stage's work), 3% people the
    /// registry does not know. Deterministic (seed 5).
    /// </summary>
    public static async Task<int> GenerateAsync(string dataDir, string file, int n)
    {
        var sw = Stopwatch.StartNew();
        var protector = NikProtector.FromSettings(null, dataDir);
        await using var db = Open(dataDir);
        var people = await db.People.AsNoTracking().OrderBy(p => p.Id).Take(n)
            .Select(p => new { p.NikCipher, p.FullName, p.BirthDate, p.Sex }).ToListAsync();
        var niks = people.Select(p => protector.Decrypt(p.NikCipher)).ToList();
        var known = niks.ToHashSet(StringComparer.Ordinal);
        var random = new Random(5);
        int exact = 0, typo = 0, absent = 0;
        await using (var w = new StreamWriter(file, false, new UTF8Encoding(false), 1 << 20))
        {
            w.Write("No KPJ;NIK;Nama Peserta;Tgl Lahir;JK;Status Kepesertaan;Tgl Kepesertaan;Periode Iuran Terakhir\n");
            for (var i = 0; i < n; i++)
            {
                var roll = random.Next(100);
                string nik, name;
                DateOnly birth;
                char sex;
                if (roll < 97 && i < people.Count)
                {
                    var p = people[i];
                    (nik, name, birth, sex) = (niks[i], p.FullName.ToUpperInvariant(), p.BirthDate, p.Sex);
                    if (roll >= 90)
                    {
                        // One digit of the 4-digit sequence mistyped, never into another registry NIK.
                        var chars = nik.ToCharArray();
                        do
                        {
                            var at = 12 + random.Next(4);
                            chars[at] = (char)('0' + ((chars[at] - '0' + 1 + random.Next(9)) % 10));
                        }
                        while (known.Contains(new string(chars)));
                        nik = new string(chars);
                        typo++;
                    }
                    else
                    {
                        exact++;
                    }
                }
                else
                {
                    do
                    {
                        nik = "9971" + random.NextInt64(100_000_000_000, 999_999_999_999).ToString(Inv);
                    }
                    while (known.Contains(nik));
                    name = "PESERTA LUAR " + i.ToString(Inv);
                    birth = new DateOnly(1960 + random.Next(45), 1 + random.Next(12), 1 + random.Next(28));
                    sex = random.Next(2) == 0 ? 'L' : 'P';
                    absent++;
                }

                var status = random.Next(100) < 95 ? "AKTIF" : "NON AKTIF";
                w.Write(string.Create(Inv, $"{25_000_000_000L + i};{nik};{name};{birth:dd-MM-yyyy};{sex};{status};01-01-2025;2026-10\n"));
            }
        }

        Console.WriteLine(string.Create(Inv,
            $"bpjs-gen rows={n} registry={people.Count} exact={exact} typo={typo} absent={absent} bytes={new FileInfo(file).Length} seconds={sw.Elapsed.TotalSeconds:F2}"));
        return 0;
    }

    public static async Task<int> ImportAsync(string dataDir, string file, string period)
    {
        await MigrateAsync(dataDir);
        var protector = NikProtector.FromSettings(null, dataDir);
        await using var db = Open(dataDir, "bench.koordinator");
        var sw = Stopwatch.StartNew();
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var importer = new BpjsStatusImporter(db, protector, SpreadsheetLimits.Default with { MaxFileBytes = long.MaxValue });
        using var progress = new Timer(_ =>
        {
            var p = importer.Timings;
            Console.Error.WriteLine(string.Create(Inv,
                $"  [{sw.Elapsed.TotalSeconds:F0}s] loadRegistry={p.LoadRegistry.TotalSeconds:F2} readFile={p.ReadFile.TotalSeconds:F2} exact={p.Exact.TotalSeconds:F2} exactCpu={p.ExactCpu.TotalSeconds:F2} fuzzy={p.Fuzzy.TotalSeconds:F2} fuzzyCpu={p.FuzzyCpu.TotalSeconds:F2} residue={p.Residue} write={p.Write.TotalSeconds:F2} machineLoad={(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg")[..14] : "?")}"));
        }, null, 15_000, 15_000);
        // BENCH_EXACT_ONLY=1: print the exact stage and end the process as soon as that stage is over (the import's
        // transaction is never committed, so the registry copy can be used again): for measuring that stage alone.
        // BENCH_MATCH_ONLY=1: the same after the fuzzy stage (both matching stages as the import runs them).
        var exactOnly = Environment.GetEnvironmentVariable("BENCH_EXACT_ONLY") == "1";
        var matchOnly = Environment.GetEnvironmentVariable("BENCH_MATCH_ONLY") == "1";
        var stopped = 0;
        using var stopEarly = exactOnly || matchOnly ? new Timer(_ =>
        {
            var p = importer.Timings;
            if ((exactOnly ? p.Exact : p.Fuzzy) > TimeSpan.Zero && Interlocked.Exchange(ref stopped, 1) == 0)
            {
                Console.WriteLine(string.Create(Inv,
                    $"bpjs-{(exactOnly ? "exact" : "match")} loadRegistry={p.LoadRegistry.TotalSeconds:F2} readFile={p.ReadFile.TotalSeconds:F2} exactStage={p.Exact.TotalSeconds:F2} exactCpu={p.ExactCpu.TotalSeconds:F2} residue={p.Residue} fuzzyStage={p.Fuzzy.TotalSeconds:F2} fuzzyCpu={p.FuzzyCpu.TotalSeconds:F2} gen0={GC.CollectionCount(0)} gen1={GC.CollectionCount(1)} gen2={GC.CollectionCount(2)} pauseSeconds={GC.GetTotalPauseDuration().TotalSeconds:F2} peakMB={Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} load={File.ReadAllText("/proc/loadavg")[..14]}"));
                Environment.Exit(0);
            }
        }, null, 20, 20) : null;
        var r = await importer.RunAsync(stream, Path.GetFileName(file), period);
        var t = importer.Timings;
        Console.WriteLine(string.Create(Inv,
            $"bpjs-import rows={r.Rows} exact={r.MatchedExact} fuzzy={r.MatchedFuzzy} review={r.NeedsReview} unmatched={r.Unmatched} active={r.Active} unchanged={r.Unchanged} kpjFilled={r.KpjFilled} registered={r.Registered}"));
        Console.WriteLine(string.Create(Inv,
            $"bpjs-import seconds={sw.Elapsed.TotalSeconds:F2} hashFile={t.HashFile.TotalSeconds:F2} loadRegistry={t.LoadRegistry.TotalSeconds:F2} readFile={t.ReadFile.TotalSeconds:F2} exactStage={t.Exact.TotalSeconds:F2} exactCpu={t.ExactCpu.TotalSeconds:F2} fuzzyStage={t.Fuzzy.TotalSeconds:F2} fuzzyCpu={t.FuzzyCpu.TotalSeconds:F2} residue={t.Residue} writeRows={t.Write.TotalSeconds:F2} applyToRegistry={t.Apply.TotalSeconds:F2} commit={t.Commit.TotalSeconds:F2} peakMB={Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024}"));
        return 0;
    }

    /// <summary>
    /// Only the fuzzy stage of an import (issue 5): the residue of FILE after the exact stage (computed once and cached
    /// in DATADIR/fuzzy-residue.tsv), then — timed — the candidates loaded and every residue row matched as the importer
    /// does. Prints a digest of all decisions so that two versions of the matcher can be compared on the same data.
    /// </summary>
    public static async Task<int> FuzzyAsync(string dataDir, string file)
    {
        var protector = NikProtector.FromSettings(null, dataDir);
        await using (var setup = Open(dataDir))
        {
            // A registry made by an older build: bring its schema up to date (adds columns, never rewrites rows).
            await DatabaseBootstrap.MigrateAsync(setup, new DatabaseSettings { Provider = DatabaseProvider.Sqlite, DataDirectory = dataDir });
        }

        await using var db = Open(dataDir, "bench.koordinator");
        var cache = Path.Combine(dataDir, "fuzzy-residue.tsv");
        if (!File.Exists(cache))
        {
            var byHash = await BpjsFile.NikIndexAsync(db, CancellationToken.None);
            await using var w = new StreamWriter(cache + ".tmp", false, new UTF8Encoding(false));
            foreach (var line in File.ReadLines(file).Skip(1))
            {
                var c = line.Split(';');
                var nik = BpjsMatcher.Digits(c[1]);
                if (nik.Length == 16 && byHash.TryGetValue(protector.Hash(nik), out _))
                {
                    continue;
                }

                w.Write(string.Create(Inv, $"{nik}\t{c[2]}\t{c[3]}\t{c[4]}\n"));
            }

            w.Close();
            File.Move(cache + ".tmp", cache);
        }

        var residue = File.ReadLines(cache).Select(l => l.Split('\t')).Select(c => new BpjsPersonRow(c[0], c[1],
            DateParsing.TryParse(c[2], out var b) ? b : null, FieldParsing.ParseSex(c[3]))).ToList();
        string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg")[..14] : "?";
        // BENCH_STAGED=1: the candidates as a large import gets them — staged by the NIK index's scan (not timed here: it is
        // part of the exact stage) and only packed in the timed part.
        var staged = Environment.GetEnvironmentVariable("BENCH_STAGED") == "1"
            ? (await BpjsFile.NikIndexAsync(db, protector, CancellationToken.None)).TakeCandidates()
            : null;
        var loadBefore = Load();
        var sw = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var settings = await MatchSettingsStore.LoadAsync(db, CancellationToken.None);
        var bornOn = staged is not null
            ? RegistryCandidates.FromStaged(staged, residue, settings, CancellationToken.None)
            : await RegistryCandidates.LoadAsync(db, protector, residue, settings, CancellationToken.None);
        var loaded = sw.Elapsed;
        var loadedCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine(string.Create(Inv, $"loaded gcPause={GC.GetTotalPauseDuration().TotalSeconds:F2} gen0={GC.CollectionCount(0)} gen1={GC.CollectionCount(1)} gen2={GC.CollectionCount(2)}"));
        if (Environment.GetEnvironmentVariable("LINDUNG_BENCH_DETAIL") == "1")
        {
            // Where the time goes (not part of the measured figure's meaning: it moves the name preparation earlier).
            var t0 = Stopwatch.StartNew();
            var c0 = Process.GetCurrentProcess().TotalProcessorTime;
            var people = bornOn.Values.SelectMany(v => v).ToArray();
            Parallel.For(0, people.Length, i => _ = people[i].NameProfile);
            Console.WriteLine(string.Create(Inv,
                $"detail profiles={people.Length} seconds={t0.Elapsed.TotalSeconds:F2} cpuSeconds={(Process.GetCurrentProcess().TotalProcessorTime - c0).TotalSeconds:F2}"));
            long bounds = 0, passed = 0;
            foreach (var row in residue.Take(10_000))
            {
                var profile = NameProfile.Of(NameSimilarity.Normalize(row.Name));
                if (row.BirthDate is not { } day)
                {
                    continue;
                }

                foreach (var p in new[] { 'L', 'P' }.SelectMany(x => bornOn.TryGetValue((day, x), out var l) ? l : []))
                {
                    bounds++;
                    passed += NameSimilarity.UpperBound(profile, p.NameProfile) >= settings.ReviewNameScore ? 1 : 0;
                }
            }

            Console.WriteLine(string.Create(Inv, $"detail sample=10000 bounds={bounds} passed={passed}"));
            loaded = sw.Elapsed;
            loadedCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        }

        var matcher = new BpjsMatcher(settings, _ => null, (day, sex) => bornOn.TryGetValue((day, sex), out var block) ? block : default);
        var decisions = matcher.MatchAll(residue, CancellationToken.None);
        var total = sw.Elapsed;
        var totalCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;

        var digest = new StringBuilder();
        foreach (var d in decisions)
        {
            digest.Append(string.Create(Inv, $"{d.Kind}|{d.PersonId}|{d.NameScore}|{d.Explanation}|{string.Join(',', d.Candidates)}\n"));
        }

        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(digest.ToString())))[..16];
        Console.WriteLine(string.Create(Inv,
            $"fuzzy residue={residue.Count} candidates={bornOn.Values.Sum(v => v.Count)} fuzzy={decisions.Count(d => d.Kind == MatchKind.Fuzzy)} review={decisions.Count(d => d.Kind == MatchKind.NeedsReview)} unmatched={decisions.Count(d => d.Kind == MatchKind.Unmatched)} digest={hash}"));
        Console.WriteLine(string.Create(Inv,
            $"fuzzy seconds={total.TotalSeconds:F2} cpuSeconds={totalCpu.TotalSeconds:F2} loadCandidates={loaded.TotalSeconds:F2} loadCandidatesCpu={loadedCpu.TotalSeconds:F2} match={(total - loaded).TotalSeconds:F2} matchCpu={(totalCpu - loadedCpu).TotalSeconds:F2} peakMB={Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} gcPause={GC.GetTotalPauseDuration().TotalSeconds:F2} gen2={GC.CollectionCount(2)} loadavgBefore={loadBefore} loadavgAfter={Load()}"));
        return 0;
    }

    /// <summary>
    /// One month's snapshot taken again (that month's stored snapshot deleted first, so it can be repeated on the same
    /// copy), timed, with a digest of its contents in the order produced (to compare two versions of the service).
    /// </summary>
    public static async Task<int> SnapshotOnceAsync(string dataDir, string period, DateOnly today)
    {
        await using (var setup = Open(dataDir))
        {
            await DatabaseBootstrap.MigrateAsync(setup, new DatabaseSettings { Provider = DatabaseProvider.Sqlite, DataDirectory = dataDir });
            var old = await setup.CoverageSnapshots.Where(x => x.Period == period).Select(x => x.Id).ToListAsync();
            await setup.Set<CoverageSnapshotGroup>().Where(g => old.Contains(g.SnapshotId)).ExecuteDeleteAsync();
            await setup.CoverageSnapshots.Where(x => x.Period == period).ExecuteDeleteAsync();
        }

        string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg")[..14] : "?";
        await using var db = Open(dataDir, "system:snapshot");
        var loadBefore = Load();
        var sw = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var (s, frozen) = await new CoverageService(db).ForAsync(period, today);
        var seconds = sw.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var digest = new StringBuilder(string.Create(Inv, $"{s.Period}|{s.Eligible}|{s.Active}|{s.Source}\n"));
        foreach (var g in s.Groups)
        {
            digest.Append(string.Create(Inv, $"{g.Dimension}|{g.Key}|{g.Label}|{g.Eligible}|{g.Active}\n"));
        }

        var sorted = string.Join('\n', digest.ToString().Split('\n').Order(StringComparer.Ordinal));
        Console.WriteLine(string.Create(Inv,
            $"snapshot-once period={period} eligible={s.Eligible} active={s.Active} source={s.Source} groups={s.Groups.Count} frozen={frozen} seconds={seconds:F2} cpuSeconds={cpuSeconds:F2} peakMB={Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} gcPause={GC.GetTotalPauseDuration().TotalSeconds:F2} loadavgBefore={loadBefore} loadavgAfter={Load()} digest={Hash(digest.ToString())} sortedDigest={Hash(sorted)}"));
        return 0;

        static string Hash(string text) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    /// <summary>The exact stage's pieces one by one, each with wall and process CPU time (docs/performance.md).</summary>
    public static async Task<int> ProfileExactAsync(string dataDir, string file)
    {
        await MigrateAsync(dataDir);
        var protector = NikProtector.FromSettings(null, dataDir);
        await using var db = Open(dataDir);
        async Task<T> Time<T>(string what, Func<Task<T>> step)
        {
            var sw = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var result = await step();
            Console.WriteLine(string.Create(Inv,
                $"bpjs-prof {what} seconds={sw.Elapsed.TotalSeconds:F2} cpuSeconds={(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F2} result={result}"));
            return result;
        }

        await Time("analyze", async () => { await QueryPlannerStatistics.RefreshAsync(db); return 0; });
        var index = await Time("nikIndex", () => BpjsFile.NikIndexAsync(db, default));
        index.Clear();
        int Rows(Action<ISheetReader> perRow)
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            using var reader = SpreadsheetFiles.Open(stream, file, null, SpreadsheetLimits.Default with { MaxFileBytes = long.MaxValue });
            reader.Read();
            var n = 0;
            while (reader.Read())
            {
                perRow(reader);
                n++;
            }

            return n;
        }

        await Time("readFile", () => Task.FromResult(Rows(_ => { })));
        await Time("readAndCellText", () => Task.FromResult(Rows(r =>
        {
            for (var i = 0; i < r.Cells.Count; i++)
            {
                _ = r.Cells[i].Text;
            }
        })));
        await Time("readAndHash", () => Task.FromResult(Rows(r => protector.Hash(BpjsMatcher.Digits(r.Cells[1].Text)))));
        await Time("readAndTrim", () => Task.FromResult(Rows(r =>
        {
            for (var i = 0; i < r.Cells.Count; i++)
            {
                _ = r.Cells[i].Text?.Trim();
            }
        })));
        await Time("readAndDates", () => Task.FromResult(Rows(r =>
        {
            _ = Lindung.Core.Registry.Validation.DateParsing.TryParse(r.Cells[3].Text, out _);
            _ = Lindung.Core.Registry.Validation.DateParsing.TryParse(r.Cells[6].Text, out _);
        })));
        await Time("readAndStatusSexMask", () => Task.FromResult(Rows(r =>
        {
            _ = BpjsStatusImporter.IsActive(r.Cells[5].Text);
            _ = Lindung.Core.Registry.Validation.FieldParsing.ParseSex(r.Cells[4].Text);
            _ = NikProtector.Mask(BpjsMatcher.Digits(r.Cells[1].Text));
        })));
        return 0;
    }

    public static async Task<int> SnapshotsAsync(string dataDir, DateOnly today)
    {
        await MigrateAsync(dataDir);
        var first = new DateOnly(today.Year, today.Month, 1);
        for (var back = 12; back >= 1; back--)
        {
            var period = first.AddMonths(-back).ToString("yyyy-MM", Inv);
            await using var db = Open(dataDir, "system:snapshot");
            var sw = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var (s, frozen) = await new CoverageService(db).ForAsync(period, today);
            Console.WriteLine(string.Create(Inv,
                $"snapshot period={period} eligible={s.Eligible} active={s.Active} source={s.Source} groups={s.Groups.Count} frozen={frozen} seconds={sw.Elapsed.TotalSeconds:F2} cpuSeconds={(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F2} peakMB={Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024}"));
        }

        return 0;
    }
}
